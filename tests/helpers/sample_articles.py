"""The sample site's hand-written articles."""

from __future__ import annotations


def sample_articles():
    from sample_site import load_articles

    return load_articles()
