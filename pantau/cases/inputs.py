"""What the case stage reads of one article, from the archive or from ``pantau extract``.

Both give the same :class:`CaseInput`: the article's outlet, dates and near-duplicate
cluster, and from its annotation the incident mentions, officials (each with the registry
person it belongs to), regions, dates and violation types, each with the sentences that
name it (evidence offsets are not needed: a stage's date is a date in its sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from pantau.officials_registry import assignments, merge_mentions, normalize_name, official_id


@dataclass
class Mention:
    """One incident sentence."""

    subject: str
    act: str
    stage: str                   # the incident component's stage
    violation_type: str | None
    sentence: str
    text: str


@dataclass
class CaseInput:
    id: str
    source: str
    published: date | None
    cluster: str | None
    title: str
    doc_type: str
    incidents: list[Mention]
    officials: list[dict]                      # name, role, org, region_code, person
    regions: list[tuple[str, str, str, frozenset]]  # code, level, name, sentences
    dates: list[tuple[str, str]]               # ISO day, sentence
    violation_types: set[str] = field(default_factory=set)
    text: str = ""


def _day(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _sentences(evidence) -> frozenset:
    items = evidence if isinstance(evidence, list) else [evidence]
    return frozenset(e.get("sentence", "") for e in items if isinstance(e, dict))


def _dates(annotation: dict) -> list[tuple[str, str]]:
    """(day, sentence) from a stored annotation (``dates: [{date, evidence}]``) or an extract
    output (``dates: [day]`` and ``evidence.dates: {day: [evidence]}``)."""
    out = []
    extra = (annotation.get("evidence") or {}).get("dates") or {}
    for item in annotation.get("dates", []):
        if isinstance(item, dict):
            out.append((str(item["date"])[:10], (item.get("evidence") or {}).get("sentence", "")))
        else:
            out += [(str(item)[:10], s) for s in _sentences(extra.get(item, [])) or {""}]
    return out


def _violation_types(annotation: dict) -> set[str]:
    return {v["type"] if isinstance(v, dict) else str(v) for v in annotation.get("violation_types", [])}


def build(article: dict, annotation: dict, person_of: Callable[[str, dict], str]) -> CaseInput:
    """``article``: id, source, published, cluster, title, text. ``person_of(article_id, mention)``
    names the registry person of an official mention."""
    aid = article["id"]
    incidents = [Mention(i.get("subject", ""), i.get("act", ""), i.get("stage", "reported"),
                         i.get("violation_type"), (i.get("evidence") or {}).get("sentence", ""),
                         (i.get("evidence") or {}).get("text", ""))
                 for i in annotation.get("incidents", [])]
    officials = [{"name": o.get("name", ""), "role": o.get("role") or "", "org": o.get("org"),
                  "region_code": o.get("region_code"), "person": person_of(aid, o)}
                 for o in annotation.get("officials", [])]
    regions = [(r["code"], r.get("level", ""), r.get("name", ""), _sentences(r.get("evidence", [])))
               for r in annotation.get("regions", []) if r.get("code")]
    return CaseInput(id=aid, source=article.get("source") or "", published=_day(article.get("published")),
                     cluster=article.get("cluster"), title=article.get("title") or "",
                     doc_type=annotation.get("doc_type", "other"), incidents=incidents,
                     officials=officials, regions=regions, dates=_dates(annotation),
                     violation_types=_violation_types(annotation), text=article.get("text") or "")


def from_extract(rows: Iterable[tuple[dict, dict]]) -> list[CaseInput]:
    """(input line, extract output) pairs -> inputs, with persons merged across the file the
    way the officials registry merges them across the archive."""
    rows = list(rows)
    mentions = [{"name": o.get("name", ""), "role": o.get("role") or "", "org": o.get("org"),
                 "region_code": o.get("region_code"), "article_id": str(line["id"]),
                 "published": _day(line.get("published"))}
                for line, output in rows for o in output.get("officials", [])]
    persons = merge_mentions(mentions)
    owner = {(mid, aid): pid for mid, aid, pid in assignments(persons, mentions)}

    def person_of(aid: str, o: dict) -> str:
        mid = official_id(o.get("name", ""), o.get("org"), o.get("region_code"))
        return owner.get((mid, aid)) or "name:" + normalize_name(o.get("name", ""))

    return [build({"id": str(line["id"]), "source": source_of(line), "published": line.get("published"),
                   "cluster": line.get("cluster"), "title": line.get("title"), "text": line.get("text")},
                  output, person_of)
            for line, output in rows]


def source_of(line: dict) -> str:
    """The outlet of an input line: ``source``, else the host of ``url``."""
    if line.get("source"):
        return str(line["source"])
    from urllib.parse import urlsplit

    host = urlsplit(str(line.get("url") or "")).hostname or ""
    return host.removeprefix("www.")
