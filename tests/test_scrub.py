"""Secrets replaced by consistent tokens: text patterns, configs of every format, streams."""

from __future__ import annotations

import io
import json
import logging

import pytest

from collector.redact import (
    TOKEN_RE,
    RedactingWriter,
    ScrubbingReader,
    SecretFilter,
    TextScrubber,
    TokenMap,
    redact_config,
    register_secret,
)

BOT = "7712345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"


@pytest.mark.parametrize(("line", "secret"), [
    ("Data Source=localhost;User=SYSDBA;Password=Fb-Pa55;Port=3060", "Fb-Pa55"),
    ("connect firebird://SYSDBA:Url-Pa55@10.0.0.5/main.fdb", "Url-Pa55"),
    (f"POST https://api.telegram.org/bot{BOT}/sendMessage", BOT),
    ("Authorization: Bearer abc.DEF-ghi_jkl0123", "abc.DEF-ghi_jkl0123"),
    ("X-Api-Key: k3y-v4lue-999", "k3y-v4lue-999"),
    ('"Пароль": "кириллица-123"', "кириллица-123"),
    ("пароль=Пар0ль-кассира", "Пар0ль-кассира"),
    ("GET /api/v1/orders?access_token=tok-4455&page=2", "tok-4455"),
    ("gbak -user SYSDBA -pass gbak-Pa55 -b db.fdb", "gbak-Pa55"),
    ("ISC_PASSWORD=env-Pa55 gbak", "env-Pa55"),
    ("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU ok",
     "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU"),
    ("key sk_live_4eC39HqLyjWDarjtT1zdp7dc used", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
])
def test_log_line_secrets(line: str, secret: str) -> None:
    out = TextScrubber().scrub(line, "logs/x/trace.log")
    assert secret not in out
    assert TOKEN_RE.search(out)


@pytest.mark.parametrize("line", [
    "19.11.2026 10:11:38.9049 | INFO | Market.Sales.Close | Чек №15 закрыт, сумма 1250,00 |",
    "Tokenizer: 5 spinner=3 HotKey=F5 Passage=north",
    "GBS.ID: 0F3A9C1E2B4D6F8091A2B3C4D5E6F708",
    "Basic settings loaded; token expired at 10:00",
    "https://markirovka.crpt.ru/api/v3/true-api/cises/info",
])
def test_ordinary_lines_stay(line: str) -> None:
    assert TextScrubber().scrub(line) == line


def test_same_secret_same_token_across_files() -> None:
    tokens = TokenMap()
    scrubber = TextScrubber(tokens)
    cfg = redact_config(json.dumps({"Db": {"Password": "Shared-Secret-1"}}).encode(),
                        name="Db.json", scrubber=scrubber, where="config/Db.json")
    token = json.loads(cfg.data)["Db"]["Password"]
    assert TOKEN_RE.fullmatch(token)
    log = scrubber.scrub("login failed for Shared-Secret-1 again", "logs/d/error.log")
    assert log == f"login failed for {token} again"
    other = scrubber.scrub("password=Other-Secret-2", "logs/d/trace.log")
    assert token not in other and TOKEN_RE.search(other)
    assert {r["path"]: r["kinds"] for r in tokens.redactions()} == {
        "config/Db.json": {"config_key": 1}, "logs/d/error.log": {"recurring": 1},
        "logs/d/trace.log": {"key_value": 1}}


def test_json_escaped_recurrence() -> None:
    scrubber = TextScrubber()
    scrubber.tokens.learn('Pa"ss\\word')
    out = scrubber.scrub('{"Message": "bad Pa\\"ss\\\\word"}')
    assert "ss\\\\word" not in out and TOKEN_RE.search(out)


def test_arrays_under_secret_keys_and_russian_keys() -> None:
    raw = json.dumps({"ApiKeys": ["key-one-1", "key-two-2"], "Пароль": "руссекрет",
                      "Hosts": ["a.local", "b.local"]}, ensure_ascii=False).encode()
    data = json.loads(redact_config(raw).data)
    assert all(TOKEN_RE.fullmatch(v) for v in data["ApiKeys"])
    assert data["ApiKeys"][0] != data["ApiKeys"][1]
    assert TOKEN_RE.fullmatch(data["Пароль"])
    assert data["Hosts"] == ["a.local", "b.local"]


def test_program_secret_paths() -> None:
    raw = json.dumps({"RemoteControl": {"Email": {"ConnectionPersonalEmail": "me@shop.ru",
                                                  "SmtpHost": "smtp.shop.ru"},
                                        "Telegram": {"UsernameTo": "@owner"}},
                      "Other": {"Thumbprint": "AB12", "EmailForSendDataSupport": "x@y.ru"},
                      "System": {"Info_001": "opaque"}}).encode()
    data = json.loads(redact_config(raw, name="Settings.json").data)
    assert all(TOKEN_RE.fullmatch(v) for v in data["RemoteControl"]["Email"].values())
    assert TOKEN_RE.fullmatch(data["RemoteControl"]["Telegram"]["UsernameTo"])
    assert TOKEN_RE.fullmatch(data["Other"]["Thumbprint"])
    assert TOKEN_RE.fullmatch(data["System"]["Info_001"])


def test_ini_config() -> None:
    raw = ("; comment\r\n[Server]\r\nHost = localhost\r\nPassword = two words here\r\n"
           "Пароль администратора=Адм1н\r\nConn=Server=x;Password=ini-conn-pw;\r\n").encode()
    result = redact_config(raw, name="Legacy.ini")
    text = result.data.decode()
    assert result.format == "ini"
    for secret in ("two words here", "Адм1н", "ini-conn-pw"):
        assert secret not in text
    assert "Host = localhost" in text and "; comment" in text


def test_xml_config() -> None:
    raw = (b'<?xml version="1.0"?>\r\n<configuration><appSettings>'
           b'<add key="ApiToken" value="xml-token-1"/><add key="Theme" value="dark"/>'
           b'</appSettings><connectionStrings><add name="main" '
           b'connectionString="Server=x;User=SYSDBA;Password=xml-conn-pw;"/></connectionStrings>'
           b'<smtp password="xml-attr-pw"><Password>xml-element-pw</Password></smtp>'
           b'</configuration>')
    result = redact_config(raw, name="Market.exe.config")
    text = result.data.decode()
    assert result.format == "xml"
    for secret in ("xml-token-1", "xml-conn-pw", "xml-attr-pw", "xml-element-pw"):
        assert secret not in text
    assert 'value="dark"' in text and result.count == 4
    import xml.dom.minidom

    xml.dom.minidom.parseString(result.data)  # still well-formed


def test_personal_data_only_when_asked() -> None:
    line = ("Покупатель +7 (916) 123-45-67, 89161234567, ivan.petrov@mail.ru, "
            "карта 4111 1111 1111 1111, штрихкод 4601234567893")
    assert TextScrubber().scrub(line) == line
    tokens = TokenMap()
    out = TextScrubber(tokens, personal=True).scrub(line, "logs/d/trace.log")
    assert "916" not in out and "ivan.petrov" not in out and "4111" not in out
    assert "4601234567893" in out  # a barcode is not a card number
    assert out.count("***phone-1***") == 2  # the same phone written two ways
    assert "***email-1***" in out and "***card-1***" in out


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le"])
@pytest.mark.parametrize("piece", [1, 3, 7, 64, 1 << 20])
def test_stream_is_line_safe_across_pieces(encoding: str, piece: int) -> None:
    lines = [f"19.11.2026 10:00:{i:02d}.0000 | DEBUG | Http.Send | Authorization: Bearer "
             f"tok{i:04d}-abcdefgh | \r\n" for i in range(40)]
    lines.insert(7, "Пароль: длинныйсекрет-ы\r\n")
    text = "".join(lines)
    raw = (b"\xff\xfe" if encoding == "utf-16-le" else b"") + text.encode(encoding)
    tokens = TokenMap()
    reader = ScrubbingReader(io.BytesIO(raw), TextScrubber(tokens), "logs/d/backup.log",
                             piece=piece)
    out = reader.read()
    assert reader.encoding == encoding
    decoded = out.decode("utf-16" if encoding == "utf-16-le" else "utf-8")
    assert "abcdefgh" not in decoded and "длинныйсекрет" not in decoded
    assert decoded.count("***secret-") == 41
    assert tokens.redactions()[0]["count"] == 41


def test_stream_keeps_bytes_it_does_not_change() -> None:
    raw = b"plain \xff\xfe broken utf-8 \xc3 line\nsecond line without end"
    assert ScrubbingReader(io.BytesIO(raw), TextScrubber(), "x", piece=5).read() == raw
    odd = "\ufeffline\r\n".encode("utf-16-le") + b"\x00"  # cut mid-character
    reader = ScrubbingReader(io.BytesIO(odd), TextScrubber(), "x", piece=3)
    assert reader.read() == odd


def test_writer_front_routes_entries(tmp_path) -> None:
    from collector.bundle import BundleWriter

    tokens = TokenMap()
    with BundleWriter(tmp_path / "out", "b") as bw:
        w = RedactingWriter(bw, TextScrubber(tokens, personal=True), map_folder=tmp_path / "data")
        w.add_bytes(b'{"Password": "cfg-pw-1"}', "config/A.json")
        w.add_fileobj(io.BytesIO(b"cfg-pw-1 and me@shop.ru\n"), "logs/2026-11-19/trace.log")
        w.add_bytes("Контакт: me@shop.ru\n".encode(), "request.txt")
        w.add_bytes(b"\x89PNG cfg-pw-1", "gbs_id_qr.png")
        result = w.finish({"note": "cfg-pw-1"})
    assert w.map_path is not None and w.map_path.parent == tmp_path / "data" / "redaction-maps"
    assert not any((tmp_path / "out").glob("*.json"))
    private = json.loads(w.map_path.read_text())
    assert private["tokens"]["***secret-1***"]["value"] == "cfg-pw-1"
    assert (w.map_path.stat().st_mode & 0o777) == 0o600
    assert result.manifest["note"] == "***secret-1***"


def test_log_filter_survives_a_bad_format_string(caplog: pytest.LogCaptureFixture) -> None:
    """A record whose ``msg % args`` fails still leaves without the secret in its args."""
    register_secret("Bad-Format-Secret")
    logger = logging.getLogger("collector.test.badformat")
    logger.addFilter(SecretFilter())
    with caplog.at_level(logging.INFO, logger="collector.test.badformat"):
        logger.info("two %s %s placeholders", "Bad-Format-Secret")
        logger.info("api call password=%s", "Pattern-Secret-9")
    joined = "\n".join(r.getMessage() for r in caplog.records)
    assert "Bad-Format-Secret" not in joined and "Pattern-Secret-9" not in joined
    assert "placeholders" in joined


def test_zipped_crpt_logs_are_scrubbed_inside(tmp_path) -> None:
    import zipfile

    from collector.bundle import BundleWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2026-11-18.log", "18.11.2026 10:00:00.0000 | INFO | POST /api | "
                                     "Authorization: Bearer crptTOKEN-12345678 | \r\n")
    tokens = TokenMap()
    with BundleWriter(tmp_path / "out", "b") as bw:
        w = RedactingWriter(bw, TextScrubber(tokens))
        w.add_fileobj(io.BytesIO(raw.getvalue()), "crpt/2026-11-18.zip")
        w.add_fileobj(io.BytesIO(b"not a zip, token=zz-secret-1"), "crpt/2026-11-17.zip")
        w.finish({})
    import subprocess

    subprocess.run(["7z", "x", "-y", f"-o{tmp_path / 'x'}", str(tmp_path / "out" / "b.7z")],
                   check=True, capture_output=True)
    with zipfile.ZipFile(tmp_path / "x" / "crpt" / "2026-11-18.zip") as z:
        assert z.namelist() == ["2026-11-18.log"]
        text = z.read("2026-11-18.log").decode()
    assert "crptTOKEN" not in text and "***secret-1***" in text
    assert b"zz-secret-1" not in (tmp_path / "x" / "crpt" / "2026-11-17.zip").read_bytes()
    assert {r["path"] for r in tokens.redactions()} == {"crpt/2026-11-18.zip/2026-11-18.log",
                                                         "crpt/2026-11-17.zip"}
