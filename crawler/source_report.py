"""What ``pantau sources`` shows: the registry, a reachability check, the coverage ledger."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from crawler.registry import Entry


def describe(entry: Entry) -> dict:
    return {"id": entry.id, "name": entry.name, "type": entry.type.value if hasattr(entry.type, "value") else entry.type,
            "region": entry.region, "enabled": entry.enabled, "verified": entry.verified,
            "sample": entry.is_sample, "base_url": entry.base_url}


def list_table(rows: list[dict]):
    from rich.table import Table

    table = Table(title=f"{len(rows)} sources")
    for name in ("id", "type", "region", "enabled", "verified", "base_url"):
        table.add_column(name)
    for r in rows:
        table.add_row(r["id"], r["type"], r["region"] or "", "yes" if r["enabled"] else "no",
                      "yes" if r["verified"] else "no", r["base_url"])
    return table


def probe(url: str, timeout: float, user_agent: str) -> dict:
    """One HEAD request (GET if HEAD is refused); never raises."""
    import httpx

    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": user_agent}) as client:
            response = client.head(url)
            if response.status_code in (405, 501):
                response = client.get(url)
        return {"ok": response.status_code < 400, "status": response.status_code, "error": None,
                "final_url": str(response.url)}
    except httpx.HTTPError as exc:
        return {"ok": False, "status": None, "error": f"{type(exc).__name__}: {exc}"[:160], "final_url": None}


def check_answers(entries: list[Entry], sample_url: str | None, timeout: float) -> list[dict]:
    """Probe every source's base URL in parallel (sample sites only with ``sample_url``)."""
    from pantau.settings import get_settings

    agent = get_settings().crawler_user_agent
    targets = [(e, e.resolve(sample_url).base_url if (sample_url or not e.is_sample) else None) for e in entries]

    def one(target):
        entry, url = target
        result = probe(url, timeout, agent) if url else {"ok": None, "status": None,
                                                         "error": "sample site: give --sample-url", "final_url": None}
        return {"id": entry.id, "url": url or entry.base_url, "verified": entry.verified, **result}

    with ThreadPoolExecutor(max_workers=min(32, max(1, len(targets)))) as pool:
        return list(pool.map(one, targets))


def check_table(rows: list[dict]):
    from rich.table import Table

    answered = sum(1 for r in rows if r["ok"])
    table = Table(title=f"{answered} of {len(rows)} sources answer")
    for name in ("id", "answer", "url"):
        table.add_column(name)
    for r in rows:
        answer = f"[green]{r['status']}[/]" if r["ok"] else f"[red]{r['status'] or r['error']}[/]"
        table.add_row(r["id"], answer, r["url"])
    return table


def health_rows(archive_path: Path | None, days: int) -> list[dict]:
    from pantau.store import Archive, ledger

    first = (date.today() - timedelta(days=days - 1)).isoformat()
    with Archive.open(archive_path) as archive:
        return ledger.rows(archive.conn, since_day=first)


def health_table(rows: list[dict]):
    from rich.table import Table

    table = Table(title="coverage ledger (UTC days)")
    for name in ("day", "source", "pages", "articles", "off-topic", "duplicates", "unchanged",
                 "skipped", "failures", "last success"):
        table.add_column(name, justify="right" if name not in ("day", "source", "skipped", "failures", "last success") else "left")
    for r in rows:
        kinds = lambda d: ", ".join(f"{k} {v}" for k, v in sorted(d.items())) or "-"  # noqa: E731
        table.add_row(r["day"], r["source_id"], str(r["pages"]), str(r["articles"]), str(r["off_topic"]),
                      str(r["duplicates"]), str(r["unchanged"]), kinds(r["skipped"]), kinds(r["failures"]),
                      (r["last_success"] or "-")[:19])
    if not rows:
        table.caption = "no crawl recorded in this period"
    return table


# -- the views of ``pantau sources``: (JSON data, things to print) ------------------------

def list_view(entries: list[Entry]) -> tuple[list[dict], list]:
    from crawler import coverage

    rows = [describe(e) for e in entries]
    cov = coverage.summary(entries)
    return rows, [list_table(rows), coverage.coverage_table(cov)]


def coverage_view(entries: list[Entry], markdown: bool) -> tuple[dict, list]:
    from crawler import coverage

    data = coverage.summary(entries)
    return data, [coverage.markdown(data) if markdown else coverage.coverage_table(data)]


def check_view(entries: list[Entry], ids: list[str] | None, sample_url: str | None, timeout: float,
               write_to: Path | None | bool) -> tuple[list[dict], list]:
    from crawler import sitecheck
    from crawler.registry import REGISTRY_PATH

    chosen = [e for e in entries if e.id in set(ids)] if ids else entries
    missing = sorted(set(ids or []) - {e.id for e in chosen})
    if missing:
        from pantau.errors import NotFound

        raise NotFound(f"no source {missing[0]!r} in the registry; `pantau sources` lists them")
    rows = sitecheck.check(chosen, sample_url, timeout)
    shown: list = [check_report(rows)]
    if write_to is not False and write_to is not None:
        path = write_to if isinstance(write_to, Path) else REGISTRY_PATH
        verdicts = sitecheck.write_verdicts(path, rows)
        shown.append(f"{path}: {sum(verdicts.values())} verified, {len(verdicts) - sum(verdicts.values())} not")
    return rows, shown


def _mark(value) -> str:
    return "[green]yes[/]" if value else ("[red]no[/]" if value is False else "-")


def check_report(rows: list[dict]):
    from rich.table import Table

    passed = sum(1 for r in rows if r["ok"])
    table = Table(title=f"{passed} of {len(rows)} sources answer, discover articles and parse one")
    for name in ("id", "answers", "discovers", "parses", "detail"):
        table.add_column(name)
    for r in rows:
        if r["ok"] is None:
            table.add_row(r["id"], "-", "-", "-", r.get("note", ""))
            continue
        sample = r.get("sample") or {}
        answer = str(r.get("status") or r.get("error") or "") + (f" {r['shield']}" if r.get("shield") else "")
        detail = (f"{answer}; {r.get('articles_found', 0)} articles ({r.get('discovery', '')}); "
                  + (f"sample: {sample.get('title')!r} {sample.get('published_at')} {sample.get('text_chars', 0)} chars"
                     if sample.get("url") else f"sample: {sample.get('reason')}"))
        table.add_row(r["id"], _mark(r["answers"]), _mark(r["discovers"]), _mark(r["parses"]), detail)
    return table


def health_view(entries: list[Entry], archive: Path | None, days: int) -> tuple[dict, list]:
    from crawler.health import source_health

    rows = health_rows(archive, days)
    crawled = {r["source_id"] for r in rows}
    states = source_health(rows, [e.id for e in entries if e.id in crawled] + sorted(crawled - {e.id for e in entries}))
    return {"sources": states, "ledger": rows}, [health_state_table(states, len(entries)), health_table(rows)]


def health_state_table(states: list[dict], registered: int):
    from rich.table import Table

    colours = {"ok": "green", "degraded": "yellow", "blocked": "red", "dead": "red", "unknown": "dim"}
    table = Table(title=f"source health from the last crawls ({len(states)} crawled of {registered} registered)")
    for name in ("source", "state", "reason", "last success"):
        table.add_column(name)
    for s in states:
        table.add_row(s["id"], f"[{colours[s['state']]}]{s['state']}[/]", s["reason"], (s["last_success"] or "-")[:19])
    return table


def probe_view(url: str, timeout: float, keywords: list[str] | None) -> tuple[dict, list]:
    from rich.table import Table

    from crawler.probe import probe_site
    from pantau.errors import InvalidInput

    if not re.match(r"^https?://[^/\s]+", url or ""):
        raise InvalidInput(f"--probe {url!r}: give an http(s) URL")
    result = probe_site(url, keywords=keywords, timeout=timeout)
    table = Table(title=f"discovery on {result.base_url} (in order)", caption="; ".join(result.site_notes))
    for name in ("method", "status", "articles", "note"):
        table.add_column(name)
    for s in result.steps:
        table.add_row(s.method, str(s.status or "-"), str(s.found), s.note)
    return result.as_dict(), [table, "# a registry entry (crawler/sources.toml):", result.entry_toml]
