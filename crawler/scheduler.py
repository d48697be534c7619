"""A scheduler that keeps requests in memory while the crawl runs and writes the pending
ones to the job directory only when the crawl stops before its end (Ctrl-C, --max-pages),
so the next run resumes from them.

Scrapy's own scheduler writes every request to disk as it is queued; that costs a file
write and read per request, and buys nothing here: a crawl killed outright leaves a disk
queue that cannot be trusted (crawler.jobs discards it) and the archive tells the next run
what is done.
"""

from __future__ import annotations

from scrapy.core.scheduler import Scheduler

from pantau.ids import normalize_url


class PantauScheduler(Scheduler):
    def _dqpush(self, request) -> bool:
        return False  # memory while running; see close()

    def close(self, reason: str):
        if self.dqs is not None and reason != "finished":
            while (request := self.mqs.pop()) is not None:
                super()._dqpush(request)
        return super().close(reason)

    def next_request(self):
        """The next request, skipping article pages already handled in this run (a resumed
        queue and the new run's discovery can both hold one)."""
        while (request := super().next_request()) is not None:
            processed = getattr(self.spider, "processed", ())
            if (request.meta.get("pantau") == "article" and not request.meta.get("redirect_urls")
                    and normalize_url(request.url) in processed):  # (a redirect is remembered by the spider)
                self.stats.inc_value("pantau/skipped/already_processed")
                continue
            return request
        return None
