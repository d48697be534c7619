"""Shared fixtures: an isolated data directory per test and paths to shared files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """Point PANTAU_DATA_DIR at a fresh directory and reset cached settings."""
    from pantau.settings import get_settings

    monkeypatch.setenv("PANTAU_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


@pytest.fixture
def cli_env(tmp_path):
    """Environment for running the ``pantau`` command in a subprocess."""
    env = dict(os.environ)
    env["PANTAU_DATA_DIR"] = str(tmp_path / "data")
    return env
