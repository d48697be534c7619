"""Pantau's FastAPI search API over the archive: ``create_app(settings)``."""

from search_api.app import create_app

__all__ = ["create_app"]
