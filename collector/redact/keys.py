"""Which names and values are secrets: the words of a key, the look of a value."""

from __future__ import annotations

import itertools
import re

# Words in a key name (split on camelCase, "_", "-", ".", spaces) that make its value a secret.
# Russian names occur in the program's own dialogs and in partners' integration configs.
SECRET_WORDS = {
    "password", "passwd", "pass", "pwd", "secret", "token", "apikey", "login", "credential",
    "credentials", "cookie", "sessionid", "pin", "auth", "authorization", "activation",
    "license", "licence", "signature", "salt", "hash", "certificate", "cert", "thumbprint",
    "passphrase", "username",
    "пароль", "пароля", "паролем", "токен", "токена", "секрет", "ключ", "ключа", "логин",
    "пин", "пинкод", "пин-код", "лицензия", "подпись", "сертификат",
}
SECRET_PAIRS = {("api", "key"), ("private", "key"), ("access", "key"), ("secret", "key"),
                ("client", "secret"), ("app", "key"), ("license", "key"), ("user", "name"),
                ("smtp", "user"), ("bot", "token"), ("refresh", "token"), ("access", "token")}
# A connection string is not secret as a whole (server and port help support); the password
# inside it is found by the text patterns.
# Settings the program keeps secret whatever their key says (GBS_MARKET.md §5), as dotted paths
# from the top of a config file: the whole value below such a path is masked.
SECRET_PATHS = {"remotecontrol.email", "remotecontrol.telegram.usernameto", "other.thumbprint",
                "system.info_001", "connection.login", "connection.password"}

_BOT_TOKEN = re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,}\b")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
_BASE64 = re.compile(r"^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z0-9+/]{20,}={0,2}$")
_HEX = re.compile(r"^[0-9a-fA-F]{32,}$")
_PREFIXED_KEY = re.compile(r"\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}\b")


def key_words(key: str) -> list[str]:
    spaced = re.sub(r"([a-zа-яё0-9])([A-ZА-ЯЁ])", r"\1 \2", key)
    spaced = re.sub(r"([A-ZА-ЯЁ]+)([A-ZА-ЯЁ][a-zа-яё])", r"\1 \2", spaced)
    return [w.lower() for w in re.split(r"[\s_\-.:]+", spaced) if w]


# Whole key names GBS_MARKET.md §5 lists for redaction that the words above do not catch
# (RemoteControl.Telegram.UsernameTo, RemoteControl.Email, Other.Thumbprint, System.Info_001),
# wherever another build puts them; SECRET_PATHS names their usual places.
SECRET_NAMES = {"usernameto", "email", "thumbprint", "info001"}
_PAIR_WORDS = {w for pair in SECRET_PAIRS for w in pair}


def _singular(word: str) -> str:
    """``keys`` → ``key``, ``tokens`` → ``token`` (arrays are named in the plural)."""
    if word.endswith("s") and (word[:-1] in SECRET_WORDS or word[:-1] in _PAIR_WORDS):
        return word[:-1]
    return word


def is_secret_key(key: str) -> bool:
    words = [_singular(w) for w in key_words(key)]
    if any(w in SECRET_WORDS for w in words):
        return True
    joined = "".join(words)
    if joined in SECRET_WORDS or joined in SECRET_NAMES:
        return True
    return any(pair in SECRET_PAIRS for pair in itertools.pairwise(words))


def looks_secret(value: str, keep: frozenset[str] = frozenset()) -> bool:
    """A value that is a secret whatever its key: tokens, JWTs, long random blobs."""
    v = value.strip()
    if not v or v in keep or v.upper() in keep:
        return False
    if _BOT_TOKEN.search(v) or _JWT.search(v) or _PREFIXED_KEY.search(v):
        return True
    if _HEX.match(v):
        return True
    return bool(_BASE64.match(v))


def is_secret_path(path: list[str]) -> bool:
    return ".".join(p.lower() for p in path) in SECRET_PATHS
