"""The user's data folder (outbox, resumable uploads, request codes): platformdirs, or
``GBS_COLLECTOR_DATA_DIR`` when set (tests, portable use from a USB stick)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "gbs-support-collector"
ENV_DATA_DIR = "GBS_COLLECTOR_DATA_DIR"


def user_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    path = Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
