"""Case records from linked reports: the subject, the regions, the stages with their dates
and evidence, report and outlet counts, lags and a status."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from pantau.cases.link import Cluster
from pantau.cases.reports import RANK, Report
from pantau.ids import digest

OPEN_DAYS = 180  # a case with no news for longer than this, and no outcome, is "unknown"


class CaseSubject(BaseModel):
    model_config = ConfigDict(extra="forbid")
    official_ids: list[str] = Field(default_factory=list, description="Registry persons (/v1/officials).")
    names: list[str] = Field(default_factory=list)
    role: str | None = Field(None, description="Canonical role (pantau/data/case_rules.toml).")
    label: str = Field("", description="The subject as the first report puts it.")
    initials: str | None = None


class CaseStage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage: str = Field(description="reported, clarified, recommended, sanctioned or dismissed.")
    date: str | None = Field(None, description="The date the article gives for the stage (YYYY-MM-DD).")
    published: str | None = Field(None, description="Publication day of the reporting article.")
    article: str
    source: str
    sanction: str | None = Field(None, description="The kind of sanction, when given.")
    recipient: str | None = Field(None, description="Whom a recommendation went to: KASN, BKN, PPK...")
    evidence: list[str] = Field(default_factory=list, description="The sentences that report it.")


class CaseMember(BaseModel):
    model_config = ConfigDict(extra="forbid")
    article: str
    source: str
    cluster: str
    stage: str
    score: float = Field(description="How strongly the article joined the case (10: a syndicated copy).")
    reasons: list[str] = Field(default_factory=list)


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    subject: CaseSubject
    region_codes: list[str] = Field(description="Most specific first.")
    violation_types: list[str]
    stage: str = Field(description="The most advanced stage reported.")
    status: str = Field(description="open, sanctioned, dismissed or unknown (no outcome and no news for 180 days).")
    stages: list[CaseStage]
    first_report: str | None
    last_report: str | None
    reports: int = Field(description="Distinct reports: syndicated copies count once.")
    outlets: int
    articles: list[str]
    members: list[CaseMember]
    lag_recommendation_days: int | None = None
    lag_sanction_days: int | None = None
    uncertain: bool = Field(False, description="Some member joined with a score near the threshold.")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _stage_day(rep: Report) -> date | None:
    return rep.day


def _lag(start: date | None, reps: list[Report], stage: str) -> int | None:
    days = [d for rep in reps if RANK[rep.stage] >= RANK[stage] and rep.stage != "dismissed"
            and (d := _stage_day(rep))]
    if start is None or not days:
        return None
    return max(0, (min(days) - start).days)


def record(cluster: Cluster, as_of: date | None, join: float) -> Case:
    reps = cluster.reports
    first = reps[0]
    subject_key = "|".join(sorted(cluster.persons)) or f"{first.role}|{first.initials or ''}|{first.label}"
    published = [rep.published for rep in reps if rep.published]
    first_day = min((d for rep in reps if (d := rep.day)), default=None)
    top = max(reps, key=lambda rep: RANK[rep.stage]).stage
    codes = sorted(cluster.subregions, key=lambda c: (-len(c), c))
    codes += [c for c in (cluster.regency, cluster.province) if c and c not in codes]
    stages = sorted((CaseStage(stage=rep.stage, date=rep.stage_date, published=_iso(rep.published),
                               article=rep.article, source=rep.source, sanction=rep.sanction,
                               recipient=rep.recipient,
                               evidence=list(dict.fromkeys(e["sentence"] for e in rep.evidence
                                                           if e["stage"] == rep.stage))[:3])
                     for rep in reps), key=lambda s: (s.date or s.published or "9999", RANK[s.stage], s.article))
    last = max(published, default=None)
    return Case(
        id=digest(f"case|{first.article}|{subject_key}"),
        subject=CaseSubject(official_ids=sorted(cluster.persons), names=sorted(cluster.names),
                            role=first.role, label=first.label, initials=first.initials),
        region_codes=codes, violation_types=sorted(cluster.acts), stage=top,
        status=_status(top, last, as_of), stages=stages,
        first_report=_iso(min(published, default=None)), last_report=_iso(last),
        reports=len(cluster.clusters), outlets=len({rep.source for rep in reps}),
        articles=sorted({rep.article for rep in reps}),
        members=[CaseMember(article=rep.article, source=rep.source, cluster=rep.cluster, stage=rep.stage,
                            score=s, reasons=why) for rep, (s, why) in zip(reps, cluster.scores)],
        lag_recommendation_days=_lag(first_day, reps, "recommended"),
        lag_sanction_days=_lag(first_day, reps, "sanctioned"),
        uncertain=any(0 < s < join + 1.0 for s, _ in cluster.scores),
    )


def _status(top: str, last: date | None, as_of: date | None) -> str:
    if top in ("sanctioned", "dismissed"):
        return top
    if last and as_of and (as_of - last).days > OPEN_DAYS:
        return "unknown"
    return "open"


def build_cases(reports: list[Report], as_of: date | None = None) -> list[Case]:
    """Link reports into cases and describe each; ``as_of`` (default: the newest report)
    decides which unresolved cases are still open."""
    from pantau.cases.link import link
    from pantau.cases.rules import rules

    r = rules()
    as_of = as_of or max((rep.published for rep in reports if rep.published), default=None)
    # first reported first; of cases first reported the same day (two in one article), the
    # one more reports tell, then the one further along: an article's main case first
    return sorted((record(c, as_of, r.link["join"]) for c in link(reports, r)),
                  key=lambda c: (c.first_report or "9999", -c.reports, -RANK[c.stage], c.id))

