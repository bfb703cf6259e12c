"""An e-mail draft (``.eml`` with ``X-Unsent: 1``) carrying the bundle, for the user's mail client.

Subject "<topic> · GBS.Market <version> · <GBS.ID>", body = request.txt from the bundle (or given),
the archive attached. ``mail_limit_mb`` is the size of the whole message as sent (attachments grow
by a third in base64), as mail servers count it. Volumes that do not fit one message are spread
over several drafts ("письмо 1 из 3"), each within the limit. A single file over the limit is not
attached: if the bundle was uploaded, the draft carries its request code instead; otherwise the
user is told to upload it or build it in smaller volumes, and no draft is written.

"To" is the ``support_email`` setting, empty by default: the user fills it in the mail client.
With ``request_number`` (the whole bundle following a task the intake made) the subject starts
with «Обращение № N» and the body says the text is already at the desk. The attached bytes are
checked against the bundle's ``.sha256`` (``integrity``): a bundle changed since it was built is
never attached.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from collector.delivery.bundlefile import (
    BundleFiles,
    BundleInfo,
    find_bundle,
    read_bundle_info,
)
from collector.delivery.integrity import expected_hashes, read_verified
from collector.delivery.state import request_history
from collector.delivery.tus import DeliveryError
from collector.i18n import _

HEADROOM = 64 << 10  # headers, body and MIME boundaries of one message, generously
MB = 1 << 20


def encoded_size(n: int) -> int:
    """Bytes an attachment of ``n`` bytes takes in the message: base64, 76 characters + CRLF."""
    chars = 4 * math.ceil(n / 3)
    return chars + 2 * math.ceil(chars / 76)


def subject_for(info: BundleInfo, request_number: str = "") -> str:
    parts = [
        info.topic_title,
        f"{info.build.name} {info.version or _('версия не определена')}",
        info.gbs_id or _("GBS.ID не найден"),
    ]
    if request_number:
        parts.insert(0, _("Обращение № {number}", number=request_number))
    return " · ".join(parts)


def volume_room(limit_mb: float) -> int:
    """The most raw bytes one volume may have to fit a message of ``limit_mb`` with its text."""
    room = int(limit_mb * MB) - HEADROOM - encoded_size(64 << 10)
    return max(MB, room * 3 // 4 - 64)


@dataclass
class Draft:
    path: Path
    attachments: list[str]
    index: int = 1
    count: int = 1
    size: int = 0


@dataclass
class DraftResult:
    drafts: list[Draft]
    subject: str
    message: str  # what happened, Russian
    not_attached: list[str] = field(default_factory=list)
    request_code: str = ""

    def to_json(self) -> dict:
        return {
            "drafts": [{"path": str(d.path), "attachments": d.attachments, "size": d.size}
                       for d in self.drafts],
            "subject": self.subject, "message": self.message,
            "not_attached": self.not_attached, "request_code": self.request_code,
        }


def _known_code(files: BundleFiles, data_root: Path | None) -> tuple[str, str]:
    """The request number or upload code this bundle already has, and its channel."""
    for rc in reversed(request_history(data_root)):
        if rc.bundle == files.name:
            return rc.code, rc.channel
    return "", ""


def _group(parts: list[Path], room: int) -> list[list[Path]]:
    groups: list[list[Path]] = []
    used = room + 1
    for p in parts:
        size = encoded_size(p.stat().st_size)
        if used + size > room:
            groups.append([])
            used = 0
        groups[-1].append(p)
        used += size
    return groups


def _body(info: BundleInfo, files: BundleFiles, group: list[Path], index: int, count: int,
          code: str, request_text: str | None, channel: str = "tus") -> str:
    lines: list[str] = []
    if count > 1:
        names = ", ".join(p.name for p in group)
        lines.append(_("Письмо {index} из {count}: {names}.", index=index, count=count,
                       names=names))
        if index > 1:
            lines.append(_("Текст обращения — в письме 1 из {count}.", count=count))
    if code and channel == "intake":
        lines.append(_("Номер обращения: {code}. Текст обращения и архив без базы данных уже у "
                       "поддержки; в этом письме — полный архив {name}.", code=code,
                       name=files.name))
    elif code:
        lines.append(_("Код обращения: {code} (архив {name} загружен на сервер поддержки).",
                       code=code, name=files.name))
    if lines:
        lines.append("")
    if index == 1 or count == 1:
        if request_text:
            lines.append(request_text.rstrip("\n"))
        else:
            lines.append(_("Обращение в поддержку {product}. Описание проблемы — в файле "
                           "request.txt внутри приложенного архива.", product=info.build.name))
    return "\n".join(lines) + "\n"


def _message(subject: str, to: str, body: str, attach: list[Path],
             expected: dict[str, str] | None = None) -> bytes:
    msg = EmailMessage(policy=SMTP)
    if to:
        msg["To"] = to
    msg["Subject"] = subject
    msg["X-Unsent"] = "1"  # Outlook and Windows Mail open it as a draft ready to send
    msg.set_content(body, charset="utf-8")
    for p in attach:
        ctype = ("application", "x-7z-compressed") if p.name.endswith(".7z") else (
            "application", "octet-stream")
        data = read_verified(p, expected[p.name]) if expected is not None else p.read_bytes()
        msg.add_attachment(data, maintype=ctype[0], subtype=ctype[1], filename=p.name)
    return msg.as_bytes()


def write_drafts(bundle: BundleFiles | str | Path, *, out_dir: Path | None = None, to: str = "",
                 limit_mb: float = 25, request_text: str | None = None,
                 password: str | None = None, info: BundleInfo | None = None,
                 data_root: Path | None = None, request_number: str = "",
                 again: bool = False) -> DraftResult:
    """Drafts for ``bundle``. A bundle the desk already has (its request number is in the
    history) is refused unless ``again``: a second channel makes a second request."""
    files = bundle if isinstance(bundle, BundleFiles) else find_bundle(bundle)
    code, channel = _known_code(files, data_root)
    if request_number:
        code, channel = request_number, "intake"
    elif code and channel == "intake" and not again:
        raise DeliveryError(_(
            "Этот архив уже отправлен в поддержку: номер обращения {number}. Письмо с ним "
            "создало бы второе обращение. Если поддержка попросит прислать его ещё раз, "
            "используйте --again.", number=code))
    if info is None:
        info = read_bundle_info(files, password)
    if request_text is None:
        request_text = info.request_text
    subject = subject_for(info, code if channel == "intake" else "")
    limit = int(limit_mb * MB)
    room = limit - HEADROOM - encoded_size(len((request_text or "").encode("utf-8")) + 4096)
    out_dir = out_dir or files.parts[0].parent
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = files.name[:-3] if files.name.endswith(".7z") else files.name

    too_big = [p for p in files.parts if encoded_size(p.stat().st_size) > room]
    if too_big:
        p = too_big[0]
        size = p.stat().st_size
        if not code:
            volume_mb = max(1, int(room * 3 / 4 / MB))
            raise DeliveryError(_(
                "Файл {name} ({size} МБ, в письме займёт {mail} МБ) больше предела почты "
                "({limit} МБ), письмо не создано. Отправьте архив через интернет (кнопка "
                "«Отправить», команда: collector upload) или соберите его заново томами по "
                "{volume} МБ (--volume-size {volume}M) — тогда тома разойдутся по нескольким "
                "письмам.", name=p.name, size=_mb(size), mail=_mb(encoded_size(size)),
                limit=_mb(limit), volume=volume_mb))
        path = out_dir / f"{stem}.eml"
        body = _body(info, files, [], 1, 1, code, request_text, channel)
        data = _message(subject, to, body, [])
        path.write_bytes(data)
        return DraftResult(
            [Draft(path, [], size=len(data))], subject,
            _("Архив больше предела почты ({limit} МБ) и не приложен; он уже загружен на "
              "сервер поддержки, в письме указан код обращения {code}. Черновик: {path}",
              limit=_mb(limit), code=code, path=str(path)),
            not_attached=[p.name for p in files.parts], request_code=code)

    expected = expected_hashes(files, password)
    groups = _group(files.parts, room)
    drafts: list[Draft] = []
    for i, group in enumerate(groups, start=1):
        name = f"{stem}.eml" if len(groups) == 1 else f"{stem}.mail-{i}-of-{len(groups)}.eml"
        path = out_dir / name
        body = _body(info, files, group, i, len(groups), code, request_text, channel)
        subj = subject if len(groups) == 1 else f"{subject} · {i}/{len(groups)}"
        data = _message(subj, to, body, group, expected)
        if len(data) > limit:  # the estimate is generous; this guards it
            raise DeliveryError(_("Письмо {name} вышло больше предела почты.", name=name))
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        drafts.append(Draft(path, [p.name for p in group], i, len(groups), len(data)))
    if len(drafts) == 1:
        message = _("Черновик письма готов: {path}. Откройте его, проверьте адрес получателя "
                    "и отправьте.", path=str(drafts[0].path))
    else:
        message = _("Архив не помещается в одно письмо: подготовлено {count} черновика(ов), "
                    "отправьте все: {paths}", count=len(drafts),
                    paths=", ".join(str(d.path) for d in drafts))
    if not request_text:
        message += " " + _("Текст обращения не прочитан из архива ({problem}), в письме — "
                           "короткая заметка. Укажите пароль архива (--password-file) или "
                           "текст письма (--request).",
                           problem=(info.problem or _("нет request.txt")).rstrip("."))
    return DraftResult(drafts, subject, message, request_code=code)


def _mb(n: int) -> str:
    return f"{n / MB:.1f}".replace(".", ",")
