"""Secrets of every kind planted in configs and logs never reach the bundle, the e-mail draft,
the tool's log or its output; the same secret is the same token everywhere."""

from __future__ import annotations

import email
import json
import os
import re
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from collector.demo import DemoInfo
from collector.redact import TOKEN_RE

DATA = Path("ProgramData/F-Lab/GBS.Market/6")
APP = Path("Program Files (x86)/F-Lab/Market 6")
DAY = "2026-11-19"

BOT = "7012345678:AAHsecretBotTokenValue0123456789ab"
PLANTED = {
    "fb_password": "Fb-Conn-Pa55-71",
    "ru_password": "РусскийПароль-42",
    "array_key_1": "arr-key-one-3311",
    "array_key_2": "arr-key-two-4422",
    "url_password": "Url-Pa55-9911",
    "bot_token": BOT,
    "ini_password": "ini pass with spaces",
    "ini_ru": "Адм1н-пароль",
    "xml_token": "xml-api-token-5150",
    "xml_conn": "Xml-Conn-Pa55-6",
    "xml_element": "xml-element-pw-77",
    "exe_config": "exe-config-secret-12",
    "log_bearer": "bearerTOKENvalue-0099",
    "log_password": "log-plain-pw-314",
    "log_api_key": "log-api-key-2718",
    "gbak_password": "gbak-Pa55-5555",
}
PERSONAL = {"phone": "+7 (916) 555-12-34", "email": "owner.private@mail.ru",
            "card": "5536 9137 1234 5673"}


@pytest.fixture(autouse=True)
def _private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setenv("GBS_COLLECTOR_DATA_DIR", str(data))
    return data


def plant(root: Path) -> None:
    configs = root / DATA / "Configs"
    (configs / "Integrations.json").write_text(json.dumps({
        "Telegram": {"Url": f"https://api.telegram.org/bot{BOT}/sendMessage", "ChatId": -100},
        "Sync": {"ConnectionString": "Data Source=localhost;Port=3060;User=SYSDBA;"
                                     f"Password={PLANTED['fb_password']};Dialect=3"},
        "Пароль": PLANTED["ru_password"],
        "ApiKeys": [PLANTED["array_key_1"], PLANTED["array_key_2"]],
        "Webhook": f"https://shop:{PLANTED['url_password']}@hooks.example.invalid/in",
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    (configs / "Legacy.ini").write_text(
        f"[Server]\r\nHost = localhost\r\nPassword = {PLANTED['ini_password']}\r\n"
        f"Пароль администратора = {PLANTED['ini_ru']}\r\n", encoding="utf-8")
    (configs / "Sync.xml").write_text(
        '<?xml version="1.0"?><configuration><appSettings>'
        f'<add key="ApiToken" value="{PLANTED["xml_token"]}"/></appSettings>'
        '<connectionStrings><add name="main" connectionString="Server=x;User=SYSDBA;'
        f'Password={PLANTED["xml_conn"]};"/></connectionStrings>'
        f'<Smtp><Password>{PLANTED["xml_element"]}</Password></Smtp></configuration>',
        encoding="utf-8")
    exe_config = root / APP / "Market.exe.config"
    exe_config.write_text(exe_config.read_text(encoding="utf-8").replace(
        "</configuration>", f'<appSettings><add key="SyncPassword" '
        f'value="{PLANTED["exe_config"]}"/></appSettings></configuration>'), encoding="utf-8")
    day = root / DATA / "Logs" / DAY
    with open(day / "trace.log", "a", encoding="utf-8", newline="") as f:
        f.write(f"19.11.2026 12:00:00.0000 | DEBUG | Http.Send | Authorization: Bearer "
                f"{PLANTED['log_bearer']} | \r\n"
                f"19.11.2026 12:00:01.0000 | DEBUG | Http.Send | POST https://api.telegram.org/"
                f"bot{BOT}/sendMessage | \r\n"
                f"19.11.2026 12:00:02.0000 | INFO | Sync.Login | password={PLANTED['log_password']}"
                f" api_key={PLANTED['log_api_key']} | \r\n"
                f"19.11.2026 12:00:03.0000 | INFO | Sync.Run | {PLANTED['exe_config']} sent | \r\n"
                f"19.11.2026 12:00:04.0000 | INFO | Shop.Customer | {PERSONAL['phone']} "
                f"{PERSONAL['email']} {PERSONAL['card']} | \r\n")
    with open(day / "error.log", "a", encoding="utf-8", newline="") as f:
        f.write('19.11.2026 12:00:05.0000 | ERROR | Sync.Connect | Ошибка подключения | {\r\n'
                '  "ClassName": "FirebirdSql.Data.FirebirdClient.FbException",\r\n'
                f'  "Message": "Your user name and password are not defined: '
                f'{PLANTED["fb_password"]}",\r\n  "Data": null\r\n}}\r\n')
    backup = day / "backup.log"
    text = backup.read_bytes().decode("utf-16")
    text += (f"gbak -user SYSDBA -pass {PLANTED['gbak_password']} -b localhost/3060:main.fdb\r\n"
             f"login with {PLANTED['fb_password']} failed\r\n")
    backup.write_bytes("\ufeff".encode("utf-16-le") + text.lstrip("\ufeff").encode("utf-16-le"))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "collector", *args], capture_output=True,
                          text=True, timeout=300, env=dict(os.environ))


def extract(archive: Path, dest: Path) -> dict[str, bytes]:
    subprocess.run(["7z", "x", "-y", "-p", f"-o{dest}", str(archive)], check=True,
                   capture_output=True)
    return {str(p.relative_to(dest)).replace(os.sep, "/"): p.read_bytes()
            for p in dest.rglob("*") if p.is_file()}


def forms(secret: str) -> list[bytes]:
    """Every way a secret could sit in a file: UTF-8, UTF-16, JSON-escaped."""
    out = {secret.encode(), secret.encode("utf-16-le"), json.dumps(secret)[1:-1].encode()}
    return sorted(out)


def find_leaks(blobs: dict[str, bytes], secrets: list[str]) -> list[str]:
    return [f"{name}: {s!r}" for name, blob in blobs.items() for s in secrets
            for form in forms(s) if form in blob]


def test_no_planted_secret_anywhere(demo: DemoInfo, tmp_path: Path,
                                    _private_user_data: Path) -> None:
    plant(demo.root)
    out = tmp_path / "out"
    res = run_cli("-v", "collect", "--root", str(demo.root), "--date", DAY, "--out", str(out),
                  "--json")
    assert res.returncode == 0, res.stderr
    result = json.loads(res.stdout)
    bundle = Path(result["bundle"][0])
    files = extract(bundle, tmp_path / "x")
    draft = run_cli("email", str(bundle), "--out", str(tmp_path / "mail"))
    assert draft.returncode == 0, draft.stderr
    emls = list((tmp_path / "mail").glob("*.eml"))
    assert emls
    message = email.message_from_bytes(emls[0].read_bytes(), policy=policy.default)
    eml_text = "\n".join(part.get_content() for part in message.walk()
                         if part.get_content_maintype() == "text")
    tool_log = (_private_user_data / "logs" / "collector.log").read_bytes()
    secrets = [*PLANTED.values(), *demo.secrets]
    blobs = {**files, "eml": emls[0].read_bytes(), "eml-text": eml_text.encode(),
             "collector.log": tool_log, "stdout": res.stdout.encode(),
             "stderr": (res.stderr + draft.stderr + draft.stdout).encode()}
    assert find_leaks(blobs, secrets) == []
    # Personal data stays unless asked (the desk needs the contacts in request.txt).
    assert PERSONAL["email"].encode() in files[f"logs/{DAY}/trace.log"]

    # One secret, one token, in every file: the connection string's password.
    cfg = json.loads(files["config/Integrations.json"])
    token = re.search(r"Password=(\*\*\*secret-\d+\*\*\*)", cfg["Sync"]["ConnectionString"])[1]
    assert token.encode() in files[f"logs/{DAY}/error.log"]
    assert token in files[f"logs/{DAY}/backup.log"].decode("utf-16")
    bot_tokens = set(re.findall(r"bot(\*\*\*secret-\d+\*\*\*)",
                                files[f"logs/{DAY}/trace.log"].decode()))
    assert bot_tokens == {re.search(r"bot(\*\*\*secret-\d+\*\*\*)", cfg["Telegram"]["Url"])[1]}

    # The manifest counts per file and kind; the map is on this PC, not in the bundle.
    manifest = json.loads(files["manifest.json"])
    per_file = {r["path"]: r for r in manifest["redactions"]}
    assert per_file[f"logs/{DAY}/error.log"]["kinds"].get("recurring", 0) >= 1
    assert per_file[f"logs/{DAY}/backup.log"]["count"] >= 2
    assert per_file["config/Legacy.ini"]["count"] == 2
    assert all(sum(r["kinds"].values()) == r["count"] for r in manifest["redactions"])
    maps = list((_private_user_data / "redaction-maps").glob("*.json"))
    assert [m.stem for m in maps] == [bundle.name[:-len(".7z")]]
    private = json.loads(maps[0].read_text(encoding="utf-8"))
    assert private["tokens"][token]["value"] == PLANTED["fb_password"]
    assert sorted(p.name for p in out.iterdir()) == sorted([bundle.name, bundle.name + ".sha256"])
    assert not any(TOKEN_RE.fullmatch(name) for name in files)


def test_personal_data_hidden_when_asked(demo: DemoInfo, tmp_path: Path) -> None:
    plant(demo.root)
    res = run_cli("collect", "--root", str(demo.root), "--date", DAY, "--out",
                  str(tmp_path / "out"), "--json", "--no-db", "--hide-personal")
    assert res.returncode == 0, res.stderr
    files = extract(Path(json.loads(res.stdout)["bundle"][0]), tmp_path / "x")
    trace = files[f"logs/{DAY}/trace.log"].decode()
    for value in PERSONAL.values():
        assert value not in trace
    assert "***phone-1***" in trace and "***email-1***" in trace and "***card-1***" in trace
    manifest = json.loads(files["manifest.json"])
    kinds = {r["path"]: r["kinds"] for r in manifest["redactions"]}[f"logs/{DAY}/trace.log"]
    assert kinds["phone"] >= 1 and kinds["email"] >= 1 and kinds["card"] >= 1
