"""The item pipeline: upsert the source when the spider opens, then store each item
(captures before parsing; see crawler.archiving) and count it in the crawl's stats.

The archive work (parsing included) runs in one worker thread per source, off the
reactor thread, so downloads go on while a page is parsed; items of a source are stored
in order, and SQLite serialises the writers of several sources.
"""

from __future__ import annotations

import logging

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThreadPool
from twisted.python.threadpool import ThreadPool

from crawler import archiving, jobs
from crawler.items import ArticleFetch, Event

logger = logging.getLogger(__name__)


class ArchivePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive = None
        self.source = None  # the spider's pantau.schema.Source (its timezone, for the parser)
        self.pool: ThreadPool | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def _in_worker(self, func, *args):
        from twisted.internet import reactor

        return await maybe_deferred_to_future(deferToThreadPool(reactor, self.pool, func, *args))

    async def open_spider(self, spider=None) -> None:
        spider = self.crawler.spider
        self.pool = ThreadPool(1, 1, name=f"pantau-archive-{spider.source_id}")
        self.pool.start()
        self.source = spider.site.to_source()
        await self._in_worker(self._open, self.source)

    def _open(self, source) -> None:
        from pantau.store import Archive

        self.archive = Archive.open(jobs.archive_path(self.crawler.settings))
        self.archive.upsert_source(source)

    async def close_spider(self, spider=None) -> None:
        if self.pool is None:
            return
        if self.archive is not None:
            await self._in_worker(self.archive.close)
        self.pool.stop()

    async def process_item(self, item, spider=None):
        spider = self.crawler.spider
        if isinstance(item, ArticleFetch):
            outcome = await self._in_worker(archiving.store_fetch, self.archive, item, self.source, spider.since)
            self._count_fetch(item, outcome)
        elif isinstance(item, Event):
            await self._in_worker(archiving.record_event, self.archive, item)
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
        if outcome.demoted:  # an earlier article of this run or another became a duplicate
            self.stats.inc_value("pantau/duplicates", len(outcome.demoted))
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
