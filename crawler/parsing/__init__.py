"""Parsing raw captured pages into articles: pure functions, no network.

    from crawler.parsing import parse_page, next_page_url, join_pages, to_article

    page = parse_page(capture.body, capture.final_url, capture.headers, capture.source_id)
    if page.ok and not page.is_continuation:
        url = page.next_page_url            # fetch pages 2..n while this is not None
        ...
        article = to_article(join_pages([page, page2, ...]), capture)

``parse_page`` never raises: a page that is not an article has ``ok=False`` and a
``reason`` (empty, not_html (...), unparseable, no_title, too_short, error (...)).
"""

from crawler.parsing.article import PARSER_NAME, PARSER_VERSION, ParsedPage, parse_page, to_article
from crawler.parsing.pages import join_pages, next_page_url, page_number

__all__ = ["PARSER_NAME", "PARSER_VERSION", "ParsedPage", "join_pages", "next_page_url", "page_number",
           "parse_page", "to_article"]
