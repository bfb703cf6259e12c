"""Keep the app's translations in step with the source (run by ``scripts/update-translations``).

1. ``lupdate`` (from the PySide6-Essentials wheel) reads every ``tr("…")`` in ``ui/``.
2. Engine messages are ``_("…")`` calls in ``collector/`` and ``ui/`` (plus the plain-text
   tables ``TOPICS`` of ``collector/topics.py`` and ``SYMPTOMS`` of ``collector/request/model.py``);
   they are found with ``ast`` and handed to the same ``lupdate`` run as
   ``translate("collector", …)`` lines of a stub file, so they land in context ``collector`` and
   keep their translations across runs.
3. ``lrelease`` compiles each ``.ts`` to the ``.qm`` the app loads (not kept in git; the app also
   builds it on first run when missing or stale).

``--release`` only compiles; ``--check`` also fails when a message has no translation or a
translated engine message lost one of its ``{placeholders}``.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

ENGINE = REPO / "collector"
UI = REPO / "ui"
# Plain-str tables the GUI shows, by module.
ENGINE_TABLES = {"collector/topics.py": ("TOPICS",), "collector/request/model.py": ("SYMPTOMS",)}
LANGS = ("en",)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def engine_templates() -> list[str]:
    """Every template passed to ``collector.i18n._`` (first positional string argument) in the
    engine, and in the GUI where it builds engine-style messages in worker threads."""
    found: dict[str, None] = {}
    for path in sorted([*ENGINE.rglob("*.py"), *UI.rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = None
        for name in ENGINE_TABLES.get(path.relative_to(REPO).as_posix(), ()):
            for node in tree.body:
                target = node.targets[0] if isinstance(node, ast.Assign) else \
                    node.target if isinstance(node, ast.AnnAssign) else None
                if isinstance(target, ast.Name) and target.id == name and \
                        isinstance(node.value, ast.Dict):
                    for v in node.value.values:
                        if isinstance(v, ast.Constant) and isinstance(v.value, str):
                            found[v.value] = None
    return list(found)


def tool(name: str) -> Path:
    from ui.i18n import tool_path

    path = tool_path(name)
    if path is None:
        raise SystemExit(f"{name} not found in the PySide6 wheel: install PySide6-Essentials")
    return path


def update(ts: Path, lang: str) -> None:
    templates = engine_templates()
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / "collector_messages.py"
        stub.write_text("".join(f"translate({'collector'!r}, {t!r})\n" for t in templates),
                        encoding="utf-8")
        sources = [*sorted(str(p) for p in UI.rglob("*.py")), str(stub)]
        lst = Path(tmp) / "sources.lst"
        lst.write_text("\n".join(sources), encoding="utf-8")
        subprocess.run([str(tool("lupdate")), f"@{lst}", "-source-language", "ru",
                        "-target-language", lang, "-locations", "none", "-no-obsolete",
                        "-silent", "-ts", str(ts)], check=True)
    seen = {src for ctx, src, _c, _t, _k in messages(ts) if ctx == "collector"}
    lost = [t for t in templates if t not in seen]
    if lost:
        raise SystemExit(f"lupdate did not take {len(lost)} engine messages, e.g. {lost[0]!r}")


def messages(ts: Path) -> list[tuple[str, str, str, str, str]]:
    """(context, source, comment, translation, kind) of every message."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = (tr.get("type") if tr is not None else "unfinished") or "finished"
            out.append((name, msg.findtext("source") or "", msg.findtext("comment") or "",
                        (tr.text or "") if tr is not None else "", kind))
    return out


def check(ts: Path) -> list[str]:
    problems = []
    for ctx, src, _c, text, kind in messages(ts):
        where = f"{ts.name} [{ctx or 'ui'}] {src[:60]!r}"
        if kind == "unfinished" or not text:
            problems.append(f"{where}: not translated")
            continue
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{where}: placeholders differ in {text[:60]!r}")
        if "&" in src and src.count("&") != text.count("&") and ctx != "collector":
            problems.append(f"{where}: mnemonic (&) missing in {text[:60]!r}")
    return problems


def release(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([str(tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--release", action="store_true", help="only compile .ts → .qm")
    ap.add_argument("--check", action="store_true",
                    help="fail on untranslated messages or broken placeholders")
    args = ap.parse_args(argv)
    from ui.i18n import ts_path

    status = 0
    for lang in LANGS:
        ts = ts_path(lang)
        if not args.release:
            update(ts, lang)
        qm = release(ts)
        msgs = messages(ts)
        todo = sum(1 for m in msgs if m[4] == "unfinished" or not m[3])
        print(f"{ts.relative_to(REPO)}: {len(msgs)} messages, {todo} untranslated → "
              f"{qm.relative_to(REPO)}")
        if args.check:
            problems = check(ts)
            for p in problems[:40]:
                print("  " + p)
            if problems:
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
