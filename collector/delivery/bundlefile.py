"""A bundle on disk as delivery sees it: its file(s), what its manifest says, their checksums.

The bundle is one ``.7z`` or volumes ``.7z.001``, ``.7z.002``… (plain byte splits of one archive).
Topic, version and GBS.ID come from ``manifest.json`` inside (DESIGN.md schema); when it cannot be
read (encrypted without the password, damaged) the file name still gives the GBS.ID prefix and the
problem date, so delivery never fails for want of metadata.
"""

from __future__ import annotations

import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from collector.bundle.volumes import JoinedReader
from collector.errors import CollectorError
from collector.i18n import _

_VOLUME = re.compile(r"^(?P<base>.+\.7z)\.(?P<num>\d{3,})$", re.IGNORECASE)
_NAME = re.compile(
    r"^GBS-Support_(?P<gbs>[0-9A-Za-z]{1,8}|NOID)_(?P<date>\d{4}-\d{2}-\d{2})_", re.IGNORECASE
)
TOPIC_TITLES = {
    "licensing": "Оплата и лицензирование",
    "errors": "Ошибки и технические вопросы",
    "cooperation": "Сотрудничество",
}


@dataclass
class BundleFiles:
    """The file(s) of one bundle: ``parts`` is one path, or the volumes in order."""

    name: str  # the archive's name without a volume suffix: GBS-Support_….7z
    parts: list[Path]

    @property
    def is_volumes(self) -> bool:
        return bool(_VOLUME.match(self.parts[0].name))

    @property
    def total_size(self) -> int:
        return sum(p.stat().st_size for p in self.parts)

    @property
    def sidecar(self) -> Path:
        return self.parts[0].with_name(self.name + ".sha256")


def find_bundle(path: str | os.PathLike[str]) -> BundleFiles:
    """``X.7z``, ``X.7z.001`` (or any volume) → the whole bundle; a gap in volumes is an error."""
    p = Path(path)
    m = _VOLUME.match(p.name)
    if m is None and not p.exists() and p.with_name(p.name + ".001").exists():
        p = p.with_name(p.name + ".001")
        m = _VOLUME.match(p.name)
    if m is None:
        if not p.is_file():
            raise CollectorError(_("Файл не найден: {path}", path=str(p)))
        return BundleFiles(p.name, [p])
    base, width = m["base"], len(m["num"])
    parts = []
    for n in range(1, 10 ** width):
        candidate = p.with_name(f"{base}.{n:0{width}d}")
        if not candidate.is_file():
            break
        parts.append(candidate)
    if not parts:
        raise CollectorError(_("Не найден первый том архива: {path}",
                               path=str(p.with_name(base + ".001"))))
    later = sorted(x for x in p.parent.glob(base + ".*")
                   if _VOLUME.match(x.name) and x not in parts)
    if later:
        raise CollectorError(_(
            "Не хватает тома архива {missing}: найдены тома после него ({found}). Скопируйте "
            "все тома в одну папку и повторите.",
            missing=f"{base}.{len(parts) + 1:0{width}d}", found=later[0].name))
    return BundleFiles(base, parts)


def read_members(files: BundleFiles, names: list[str], password: str | None = None,
                 limit: int = 64 << 20) -> dict[str, bytes]:
    """The named entries' bytes (those present). Raises ``CollectorError`` in Russian."""
    import py7zr
    from py7zr.io import BytesIOFactory

    src: io.RawIOBase | Path = JoinedReader(files.parts) if files.is_volumes else files.parts[0]
    try:
        with py7zr.SevenZipFile(src, mode="r", password=password) as z:
            present = [n for n in names if n in set(z.getnames())]
            if not present:
                return {}
            factory = BytesIOFactory(limit)
            z.extract(targets=present, factory=factory)
            out = {}
            for n in present:
                product = factory.get(n)
                product.seek(0)
                out[n] = product.read()
            return out
    except py7zr.PasswordRequired as exc:
        raise CollectorError(_("Архив зашифрован: нужен пароль архива.")) from exc
    except Exception as exc:  # py7zr raises TypeError/KeyError/… on a wrong password or damage
        if password:
            raise CollectorError(_("Архив {name} не читается: неверный пароль архива или архив "
                                   "повреждён.", name=files.name)) from exc
        raise CollectorError(_("Архив {name} не читается ({error}): возможно, он повреждён.",
                               name=files.name, error=type(exc).__name__)) from exc
    finally:
        if isinstance(src, io.RawIOBase):
            src.close()


@dataclass
class BundleInfo:
    """What delivery needs to say about a bundle: from the manifest, else from the file name."""

    gbs_id: str = ""
    topic: str = ""
    version: str = ""
    problem_date: str = ""
    previous_request: str = ""
    email: str = ""  # the contact e-mail of the form (request.json)
    mode: object = None  # ModeProgram of config/DataBase.json (0 Shop … 3 None)
    request_text: str | None = None
    manifest: dict | None = None
    problem: str | None = None  # why the manifest could not be read (Russian), if so
    extra: dict = field(default_factory=dict)
    # Made from a demo installation (collector.demo): the manifest's "demo", or, when it cannot
    # be read, the demo's GBS.ID in the file name. Demo bundles never go to a real server.
    demo: bool = False

    @property
    def build(self):
        """The build and country it was collected from (``collector.desk.BuildFacts``)."""
        from collector.desk import BuildFacts

        return BuildFacts.of_manifest(self.manifest)

    @property
    def topic_title(self) -> str:
        return TOPIC_TITLES.get(self.topic, self.topic or "Обращение в поддержку")


def info_from_name(name: str) -> BundleInfo:
    m = _NAME.match(name)
    if not m:
        return BundleInfo()
    gbs = "" if m["gbs"].upper() == "NOID" else m["gbs"]
    return BundleInfo(gbs_id=gbs, problem_date=m["date"])


def read_bundle_info(files: BundleFiles, password: str | None = None) -> BundleInfo:
    """Manifest and request text of the bundle; never raises for an unreadable archive."""
    from collector.demo import is_demo_id_prefix

    info = info_from_name(files.name)
    try:
        data = read_members(files, ["manifest.json", "request.txt", "request.json",
                                    "config/DataBase.json"], password)
    except CollectorError as exc:
        info.problem = exc.message
        info.demo = is_demo_id_prefix(info.gbs_id)
        return info
    if "manifest.json" in data:
        try:
            manifest = json.loads(data["manifest.json"].decode("utf-8-sig"))
        except ValueError:
            manifest = None
            info.problem = _("manifest.json в архиве повреждён.")
        if isinstance(manifest, dict):
            info.manifest = manifest
            info.gbs_id = str(manifest.get("gbs_id") or info.gbs_id)
            info.topic = str(manifest.get("topic") or "")
            market = manifest.get("gbs_market") or {}
            info.version = str(market.get("version") or "") if isinstance(market, dict) else ""
            info.problem_date = str(manifest.get("problem_date") or info.problem_date)
            # a manifest written before "demo" was recorded: the demo's GBS.ID tells
            info.demo = manifest["demo"] is True if "demo" in manifest else \
                is_demo_id_prefix(info.gbs_id.removeprefix("6:"))
    else:
        info.problem = _("В архиве нет manifest.json.")
    if info.manifest is None:
        info.demo = is_demo_id_prefix(info.gbs_id)
    if "request.json" in data:
        try:
            form = json.loads(data["request.json"].decode("utf-8-sig"))
            if isinstance(form, dict):
                info.previous_request = str(form.get("previous_request") or "")
                info.topic = info.topic or str(form.get("topic") or "")
                contact = form.get("contact")
                if isinstance(contact, dict):
                    info.email = str(contact.get("email") or "").strip()
        except ValueError:
            pass
    if "config/DataBase.json" in data:
        try:
            db = json.loads(data["config/DataBase.json"].decode("utf-8-sig"))
            info.mode = db.get("ModeProgram") if isinstance(db, dict) else None
        except ValueError:
            pass
    if "request.txt" in data:
        info.request_text = data["request.txt"].decode("utf-8-sig", errors="replace")
    return info


def sidecar_hashes(files: BundleFiles) -> dict[str, str]:
    """``name → sha256`` from ``<bundle>.sha256`` (sha256sum format), when it is there."""
    out: dict[str, str] = {}
    try:
        text = files.sidecar.read_text(encoding="utf-8-sig")
    except OSError:
        return out
    for line in text.splitlines():
        m = re.match(r"^([0-9a-fA-F]{64}) [ *](.+)$", line.strip())
        if m:
            out[Path(m[2].strip()).name] = m[1].lower()
    return out
