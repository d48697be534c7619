"""Pantau: an open archive of Indonesian news on civil-servant neutrality in elections."""

__version__ = "0.1.0"
