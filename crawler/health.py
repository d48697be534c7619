"""Each source's health from its last crawls (the coverage ledger), never a hand-set flag.

- ``dead``: nothing answered on any of the recent crawl days, and what failed says the site
  is gone or unreachable (DNS, refused or lost connections, timeouts, 404/410, 5xx);
- ``blocked``: on the latest day, block pages or refusals (403, 429, a bot wall) are at least
  half of what was fetched or failed;
- ``degraded``: it answers, but more than a fifth of the latest day's fetches failed, soft
  404s turned up, or the recent days found no article at all;
- ``ok``: otherwise; ``unknown``: no crawl in the period.
"""

from __future__ import annotations

from collections import defaultdict

RECENT_DAYS = 3
GONE = ("dns", "connection_refused", "connection_lost", "timeout", "http_404", "http_410", "http_500",
        "http_502", "http_503", "http_504")
BLOCKING = ("blocked", "http_401", "http_403", "http_429", "robots")


def _found(row: dict) -> int:
    return row["articles"] + row["off_topic"] + row["duplicates"] + row["unchanged"] + \
        sum(v for k, v in row["skipped"].items() if k in ("already_processed", "too_old", "not_article"))


def state(rows: list[dict]) -> tuple[str, str]:
    """(state, reason) of one source from its ledger rows, newest day first."""
    if not rows:
        return "unknown", "no crawl recorded in the period"
    recent, latest = rows[:RECENT_DAYS], rows[0]
    failures = sum(latest["failures"].values())
    attempts = latest["pages"] + failures
    blocked = sum(latest["failures"].get(k, 0) for k in BLOCKING) + latest["skipped"].get("robots", 0)
    if all(r["pages"] == 0 for r in recent):
        kinds = {k for r in recent for k in r["failures"]}
        if kinds and kinds <= set(GONE):
            return "dead", f"nothing answered on {len(recent)} crawl day(s): {', '.join(sorted(kinds))}"
    if blocked and blocked * 2 >= max(attempts, 1):
        return "blocked", f"{blocked} of {attempts} fetches refused or walled on {latest['day']}"
    if attempts and failures * 5 > attempts:
        return "degraded", f"{failures} of {attempts} fetches failed on {latest['day']}"
    soft = sum(r["skipped"].get("soft_404", 0) for r in recent)
    if soft:
        return "degraded", f"{soft} soft 404 page(s) in the last {len(recent)} crawl day(s)"
    if not any(_found(r) for r in recent):
        return "degraded", f"no article found in the last {len(recent)} crawl day(s)"
    return "ok", f"{latest['pages']} pages, {latest['articles']} new articles on {latest['day']}"


def source_health(ledger_rows: list[dict], source_ids: list[str] | None = None) -> list[dict]:
    """One row per source (those in the ledger, or ``source_ids``): id, state, reason, last day."""
    by_source: dict[str, list[dict]] = defaultdict(list)
    for row in ledger_rows:  # newest day first
        by_source[row["source_id"]].append(row)
    ids = source_ids if source_ids is not None else sorted(by_source)
    out = []
    for source_id in ids:
        rows = by_source.get(source_id, [])
        name, reason = state(rows)
        out.append({"id": source_id, "state": name, "reason": reason, "last_day": rows[0]["day"] if rows else None,
                    "last_success": next((r["last_success"] for r in rows if r["last_success"]), None)})
    return out
