"""Secrets never leave: configs redacted by name and by look, the tool's log scrubbed."""

from __future__ import annotations

import json
import logging

import pytest

from collector.redact import (
    MASK,
    TOKEN_RE,
    SecretFilter,
    is_secret_key,
    looks_secret,
    redact_config,
    register_secret,
    scrub_text,
)


@pytest.mark.parametrize("key", ["Password", "AdminPassword", "SmtpPassword", "Login", "Token",
                                 "BotToken", "ApiKey", "api_key", "PrivateKey", "client_secret",
                                 "UserName", "Pin", "access-token", "LicenseKey"])
def test_secret_names(key: str) -> None:
    assert is_secret_key(key)


@pytest.mark.parametrize("key", ["HotKey", "KeyboardLayout", "ServerPort", "SmtpServer", "Path",
                                 "Spinner", "Passage", "ShopName", "ChatId", "Inn", "Tokenizer"])
def test_ordinary_names(key: str) -> None:
    assert not is_secret_key(key)


@pytest.mark.parametrize("value", [
    "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",        # Telegram bot token
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU",  # JWT
    "q3Vt6Zb0bH9LkP2xW8nR4sT1yU7eA5cD",                     # base64-like blob
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",  # hex key
    "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
])
def test_secret_looking_values(value: str) -> None:
    assert looks_secret(value)


@pytest.mark.parametrize("value", ["C:\\ProgramData\\F-Lab\\GBS.Market\\6\\main.fdb", "localhost",
                                   "Магазин «У дома»", "https://markirovka.crpt.ru", "COM3",
                                   "ru-RU", "502712345678"])
def test_ordinary_values(value: str) -> None:
    assert not looks_secret(value)


def test_gbs_id_is_kept() -> None:
    gbs = "0F3A9C1E2B4D6F8091A2B3C4D5E6F708"
    assert looks_secret(gbs)
    assert not looks_secret(gbs, frozenset({gbs}))


def test_demo_configs_lose_every_planted_secret(demo_template) -> None:
    configs = demo_template.root / "ProgramData/F-Lab/GBS.Market/6/Configs"
    total = 0
    for f in configs.glob("*.json"):
        result = redact_config(f.read_bytes())
        assert result.parsed
        text = result.data.decode("utf-8-sig")
        json.loads(text)  # still valid JSON for the desk's tools
        for secret in demo_template.secrets:
            assert secret not in text and json.dumps(secret)[1:-1] not in text
        total += result.count
    assert total >= len(demo_template.secrets)


def test_settings_keep_what_support_needs(demo_template) -> None:
    cfg = demo_template.root / "ProgramData/F-Lab/GBS.Market/6/Configs/DataBase.json"
    data = json.loads(redact_config(cfg.read_bytes()).data.decode("utf-8-sig"))
    assert data["Connection"]["ServerPort"] == 3060
    assert data["Connection"]["Path"].endswith("main.fdb")
    login, password = data["Connection"]["Login"], data["Connection"]["Password"]
    assert TOKEN_RE.fullmatch(login) and TOKEN_RE.fullmatch(password) and login != password
    assert data["CorrectExit"] is False


def test_nested_secret_sections_are_masked_whole() -> None:
    raw = json.dumps({"Credentials": {"User": "ivan", "Secret": "x1", "Port": 25},
                      "Mail": {"Password": None, "Login": ""}}).encode()
    data = json.loads(redact_config(raw).data)
    assert data["Credentials"] == {"User": "***secret-1***", "Secret": "***secret-2***",
                                   "Port": "***secret-3***"}
    assert data["Mail"] == {"Password": None, "Login": ""}  # nothing to hide, nothing hidden


def test_half_written_file_is_redacted_line_by_line() -> None:
    raw = (b'{\r\n  "Connection": {\r\n    "Login": "U2VjcmV0TG9naW4xMjM0NTY=",\r\n'
           b'    "ServerUrl": "localhost",\r\n    "Password": "abcdef')
    result = redact_config(raw)
    assert not result.parsed
    text = result.data.decode()
    assert "U2VjcmV0TG9naW4xMjM0NTY=" not in text and "abcdef" not in text
    assert '"ServerUrl": "localhost"' in text
    assert result.count == 2


def test_credentials_inside_urls() -> None:
    text, n = scrub_text("connect https://admin:hunter2@host/api?token=abc123&x=1 done")
    assert "hunter2" not in text and "abc123" not in text and "x=1" in text
    assert n == 2


def test_log_filter_scrubs_registered_secrets(caplog: pytest.LogCaptureFixture) -> None:
    register_secret("Pa$$w0rd-техник")
    logger = logging.getLogger("collector.test.redact")
    logger.addFilter(SecretFilter())
    with caplog.at_level(logging.INFO, logger="collector.test.redact"):
        logger.info("connecting with %s to %s", "Pa$$w0rd-техник", "db")
        try:
            raise RuntimeError("bad password Pa$$w0rd-техник")
        except RuntimeError:
            logger.exception("failed")
    joined = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "Pa$$w0rd-техник" not in joined
    assert MASK in joined
