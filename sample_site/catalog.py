"""Renditions: every article on every site it appears on, with that site's URL scheme.

An article with ``also_on`` is rendered on its own site and on each listed site; all these
renditions share one cluster id (a syndicated press release)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pantau.ids import digest, slugify
from sample_site.content import (
    DATELINE, SITES, Article, ContentError, excerpt, load_articles, split_pages,
)

EDITIONS = {
    "nasional": "Nasional", "jateng": "Jawa Tengah", "jabar": "Jawa Barat", "jatim": "Jawa Timur",
    "jakarta": "Jakarta", "banten": "Banten", "diy": "Yogyakarta", "sumut": "Sumatera Utara",
    "sumbar": "Sumatera Barat", "sumsel": "Sumatera Selatan", "riau": "Riau", "aceh": "Aceh",
    "lampung": "Lampung", "bali": "Bali", "ntb": "Nusa Tenggara Barat", "ntt": "Nusa Tenggara Timur",
    "kalbar": "Kalimantan Barat", "kalsel": "Kalimantan Selatan", "kaltim": "Kalimantan Timur",
    "sulsel": "Sulawesi Selatan", "sulut": "Sulawesi Utara", "papua": "Papua", "maluku": "Maluku",
    "kepri": "Kepulauan Riau", "jambi": "Jambi", "bengkulu": "Bengkulu", "babel": "Bangka Belitung",
    "kalteng": "Kalimantan Tengah", "kaltara": "Kalimantan Utara", "sulteng": "Sulawesi Tengah",
    "sultra": "Sulawesi Tenggara", "gorontalo": "Gorontalo", "sulbar": "Sulawesi Barat", "malut": "Maluku Utara",
}
PROVINCE_EDITION = {
    "11": "aceh", "12": "sumut", "13": "sumbar", "14": "riau", "16": "sumsel", "18": "lampung",
    "31": "jakarta", "32": "jabar", "33": "jateng", "34": "diy", "35": "jatim", "36": "banten",
    "51": "bali", "52": "ntb", "53": "ntt", "61": "kalbar", "63": "kalsel", "64": "kaltim",
    "71": "sulut", "73": "sulsel", "81": "maluku", "91": "papua", "15": "jambi", "17": "bengkulu",
    "19": "babel", "21": "kepri", "62": "kalteng", "65": "kaltara", "72": "sulteng", "74": "sultra",
    "75": "gorontalo", "76": "sulbar", "82": "malut",
}


def edition_name(edition: str) -> str:
    return EDITIONS.get(edition, edition.replace("-", " ").title())


@dataclass(frozen=True, eq=False)
class Rendition:
    """One article page as served on one site."""

    site: str
    article: Article
    path: str  # path of the article page (its first page), starting with "/"
    number: int  # WordPress post id, Suara Timur article number
    edition: str | None = None  # nusaraya edition

    @property
    def key(self) -> str:
        return f"{self.site}/{self.article.slug}"

    @property
    def syndicated(self) -> bool:
        return self.site != self.article.site

    @property
    def cluster(self) -> str | None:
        a = self.article
        return f"{a.site}/{a.slug}" if a.also_on else None

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def published(self):
        return self.article.published

    @property
    def paragraphs(self) -> list[str]:
        """The body as this site shows it: a republished article gets the site's own dateline."""
        paragraphs = self.article.paragraphs
        return [redateline(paragraphs[0], self.site), *paragraphs[1:]] if self.syndicated else paragraphs

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def pages(self) -> list[list[str]]:
        return split_pages(self.paragraphs, self.article.page_breaks)

    @property
    def excerpt(self) -> str:
        return excerpt(self.paragraphs)

    @property
    def amp_path(self) -> str | None:
        return "/nusaraya/amp/" + self.path.removeprefix("/nusaraya/") if self.site == "nusaraya" else None


OUTLET_DATELINES = {
    "kabarpantura": "KABARPANTURA.COM, {CITY} – ", "nusaraya": "{CITY}, NUSARAYA - ",
    "suaratimur": "{CITY}, SUARATIMUR – ", "bawaslu-temanggung": "{City} – ",
}


def redateline(paragraph: str, site: str) -> str:
    """Replace the dateline of a first paragraph ("Temanggung – ...") with ``site``'s style."""
    m = DATELINE.match(paragraph)
    if not m:
        return paragraph
    parts = [p.strip() for p in m["dateline"].split(",")]
    city = next((p for p in parts if "." not in p and p.upper() not in ("NUSARAYA", "SUARATIMUR")), parts[-1])
    return OUTLET_DATELINES[site].format(CITY=city.upper(), City=city.title()) + paragraph[m.end():]


def _edition_for(article: Article) -> str:
    if article.edition:
        return article.edition
    for region in article.answer.regions:
        if region.code[:2] in PROVINCE_EDITION:
            return PROVINCE_EDITION[region.code[:2]]
    return "nasional"


def _path(site: str, article: Article, number: int, edition: str | None) -> str:
    d = article.published
    if site == "kabarpantura":
        return f"/kabarpantura/{d:%Y/%m/%d}/{article.slug}/"
    if site == "nusaraya":
        return f"/nusaraya/{edition}/berita/{d:%Y/%m/%d}/{article.slug}"
    if site == "bawaslu-temanggung":
        return f"/bawaslu-temanggung/berita/{article.slug}"
    return f"/suaratimur/p/{number}"


class Catalog:
    """All renditions, per site (newest first) and by path."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.by_site: dict[str, list[Rendition]] = {site: [] for site in SITES}
        self.by_path: dict[str, Rendition] = {}
        used_numbers: dict[str, set[int]] = {site: set() for site in SITES}
        for article in sorted(articles, key=lambda a: (a.published, a.site, a.slug)):
            for site in [article.site, *article.also_on]:
                number = int(digest(site, article.slug)[:8], 16) % 90_000 + 10_000
                while number in used_numbers[site]:
                    number += 1
                used_numbers[site].add(number)
                edition = _edition_for(article) if site == "nusaraya" else None
                r = Rendition(site, article, _path(site, article, number, edition), number, edition)
                if r.path in self.by_path:
                    other = self.by_path[r.path].article.source_file
                    raise ContentError(f"{article.source_file}: URL {r.path} already used by {other}")
                self.by_path[r.path] = r
                self.by_site[site].append(r)
        for renditions in self.by_site.values():
            renditions.reverse()

    @classmethod
    def load(cls, directory: str | Path | None = None) -> Catalog:
        return cls(load_articles(directory))

    @property
    def renditions(self) -> list[Rendition]:
        return [r for site in SITES for r in self.by_site[site]]

    def site(self, site: str) -> list[Rendition]:
        return self.by_site[site]

    def find_title(self, site: str, title: str, exclude: Rendition | None = None) -> Rendition | None:
        """The rendition on ``site`` with exactly this title, else the one sharing most words."""
        words = set(slugify(title).split("-"))
        best, best_score = None, 0
        for r in self.by_site[site]:
            if r is exclude:
                continue
            if r.title.strip().lower() == title.strip().lower():
                return r
            score = len(words & set(slugify(r.title).split("-")))
            if score > best_score:
                best, best_score = r, score
        return best

    def neighbours(self, r: Rendition) -> tuple[Rendition | None, Rendition | None]:
        """(older, newer) renditions on the same site."""
        items = self.by_site[r.site]
        i = items.index(r)
        return (items[i + 1] if i + 1 < len(items) else None, items[i - 1] if i > 0 else None)

    def related(self, r: Rendition, n: int = 3) -> list[Rendition]:
        """Same-site renditions sharing the section or a tag, newest first."""
        tags = set(r.article.tags)
        same = [o for o in self.by_site[r.site] if o is not r and
                (o.article.section == r.article.section or tags & set(o.article.tags))]
        return same[:n]
