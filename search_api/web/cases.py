"""Where cases (issue 9) will join the pages: the cases of an article and of an official.

Until the cases module lands these return nothing and the pages leave their "Cases" section
out; once it exists, these two functions read it, the article and official templates list
what they return (each a dict with ``title`` and ``url``), and a case page joins
``search_api.web`` beside the others.
"""

from __future__ import annotations


def of_article(archive, article_id: str) -> list[dict]:
    return []


def of_official(archive, official_id: str) -> list[dict]:
    return []
