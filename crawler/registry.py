"""The source registry: ``crawler/sources.toml`` loaded and validated.

    registry = load_registry()                  # or load_registry(path)
    entry = registry.get("kabarpantura")
    site = entry.resolve(sample_url)            # absolute URLs, compiled patterns
    source = site.to_source()                   # pantau.schema.Source for the archive

Base URLs of the bundled sample sites start with ``{sample}``, filled in at run time with
the sample server's URL. Every other URL in an entry is relative to its base URL.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pantau.errors import InvalidInput, NotFound
from pantau.schema import Source
from pantau.taxonomy import SourceType

REGISTRY_PATH = Path(__file__).resolve().parent / "sources.toml"
SOFTWARE_PATH = Path(__file__).resolve().parent / "site_software.toml"
SAMPLE = "{sample}"
DEFAULT_QUERIES = ["netralitas asn", "asn tidak netral"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc
    return pattern


class Listing(_Strict):
    """A listing, tag, section or search-result page and how it is paginated."""

    url: str = Field("", description="Relative to base_url; '' is the home page.")
    pagination: str | None = Field(None, description="Page n relative to the listing, e.g. 'page/{n}/' or '?page={n}'.")
    max_pages: int = Field(10, ge=1, le=1000)

    @field_validator("pagination")
    @classmethod
    def _has_n(cls, value: str | None) -> str | None:
        if value is not None and "{n}" not in value:
            raise ValueError("pagination needs a {n} placeholder")
        return value


class Rewrite(_Strict):
    """Fold an AMP or mobile URL onto the article (applied to the URL relative to base_url)."""

    pattern: str
    replace: str

    @field_validator("pattern")
    @classmethod
    def _regex(cls, value: str) -> str:
        return _compiles(value)


class Discovery(_Strict):
    sitemaps: list[str] = Field(default_factory=list, description="Sitemaps, sitemap indexes, news sitemaps.")
    feeds: list[str] = Field(default_factory=list, description="RSS or Atom feeds.")
    listings: list[Listing] = Field(default_factory=list)
    search: list[str] = Field(default_factory=list, description="Search URL templates with {query}.")
    queries: list[str] = Field(default_factory=lambda: list(DEFAULT_QUERIES))
    urls: list[str] = Field(default_factory=list, description="Article URLs to fetch as they are (seeds).")
    article_pattern: str = Field(description="Regex that the URL relative to base_url must fully match.")
    rewrites: list[Rewrite] = Field(default_factory=list)

    @field_validator("article_pattern")
    @classmethod
    def _regex(cls, value: str) -> str:
        return _compiles(value)

    @field_validator("search")
    @classmethod
    def _has_query(cls, value: list[str]) -> list[str]:
        for template in value:
            if "{query}" not in template:
                raise ValueError(f"search template {template!r} needs a {{query}} placeholder")
        return value

    @model_validator(mode="after")
    def _some_method(self) -> Discovery:
        if not (self.sitemaps or self.feeds or self.listings or self.search or self.urls):
            raise ValueError("a source needs at least one discovery method")
        return self


class Politeness(_Strict):
    delay: float | None = Field(None, ge=0, le=300, description="Seconds between requests.")
    concurrency: int | None = Field(None, ge=1, le=8, description="Parallel requests to the domain.")


class Entry(_Strict):
    """One ``[[source]]`` of the registry."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)
    name: str = Field(min_length=2)
    type: SourceType
    base_url: str
    region: str | None = Field(None, description="Default Kemendagri region code.")
    timezone: Literal["WIB", "WITA", "WIT"] | None = Field(
        None, description="Zone of times written without an offset (default: the region's, else WIB).")
    enabled: bool = True
    verified: bool = Field(False, description="Checked against the live site.")
    software: str | None = Field(None, description="Site software (crawler/site_software.toml) whose "
                                 "discovery and politeness this entry inherits.")
    notes: str = ""
    discovery: Discovery
    politeness: Politeness = Field(default_factory=Politeness)

    @model_validator(mode="before")
    @classmethod
    def _inherit(cls, data):
        """Fill discovery and politeness from the site software; the entry's own keys win."""
        if not isinstance(data, dict) or not data.get("software"):
            return data
        profile = software_profiles().get(data["software"])
        if profile is None:
            raise ValueError(f"unknown software {data['software']!r}; known: {', '.join(sorted(software_profiles()))}")
        merged = dict(data)
        for table in ("discovery", "politeness"):
            merged[table] = {**profile.get(table, {}), **(data.get(table) or {})}
        return merged

    @field_validator("base_url")
    @classmethod
    def _base(cls, value: str) -> str:
        if not re.match(r"^(https?://[^/\s]+|\{sample\})/\S*$", value):
            raise ValueError(f"base_url {value!r} must be an http(s) URL or start with {SAMPLE}/")
        if not value.endswith("/"):
            raise ValueError(f"base_url {value!r} must end with '/'")
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str | None) -> str | None:
        return None if value is None else check_region(value)

    @property
    def is_sample(self) -> bool:
        return self.base_url.startswith(SAMPLE)

    def resolve(self, sample_url: str | None = None) -> Site:
        if self.is_sample and not sample_url:
            raise InvalidInput(f"source {self.id} is a sample site: give the sample server's URL "
                               "(--sample-url http://127.0.0.1:8765)")
        base = self.base_url.replace(SAMPLE, (sample_url or "").rstrip("/"), 1)
        return Site(self, base)


@lru_cache(maxsize=1)
def software_profiles() -> dict[str, dict]:
    """``crawler/site_software.toml``: software name -> {description, verified, discovery, politeness}."""
    try:
        return tomllib.loads(SOFTWARE_PATH.read_text(encoding="utf-8"))["software"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise InvalidInput(f"{SOFTWARE_PATH}: cannot read the site software table: {exc}") from exc


def check_region(code: str) -> str:
    """A known Kemendagri code (normalised), else InvalidInput."""
    from pantau.regions import get_region_table, normalize_code

    code = normalize_code(code)
    if code not in get_region_table():
        raise ValueError(f"unknown region code {code!r}")
    return code


@dataclass(frozen=True)
class Site:
    """A registry entry with its URLs made absolute."""

    entry: Entry
    base_url: str

    @property
    def id(self) -> str:
        return self.entry.id

    def url(self, relative: str) -> str:
        from urllib.parse import urljoin

        return urljoin(self.base_url, relative)

    @cached_property
    def article_re(self) -> re.Pattern:
        return re.compile(self.entry.discovery.article_pattern)

    @cached_property
    def rewrites(self) -> list[tuple[re.Pattern, str]]:
        return [(re.compile(r.pattern), r.replace) for r in self.entry.discovery.rewrites]

    def to_source(self) -> Source:
        e = self.entry
        config = {"discovery": e.discovery.model_dump(), "politeness": e.politeness.model_dump(),
                  "verified": e.verified, "registry_base_url": e.base_url, "software": e.software}
        return Source(id=e.id, name=e.name, type=e.type, base_url=self.base_url, region_code=e.region,
                      timezone=e.timezone, enabled=e.enabled, config=config)


class Registry(_Strict):
    source: list[Entry]

    @model_validator(mode="after")
    def _unique(self) -> Registry:
        seen: set[str] = set()
        for entry in self.source:
            if entry.id in seen:
                raise ValueError(f"source id {entry.id!r} is used twice")
            seen.add(entry.id)
        return self

    @property
    def entries(self) -> list[Entry]:
        return self.source

    def get(self, source_id: str) -> Entry:
        for entry in self.source:
            if entry.id == source_id:
                return entry
        raise NotFound(f"no source {source_id!r} in the registry; `pantau sources` lists them",
                       detail={"source": source_id})

    def select(self, ids: list[str] | None = None, *, sample: bool | None = None) -> list[Entry]:
        """The named entries, or every enabled one (only sample or only real ones if asked)."""
        if ids:
            return [self.get(i) for i in ids]
        return [e for e in self.source if e.enabled and (sample is None or e.is_sample == sample)]


def load_registry(path: str | Path | None = None) -> Registry:
    """Load and validate the registry; any problem is an InvalidInput naming the file.
    Cached per file and modification time."""
    path = Path(path) if path else REGISTRY_PATH
    try:
        stat = path.stat()
        mtime = (stat.st_mtime_ns, stat.st_size)
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read the source registry: {exc}") from exc
    return _load(path.resolve(), mtime)


@lru_cache(maxsize=8)
def _load(path: Path, mtime: tuple) -> Registry:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InvalidInput(f"{path}: cannot read the source registry: {exc}") from exc
    try:
        return Registry.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{_where(data, err['loc'])}: {err['msg']}" for err in exc.errors())
        raise InvalidInput(f"{path}: {problems}", detail={"file": str(path)}) from exc


def _where(data: dict, loc: tuple) -> str:
    """'source kabarpantura.discovery.article_pattern' for a pydantic error location."""
    if len(loc) >= 2 and loc[0] == "source" and isinstance(loc[1], int):
        try:
            name = data["source"][loc[1]].get("id", f"#{loc[1] + 1}")
        except (KeyError, IndexError, AttributeError):
            name = f"#{loc[1] + 1}"
        return ".".join([f"source {name}", *map(str, loc[2:])])
    return ".".join(map(str, loc)) or "(registry)"
