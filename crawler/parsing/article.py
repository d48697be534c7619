"""``parse_page``: one captured page in, one ParsedPage out (never an exception), every
field with the method that produced it; ``to_article`` turns it into a schema Article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from crawler.parsing import byline, dates, metadata, text
from crawler.parsing.encoding import decode_body, header_value
from crawler.parsing.pages import next_page_url, page_number
from crawler.parsing.version import PARSER_VERSION
from pantau.ids import canonical_url as canonical_key

PARSER_NAME = "pantau-parse"
MAX_BYTES = 2_000_000  # larger bodies lose scripts and styles, then the tail
MIN_ARTICLE_TEXT = 200
HTML_TYPES = re.compile(r"html|xml|text/plain", re.IGNORECASE)
BULKY = re.compile(rb"<(script|style|svg)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
META_DATES = ("article:published_time", "og:published_time", "datepublished", "publishdate",
              "pubdate", "publish-date", "date", "dc.date.issued", "dc.date", "sailthru.date",
              "parsely-pub-date", "content_date", "article_date_original")


@dataclass
class ParsedPage:
    url: str
    source_id: str
    ok: bool = False
    reason: str | None = None  # why it is not an article: empty, not_html, unparseable, no_title, too_short
    canonical_url: str = ""
    title: str | None = None
    author: str | None = None
    editor: str | None = None
    published_at: datetime | None = None  # aware, with the page's own offset
    section: str | None = None
    language: str = "id"
    text: str = ""
    amp_url: str | None = None
    is_amp: bool = False
    next_page_url: str | None = None
    page_number: int = 1
    encoding: str | None = None
    methods: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def published_at_utc(self) -> datetime | None:
        return dates.to_utc(self.published_at)

    @property
    def is_continuation(self) -> bool:
        """Page 2+ of a multi-page article: joined onto page 1, never an article alone."""
        return self.page_number > 1

    def field_methods(self) -> list:
        from pantau.schema import FieldMethod

        return [FieldMethod(field=k, method=v) for k, v in sorted(self.methods.items())]

    def checked(self) -> ParsedPage:
        """Set ``ok``/``reason`` from the fields."""
        if not self.title:
            self.ok, self.reason = False, "no_title"
        elif len(self.text) < MIN_ARTICLE_TEXT:
            self.ok, self.reason = False, "too_short"
        else:
            self.ok, self.reason = True, None
        return self


def parse_html(markup: str):
    """An lxml tree of any markup, or None if there is nothing to parse."""
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup.replace("\x00", ""))
    if not markup.strip():
        return None
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def not_html_reason(body: bytes, headers: dict | None) -> str | None:
    if not body or not body.strip():
        return "empty"
    kind = header_value(headers, "content-type").split(";")[0].strip()
    head = body[:2048].lstrip()
    if kind and not HTML_TYPES.search(kind):
        return f"not_html ({kind})"
    if head.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")) or b"\x00" in head[:1024]:
        return "not_html (binary)"
    if b"<" not in head:
        return "not_html (no markup)"
    return None


def shrink(body: bytes, limit: int, notes: list[str]) -> bytes:
    if len(body) <= limit:
        return body
    slim = BULKY.sub(b"", body)
    note = f"body of {len(body):,} bytes"
    if len(slim) > limit:
        slim = slim[:limit]
        note += f" truncated to {limit:,} bytes (scripts and styles removed first)"
    else:
        note += f" reduced to {len(slim):,} bytes by removing scripts and styles"
    notes.append(note)
    return slim


SECOND_LEVEL = {"co", "go", "or", "ac", "web", "my", "sch", "net", "mil", "biz", "desa", "ponpes", "com", "org"}


def site_key(url: str) -> str:
    """The registrable domain of a URL ("jateng.nusawarta.id" -> "nusawarta.id",
    "temanggung.bawaslu.go.id" -> "bawaslu.go.id")."""
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    if re.fullmatch(r"[\d.]+|\[.*\]", host) or len(labels) <= 2:
        return host
    keep = 3 if labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def choose_canonical(meta: metadata.Metadata, url: str, page: ParsedPage) -> None:
    """rel=canonical, else og:url, else the fetched URL; a canonical on another site (a
    syndicated copy pointing at the original) or at the home page is ignored."""
    for candidate, method in ((meta.canonical, "link-canonical"), (meta.meta.get("og:url"), "og:url")):
        if candidate and candidate.startswith("http"):
            if urlsplit(candidate).path.strip("/") == "" and urlsplit(url).path.strip("/") != "":
                page.notes.append(f"ignored {method} {candidate}: points at the home page")
                continue
            if site_key(candidate) != site_key(url):
                page.notes.append(f"ignored {method} {candidate}: points at another site")
                continue
            page.canonical_url, page.methods["canonical_url"] = canonical_key(candidate), method
            return
    page.canonical_url, page.methods["canonical_url"] = canonical_key(url), "url"


def structured_date(meta: metadata.Metadata, tz) -> tuple[datetime | None, str | None]:
    value = dates.parse_datetime(meta.article.get("datePublished") or meta.article.get("dateCreated"), tz)
    if value:
        return value, "json-ld"
    for key in META_DATES:
        value = dates.parse_datetime(meta.meta.get(key), tz)
        if value:
            return value, "meta"
    return None, None


def markup_date(tree, url: str, tz) -> tuple[datetime | None, str | None]:
    """``<time datetime>`` of the cleaned page, else htmldate (markup only, no guessing)."""
    for element in tree.xpath("//time[@datetime]"):
        value = dates.parse_datetime(element.get("datetime"), tz)
        if value:
            return value, "time-element"
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True, url=url,
                          outputformat="%Y-%m-%dT%H:%M:%S")
    except Exception:  # htmldate is third-party code on hostile input
        found = None
    value = dates.parse_datetime(found, tz) if found else None
    return (value, "htmldate") if value else (None, None)


POSTED = re.compile(r"\b(diposting|diposkan|dipublikasikan|diterbitkan|dipublish|terbit|published|posted)\b",
                    re.IGNORECASE)


def text_date(lines: list[str], body: str, tz) -> tuple[datetime | None, str | None]:
    """A "Diposting pada ..." or header date line before the body, else the first date in the
    first paragraphs of the body (the Bawaslu "Temanggung – ... Senin (18/11/2024)")."""
    start = body[:40]
    head = next((lines[:i] for i, line in enumerate(lines) if start and line.startswith(start)), [])
    for line in reversed(head):  # nearest the body first: a site header may show today's date
        found = dates.find_dates(line, tz) if len(line) < 160 else []
        if found and (POSTED.search(line) or found[0].has_time or found[0].has_day_name
                      or found[0].end - found[0].start >= len(line) / 2):
            return found[0].value, "text-header"
    found = dates.find_dates("\n\n".join(body.split("\n\n")[:2]), tz)
    return (found[0].value, "text") if found else (None, None)


GENERIC_AUTHOR = re.compile(r"^(tim\s+)?(redaksi|redaktur|admin\w*|humas|newsroom|editorial)\b", re.IGNORECASE)


def choose_author(meta: metadata.Metadata, tree, lines: list[str], page: ParsedPage) -> None:
    """JSON-LD author(s) > meta author > byline lines > author markup; a desk or the site's
    own name ("Redaksi", "NusaWarta.id") only when no person is named anywhere."""
    credits = byline.from_lines(lines)
    candidates = [(lambda: ", ".join(byline.json_ld_people(meta, "author", skip_organizations=True)), "json-ld"),
                  (lambda: byline.meta_author(meta), "meta"), (lambda: credits.author, "byline"),
                  (lambda: byline.from_markup(tree), "css"),
                  (lambda: ", ".join(byline.json_ld_people(meta, "author")), "json-ld")]
    sites = {re.sub(r"\W", "", n.lower()) for n in metadata.site_names(meta, page.url) if n}

    def generic(name: str) -> bool:
        return bool(GENERIC_AUTHOR.match(name)) or re.sub(r"\W", "", name.lower()) in sites

    found = []  # read in order of preference, up to the first person
    for read, how in candidates:
        value = read()
        if value:
            found.append((value, how))
            if not generic(value):
                break
    page.author, method = next(((v, m) for v, m in found if not generic(v)), found[0] if found else (None, None))
    editors = byline.json_ld_people(meta, "editor")
    page.editor = ", ".join(editors) if editors else credits.editor
    for name, value, how in (("author", page.author, method),
                             ("editor", page.editor, "json-ld" if editors else "byline")):
        if value:
            page.methods[name] = how


def choose_date(meta, tree, url: str, lines: list[str], body: str, tz, page: ParsedPage) -> None:
    value, method = structured_date(meta, tz)
    if value is None:
        value, method = markup_date(tree, url, tz)
        in_text, how = text_date(lines, body, tz)
        if value is None:
            value, method = in_text, how
        elif method == "htmldate" and in_text and in_text.date() == value.date() and in_text.time() != value.time():
            value, method = in_text, "htmldate+" + how  # htmldate has the day, the text the time
    if value is not None:
        page.published_at, page.methods["published_at"] = value, method


def describe(meta: metadata.Metadata, page: ParsedPage) -> None:
    section = meta.article.get("articleSection") or meta.meta.get("article:section")
    section = section[0] if isinstance(section, list) and section else section
    if isinstance(section, str) and section.strip():
        page.section = section.strip()
        page.methods["section"] = "json-ld" if meta.article.get("articleSection") else "meta"
    lang = meta.lang or meta.article.get("inLanguage") or ""
    if isinstance(lang, str) and re.match(r"^[a-z]{2}\b", lang.lower()):
        page.language = lang.lower()[:2]
    page.amp_url = meta.amphtml
    page.is_amp = meta.is_amp


def evidence(meta: metadata.Metadata, tree, page: ParsedPage):
    """What the page says about its article besides the text, for choosing the text."""
    from crawler.parsing.choice import Evidence
    from crawler.parsing.related import link_targets

    def string(value) -> str | None:
        return value if isinstance(value, str) and value.strip() else None

    description = (string(meta.article.get("description")) or meta.meta.get("og:description")
                   or meta.meta.get("description"))
    return Evidence(url=page.url, title=page.title, description=description,
                    body=string(meta.article.get("articleBody")), links=link_targets(tree), tree=tree)


def parse_page(body: bytes, url: str, headers: dict | None = None, source_id: str = "",
               *, default_tz: timezone = dates.WIB, max_bytes: int = MAX_BYTES) -> ParsedPage:
    """Parse one captured page. Never raises: problems end in ``ok=False`` and ``reason``.
    ``default_tz`` is the offset of dates the page gives without one (a WITA outlet passes
    ``dates.WITA``)."""
    page = ParsedPage(url=url, source_id=source_id, canonical_url=canonical_key(url),
                      page_number=page_number(url))
    try:
        return _parse(page, body or b"", headers or {}, default_tz, max_bytes)
    except Exception as exc:  # a parser bug must not stop a crawl; the reason says what broke
        page.ok, page.reason = False, f"error ({type(exc).__name__}: {exc})"[:300]
        return page


def _parse(page: ParsedPage, body: bytes, headers: dict, tz, max_bytes: int) -> ParsedPage:
    page.reason = not_html_reason(body, headers)
    if page.reason:
        return page
    decoded = decode_body(shrink(body, max_bytes, page.notes), headers)
    page.encoding = decoded.encoding
    page.notes += [decoded.note] if decoded.note else []
    tree = parse_html(decoded.text)
    if tree is None:
        page.reason = "unparseable"
        return page
    meta = metadata.read_metadata(tree, page.url)
    page.title, page.methods["title"] = metadata.choose_title(meta, page.url)
    choose_canonical(meta, page.url, page)
    page.next_page_url = next_page_url(tree, page.url)
    describe(meta, page)
    page.notes += text.clean_tree(tree, page.url, page.title)
    page.text, page.methods["text"] = text.extract_text(tree, page.title, evidence(meta, tree, page))
    lines = text.page_lines(tree)
    choose_author(meta, tree, lines, page)
    choose_date(meta, tree, page.url, lines, page.text, tz, page)
    page.methods = {k: v for k, v in page.methods.items() if v}
    return page.checked()


def to_article(parsed: ParsedPage, capture):
    """The schema Article of a parsed page (``cluster_id`` is left to crawler.dedupe).
    Raises ValueError for a page that is not an article."""
    from crawler.dedupe import text_hash
    from pantau.ids import article_id
    from pantau.schema import Article

    if not parsed.ok:
        raise ValueError(f"{parsed.url} is not an article: {parsed.reason}")
    return Article(
        id=article_id(parsed.canonical_url), capture_id=capture.id, source_id=capture.source_id,
        url=capture.final_url or capture.url, canonical_url=parsed.canonical_url, title=parsed.title,
        text=parsed.text, author=parsed.author, published_at=parsed.published_at,
        language=parsed.language, section=parsed.section, content_hash=text_hash(parsed.text),
        parser=PARSER_NAME, parser_version=PARSER_VERSION, methods=parsed.field_methods())
