"""The national registry: one Bawaslu office per province and kabupaten/kota of the region
table (plus Bawaslu RI), at least 100 regional outlets over all 38 provinces, generated from
crawler/data by scripts/build_sources.py, every entry valid."""

from __future__ import annotations

from collections import Counter

import pytest

from crawler import registry_build as rb
from crawler.registry import REGISTRY_PATH, load_registry, software_profiles
from pantau.errors import InvalidInput


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_every_province_and_regency_has_exactly_one_office():
    regions = rb.read_regions()
    offices = rb.read_csv(rb.OFFICES_CSV, rb.OFFICE_FIELDS)
    counts = Counter(o["code"] for o in offices)
    assert sorted(c for c, n in counts.items() if n > 1) == []
    assert {r["code"] for r in regions} | {rb.RI_CODE} == set(counts)
    levels = Counter(r["level"] for r in regions)
    assert (levels["provinsi"], levels["kabupaten"] + levels["kota"]) == (38, 514)
    assert len(offices) == 553
    assert len({o["host"] for o in offices}) == 553
    assert {o["basis"] for o in offices} <= set(rb.BASES)
    assert all(o["evidence"].startswith("http") for o in offices if o["basis"] == "seen")


def test_the_registry_holds_every_office_with_the_common_cms(registry):
    offices = [e for e in registry.entries if e.type == "bawaslu" and not e.is_sample]
    assert len(offices) == 553
    by_region = Counter(e.region for e in offices)
    assert by_region[None] == 1 and max(by_region.values()) == 1
    assert {e.software for e in offices} == {"bawaslu-office", "bawaslu-ri"}
    jateng = registry.get("bawaslu-jateng")
    assert jateng.discovery.article_pattern == software_profiles()["bawaslu-office"]["discovery"]["article_pattern"]
    assert jateng.politeness.delay == 3.0 and jateng.discovery.listings[0].url == "berita"
    assert registry.get("bawaslu-kab-pekalongan").base_url == "https://pekalongankab.bawaslu.go.id/"
    assert registry.get("bawaslu-kota-pekalongan").base_url == "https://pekalongankota.bawaslu.go.id/"
    assert registry.get("bawaslu-kab-temanggung").region == "33.23"  # the sample site keeps its id
    assert registry.get("bawaslu-aceh-besar").name.startswith("Panwaslih")


def test_outlets_cover_every_province(registry):
    outlets = [e for e in registry.entries if e.type == "news" and not e.is_sample and e.region]
    assert len(outlets) >= 100
    per_province = Counter(e.region[:2] for e in outlets)
    provinces = [r["code"] for r in rb.read_regions() if r["level"] == "provinsi"]
    assert {p: per_province[p] for p in provinces if per_province[p] < 2} == {}
    assert not [e.id for e in outlets if e.verified]
    generated = rb.read_csv(rb.OUTLETS_CSV, rb.OUTLET_FIELDS)
    assert len(generated) >= 100 and len({o["id"] for o in generated}) == len(generated)


def test_the_generated_sections_are_up_to_date():
    text = REGISTRY_PATH.read_text(encoding="utf-8")
    assert rb.build(text) == text, "run scripts/build_sources.py"


def test_a_verified_mark_survives_regeneration():
    text = REGISTRY_PATH.read_text(encoding="utf-8")
    rebuilt = rb.build(text.replace('id = "bawaslu-batang"\n', 'id = "bawaslu-batang"\nverified = true\n', 1))
    assert "bawaslu-batang" in rb.verified_ids(rebuilt)


def test_an_unknown_software_is_refused(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nid = "x"\nname = "X News"\ntype = "news"\nbase_url = "https://x.example/"\n'
                    'software = "typo3"\n')
    with pytest.raises(InvalidInput, match="unknown software 'typo3'"):
        load_registry(path)


def test_an_entry_overrides_its_software(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nid = "x"\nname = "X News"\ntype = "news"\nbase_url = "https://x.example/"\n'
                    'software = "wordpress"\n[source.discovery]\nfeeds = ["rss.xml"]\n')
    entry = load_registry(path).get("x")
    assert entry.discovery.feeds == ["rss.xml"] and entry.discovery.search == ["?s={query}"]
