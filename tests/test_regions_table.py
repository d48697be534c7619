"""The core region table: pantau/data/regions.csv, region_aliases.toml and pantau.regions."""

import csv
import tomllib
from collections import Counter

import pytest

from pantau.errors import InvalidInput, NotFound
from pantau.regions import ALIASES_TOML, REGIONS_CSV, RegionTable, get_region_table, name_key


@pytest.fixture(scope="module")
def table() -> RegionTable:
    return get_region_table()


def test_csv_shape_and_counts():
    with open(REGIONS_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    levels = Counter(r["level"] for r in rows)
    assert levels["provinsi"] == 38
    assert levels["kabupaten"] + levels["kota"] == 514
    assert levels["kota"] == 98
    assert levels["kecamatan"] > 7000
    assert set(levels) == {"provinsi", "kabupaten", "kota", "kecamatan"}
    codes = [r["code"] for r in rows]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    known = set(codes)
    for r in rows:
        assert (r["parent_code"] == "") == (r["level"] == "provinsi"), r
        assert r["parent_code"] == "" or r["parent_code"] in known, r
        assert r["name"] == r["name"].strip(), r
        if r["level"] != "kecamatan":  # kecamatan "Kota Bahagia" is a real name
            assert not r["name"].startswith(("Kabupaten ", "Kota ")), r


def test_canonical_names_drop_level_words(table):
    assert table.get("31.74").name == "Jakarta Selatan" and table.get("31.74").level == "kota"
    assert table.get("31.01").name == "Kepulauan Seribu" and table.get("31.01").level == "kabupaten"
    assert table.get("33.25").name == "Batang" and table.get("33.25").level == "kabupaten"
    assert table.get("21.71").name == "Batam" and table.get("21.71").level == "kota"
    assert table.get("35.79").name == "Batu" and table.get("35.79").level == "kota"
    assert table.display_name("33.25") == "Kabupaten Batang"
    assert table.display_name("21") == "Kepulauan Riau"


def test_aliases_file_resolves(table):
    with open(ALIASES_TOML, "rb") as fh:
        aliases = tomllib.load(fh)
    english = aliases.pop("english")  # the rules that derive English names
    assert set(english) <= {"directions", "words", "short"}
    assert set(aliases) <= {"provinsi", "kabupaten", "kota"}
    for level, entries in aliases.items():
        for alias, canonical in entries.items():
            hits = [r for r in table.lookup(alias, level) if r.name == canonical]
            assert len(hits) == 1, (level, alias, canonical)


@pytest.mark.parametrize("alias, code", [
    ("Jateng", "33"), ("JABAR", "32"), ("jatim", "35"), ("Kepri", "21"), ("NTT", "53"),
    ("NTB", "52"), ("DKI Jakarta", "31"), ("Jakarta", "31"), ("Babel", "19"), ("Sulsel", "73"),
    ("Kaltara", "65"), ("Malut", "82"), ("Jaksel", "31.74"), ("Jakpus", "31.71"),
    ("Solo", "33.72"), ("Tanjungpinang", "21.72"), ("Tanjung Pinang", "21.72"),
    ("Pangkalpinang", "19.71"), ("Bau-Bau", "74.72"), ("Baubau", "74.72"),
    ("Tolitoli", "72.04"), ("Toli-Toli", "72.04"), ("Sidrap", "73.14"), ("Kukar", "64.02"),
    ("Polman", "76.04"), ("Beltim", "19.06"), ("Gumas", "62.10"), ("Pijay", "11.18"), ("KKT", "81.03"),
    ("MTB", "81.03"), ("Aru", "81.07"),
])
def test_alias_lookup(table, alias, code):
    hits = table.lookup(alias)
    assert code in [r.code for r in hits]


def test_jogja_is_province_and_city(table):
    assert [r.code for r in table.lookup("Jogja")] == ["34", "34.71"]
    assert [r.code for r in table.lookup("Jogja", "kota")] == ["34.71"]


def test_lookup_is_case_space_and_punctuation_insensitive(table):
    for form in ("Jawa Tengah", "jawa tengah", "JAWA  TENGAH", "Jawa-Tengah", " jawatengah "):
        assert [r.code for r in table.lookup(form)] == ["33"], form
    assert name_key("Tanjung Pinang") == name_key("TANJUNG-PINANG") == "tanjungpinang"


def test_lookup_levels_and_prefixes(table):
    assert [r.level for r in table.lookup("Serang")] == ["kabupaten", "kota", "kecamatan"]
    assert [r.code for r in table.lookup("Serang", "kota")] == ["36.73"]
    assert [r.code for r in table.lookup("Kabupaten Serang")] == ["36.04"]
    assert [r.code for r in table.lookup("Kab. Serang")] == ["36.04"]
    assert [r.code for r in table.lookup("Kota Administrasi Jakarta Selatan")] == ["31.74"]
    assert [r.code for r in table.lookup("Provinsi Jateng")] == ["33"]
    assert table.lookup("Kecamatan Serang")[0].code == "36.73.01"
    # "Kotabaru" is a kabupaten name, not "Kota Baru".
    assert [r.level for r in table.lookup("Kotabaru")][:1] == ["kabupaten"]
    assert table.lookup("Purwokerto") == []
    assert table.lookup("Batang", "provinsi") == []


def test_lookup_errors(table):
    with pytest.raises(InvalidInput, match="level"):
        table.lookup("Batang", "negara")
    with pytest.raises(InvalidInput):
        table.lookup(" - ")
    with pytest.raises(NotFound, match="Purwokerto"):
        table.find("Purwokerto")
    with pytest.raises(InvalidInput, match="ambiguous"):
        table.find("Serang")
    assert table.find("Serang", "kabupaten").code == "36.04"


def test_get_and_code_errors(table):
    assert table.get("3325").code == "33.25"
    assert "33.25" in table and "99.99" not in table and "x" not in table
    with pytest.raises(NotFound, match="99.99"):
        table.get("99.99")
    with pytest.raises(InvalidInput, match="not a Kemendagri region code"):
        table.get("33-25")


def test_tree(table):
    assert table.parents("33.25.01") == ["33", "33.25"]
    assert table.parents("33") == []
    assert table.is_within("33.25.01", "33") and table.is_within("33.25", "33.25")
    assert not table.is_within("33", "33.25") and not table.is_within("36.04", "33")
    provinces = table.children()
    assert len(provinces) == 38 and all(p.level == "provinsi" for p in provinces)
    kabkota = table.children("33")
    assert len(kabkota) == 35 and {r.level for r in kabkota} == {"kabupaten", "kota"}
    assert all(r.parent_code == "33.25" for r in table.children("33.25"))
    assert len(table.regions("kota")) == 98


def test_ambiguous_names(table):
    amb = table.ambiguous_names()
    assert len(amb) == 26
    for name in ("Serang", "Bekasi", "Bogor", "Kupang", "Semarang", "Tegal", "Malang", "Bima"):
        assert sorted(r.level for r in amb[name]) == ["kabupaten", "kota"], name
    assert "Batang" not in amb and "Batam" not in amb


def test_load_rejects_orphans_and_bad_aliases(tmp_path):
    bad = tmp_path / "r.csv"
    bad.write_text("code,level,name,parent_code\n33.25,kabupaten,Batang,33\n", encoding="utf-8")
    with pytest.raises(ValueError, match="parent"):
        RegionTable.load(bad, None)
    good = tmp_path / "g.csv"
    good.write_text("code,level,name,parent_code\n33,provinsi,Jawa Tengah,\n", encoding="utf-8")
    aliases = tmp_path / "a.toml"
    aliases.write_text('[provinsi]\nJatim = "Jawa Timur"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="Jatim"):
        RegionTable.load(good, aliases)


def test_names_are_the_official_spellings_and_the_source_spellings_still_resolve(table):
    """region_spellings.toml: the table carries the official spelling ("Fakfak"), and the
    source's spelling ("Fak Fak") is still found, as an alias, at the same code."""
    spellings = tomllib.loads((REGIONS_CSV.parent / "region_spellings.toml").read_text(encoding="utf-8"))
    assert spellings
    names = {(row["level"], row["name"]) for row in csv.DictReader(REGIONS_CSV.open(encoding="utf-8"))}
    for level, pairs in spellings.items():
        for source, official in pairs.items():
            assert (level, official) in names and (level, source) not in names
            [region] = table.lookup(official, level)
            assert [r.code for r in table.lookup(source, level)] == [region.code]
            assert source in table.aliases(region.code) or name_key(source) == name_key(official)


def test_english_names_are_derived_and_never_shadow_an_indonesian_name(table):
    assert [r.code for r in table.lookup("West Java")] == ["32"]
    assert [r.code for r in table.lookup("Central Lombok")] == ["52.02"]
    assert [r.code for r in table.lookup("Riau Islands")] == ["21"]
    assert [r.code for r in table.lookup("C Sulawesi")] == ["72"]
    assert "W Lombok" not in {a for _, a in table.alias_items()}  # short forms: provinces only
    # an English form equal to an existing Indonesian name is not added
    assert all(r.name != "Barat" for r in table.lookup("West"))
