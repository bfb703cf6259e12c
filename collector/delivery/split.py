"""A bundle too big for the intake still becomes exactly one task: a small bundle (everything but
the database) goes to the intake with the text, and the whole bundle follows by the large-file
channel, tied to the task by its number.

- :func:`small_bundle` writes a real bundle with the bundle writer (same password, its own
  manifest and ``.sha256``, verified after writing) from the entries of the big one, leaving out
  ``database/``; when even that is over the limit, only the request and the facts (manifest,
  request, GBS.ID, system, configs).
- :func:`mail_volumes` cuts the whole bundle into volumes that fit one e-mail each (plain byte
  splits, like 7-Zip's ``-v``: ``cat X.7z.001 X.7z.002 … > X.7z``), checking the bytes against
  the bundle's ``.sha256`` as it reads them, and writes their own ``.sha256``.

The whole bundle, not a database-only one, is the large part: re-packing the database would
decompress and compress it again (minutes for a big one), while the small part it repeats is a
few megabytes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
from pathlib import Path

from collector.delivery.bundlefile import BundleFiles, find_bundle, sidecar_hashes
from collector.delivery.integrity import SendHasher, tampered
from collector.errors import Cancelled, CollectorError
from collector.i18n import _

SMALL_SUFFIX = "_no-db"
LEFT_OUT_PREFIX = "database/"
CORE = ("manifest.json", "request.txt", "request.json", "gbs_id.txt", "gbs_id_qr.png",
        "system.json")
BLOCK = 1 << 20


def small_name(files: BundleFiles) -> str:
    stem = files.name[:-3] if files.name.endswith(".7z") else files.name
    return f"{stem}{SMALL_SUFFIX}.7z"


def _valid(existing: BundleFiles) -> bool:
    known = sidecar_hashes(existing)
    if not all(p.name in known for p in existing.parts):
        return False
    from collector.bundle import sha256_of_file

    return all(sha256_of_file(p) == known[p.name] for p in existing.parts)


def small_bundle(files: BundleFiles, out_dir: Path, limit: int, password: str | None = None,
                 manifest: dict | None = None, cancel: threading.Event | None = None
                 ) -> tuple[BundleFiles, list[str]]:
    """The small bundle in ``out_dir`` and the entries it leaves out; ``manifest`` is the big
    bundle's (``BundleInfo.manifest``). A valid one made before for the same bundle is reused.
    Raises ``CollectorError`` (Russian) when the big bundle cannot be read (encrypted without
    its password, damaged) or nothing small enough is left."""
    import py7zr

    from collector.bundle import BundleWriter, JoinedReader

    out_dir.mkdir(parents=True, exist_ok=True)
    name = small_name(files)
    target = out_dir / name
    if target.is_file():
        existing = find_bundle(target)
        if existing.total_size <= limit and _valid(existing):
            return existing, _left_out_of(existing)
        for p in [*existing.parts, existing.sidecar]:
            p.unlink(missing_ok=True)

    src = JoinedReader(files.parts) if files.is_volumes else files.parts[0]
    with tempfile.TemporaryDirectory(prefix="gbs-small-", dir=out_dir) as tmp:
        tmpdir = Path(tmp)
        try:
            with py7zr.SevenZipFile(src, mode="r", password=password) as z:
                entries = [(i.filename, i.uncompressed) for i in z.list() if not i.is_directory]
                keep = [(n, s) for n, s in entries
                        if n != "manifest.json" and not n.startswith(LEFT_OUT_PREFIX)]
                if sum(s for _n, s in keep) > limit:  # an upper bound: compressed it is less
                    keep = [(n, s) for n, s in keep if n in CORE or n.startswith("config/")]
                names = [n for n, _s in keep]
                z.extract(path=tmpdir, targets=names)
        except py7zr.PasswordRequired as exc:
            raise CollectorError(_("Архив зашифрован: чтобы отправить его частями, нужен пароль "
                                   "архива.")) from exc
        except Exception as exc:  # py7zr: TypeError/KeyError/… on a wrong password or damage
            raise CollectorError(_("Архив {name} не читается: неверный пароль архива или архив "
                                   "повреждён.", name=files.name)) from exc
        finally:
            if isinstance(src, JoinedReader):
                src.close()
        left_out = [n for n, _s in entries if n != "manifest.json" and n not in names]
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        manifest = dict(manifest) if isinstance(manifest, dict) else {}
        manifest["split"] = {"from": files.name, "left_out": left_out,
                             "why": "over the intake size limit; the whole bundle follows"}
        with BundleWriter(out_dir, name, password=password, cancel=cancel) as w:
            for n in names:
                w.add_file(tmpdir / n, n)
            w.finish(manifest)
    small = find_bundle(target)
    if small.total_size > limit:
        for p in [*small.parts, small.sidecar]:
            p.unlink(missing_ok=True)
        raise CollectorError(_("Даже без базы данных архив больше предела приёма обращений."))
    return small, left_out


def _left_out_of(small: BundleFiles) -> list[str]:
    from collector.delivery.bundlefile import read_members

    try:
        data = read_members(small, ["manifest.json"])
        manifest = json.loads(data["manifest.json"].decode("utf-8-sig"))
        return list(manifest.get("split", {}).get("left_out", []))
    except (CollectorError, KeyError, ValueError, AttributeError):
        return []


def mail_volumes(files: BundleFiles, out_dir: Path, volume_size: int, expected: dict[str, str],
                 cancel: threading.Event | None = None) -> BundleFiles:
    """The bundle as volumes of at most ``volume_size`` bytes (the bundle itself when its parts
    already fit). The source bytes are checked against ``expected`` as they are read."""
    if all(p.stat().st_size <= volume_size for p in files.parts):
        return files
    if out_dir.resolve() == files.parts[0].parent.resolve():
        raise ValueError("mail volumes go to a work folder, not beside the bundle")
    out_dir.mkdir(parents=True, exist_ok=True)
    base = out_dir / files.name
    for old in out_dir.glob(files.name + ".*"):
        old.unlink()
    lines = []
    index = 0
    out = None
    room = 0
    h = hashlib.sha256()
    try:
        for part in files.parts:
            hasher = SendHasher(part, expected[part.name])
            with open(part, "rb") as f:
                while block := f.read(BLOCK):
                    if cancel is not None and cancel.is_set():
                        raise Cancelled()
                    hasher.feed(block)
                    view = memoryview(block)
                    while view:
                        if out is None or room == 0:
                            if out is not None:
                                out.close()
                                lines.append(f"{h.hexdigest()}  {base.name}.{index:03d}\n")
                            index += 1
                            out = open(f"{base}.{index:03d}", "wb")  # noqa: SIM115
                            room, h = volume_size, hashlib.sha256()
                        take = view[:room]
                        out.write(take)
                        h.update(take)
                        room -= len(take)
                        view = view[len(take):]
            if hasher.pos != hasher.size:
                raise tampered(part.name)
        if out is not None:
            out.close()
            lines.append(f"{h.hexdigest()}  {base.name}.{index:03d}\n")
            out = None
        Path(f"{base}.sha256").write_text("".join(lines), encoding="utf-8")
    except BaseException:
        if out is not None:
            out.close()
        for p in out_dir.glob(files.name + ".*"):
            p.unlink(missing_ok=True)
        raise
    return find_bundle(f"{base}.001")


def remove_work(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
