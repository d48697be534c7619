"""The answer key: one entry per article page (each rendition of a syndicated article is an
entry of its own, sharing ``cluster``), in the input+gold format of ``shared/eval/README.md``:
the extraction gold (``doc_type`` ... ``dates``) and the case gold (``gold.cases``, with the
page's outlet in ``source``), so both ``score.py`` and ``score_cases.py`` read the same file."""

from __future__ import annotations

import json
from pathlib import Path

from sample_site.catalog import Catalog, Rendition
from sample_site.content import SITES


def variants(base: str, r: Rendition) -> dict[str, str | list[str]]:
    """Other URLs that serve (part of) this article and must fold into this one entry."""
    url = base + r.path
    if r.site == "nusaraya":
        pages = [f"{url}?page={n}" for n in range(2, len(r.pages) + 1)]
        return {"amp": base + r.amp_path, "all_pages": f"{url}?page=all", "next_pages": pages}
    if r.site == "kabarpantura":
        return {"shortlink": f"{base}/kabarpantura/?p={r.number}"}
    return {}


def entry(base_url: str, r: Rendition) -> dict:
    a = r.article
    base = base_url.rstrip("/")
    answer = a.answer.model_dump(exclude_defaults=False)
    for key in ("regions", "officials"):  # keep "optional" only where it is set
        answer[key] = [{k: v for k, v in item.items() if k != "optional" or v} for item in answer[key]]
    if not answer["optional_violation_types"]:
        del answer["optional_violation_types"]
    out = {
        "id": r.key,
        "url": base + r.path,
        "site": r.site,
        "source": r.site,  # the outlet of this page (score_cases: one outlet per site id)
        "source_name": SITES[r.site][0],
        "title": a.title,
        "published": a.published.isoformat(timespec="seconds"),
        "published_date": a.published.date().isoformat(),
        # what the page shows: the Bawaslu site gives only the day, in the text
        "published_precision": "day" if r.site == "bawaslu-temanggung" else "minute",
        "author": a.author,
        "editor": a.editor,
        "section": a.section,
        "on_topic": a.on_topic,
        "pages": len(r.pages) if r.site == "nusaraya" else 1,
        "text": r.text,
        "variants": variants(base, r),
        "gold": answer,
    }
    if r.cluster:
        out["cluster"] = r.cluster
    return out


def answer_key(base_url: str, catalog: Catalog | None = None, directory: str | Path | None = None) -> list[dict]:
    """Every article page a crawler should archive, with its expected fields and gold answer."""
    catalog = catalog or Catalog.load(directory)
    return [entry(base_url, r) for r in catalog.renditions]


def write_answer_key(path: str | Path, base_url: str, catalog: Catalog | None = None,
                     directory: str | Path | None = None) -> int:
    """Write the answer key as JSONL; returns the number of entries."""
    entries = answer_key(base_url, catalog, directory)
    with open(path, "w", encoding="utf-8") as fh:
        for item in entries:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return len(entries)
