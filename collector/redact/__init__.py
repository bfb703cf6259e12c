"""Secrets out of what leaves the PC: every file of a bundle, the tool's own log.

- :mod:`~collector.redact.keys` — which key names and values are secret;
- :mod:`~collector.redact.tokens` — consistent placeholders (``***secret-3***``) and the private
  map kept on this PC;
- :mod:`~collector.redact.text` — secrets in free text (log lines, connection strings, URLs) and,
  when asked, personal data;
- :mod:`~collector.redact.configs` — JSON, INI and XML configs;
- :mod:`~collector.redact.stream` — logs scrubbed while they stream into the archive;
- :mod:`~collector.redact.writer` — the bundle writer's scrubbing front;
- :mod:`~collector.redact.logfilter` — the tool's own log.
"""

from collector.redact.configs import RedactedFile, redact_config
from collector.redact.keys import is_secret_key, looks_secret
from collector.redact.logfilter import MASK, SecretFilter, register_secret, scrub
from collector.redact.stream import ScrubbingReader, sniff_encoding
from collector.redact.text import TextScrubber, scrub_text
from collector.redact.tokens import TOKEN_RE, TokenMap
from collector.redact.writer import RedactingWriter, entry_kind

__all__ = [
    "MASK",
    "TOKEN_RE",
    "RedactedFile",
    "RedactingWriter",
    "ScrubbingReader",
    "SecretFilter",
    "TextScrubber",
    "TokenMap",
    "entry_kind",
    "is_secret_key",
    "looks_secret",
    "redact_config",
    "register_secret",
    "scrub",
    "scrub_text",
    "sniff_encoding",
]
