"""Response models: what the OpenAPI document promises."""

from __future__ import annotations

from pydantic import BaseModel, Field

from pantau.schema import Annotation, FieldMethod, Official
from pantau.search.query import SearchPage, TimelineBucket


class ErrorModel(BaseModel):
    error: str = Field(description="Machine-readable code: invalid_input, not_found, limit_exceeded...")
    message: str = Field(description="What is wrong, for a person.")
    status: int
    detail: dict = Field(default_factory=dict)


ERRORS = {400: {"model": ErrorModel, "description": "Bad parameter (`invalid_input`): an unknown "
                "parameter, a value of the wrong shape, or one the patterns cannot rule out "
                "(an unknown region code, a stale cursor, date_from after date_to...)"},
          404: {"model": ErrorModel, "description": "Not found"},
          503: {"model": ErrorModel, "description": "Backend unavailable or timeout"}}


class DictionaryRow(BaseModel):
    field: str
    type: str = Field(description="`string` or `list<string>`.")
    csv: str = Field(description="How CSV writes it (lists joined with ';').")
    description: str


class ArticlePage(SearchPage):
    next_url: str | None = Field(None, description="URL of the next page, if any.")


class SourceRef(BaseModel):
    id: str
    name: str | None = None
    type: str | None = None
    base_url: str | None = None


class Provenance(BaseModel):
    source: SourceRef
    capture_id: str
    capture_url: str = Field(description="API URL of the archived page.")
    fetched_at: str | None = None
    final_url: str | None = None
    http_status: int | None = None
    parser: str
    parser_version: str
    methods: list[FieldMethod] = Field(default_factory=list)
    parsed_at: str
    content_hash: str
    pipeline_version: str | None = None


class ArticleRef(BaseModel):
    id: str
    title: str
    url: str
    source_id: str
    published_at: str | None = None


class Cluster(BaseModel):
    id: str | None = None
    members: list[ArticleRef] = Field(default_factory=list, description="Other articles of the cluster.")


class OfficialRef(BaseModel):
    id: str
    name: str


class CaseRef(BaseModel):
    id: str
    stage: str = Field(description="The case's most advanced stage.")
    status: str
    article_stage: str | None = Field(None, description="The stage this article reports (on article pages).")
    first_report: str | None = None


class ArticleDetail(BaseModel):
    id: str
    url: str
    canonical_url: str
    title: str
    author: str | None = None
    published_at: str | None = None
    language: str
    section: str | None = None
    text: str
    annotation: Annotation | None = Field(None, description="Latest annotation, with evidence.")
    officials: list[OfficialRef] = Field(default_factory=list, description="Registry persons named.")
    provenance: Provenance
    cluster: Cluster
    cases: list[CaseRef] = Field(default_factory=list, description="The cases the article reports (/v1/cases/{id}).")


class OfficialSummary(BaseModel):
    id: str
    name: str
    roles: list[dict] = Field(description="role, org, region_code, first_seen, last_seen.")
    article_count: int


class OfficialPage(BaseModel):
    total: int
    items: list[OfficialSummary]
    next_cursor: str | None = None
    next_url: str | None = None


class OfficialDetail(Official):
    cases: list[CaseRef] = Field(default_factory=list, description="Cases of which the person is the subject.")
    article_count: int
    articles: list[ArticleRef] = Field(description="Articles naming the person, newest first.")
    articles_url: str = Field(description="Search URL of the person's articles.")


class RegionNode(BaseModel):
    code: str
    level: str
    name: str
    count: int = Field(description="Articles matching the filters that name the region or a place in it.")
    children: list[RegionNode] = Field(default_factory=list)


class RegionTree(BaseModel):
    total: int = Field(description="Articles matching the filters.")
    regions: list[RegionNode]


class RegionInfo(BaseModel):
    code: str
    level: str
    name: str
    display_name: str
    parent_code: str | None = None
    aliases: list[str] = Field(default_factory=list)


class RegionDetail(BaseModel):
    region: RegionInfo
    count: int
    parents: list[RegionInfo]
    children: list[RegionNode]
    articles_url: str


class Timeline(BaseModel):
    interval: str
    split: str | None = None
    total: int
    buckets: list[TimelineBucket]


class Label(BaseModel):
    code: str
    label_id: str
    label_en: str


class Taxonomy(BaseModel):
    violation_types: list[Label]
    doc_types: list[Label]
    source_types: list[Label]
    region_levels: list[Label]


class SourceInfo(BaseModel):
    id: str
    name: str
    type: str
    base_url: str
    region_code: str | None = None
    enabled: bool
    articles: int
    coverage: dict = Field(default_factory=dict, description="Crawl ledger totals (pages, articles, "
                           "failures by kind...), first and last day, last successful fetch.")


class Health(BaseModel):
    status: str
    backend: dict
    archive: dict
