"""The desktop app: a PySide6 wizard «Подготовить обращение в поддержку» over the engine.

Nothing here re-implements engine logic: pages call ``collector.*`` and show what it says; every
slow call runs off the GUI thread (:mod:`ui.tasks`) and reports back through signals.
"""
