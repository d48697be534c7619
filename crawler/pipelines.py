"""The item pipeline: upsert the source when the spider opens, then store each item
(captures before parsing; see crawler.archiving) and count it in the crawl's stats."""

from __future__ import annotations

import logging

from crawler import archiving, jobs
from crawler.items import ArticleFetch, Event

logger = logging.getLogger(__name__)


class ArchivePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None) -> None:
        from pantau.store import Archive

        spider = spider or self.crawler.spider
        self.archive = Archive.open(jobs.archive_path(self.crawler.settings))
        self.archive.upsert_source(spider.site.to_source())

    def close_spider(self, spider=None) -> None:
        if self.archive is not None:
            self.archive.close()

    def process_item(self, item, spider=None):
        spider = spider or self.crawler.spider
        if isinstance(item, ArticleFetch):
            outcome = archiving.store_fetch(self.archive, item, timezone=spider.entry.timezone,
                                            since=spider.since)
            self._count_fetch(item, outcome)
        elif isinstance(item, Event):
            archiving.record_event(self.archive, item)
            self._count_event(item)
        return item

    def _count_fetch(self, item: ArticleFetch, outcome) -> None:
        self.stats.inc_value("pantau/pages", len(item.pages))
        self.stats.inc_value("pantau/article_pages", len(item.pages))
        kind = outcome.kind
        if kind in ("stored", "duplicate"):
            self.stats.inc_value("pantau/articles")
        if kind == "duplicate":
            self.stats.inc_value("pantau/duplicates")
        elif kind == "off_topic":
            self.stats.inc_value("pantau/off_topic")
        elif kind in ("incomplete", "parse_error"):
            self.stats.inc_value(f"pantau/failed/{kind}")
            logger.warning("%s: %s (%s)", item.pages[0].url, kind, outcome.reason)
        elif kind != "stored":
            self.stats.inc_value(f"pantau/skipped/{kind}")

    def _count_event(self, event: Event) -> None:
        if event.fetched:
            self.stats.inc_value("pantau/pages")
            if event.fetched == "article":
                self.stats.inc_value("pantau/article_pages")
        if event.kind == "unchanged":
            self.stats.inc_value("pantau/unchanged")
        elif event.kind != "page":
            self.stats.inc_value(f"pantau/{event.kind}/{event.reason}")
