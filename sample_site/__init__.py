"""The bundled sample news sites: four fictional Indonesian sites served on localhost for the
demo, the crawler tests and the benchmarks (content format in ``FORMAT.md``).

A fixture, not part of the archive's core: a top-level package that ``pantau`` imports only
inside its ``demo`` and ``sample-site`` commands; tests, benchmarks and scripts import it too.

    from sample_site import start_server
    server, thread, base_url = start_server("127.0.0.1", 0)
    ...
    server.shutdown(); server.server_close()
"""

from sample_site.answer_key import answer_key, write_answer_key
from sample_site.content import ContentError, load_articles
from sample_site.server import make_server, start_server
from sample_site.traps import all_traps

__all__ = ["ContentError", "all_traps", "answer_key", "load_articles", "make_server", "start_server",
           "write_answer_key"]
