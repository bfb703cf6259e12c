"""Files laid out exactly as GBS_MARKET.md says the real GBS.Market writes them.

Written from the facts, not from :mod:`collector.demo` (the demo is checked against these, not the
other way round). Each writer names its section. No tests here.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

CRLF = "\r\n"  # NLog's and .NET's line end on Windows
VERSION = "6.6.12.2634"

# §3: header (all but performace.log), footer (two spaces), both followed by an empty line
HEADER = "----------NLog Starting---------\r\nApplication ver.: {version}\r\n\r\n"
FOOTER = "----------NLog  Ending-----------\r\n\r\n"


def stamp(t: datetime) -> str:
    """§3: ``dd.MM.yyyy HH:mm:ss.ffff``, local time."""
    return t.strftime("%d.%m.%Y %H:%M:%S.") + f"{t.microsecond // 100:04d}"


def at(day: date, h: int, m: int = 0, s: int = 0, frac: int = 0) -> datetime:
    """A moment of ``day``; ``frac`` in ten-thousandths of a second, as the log shows it."""
    return datetime.combine(day, time(h, m, s, frac * 100))


# --- §3: the main logger's files ---------------------------------------------------------------
def trace_line(t: datetime, level: str, callsite: str, message: str, exception: str = "") -> str:
    """trace.log (and error.log, egais.log): ``date | LEVEL | Class.Method | message |
    exception``; an empty exception column still leaves the separator's space."""
    return f"{stamp(t)} | {level} | {callsite} | {message} | {exception}{CRLF}"


def error_callsite(callsite: str, file: str | None = None, line: int | None = None) -> str:
    """error.log and egais.log: CallSite with ``fileName=true`` may end ``(file:line)``."""
    return f"{callsite}({file}:{line})" if file else callsite


def exception_json(class_name: str, message: str, log_message: str,
                   stack: list[str], inner: dict | None = None) -> str:
    """§3: the message column of an error the program logs: indented Newtonsoft JSON
    ``{"Exception": {…}, "Message": "…"}`` (.NET's serialised exception), its ``\\r\\n`` and ``\\n``
    escapes turned back into line breaks."""
    body = {
        "Exception": {
            "ClassName": class_name,
            "Message": message,
            "Data": None,
            "InnerException": inner,
            "HelpURL": None,
            "StackTraceString": "\r\n".join(stack),
            "RemoteStackTraceString": None,
            "RemoteStackIndex": 0,
            "ExceptionMethod": None,
            "HResult": -2146233088,
            "Source": "Market",
            "WatsonBuckets": None,
        },
        "Message": log_message,
    }
    text = json.dumps(body, ensure_ascii=False, indent=2).replace("\n", CRLF)
    return text.replace("\\r\\n", "\r\n").replace("\\n", "\n")


def inner_exception(class_name: str, message: str) -> dict:
    return {"ClassName": class_name, "Message": message, "Data": None, "InnerException": None,
            "HelpURL": None, "StackTraceString": None, "RemoteStackTraceString": None,
            "RemoteStackIndex": 0, "ExceptionMethod": None, "HResult": -2146233088,
            "Source": "FirebirdSql.Data.FirebirdClient", "WatsonBuckets": None}


def error_entry(t: datetime, callsite: str, json_message: str) -> str:
    """An error the program logs itself: the JSON in the message column, the exception column
    empty (so the entry's last line is ``} | ``)."""
    return trace_line(t, "ERROR", callsite, json_message)


def nlog_file(entries: list[str], *, version: str = VERSION, closed: bool = True) -> str:
    """One run's file: header, entries, footer (none while running or after a crash)."""
    return HEADER.format(version=version) + "".join(entries) + (FOOTER if closed else "")


def startup_lines(t: datetime, gbs_id: str, *, version: str = VERSION, bits: str = "x64",
                  recovered: bool = False, date_end: str = "31.12.2026") -> list[str]:
    """§3 trace.log start-up lines (Debug): the start, an unclean exit's recovery, the GBS.ID."""
    site = "SplashScreenViewModel.ApplicationLoad"
    lines = [trace_line(t, "DEBUG", site, f"Запуск программы. {version} ({bits})")]
    if recovered:
        lines.append(trace_line(t + timedelta(milliseconds=30), "DEBUG",
                                "SplashScreenViewModel.CheckCorrectExt",
                                "Работа восстановлена после аварийного завершения"))
    lines.append(trace_line(t + timedelta(seconds=2), "DEBUG",
                            "SplashScreenViewModel.WriteHwInfoToLog",
                            f"GBS.ID: {gbs_id}\r\nDate end: {date_end}"))
    return lines


def perf_line(t: datetime, callsite: str, message: str) -> str:
    """performace.log: ``date | CallSite | message `` — no level; no header, no footer."""
    return f"{stamp(t)} | {callsite} | {message} {CRLF}"


# --- §4: CRPT ----------------------------------------------------------------------------------
def crpt_line(t: datetime, level: str, message: str, exception: str = "") -> str:
    """``CRPT_logs\\yyyy-MM-dd.log``: ``date | LEVEL | message | exception`` (no call site)."""
    return f"{stamp(t)} | {level} | {message} | {exception}{CRLF}"


def zip_crpt_day(crpt_dir: Path, day: date, text: str) -> Path:
    """§4: a past day's CRPT log as the program leaves it: ``yyyy-MM-dd.zip`` with the log at
    the zip's root (UTF-8 names), the .log deleted."""
    import zipfile

    path = crpt_dir / f"{day.isoformat()}.zip"
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{day.isoformat()}.log", text.encode("utf-8"))
    return path


# --- §7: backup.log ----------------------------------------------------------------------------
def backup_run(start: str, finish: str, gbak_lines: list[str]) -> list[str]:
    """One backup's lines: 64 dashes, ``start HH:mm:ss``, gbak's -y output, ``finish HH:mm:ss``."""
    return ["-" * 64, f"start {start}", *gbak_lines, f"finish {finish}"]


def append_backup_log(path: Path, lines: list[str]) -> Path:
    """StreamWriter(append, Encoding.Unicode): UTF-16 LE, a BOM only when the file is new, CRLF
    after every line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = "".join(line + CRLF for line in lines).encode("utf-16-le")
    with open(path, "ab") as fh:
        if fh.tell() == 0:
            fh.write(b"\xff\xfe")
        fh.write(data)
    return path


GBAK_OK = [
    "gbak:readied database 127.0.0.1/3060:C:\\ProgramData\\F-Lab\\GBS.Market\\6\\main.fdb "
    "for backup",
    "gbak:creating file C:\\Users\\Shop\\AppData\\Local\\Temp\\"
    "b16d85d1-a305-4724-a3cc-ccb7ca3a796a_0d4c9e52-7c1f-4d52-a1b8-7b0c1f1d2e3a\\main.fbk",
    "gbak:starting transaction",
    "gbak:database C:\\ProgramData\\F-Lab\\GBS.Market\\6\\main.fdb has a page size of 8192 "
    "bytes.",
    "gbak:writing tables",
    "gbak:    writing table GOODS",
    "gbak:    writing data for table GOODS",
    "gbak:1207 records written",
    "gbak:closing file, committing, and finishing. 3383296 bytes written",
]
GBAK_FAILED = [
    "gbak: ERROR:Unable to complete network request to host \"127.0.0.1\".",
    "gbak: ERROR:    Failed to establish a connection.",
    "gbak:Exiting before completion due to errors",
]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """§3: UTF-8 without a BOM."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


# --- §1, §2: the program's folder and data folder ----------------------------------------------
EXE_DIR = r"C:\Program Files (x86)\F-Lab\Market 6"
DATA_DIR = "C:\\ProgramData\\F-Lab\\GBS.Market\\6\\"
HIPOS_UID = "ef9f8cdb-6132-4292-b54a-41463062f331"
LEO_UID = "8f5f791d-ccb2-44a0-ab9e-b21960d7b1ab"


def write_vendor(app_dir: Path, config: dict, *, valid: bool = True) -> None:
    """§1: ``vendor.dll`` (JSON text) and ``vendor.hash`` = Base64(SHA-256(vendor.dll's bytes +
    UTF-8 "gbsmarket26092023")), computed here with the standard library."""
    import base64
    import hashlib

    app_dir.mkdir(parents=True, exist_ok=True)
    data = json.dumps(config, ensure_ascii=False, indent=2).encode("utf-8")
    (app_dir / "vendor.dll").write_bytes(data)
    digest = hashlib.sha256(data + b"gbsmarket26092023").digest()
    text = base64.b64encode(digest).decode("ascii")
    (app_dir / "vendor.hash").write_text(text if valid else text[::-1], encoding="utf-8")


def write_partner(app_dir: Path, uid: str, block_region: bool = False) -> None:
    """§1: ``partner.json`` {Uid, IsBlockRegion}."""
    app_dir.mkdir(parents=True, exist_ok=True)
    (app_dir / "partner.json").write_text(json.dumps({"Uid": uid, "IsBlockRegion": block_region}),
                                          encoding="utf-8")


def write_app_config(app_dir: Path, data_path: str) -> None:
    """§2: ``AppConfig.conf`` in the program's folder, JSON {"DataPath": "…"}."""
    app_dir.mkdir(parents=True, exist_ok=True)
    (app_dir / "AppConfig.conf").write_text(json.dumps({"DataPath": data_path}),
                                            encoding="utf-8")
