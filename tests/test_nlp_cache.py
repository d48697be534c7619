"""The start-up cache (nlp.cache) and the data it keeps."""

from __future__ import annotations

import re

import pytest

from nlp import cache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    path = tmp_path / "cache"
    monkeypatch.setenv("PANTAU_NLP_CACHE_DIR", str(path))
    return path


def test_cached_builds_once_and_reads_back(cache_dir, tmp_path):
    data = tmp_path / "data.txt"
    data.write_text("one")
    calls = []

    def build():
        calls.append(1)
        return {"words": ["a", "b"], "n": len(calls)}

    assert cache.cached("thing", [data, "v1"], build) == {"words": ["a", "b"], "n": 1}
    assert cache.cached("thing", [data, "v1"], build) == {"words": ["a", "b"], "n": 1}
    assert len(calls) == 1
    data.write_text("two")  # a changed input is a new key; the old file is removed
    assert cache.cached("thing", [data, "v1"], build)["n"] == 2
    assert len(list(cache_dir.glob("thing-*.pickle"))) == 1


def test_corrupt_or_truncated_file_is_rebuilt(cache_dir):
    cache.cached("thing", ["x"], lambda: [1, 2, 3])
    (path,) = cache_dir.glob("thing-*.pickle")
    blob = path.read_bytes()
    for bad in (blob[: len(blob) // 2], blob[:-1] + bytes([blob[-1] ^ 1]), b"", b"junk"):
        path.write_bytes(bad)
        assert cache.cached("thing", ["x"], lambda: [4]) == [4]
        path.write_bytes(bad)
    assert cache.cached("thing", ["x"], lambda: [5]) == [5]


def test_disabled_or_unwritable_cache_still_builds(monkeypatch, tmp_path):
    monkeypatch.setenv("PANTAU_NLP_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert cache.cached("thing", ["x"], lambda: "built") == "built"
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PANTAU_NLP_CACHE_DIR", str(blocker / "sub"))  # cannot be created
    assert cache.cached("thing", ["x"], lambda: "again") == "again"


def test_fingerprint_follows_every_code_and_data_file(tmp_path):
    nlp_dir, pantau_dir = tmp_path / "nlp", tmp_path / "pantau"
    for path in (nlp_dir / "data" / "words.txt", pantau_dir / "regions.py",
                 pantau_dir / "data" / "regions.csv", pantau_dir / "cli.py"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("a")
    (nlp_dir / "components").mkdir()
    (nlp_dir / "components" / "x.py").write_text("from pantau.regions import RegionTable\n")
    seen = set()
    for path in (None, nlp_dir / "data" / "words.txt", nlp_dir / "data" / "new.txt",
                 nlp_dir / "components" / "x.py", pantau_dir / "regions.py",
                 pantau_dir / "data" / "regions.csv"):
        if path is not None:
            path.write_text(path.read_text() + "b" if path.exists() else "new")
        seen.add(cache.fingerprint(tmp_path))
    assert len(seen) == 6
    (pantau_dir / "cli.py").write_text("not imported by nlp")
    assert cache.fingerprint(tmp_path) in seen


def test_missing_input_file_is_left_to_the_builder(cache_dir, tmp_path):
    def build():
        raise FileNotFoundError("the builder reports it")

    with pytest.raises(FileNotFoundError, match="builder"):
        cache.cached("thing", [tmp_path / "missing.txt"], build)


@pytest.mark.parametrize("pattern, flags, text, found", [
    (r"(?<![\w-])(?P<word>[A-Z][a-z]+)(?:\s+\1)?", 0, "x-Budi Budi Budi.", "Budi Budi"),
    (r"^(?:abc|a[b-d]+|\d{2,4})$", re.IGNORECASE | re.MULTILINE, "x\nABBD\n", "ABBD"),
    (r"[\u00C0-\u024F\uFF21-\uFF3A]+(?=\.)", 0, "caf\u00e9\u00e9.", "\u00e9\u00e9"),
])
def test_regexes_come_back_equal(cache_dir, pattern, flags, text, found):
    compiled = re.compile(pattern, flags)
    assert cache.freeze_pattern(compiled) is not None
    first = cache.compile_all("rx", [(pattern, flags)])[0]
    again = cache.compile_all("rx", [(pattern, flags)])[0]  # from the file
    for rx in (first, again):
        assert rx == compiled  # same pattern, flags and compiled code
        assert (rx.groups, rx.groupindex) == (compiled.groups, compiled.groupindex)
    assert again.search(text).group() == found


def test_tokenizer_affixes_are_spacys(cache_dir):
    from spacy.lang.id import Indonesian
    from spacy.util import compile_infix_regex, compile_suffix_regex

    from nlp import tokenizer

    prefix, suffix, infix = tokenizer.affix_patterns()
    assert prefix == tokenizer._prefix_regex().pattern
    assert suffix == compile_suffix_regex(Indonesian.Defaults.suffixes).pattern
    assert infix == compile_infix_regex(tokenizer._infixes()).pattern


def test_cached_lexicon_and_scanner_equal_fresh_builds(cache_dir):
    from nlp.components import officials_lexicon as ol
    from nlp.components import regions

    fresh = ol.build_lexicon()
    for _ in range(2):  # built and stored, then read
        lex = ol.load_lexicon()
        assert lex == ol._lean(fresh)
        assert lex.gazetteer.get("desa") == ol._build_desa_index()
    cues = regions.Path(regions.DEFAULT_CUES).read_bytes()
    built = regions._build_scanner(cues)
    for _ in range(2):
        regions._scanner.cache_clear()
        scanner = regions._scanner(cues)
        for attr in ("keys", "acronyms", "kec_keys", "idiom_keys", "cues"):
            assert getattr(scanner, attr) == getattr(built, attr)
        for attr in ("name_re", "kec_re", "idiom_re", "skip_re", "free_re"):
            assert getattr(scanner, attr) == getattr(built, attr)
        assert scanner.table._rows == built.table._rows
        assert scanner.table._by_key == built.table._by_key
