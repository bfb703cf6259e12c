"""Fill English translations into the .ts for the given source texts (a maintainer's helper):
``python scripts/ts_fill.py 'Русский текст=English text' …`` — then scripts/update-translations."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "ui" / "translations" / "gbs_collector_en.ts"


def fill(pairs: dict[str, str], ts: Path = TS) -> int:
    text = ts.read_text(encoding="utf-8")
    done = 0
    for src, dst in pairs.items():
        pattern = re.compile(r"(<source>" + re.escape(html.escape(src, quote=False))
                             + r'</source>\s*(?:<comment>.*?</comment>\s*)?<translation)'
                             r' type="unfinished">[^<]*</translation>', re.S)
        replacement = ">" + html.escape(dst, quote=False) + "</translation>"
        text, n = pattern.subn(lambda m, r=replacement: m.group(1) + r, text)
        done += n
    ts.write_text(text, encoding="utf-8")
    return done


if __name__ == "__main__":
    pairs = dict(arg.split("=", 1) for arg in sys.argv[1:])
    print(f"{fill(pairs)} of {len(pairs)} filled")
