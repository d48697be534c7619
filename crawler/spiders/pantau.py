"""The generic spider, driven by one entry of the source registry.

    scrapy crawl pantau -a source=kabarpantura -a sample_url=http://127.0.0.1:8765
    pantau crawl kabarpantura --sample-url http://127.0.0.1:8765

Discovery (sitemaps and indexes, feeds, listing and search pages with pagination, seed
URLs) yields article URLs; the source's article pattern decides what is an article. An
article page is followed through its next pages, then handed to the pipeline, which
captures, parses and stores it. URLs the archive already has are not fetched again unless
``refresh`` is set (then with If-None-Match / If-Modified-Since).
"""

from __future__ import annotations

import os
from datetime import date
from urllib.parse import quote_plus, urljoin

import scrapy
from scrapy import signals

from crawler import discovery, jobs, pagecheck, parse_bridge, responses, urls
from crawler.items import ArticleFetch, Event
from crawler.registry import load_registry
from pantau.ids import canonical_url, normalize_url

# Priorities: next pages of a started article first, then discovery (find every URL early), then articles.
ARTICLE, DISCOVERY, CONTINUATION = 0, 10, 20


def _flag(value) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "on")


class PantauSpider(scrapy.Spider):
    name = "pantau"

    def __init__(self, source: str | None = None, sample_url: str | None = None, since: str | None = None,
                 refresh: str | bool = False, registry: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        if not source:
            raise ValueError("give a source: scrapy crawl pantau -a source=NAME")
        self.entry = load_registry(registry).get(source)
        self.site = self.entry.resolve(sample_url or os.environ.get("PANTAU_SAMPLE_URL"))
        self.source_id = self.entry.id
        self.since = date.fromisoformat(since) if since else None
        self.refresh = _flag(refresh)
        self.scheduled: set[str] = set()  # URL keys requested in this run
        self.processed: set[str] = set()  # URL keys whose article response was handled
        self.done: set[str] = set()  # URL keys and canonical URLs the archive has
        self.validators: dict[str, tuple[str | None, str | None]] = {}  # key -> (etag, last-modified)
        self.jobdir = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        parse_bridge.warm_up()  # heavy imports before the reactor runs, once per process
        spider._load_archive_state()  # also creates and migrates a new archive, once
        jobs.apply_politeness(crawler.settings, spider.entry)
        spider.jobdir = jobs.prepare_jobdir(crawler.settings, spider.source_id)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._stopped, signal=signals.engine_stopped)
        return spider

    def _closed(self, spider, reason) -> None:
        self.close_reason = reason

    def _stopped(self) -> None:  # after the scheduler and SpiderState wrote their files
        jobs.job_closed(self.jobdir, getattr(self, "close_reason", "unknown"))

    # -- start -----------------------------------------------------------------------

    async def start(self):
        jobs.job_started(self.jobdir)
        for request in self.discovery_requests():
            yield request

    def _load_archive_state(self) -> None:
        from pantau.store import Archive, ledger

        with Archive.open(jobs.archive_path(self.crawler.settings)) as archive:
            self.done = ledger.done_keys(archive.conn, self.source_id)
            self.done |= {r[0] for r in archive.conn.execute(
                "SELECT canonical_url FROM articles WHERE source_id = ?", (self.source_id,))}
            if self.refresh:
                self.validators = {r[0]: (r[1], r[2]) for r in archive.conn.execute(
                    "SELECT url_key, etag, last_modified FROM crawl_urls WHERE source_id = ? "
                    "AND (etag IS NOT NULL OR last_modified IS NOT NULL)", (self.source_id,))}

    def discovery_requests(self):
        d, site = self.entry.discovery, self.site
        for url in d.urls:  # seeds: fetched whatever the article pattern says
            yield from self.article_request(urls.prepare(site, site.url(url)))
        for url in d.sitemaps:
            yield self.discovery_request(site.url(url), self.parse_sitemap)
        for url in d.feeds:
            yield self.discovery_request(site.url(url), self.parse_feed)
        for index, listing in enumerate(d.listings):
            yield self.discovery_request(site.url(listing.url), self.parse_listing,
                                         listing=index, page=1)
        for template in d.search:
            for query in d.queries:
                yield self.discovery_request(site.url(template.format(query=quote_plus(query))),
                                             self.parse_listing, listing=None, page=1)

    def discovery_request(self, url: str, callback, **meta):
        self.scheduled.add(normalize_url(url))
        return scrapy.Request(url, callback=callback, errback=self.failed, dont_filter=True, priority=DISCOVERY,
                              meta={"pantau": "discovery", **meta})

    def article_request(self, url: str):
        key = normalize_url(url)
        if key in self.scheduled:
            return
        self.scheduled.add(key)
        if not self.refresh and (key in self.done or canonical_url(url) in self.done):
            self.crawler.stats.inc_value("pantau/skipped/archived")
            return
        headers = {}
        etag, modified = self.validators.get(key, (None, None))
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        yield scrapy.Request(url, callback=self.parse_article, errback=self.failed, headers=headers,
                             dont_filter=True, priority=ARTICLE,
                             meta={"pantau": "article", "handle_httpstatus_list": [304]})

    # -- discovery -------------------------------------------------------------------

    def _links(self, found):
        """Requests for the article URLs among ``found`` (url, date) pairs; events for
        document links."""
        for url, when in found:
            if not discovery.since_ok(when, self.since):
                self.crawler.stats.inc_value("pantau/skipped/before_since")
                continue
            kind, url = urls.classify(self.site, url)
            if kind == "article":
                yield from self.article_request(url)
            elif kind == "document" and normalize_url(url) not in self.scheduled:
                self.scheduled.add(normalize_url(url))
                yield Event(self.source_id, "skipped", url, "document")

    def _fetched(self, response) -> Event:
        if pagecheck.is_block_page(response.status, response.body):  # a bot wall served as a sitemap, feed...
            return Event(self.source_id, "failed", response.url, "blocked", response.status)
        return Event(self.source_id, "page", response.url, status=response.status, fetched="discovery")

    def parse_sitemap(self, response):
        yield self._fetched(response)
        kind, entries = discovery.sitemap(response.body)
        if kind != "index":
            yield from self._links(entries)
            return
        for url, when in entries:
            key = normalize_url(url)
            if discovery.since_ok(when, self.since) and urls.relative(self.site, url) is not None \
                    and key not in self.scheduled:
                yield self.discovery_request(url, self.parse_sitemap)

    def parse_feed(self, response):
        yield self._fetched(response)
        yield from self._links(discovery.feed(response.body))

    def parse_listing(self, response):
        yield self._fetched(response)
        hrefs = [urljoin(response.url, h) for h in response.css("a::attr(href)").getall()]
        yield from self._links((h, None) for h in hrefs)
        next_url = self._next_listing(response, hrefs)
        if next_url and normalize_url(next_url) not in self.scheduled:
            yield self.discovery_request(next_url, self.parse_listing, listing=response.meta["listing"],
                                         page=response.meta["page"] + 1)

    def _next_listing(self, response, hrefs: list[str]) -> str | None:
        """The next listing page, if the page links to it and the limit allows it."""
        index, page = response.meta["listing"], response.meta["page"]
        listing = self.entry.discovery.listings[index] if index is not None else None
        if page >= (listing.max_pages if listing else 5):
            return None
        keys = {normalize_url(h): h for h in hrefs}
        if listing and listing.pagination:
            wanted = urljoin(self.site.url(listing.url), listing.pagination.format(n=page + 1))
            return keys.get(normalize_url(wanted))
        rel_next = response.css("link[rel=next]::attr(href), a[rel=next]::attr(href)").get()
        return urljoin(response.url, rel_next) if rel_next else None

    # -- articles --------------------------------------------------------------------

    def parse_article(self, response):
        page = responses.page_of(response)
        if response.status == 304:
            yield Event(self.source_id, "unchanged", page.url, status=304, final=True, fetched="article")
            return
        keys = {normalize_url(page.url), normalize_url(page.final_url)}
        if keys & self.processed or self._archived(page.final_url):
            # a redirect (or a resumed queue) led to a page handled in this crawl or an earlier one
            yield self._skipped(page, "already_processed")
            return
        self.processed |= keys
        if not responses.is_html(response):
            yield self._skipped(page, "not_html")
            return
        shield = pagecheck.classify(response.status, response.body)
        if shield == "blocked":  # retried by the next crawl
            yield Event(self.source_id, "failed", page.url, "blocked", page.status, fetched="article")
            return
        if shield == "soft_404":
            yield self._skipped(page, "soft_404")
            return
        alternate = self._canonical_elsewhere(response)
        if alternate:
            yield self._skipped(page, "alternate")
            yield from self.article_request(alternate)
            return
        yield from self._continue([page], response)

    def _archived(self, url: str) -> bool:
        """Is ``url`` done in the archive (the test ``article_request`` makes before a fetch,
        made here on the URL that answered)? The redirect of an alias to an article an earlier,
        killed crawl stored must not store the article a second time."""
        return not self.refresh and (normalize_url(url) in self.done or canonical_url(url) in self.done)

    def _skipped(self, page, reason: str) -> Event:
        """A fetched article page that is not stored (and not to be fetched again)."""
        return Event(self.source_id, "skipped", page.url, reason, page.status, final=True, fetched="article",
                     final_url=page.final_url)

    def _canonical_elsewhere(self, response) -> str | None:
        """The article URL of an AMP/mobile/alternate page whose canonical is another article."""
        link = responses.canonical_link(response)
        if not link:
            return None
        kind, url = urls.classify(self.site, link)
        if kind == "article" and canonical_url(url) != canonical_url(response.url):
            return url
        return None

    def _continue(self, pages, response):
        nxt = parse_bridge.next_in_chain(response.body, response.url, [p.final_url for p in pages])
        if nxt:
            yield scrapy.Request(nxt, callback=self.parse_continuation, errback=self.failed,
                                 dont_filter=True, priority=CONTINUATION,
                                 meta={"pantau": "continuation", "pages": pages})
            return
        yield ArticleFetch(self.source_id, pages)

    def parse_continuation(self, response):
        pages = [*response.meta["pages"], responses.page_of(response)]
        yield from self._continue(pages, response)

    # -- failures --------------------------------------------------------------------

    def failed(self, failure):
        request = failure.request
        reason, status = responses.failure_reason(failure)
        if request.meta.get("pantau") == "continuation":  # keep the pages fetched so far
            yield ArticleFetch(self.source_id, request.meta["pages"], incomplete=reason)
            return
        if reason == "robots":
            yield Event(self.source_id, "skipped", request.url, "robots")
            return
        yield Event(self.source_id, "failed", request.url, reason, status, final=status in (404, 410))
