"""Pantau's FastAPI search API over the archive."""
