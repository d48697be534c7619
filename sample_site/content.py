"""The sample articles: TOML files validated with pydantic models (format in ``FORMAT.md``)."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pantau.errors import InvalidInput
from pantau.taxonomy import DocType, RegionLevel, ViolationType

ARTICLES_DIR = Path(__file__).parent / "articles"

# site id -> (display name, template module)
SITES: dict[str, tuple[str, str]] = {
    "kabarpantura": ("Kabar Pantura", "wordpress"),
    "nusaraya": ("NusaRaya Network", "network"),
    "bawaslu-temanggung": ("Bawaslu Kabupaten Temanggung", "bawaslu"),
    "suaratimur": ("Suara Timur", "feedonly"),
}

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
REGION_CODE = r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class ContentError(InvalidInput):
    """A sample article file is malformed; the message names the file."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True, str_strip_whitespace=True)


class RegionAnswer(_Strict):
    level: RegionLevel
    name: str = Field(min_length=1)
    code: str = Field(pattern=REGION_CODE)
    optional: bool = False


class OfficialAnswer(_Strict):
    name: str = Field(min_length=1)
    role: str = Field(min_length=1)
    org: str | None = None
    optional: bool = False


CaseStage = Literal["reported", "clarified", "recommended", "sanctioned", "dismissed"]
CASE_STAGES: tuple[str, ...] = ("reported", "clarified", "recommended", "sanctioned", "dismissed")
CASE_ID = r"^[A-Z][A-Z0-9]{1,15}$"


def _iso_day(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"date {value!r} is not YYYY-MM-DD")
    date.fromisoformat(value)
    return value


class CaseAnswer(_Strict):
    """One case (story) the article reports, with the most advanced stage it reports for it
    (case gold of ``shared/eval/README.md``, "Case evaluation")."""

    case: str = Field(pattern=CASE_ID, description="Story id, stable across the sample site.")
    stage: CaseStage
    stage_date: str | None = Field(None, description="The day the body gives for that stage, ISO.")

    @field_validator("stage_date")
    @classmethod
    def _iso_stage_date(cls, value: str | None) -> str | None:
        return None if value is None else _iso_day(value)


class Answer(_Strict):
    """The hand-made answer key of one article (format of ``shared/eval/README.md``)."""

    doc_type: DocType
    violation_types: list[ViolationType] = Field(default_factory=list)
    optional_violation_types: list[ViolationType] = Field(default_factory=list)
    regions: list[RegionAnswer] = Field(default_factory=list)
    officials: list[OfficialAnswer] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)
    # required, never defaulted: an article of no case says `cases = []`, so a forgotten
    # answer cannot pass for "no case" (an incomplete gold punishes correct output)
    cases: list[CaseAnswer]

    @field_validator("dates")
    @classmethod
    def _iso_dates(cls, value: list[str]) -> list[str]:
        for item in value:
            _iso_day(item)
        return value

    @field_validator("cases")
    @classmethod
    def _one_entry_per_case(cls, value: list[CaseAnswer]) -> list[CaseAnswer]:
        ids = [c.case for c in value]
        if len(ids) != len(set(ids)):
            raise ValueError(f"a case is listed twice: {ids}")
        return value


class Article(_Strict):
    """One sample article, exactly as written in its TOML file."""

    site: str
    slug: str = Field(pattern=SLUG, max_length=120)
    edition: str | None = Field(None, pattern=SLUG)
    title: str = Field(min_length=5)
    published: datetime
    author: str = Field(min_length=2)
    editor: str | None = None
    section: str = "Berita"
    tags: list[str] = Field(default_factory=list)
    on_topic: bool = True
    also_on: list[str] = Field(default_factory=list)
    page_breaks: list[int] = Field(default_factory=list)
    baca_juga: list[str] = Field(default_factory=list)
    body: str = Field(min_length=20)
    answer: Answer
    source_file: str = Field("", exclude=True, description="Set by the loader.")

    @field_validator("site")
    @classmethod
    def _known_site(cls, value: str) -> str:
        if value not in SITES:
            raise ValueError(f"unknown site {value!r}; one of {', '.join(SITES)}")
        return value

    @field_validator("also_on")
    @classmethod
    def _known_sites(cls, value: list[str]) -> list[str]:
        for site in value:
            cls._known_site(site)
        return value

    @field_validator("published")
    @classmethod
    def _has_offset(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("published needs a UTC offset, e.g. 2024-10-07T14:32:00+07:00")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Article:
        if self.site in self.also_on:
            raise ValueError("also_on must not contain the article's own site")
        if self.site == "nusaraya" and not self.edition:
            raise ValueError("nusaraya articles need an edition")
        late = [c.case for c in self.answer.cases
                if c.stage_date and date.fromisoformat(c.stage_date) > self.published.date()]
        if late:
            raise ValueError(f"case stage dated after publication: {late}")
        n = len(self.paragraphs)
        if self.page_breaks != sorted(set(self.page_breaks)) or any(not 0 < b < n for b in self.page_breaks):
            raise ValueError(f"page_breaks must be increasing paragraph indexes between 1 and {n - 1}")
        return self

    @property
    def paragraphs(self) -> list[str]:
        """Body paragraphs; line breaks inside a paragraph become spaces."""
        parts = PARAGRAPH_BREAK.split(self.body.strip())
        return [" ".join(p.split()) for p in parts if p.strip()]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def pages(self) -> list[list[str]]:
        return split_pages(self.paragraphs, self.page_breaks)

    @property
    def excerpt(self) -> str:
        return excerpt(self.paragraphs)


DATELINE = re.compile(r"^(?P<dateline>[^-–—]{2,60}?)\s[-–—]\s")


def split_pages(paragraphs: list[str], breaks: list[int]) -> list[list[str]]:
    """The paragraphs of each page (one page unless ``breaks`` is set)."""
    bounds = [0, *breaks, len(paragraphs)]
    return [paragraphs[a:b] for a, b in zip(bounds, bounds[1:])]


def excerpt(paragraphs: list[str]) -> str:
    """The first paragraph without its dateline, cut to about 180 characters."""
    first = DATELINE.sub("", paragraphs[0])
    return first if len(first) <= 180 else first[:177].rsplit(" ", 1)[0] + "..."


def load_article(path: Path) -> Article:
    """Load and validate one file; any problem becomes a ``ContentError`` naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ContentError(f"{path}: cannot read TOML: {exc}") from exc
    try:
        article = Article.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '(article)'}: {err['msg']}" for err in exc.errors()
        )
        raise ContentError(f"{path}: {problems}", detail={"file": str(path)}) from exc
    if path.parent.name in SITES and path.parent.name != article.site:
        raise ContentError(f"{path}: site {article.site!r} does not match its folder {path.parent.name!r}")
    article.source_file = str(path)
    return article


def load_articles(directory: str | Path | None = None) -> list[Article]:
    """Every ``*.toml`` under ``directory`` (default: the bundled articles), sorted by site
    and publication time. Raises ``ContentError`` for a bad file or a duplicate slug."""
    root = Path(directory) if directory is not None else ARTICLES_DIR
    if not root.is_dir():
        raise ContentError(f"{root}: no such article directory")
    articles = [load_article(p) for p in sorted(root.rglob("*.toml"))]
    seen: dict[tuple[str, str], str] = {}
    for article in articles:
        key = (article.site, article.slug)
        if key in seen:
            raise ContentError(f"{article.source_file}: slug {article.slug!r} already used by {seen[key]}")
        seen[key] = article.source_file
    return sorted(articles, key=lambda a: (a.site, a.published, a.slug))
