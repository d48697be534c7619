"""Elasticsearch index definitions (JSON), shipped as package data so installs carry them."""

from pathlib import Path

DIR = Path(__file__).resolve().parent
