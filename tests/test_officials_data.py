"""The officials component's data files load and hold what the component relies on."""

import tomllib
from pathlib import Path

from nlp.components.names import is_degree
from nlp.components.officials_lexicon import DATA_DIR, load_lexicon

FILES = ["roles.toml", "org_acronyms.toml", "org_words.txt", "honorifics.txt",
         "name_particles.txt", "name_stopwords.txt", "name_verbs.txt"]


def _entries(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_files_exist_and_parse():
    for name in FILES:
        path = DATA_DIR / name
        assert path.is_file(), name
        if name.endswith(".toml"):
            tomllib.loads(path.read_text(encoding="utf-8"))
        else:
            entries = _entries(path)
            assert entries, name
            assert len(entries) == len(set(entries)), f"duplicate lines in {name}"


def test_roles_toml_shape():
    data = tomllib.loads((DATA_DIR / "roles.toml").read_text(encoding="utf-8"))
    seen = set()
    for kind in ("standalone", "needs_org"):
        for entry in data["titles"][kind]:
            assert set(entry) <= {"t", "expand", "place", "gov"}, entry
            assert entry["t"] == entry["t"].lower()
            assert entry.get("place") in (None, "kabupaten", "kota", "provinsi", "kecamatan", "desa", "any")
            assert entry.get("gov") in (None, "kabupaten", "kota", "provinsi", "kecamatan", "desa",
                                        "kelurahan", "any")
            assert entry["t"] not in seen, f"title listed twice: {entry['t']}"
            seen.add(entry["t"])
    for required in ("bupati", "wali kota", "camat", "kades", "sekda", "staf ahli", "deputi", "ketua",
                     "anggota", "kepala", "kapolres", "dandim", "kajari", "kasipidum", "lurah"):
        assert required in seen, required


def test_acronyms_shape():
    data = tomllib.loads((DATA_DIR / "org_acronyms.toml").read_text(encoding="utf-8"))
    assert set(data) == {"expand", "keep", "nonpublic", "levels"}
    keys = [k for name, section in data.items() if name != "levels" for k in section]
    assert len(keys) == len(set(keys)), "an acronym in two sections"
    assert data["expand"]["bakesbangpol"] == "Badan Kesatuan Bangsa dan Politik"
    assert "bawaslu" in data["keep"] and "partai" in data["nonpublic"]
    public = set(data["expand"]) | set(data["keep"])
    for acronym, level in data["levels"].items():
        # "local": a facility's own kecamatan or desa, or a kabupaten/kota ("Puskesmas Ngasem")
        assert acronym in public and level in ("kecamatan", "desa", "local"), acronym


def test_lexicon_loads_with_and_without_gazetteer():
    lex = load_lexicon(use_gazetteer=False)
    assert "bupati" in lex.titles and "pj" in lex.modifiers
    assert "sh" in lex.honorifics_after and "hj" in lex.honorifics_before
    assert "januari" in lex.stopwords and "La" in lex.particles
    assert lex.gazetteer == {}
    full = load_lexicon()
    assert "pemalang" in full.gazetteer["kabupaten"]
    assert full.region_levels["bekasi"] == {"kabupaten", "kota"}


def test_degree_tokens():
    lex = load_lexicon(use_gazetteer=False)
    for token in ("S.H", "S.H.", "M.Si.", "SH.MH", "S.Sos.", "M.M.", "S.IP", "M.Pd"):
        assert is_degree(token, lex), token
    for token in ("Budi", "Sari", "Ketua"):
        assert not is_degree(token, lex), token
    for token in ("Dr.", "DR", "H.", "Hj", "KH", "AKBP", "Drs."):
        assert is_degree(token, lex, after=False), token
