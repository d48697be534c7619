"""Structure fixtures: sample sites that reproduce the markup shapes of the site software in
the registry (a WordPress regional-news theme, a national portal's regional section, the
Bawaslu office CMS) and a site behind a bot wall. Served by the sample server under their
own prefixes, apart from the four sample outlets: their articles are not in the answer key
and ``pantau crawl --sample-url`` leaves them out (their registry entries are disabled; crawl
them by id).

Content: ``articles/<site>.toml``, ``[[article]]`` tables with ``slug``, ``title``,
``published`` (ISO with offset), ``author``, optional ``editor``, ``section``, ``id`` (a post
or article number), ``edition``, ``related`` (titles of the related-article box, never part
of the text), ``page_breaks`` (paragraph indexes where page 2... starts) and ``body``
(paragraphs separated by blank lines). Written by us; the people are fictional.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from sample_site.base import Response

ARTICLES = Path(__file__).parent / "articles"
# site id -> (display name, template module, software of the registry it imitates)
SITES: dict[str, tuple[str, str, str]] = {
    "warta-lembah": ("Warta Lembah", "wp_regional", "wordpress"),
    "portal-nusantara": ("Portal Nusantara", "portal_regional", "portal"),
    "bawaslu-wonosobo": ("Bawaslu Kabupaten Wonosobo", "bawaslu_cms", "bawaslu-office"),
    "tembok": ("Tembok (behind a bot wall)", "wall", ""),
}


@dataclass(frozen=True)
class Story:
    site: str
    slug: str
    title: str
    published: datetime
    author: str
    body: str
    section: str = ""
    editor: str = ""
    id: int = 0
    edition: str = ""
    related: tuple[str, ...] = ()
    page_breaks: tuple[int, ...] = field(default=())

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in re.split(r"\n[ \t]*\n", self.body.strip()) if p.strip()]

    @property
    def pages(self) -> list[list[str]]:
        cuts = [0, *self.page_breaks, len(self.paragraphs)]
        return [self.paragraphs[a:b] for a, b in zip(cuts, cuts[1:])]


REQUIRED = ("slug", "title", "published", "author", "body")


@lru_cache(maxsize=8)
def stories(site: str) -> tuple[Story, ...]:
    """The site's articles, newest first; a malformed file raises ValueError naming it."""
    path = ARTICLES / f"{site}.toml"
    if not path.exists():
        return ()
    out = []
    for i, raw in enumerate(tomllib.loads(path.read_text(encoding="utf-8")).get("article", [])):
        missing = [k for k in REQUIRED if not raw.get(k)]
        if missing:
            raise ValueError(f"{path}: article {i + 1} lacks {', '.join(missing)}")
        published = datetime.fromisoformat(raw.pop("published"))
        if published.tzinfo is None:
            raise ValueError(f"{path}: article {i + 1}: 'published' needs an offset")
        raw["related"] = tuple(raw.get("related", ()))
        raw["page_breaks"] = tuple(raw.get("page_breaks", ()))
        out.append(Story(site=site, published=published, **raw))
    return tuple(sorted(out, key=lambda s: s.published, reverse=True))


def handle(site: str, rest: str, base: str, query: dict[str, str]) -> Response:
    module = importlib.import_module(f"sample_site.cms.{SITES[site][1]}")
    return module.handle(Ctx(base, f"/{site}", stories(site), query), rest)


@dataclass
class Ctx:
    base: str  # "http://127.0.0.1:8765"
    prefix: str  # "/warta-lembah"
    stories: tuple[Story, ...]
    query: dict[str, str]

    def abs(self, path: str) -> str:
        return self.base + self.prefix + path
