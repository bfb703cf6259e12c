"""Learning the configs' secrets before anything is written, so that a config's password is
replaced in the logs too (the logs are packed before the configs)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from collector.redact.configs import redact_config
from collector.redact.logfilter import register_secret
from collector.redact.text import TextScrubber
from collector.redact.writer import CONFIG_SUFFIXES, MAX_CONFIG_BYTES

PRIME = "(prime)"


def config_files(folders: Iterable[Path | None]) -> list[Path]:
    found = []
    for folder in folders:
        if folder is None:
            continue
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for p in entries:
            try:
                if p.suffix.lower() in CONFIG_SUFFIXES and p.is_file() \
                        and p.stat().st_size <= MAX_CONFIG_BYTES:
                    found.append(p)
            except OSError:
                continue
    return found


def learn_config_secrets(scrubber: TextScrubber, folders: Iterable[Path | None]) -> int:
    """Redact every config of ``folders`` once, keeping only what the token map learnt; the
    secrets are also kept out of the tool's own log. Returns how many secrets are known."""
    for path in config_files(folders):
        try:
            raw = path.read_bytes()
        except OSError:
            continue  # the configs step says so when it meets the file
        redact_config(raw, name=path.name, scrubber=scrubber, where=PRIME)
    scrubber.tokens.counts.pop(PRIME, None)
    for value in scrubber.tokens.literals()[1]:
        register_secret(value)
    return len(scrubber.tokens)
