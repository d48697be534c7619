"""Parse tests of the structure fixtures (sample_site/cms), city-scrapers style: each fixture
page is fetched from the sample server over HTTP and every field is checked: title, date
with its time zone, author, text without related links and share boxes, pagination.

Where the parser (crawler/parsing, not changed here) falls short on a fixture, the test
asserts what must hold and names the gap in a comment."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import httpx
import pytest

from crawler.parsing import join_pages, parse_page
from sample_site.cms import stories
from sample_site.server import start_server

WIB, WITA = timezone(timedelta(hours=7)), timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def base():
    server, _, url = start_server()
    yield url
    server.shutdown()
    server.server_close()


def parsed(url: str):
    response = httpx.get(url, timeout=10)
    assert response.status_code == 200, url
    return parse_page(response.content, str(response.url), dict(response.headers), "fixture")


def story(site: str, slug: str):
    return next(s for s in stories(site) if s.slug == slug)


def whole(first):
    pages = [first]
    while pages[-1].next_page_url:
        pages.append(parsed(pages[-1].next_page_url))
    return pages, join_pages(pages)


NOISE = ("Baca Juga", "Baca juga", "Bagikan", "Facebook", "WhatsApp", "Berita Terkait", "Salin tautan")


def assert_clean_text(text: str, s) -> None:
    for paragraph in s.paragraphs:
        assert paragraph in text
    for noise in NOISE:
        if noise not in s.body:  # share and related boxes' words, unless the story uses them
            assert noise not in text, noise
    for title in s.related:
        assert title not in text, title


# -- WordPress regional-news theme -------------------------------------------------------

WP = ("warta-lembah", "camat-kalikajar-diklarifikasi-bawaslu-soal-unggahan-dukungan")


@pytest.fixture(scope="module")
def wp(base):
    s = story(*WP)
    return s, parsed(f"{base}/warta-lembah/{s.published:%Y/%m/%d}/{s.slug}/")


def test_wordpress_title(wp):
    s, page = wp
    assert page.ok and page.title == s.title


def test_wordpress_date_keeps_its_zone(wp):
    s, page = wp
    assert page.published_at == datetime(2024, 10, 8, 9, 15, tzinfo=WIB)
    assert page.published_at.utcoffset() == timedelta(hours=7)


def test_wordpress_author(wp):
    assert wp[1].author == "Laras Pramesti"


def test_wordpress_pages_join_into_the_whole_text_without_boxes(wp):
    s, page = wp
    pages, joined = whole(page)
    assert [p.page_number for p in pages] == [1, 2]
    assert_clean_text(joined.text, s)


# -- a national portal's regional section ----------------------------------------------

PORTAL = ("portal-nusantara", "bawaslu-palu-teruskan-dugaan-pelanggaran-netralitas-lurah-ke-bkn")


@pytest.fixture(scope="module")
def portal(base):
    s = story(*PORTAL)
    return s, parsed(f"{base}/portal-nusantara/daerah/{s.edition}/{s.id}/{s.slug}")


def test_portal_title(portal):
    s, page = portal
    assert page.ok and page.title == s.title


def test_portal_date_keeps_its_wita_zone(portal):
    assert portal[1].published_at == datetime(2024, 10, 9, 14, 5, tzinfo=WITA)
    assert portal[1].published_at.utcoffset() == timedelta(hours=8)


def test_portal_author_and_editor(portal):
    assert (portal[1].author, portal[1].editor) == ("Nurul Fadhilah", "Arief Maulana")


def test_portal_pages_join_into_the_whole_text_without_boxes(portal):
    s, page = portal
    pages, joined = whole(page)
    assert page.next_page_url.endswith("?page=2") and len(pages) == 2
    assert_clean_text(joined.text, s)


# -- the Bawaslu office CMS --------------------------------------------------------------

BAWASLU = ("bawaslu-wonosobo", "bawaslu-wonosobo-rekomendasikan-sanksi-untuk-kepala-sekolah-di-sapuran")


@pytest.fixture(scope="module")
def office(base):
    s = story(*BAWASLU)
    return s, parsed(f"{base}/bawaslu-wonosobo/berita/{s.slug}")


def test_bawaslu_title(office):
    s, page = office
    assert page.ok and page.title == s.title


def test_bawaslu_date(office):
    # The instant (14:30 WIB). The parser keeps the offset the markup states (the <time
    # datetime> in UTC, as tests/test_parsing.py requires of every page), not the visible one.
    assert page_instant(office[1]) == datetime(2024, 11, 18, 7, 30, tzinfo=timezone.utc)


def page_instant(page):
    assert page.published_at is not None and page.published_at.tzinfo is not None
    return page.published_at.astimezone(timezone.utc)


def test_bawaslu_author(office):
    # the Drupal field's label sits in its own element ("Penulis" then the name)
    assert office[1].author == "Humas Bawaslu Wonosobo"


def test_bawaslu_text_without_boxes_and_no_pagination(office):
    s, page = office
    assert page.next_page_url is None
    assert_clean_text(page.text, s)
