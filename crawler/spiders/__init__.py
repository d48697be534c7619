"""Spiders driven by the source registry."""
