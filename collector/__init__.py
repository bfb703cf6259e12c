"""GBS Support Collector engine: finds GBS.Market, gathers what support needs, packs it.

Nothing below this package imports Qt; the GUI lives in ``ui``.
"""

__version__ = "0.1.0"
