"""The bundled sample articles: every file loads, and together they cover what the crawler,
NLP and API tests need. Coverage tests fail with a message saying what is missing."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

import pytest

from sample_site.catalog import Catalog
from sample_site.content import CASE_STAGES, SITES, ContentError, load_article, load_articles
from pantau.taxonomy import DocType, ViolationType

MIN_ARTICLES = 40
MIN_PROVINCES = 15
MIN_OFF_TOPIC = 3
MIN_STORIES = 8  # cases told by several articles on several outlets over weeks (issue 9)
PREFIXES = ("kota administrasi ", "kabupaten administrasi ", "provinsi ", "kabupaten ", "kab. ", "kota ",
            "daerah khusus ibukota ", "daerah khusus jakarta ", "daerah istimewa ", "dki ", "di ")
LEVEL_TYPES = {"provinsi": {"provinsi"}, "kabupaten": {"kabupaten"}, "kota": {"kota"},
               "kecamatan": {"kecamatan", "distrik"}, "desa": {"desa", "kelurahan", "desa_adat"}}


@pytest.fixture(scope="module")
def articles():
    return load_articles()


def _norm(name: str) -> str:
    name = " ".join(name.lower().split())
    changed = True
    while changed:
        changed = False
        for p in PREFIXES:
            if name.startswith(p):
                name, changed = name[len(p):], True
    return re.sub(r"[^\w ]", "", name)


def test_every_file_loads(articles):
    assert articles, "no article files under sample_site/articles/<site>/"


def test_enough_articles(articles):
    per_site = Counter(a.site for a in articles)
    assert len(articles) >= MIN_ARTICLES, (
        f"{len(articles)} articles, need at least {MIN_ARTICLES}; per site: {dict(per_site)}")


def test_provinces_covered(articles):
    provinces = {r.code[:2] for a in articles for r in a.answer.regions}
    assert len(provinces) >= MIN_PROVINCES, (
        f"regions in the answers cover {len(provinces)} provinces ({', '.join(sorted(provinces))}), "
        f"need at least {MIN_PROVINCES}")


def test_all_violation_types_covered(articles):
    seen = {v for a in articles for v in a.answer.violation_types}
    missing = sorted(v.value for v in ViolationType if v.value not in seen)
    assert not missing, f"no article's answer has these violation types: {', '.join(missing)}"


def test_all_doc_types_covered(articles):
    seen = {a.answer.doc_type for a in articles}
    missing = sorted(d.value for d in DocType if d.value not in seen)
    assert not missing, f"no article has these doc types: {', '.join(missing)}"


def test_off_topic_articles(articles):
    off = [a for a in articles if not a.on_topic]
    assert len(off) >= MIN_OFF_TOPIC, f"{len(off)} off-topic articles (on_topic = false), need {MIN_OFF_TOPIC}"
    sites = sorted(set(SITES) - {a.site for a in off})
    assert not sites, f"no off-topic article on: {', '.join(sites)}"
    wrong = [a.source_file for a in off if a.answer.doc_type != "other"]
    assert not wrong, f"off-topic articles must have doc_type = 'other': {wrong}"


def test_syndicated_article(articles):
    assert any(a.also_on for a in articles), "no syndicated article (also_on = [...]) yet"


def test_every_site_has_articles_for_its_template(articles):
    renditions = Catalog(articles).by_site
    problems = [f"{site}: no articles" for site in SITES if not renditions[site]]
    if len(renditions["kabarpantura"]) <= 5:
        problems.append("kabarpantura: needs more than 5 articles so the home listing has a page 2")
    if len(renditions["bawaslu-temanggung"]) <= 5:
        problems.append("bawaslu-temanggung: needs more than 5 articles so /berita has a page 2")
    if not any(len(a.pages) > 1 for a in articles if a.site == "nusaraya"):
        problems.append("nusaraya: no article split over pages (page_breaks)")
    if not any(a.baca_juga for a in articles if a.site == "nusaraya"):
        problems.append("nusaraya: no article with baca_juga boxes")
    assert not problems, "; ".join(problems)


def test_regions_exist_and_names_match(articles):
    """Codes exist in the Kemendagri table at the answer's level; names are the project's
    region table's (which uses the regions' own spellings, pantau/data/region_spellings.toml),
    or the Kemendagri table's for desa, which the project's table leaves out."""
    from lokal import wilayah

    from pantau.regions import get_region_table

    table = get_region_table()
    problems = []
    for a in articles:
        for r in a.answer.regions:
            w = wilayah.get_wilayah(r.code)
            if w is None:
                problems.append(f"{a.source_file}: region code {r.code} ({r.name}) does not exist")
                continue
            if w.type not in LEVEL_TYPES[r.level]:
                problems.append(f"{a.source_file}: {r.code} is a {w.type}, answer says {r.level}")
            name = table.name(r.code) if r.code in table else w.name
            if _norm(name) != _norm(r.name):
                problems.append(f"{a.source_file}: {r.code} is {name!r}, answer says {r.name!r}")
    assert not problems, "\n".join(problems)


def test_dates_are_valid_iso(articles):
    problems = []
    for a in articles:
        for d in a.answer.dates:
            day = date.fromisoformat(d)
            if not 2018 <= day.year <= 2026:
                problems.append(f"{a.source_file}: implausible date {d}")
        if not 2018 <= a.published.year <= 2026:
            problems.append(f"{a.source_file}: implausible publication date {a.published}")
        if a.published.utcoffset().total_seconds() / 3600 not in (7, 8, 9):
            problems.append(f"{a.source_file}: offset of {a.published} is not WIB/WITA/WIT")
    assert not problems, "\n".join(problems)


def test_reporters_are_not_officials(articles):
    problems = [f"{a.source_file}: the author {a.author!r} is listed as an official"
                for a in articles if a.author.lower() in {o.name.lower() for o in a.answer.officials}]
    assert not problems, "\n".join(problems)


def test_urls_unique_across_renditions(articles):
    Catalog(articles)  # raises ContentError naming the file on a URL clash


def test_bad_file_error_names_the_file(tmp_path):
    folder = tmp_path / "nusaraya"
    folder.mkdir()
    bad = folder / "broken.toml"
    bad.write_text('site = "nusaraya"\nslug = "Not A Slug"\ntitle = "x"\n', encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_article(bad)
    message = info.value.message
    assert str(bad) in message and "slug" in message and "answer" in message
    bad.write_text('site = "nusaraya"\nbody = """unterminated', encoding="utf-8")
    with pytest.raises(ContentError, match="broken.toml: cannot read TOML"):
        load_articles(tmp_path)


def test_duplicate_slug_is_rejected(tmp_path):
    text = ('site = "suaratimur"\nslug = "sama"\ntitle = "Judul yang cukup"\npublished = "2024-10-01T10:00:00+08:00"\n'
            'author = "Penulis"\nbody = "Isi berita yang cukup panjang untuk lolos."\n[answer]\ndoc_type = "other"\n'
            'cases = []\n')
    (tmp_path / "suaratimur").mkdir()
    (tmp_path / "suaratimur" / "a.toml").write_text(text, encoding="utf-8")
    (tmp_path / "suaratimur" / "b.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="already used by"):
        load_articles(tmp_path)


def _cases(articles):
    """Case id -> [(article, its case entry)]."""
    out = defaultdict(list)
    for a in articles:
        for c in a.answer.cases:
            out[c.case].append((a, c))
    return out


def test_multi_outlet_case_stories(articles):
    stories = []
    for case, items in _cases(articles).items():
        outlets = {site for a, _ in items for site in (a.site, *a.also_on)}
        days = [a.published.date() for a, _ in items]
        stages = {c.stage for _, c in items}
        if len(items) >= 2 and len(outlets) >= 2 and (max(days) - min(days)).days >= 14 and len(stages) >= 2:
            stories.append(case)
    assert len(stories) >= MIN_STORIES, (
        f"{len(stories)} case stories told by 2+ articles on 2+ outlets over 2+ weeks through 2+ stages "
        f"({', '.join(sorted(stories))}), need {MIN_STORIES}")
    stages = {c.stage for items in _cases(articles).values() for _, c in items}
    assert stages == set(CASE_STAGES), f"no case reaches: {sorted(set(CASE_STAGES) - stages)}"


def test_case_stages_are_consistent(articles):
    """Within a case, a later stage is not dated before an earlier one, and a case is not both
    sanctioned and dismissed."""
    rank = {s: i for i, s in enumerate(CASE_STAGES)}
    problems = []
    for case, items in _cases(articles).items():
        stages = {c.stage for _, c in items}
        if {"sanctioned", "dismissed"} <= stages:
            problems.append(f"{case}: both sanctioned and dismissed")
        dated = sorted((rank[c.stage], c.stage_date, a.source_file) for a, c in items if c.stage_date)
        for (r1, d1, f1), (r2, d2, f2) in zip(dated, dated[1:]):
            if r1 < r2 and d2 < d1:
                problems.append(f"{case}: {CASE_STAGES[r2]} on {d2} ({f2}) before {CASE_STAGES[r1]} on {d1} ({f1})")
    assert not problems, "\n".join(problems)


def test_off_topic_articles_have_no_case(articles):
    wrong = [a.source_file for a in articles if not a.on_topic and a.answer.cases]
    assert not wrong, f"off-topic articles with cases: {wrong}"


def test_missing_cases_list_is_rejected(tmp_path):
    (tmp_path / "suaratimur").mkdir()
    path = tmp_path / "suaratimur" / "a.toml"
    path.write_text('site = "suaratimur"\nslug = "tanpa-kasus"\ntitle = "Judul yang cukup"\n'
                    'published = "2024-10-01T10:00:00+08:00"\nauthor = "Penulis"\n'
                    'body = "Isi berita yang cukup panjang untuk lolos."\n[answer]\ndoc_type = "other"\n',
                    encoding="utf-8")
    with pytest.raises(ContentError, match="answer.cases"):
        load_article(path)
