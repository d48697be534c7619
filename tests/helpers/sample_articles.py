"""The sample site's hand-written articles, wherever the sample package lives."""

from __future__ import annotations


def sample_articles():
    try:
        from sample_site import load_articles
    except ImportError:
        from pantau.sample_site import load_articles
    return load_articles()
