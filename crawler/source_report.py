"""What ``pantau sources`` shows: the registry, a reachability check, the coverage ledger."""

from __future__ import annotations

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


def check(entries: list[Entry], sample_url: str | None, timeout: float) -> list[dict]:
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
