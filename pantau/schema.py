"""The document schema: what the archive stores at each stage, as pydantic models."""

from __future__ import annotations

from datetime import date, datetime, timezone

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from pantau.taxonomy import DocType, IncidentStage, RegionLevel, SourceType, ViolationType


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Source(Model):
    """One outlet or Bawaslu office, as registered in the crawler's source registry."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)
    name: str
    type: SourceType
    base_url: HttpUrl
    region_code: str | None = Field(None, description="Default region of a regional outlet.")
    timezone: Literal["WIB", "WITA", "WIT"] = Field(
        "WIB", description="Zone of the times the outlet writes without an offset; when not given, "
                           "the region's zone (pantau.timezones.zone_for_region).")
    enabled: bool = True
    config: dict = Field(default_factory=dict, description="Discovery and politeness settings.")

    @model_validator(mode="before")
    @classmethod
    def _default_timezone(cls, data):
        """No timezone given: the one kept in ``config`` (how the archive stores it), else the
        region's zone."""
        if isinstance(data, dict) and not data.get("timezone"):
            from pantau.timezones import zone_for_region

            config = data.get("config") or {}
            kept = config.get("timezone") if isinstance(config, dict) else None
            data = {**data, "timezone": kept or zone_for_region(data.get("region_code")).tzname(None)}
        return data

    @model_validator(mode="after")
    def _keep_timezone_in_config(self):
        """The archive's sources table keeps the timezone in ``config``: mirror the field there."""
        if self.config.get("timezone") != self.timezone:
            self.config = {**self.config, "timezone": self.timezone}
        return self


class Capture(Model):
    """A fetched page exactly as received. Immutable once stored."""

    id: str
    source_id: str
    url: str
    final_url: str = Field(description="URL after redirects.")
    status: int
    headers: dict[str, str] = Field(default_factory=dict)
    body: bytes = Field(repr=False)
    sha256: str
    fetched_at: datetime = Field(default_factory=utcnow)


class FieldMethod(Model):
    """Which method produced a parsed field (json-ld, opengraph, trafilatura, htmldate, css...)."""

    field: str
    method: str


class Article(Model):
    """Parsed fields of a captured article page."""

    id: str
    capture_id: str
    source_id: str
    url: str
    canonical_url: str
    title: str
    text: str
    author: str | None = None
    published_at: datetime | None = None
    language: str = "id"
    section: str | None = None
    content_hash: str = Field(description="sha256 of the normalised text.")
    cluster_id: str | None = Field(None, description="Near-duplicate cluster (syndication).")
    parser: str = Field(description="Name of the parser that produced the fields.")
    parser_version: str
    methods: list[FieldMethod] = Field(default_factory=list)
    parsed_at: datetime = Field(default_factory=utcnow)


class Evidence(Model):
    """Where in the text a value was found."""

    text: str = Field(description="The matched span.")
    start: int = Field(ge=0, description="Character offset of the span in the article text.")
    end: int = Field(ge=0)
    sentence: str = Field("", description="The sentence that holds the span.")


class Region(Model):
    """An administrative region of the Kemendagri table."""

    code: str = Field(pattern=r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
    level: RegionLevel
    name: str
    parent_code: str | None = None


class RegionMention(Model):
    code: str | None = None
    level: RegionLevel
    name: str
    parents: list[str] = Field(default_factory=list, description="Codes of the enclosing regions.")
    evidence: list[Evidence] = Field(default_factory=list)


class OfficialMention(Model):
    name: str = Field(description="Name without degrees or honorifics.")
    role: str
    org: str | None = None
    region_code: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Official(Model):
    """A person in the officials registry, merged across articles."""

    id: str
    name: str
    roles: list[dict] = Field(default_factory=list, description="role, org, region_code, first/last seen.")
    article_ids: list[str] = Field(default_factory=list)


class ViolationMention(Model):
    type: ViolationType
    evidence: list[Evidence] = Field(default_factory=list)


class DateMention(Model):
    date: date
    evidence: Evidence


class IncidentMention(Model):
    subject: str
    act: str
    stage: IncidentStage
    violation_type: ViolationType | None = None
    evidence: Evidence


class Annotation(Model):
    """What the NLP pipeline found in one article, for one pipeline version."""

    article_id: str
    pipeline_version: str
    doc_type: DocType
    violation_types: list[ViolationMention] = Field(default_factory=list)
    regions: list[RegionMention] = Field(default_factory=list)
    officials: list[OfficialMention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    incidents: list[IncidentMention] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)
