"""Run crawls in this process (``pantau crawl``): one Scrapy crawler per source in one
CrawlerProcess, a live progress table, and per-source summaries from the crawl stats.

Scrapy's reactor starts once per process, so ``run`` can be called once per process; tests
and benchmarks run ``pantau crawl`` in a subprocess.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

COLUMNS = ("pages", "article_pages", "articles", "off_topic", "duplicates", "unchanged")


@dataclass
class CrawlOptions:
    sources: list[str]
    sample_url: str | None = None
    since: str | None = None
    max_pages: int | None = None
    refresh: bool = False
    polite: bool = True
    registry: Path | None = None
    archive: Path | None = None
    log_level: str = "WARNING"
    log_file: Path | None = None
    progress: bool = True
    extra_settings: dict = field(default_factory=dict)


def build_settings(opts: CrawlOptions):
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    values = {"PANTAU_POLITENESS": opts.polite, "LOG_LEVEL": opts.log_level, **opts.extra_settings}
    if opts.max_pages:
        values["CLOSESPIDER_PAGECOUNT"] = opts.max_pages
    if opts.archive:
        values["PANTAU_ARCHIVE"] = str(opts.archive)
    if opts.log_file:
        values["LOG_FILE"] = str(opts.log_file)
    for name, value in values.items():
        settings.set(name, value, priority="cmdline")
    return settings


def summarize(stats: dict) -> dict:
    """The crawl's numbers from Scrapy stats: counters, skips and failures by kind."""
    out = {name: int(stats.get(f"pantau/{name}", 0)) for name in COLUMNS}
    for group in ("skipped", "failed"):
        prefix = f"pantau/{group}/"
        out[group] = {k[len(prefix):]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}
    out["finish_reason"] = stats.get("finish_reason", "running")
    elapsed = stats.get("elapsed_time_seconds")
    out["seconds"] = round(float(elapsed), 3) if elapsed is not None else None
    return out


def progress_table(crawlers: dict):
    from rich.table import Table

    table = Table(title="pantau crawl", expand=False)
    table.add_column("source")
    for name in COLUMNS:
        table.add_column(name.replace("_", " "), justify="right")
    table.add_column("skipped", justify="right")
    table.add_column("failed", justify="right")
    table.add_column("state")
    for source_id, crawler in crawlers.items():
        row = summarize(dict(crawler.stats.get_stats()) if crawler.stats else {})
        table.add_row(source_id, *(str(row[c]) for c in COLUMNS), str(sum(row["skipped"].values())),
                      str(sum(row["failed"].values())), row["finish_reason"])
    return table


def run(opts: CrawlOptions) -> dict[str, dict]:
    """Crawl every source of ``opts.sources``; return source id -> summary."""
    from contextlib import nullcontext

    from rich.console import Console
    from rich.live import Live
    from scrapy.crawler import CrawlerProcess

    from crawler.spiders.pantau import PantauSpider

    process = CrawlerProcess(build_settings(opts))
    if opts.log_level not in ("DEBUG", "INFO"):  # the summary reports these failures
        for name in ("scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    crawlers = {}
    for source_id in opts.sources:
        crawler = process.create_crawler(PantauSpider)
        process.crawl(crawler, source=source_id, sample_url=opts.sample_url, since=opts.since,
                      refresh=opts.refresh, registry=str(opts.registry) if opts.registry else None)
        crawlers[source_id] = crawler
    live = (Live(get_renderable=lambda: progress_table(crawlers), console=Console(stderr=True),
                 refresh_per_second=4, transient=True, redirect_stdout=False, redirect_stderr=False)
            if opts.progress else nullcontext())
    with live:
        process.start()
    return {source_id: summarize(dict(c.stats.get_stats())) for source_id, c in crawlers.items()}


def totals(summaries: dict[str, dict]) -> dict:
    out: dict = {name: sum(s[name] for s in summaries.values()) for name in COLUMNS}
    for group in ("skipped", "failed"):
        merged: dict[str, int] = {}
        for s in summaries.values():
            for kind, n in s[group].items():
                merged[kind] = merged.get(kind, 0) + n
        out[group] = dict(sorted(merged.items()))
    return out
