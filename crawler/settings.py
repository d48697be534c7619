"""Scrapy settings: polite by default. Values that users change live in pantau.settings.

Pantau's own settings (``-s NAME=VALUE`` with ``scrapy crawl``; ``pantau crawl`` sets them):

- ``PANTAU_POLITENESS`` (default on): off disables AutoThrottle, delays and retry backoff
  and raises concurrency (tests, benchmarks, the local sample site). robots.txt is obeyed
  either way.
- ``PANTAU_ARCHIVE``: archive file (default ``PANTAU_DATA_DIR/archive.sqlite3``).
- ``PANTAU_JOBS`` (default on) / ``PANTAU_JOBS_DIR``: resumable job state per source in
  ``PANTAU_DATA_DIR/jobs/<source>`` (see crawler.jobs).
- ``PANTAU_BACKOFF_BASE`` / ``PANTAU_BACKOFF_MAX``: retry n waits base * 2**(n-1) seconds.
"""

from pantau.settings import get_settings

BOT_NAME = "pantau"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = get_settings().crawler_user_agent
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_TIMEOUT = 30
# A page of about 5 MB (long comment threads) is fetched; bigger ones are refused cleanly
# (recorded as a failure of kind too_large).
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
PANTAU_BACKOFF_BASE = 2.0
PANTAU_BACKOFF_MAX = 60.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

DOWNLOADER_MIDDLEWARES = {"crawler.middlewares.BackoffMiddleware": 560}
SCHEDULER = "crawler.scheduler.PantauScheduler"
ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}
EXTENSIONS = {
    "scrapy.extensions.remote_control.RemoteControl": None,
    "scrapy.extensions.feedexport.FeedExporter": None,
    "scrapy.extensions.memdebug.MemoryDebugger": None,
}
SPIDER_MIDDLEWARES = {"scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None}
WARN_ON_GENERATOR_RETURN_VALUE = False
