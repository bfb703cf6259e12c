"""What the user chose besides the request form: saved in the draft's ``ui`` part, no secrets."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Extras:
    """The wizard's own choices: the page, logs, neighbouring days, screenshots made here, the
    review page's unticked files, and the technician's options (folder, volumes, time limits,
    password)."""

    page: str = "start"
    logs_included: bool = True
    logs_wanted: bool = False  # payment and cooperation questions: the logs only when asked
    around_days: int = 0
    screenshots: list[str] = field(default_factory=list)  # files we made (also in attachments)
    exclude: list[str] = field(default_factory=list)  # archive paths unticked on the review page
    out_dir: str = ""
    volume_mb: int = 0
    time_limits: dict[str, float] = field(default_factory=dict)
    use_program_backup: bool = False  # the live backup failed: take the program's own one
    hide_personal: bool = False  # phone numbers, e-mails, card numbers in logs → tokens
    confirmed_links: list[str] = field(default_factory=list)  # links the person agreed to follow
    password: str = ""  # never saved

    def to_draft(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("password")
        return d

    @classmethod
    def from_draft(cls, data: dict[str, Any]) -> Extras:
        known = {f.name for f in dataclasses.fields(cls)} - {"password"}
        e = cls(**{k: v for k, v in data.items() if k in known})
        e.screenshots = [s for s in e.screenshots if isinstance(s, str)]
        e.exclude = [s for s in e.exclude if isinstance(s, str)]
        return e
