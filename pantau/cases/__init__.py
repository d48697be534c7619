"""The case stage: incident reports from many articles joined into cases.

``inputs`` reads what the stage needs of an article (from the archive or from ``pantau
extract``), ``reports`` groups one article's incident mentions by subject (``context`` tells
which sentences point to another case), ``link`` joins
reports across articles, ``records`` describes each case. The archive's tables are in
``pantau.store.cases``; the rules and weights in ``pantau/data/case_rules.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable

from pantau.cases.inputs import CaseInput
from pantau.cases.records import Case, build_cases
from pantau.cases.reports import reports


def cases_of(items: Iterable[CaseInput]) -> list[Case]:
    return build_cases([rep for item in items for rep in reports(item)])


def contract_row(case: Case) -> dict:
    """A case as ``pantau extract --cases`` writes it (shared/eval/README.md), plus the
    record's other fields."""
    row = {"case": case.id, "articles": case.articles,
           "stages": [{"stage": s.stage, "date": s.date, "article": s.article} for s in case.stages],
           "status": case.status}
    extra = case.model_dump(exclude={"id", "articles", "stages", "status"})
    return {**row, **extra, "stage_evidence": [s.model_dump() for s in case.stages]}
