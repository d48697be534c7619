"""Core package: layout, settings, taxonomy, errors, URL normalisation and ids."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from pantau import errors, ids, taxonomy
from pantau.settings import Settings

from .conftest import REPO, SHARED


@pytest.mark.parametrize("module", ["pantau", "crawler", "nlp", "search_api", "mappings"])
def test_top_level_packages_are_this_repositorys(module):
    # PyPI has unrelated packages named nlp and crawler; ours must win.
    mod = __import__(module)
    assert mod.__file__ is not None
    assert REPO in __import__("pathlib").Path(mod.__file__).resolve().parents


def test_settings_read_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PANTAU_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("PANTAU_CONTACT_URL", "https://example.org/kontak")
    s = Settings()
    assert s.data_dir == tmp_path
    assert s.archive_path == tmp_path / "archive.sqlite3"
    assert "https://example.org/kontak" in s.crawler_user_agent
    assert s.crawler_user_agent.startswith("PantauBot/")


def test_settings_default_data_dir_is_per_user(monkeypatch, tmp_path):
    monkeypatch.delenv("PANTAU_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert Settings().data_dir == tmp_path / "pantau"


def test_settings_reject_bad_values(monkeypatch):
    monkeypatch.setenv("PANTAU_SQLITE_BUSY_TIMEOUT_MS", "-5")
    with pytest.raises(ValueError):
        Settings()


def _spec_codes(table_header: str) -> dict[str, list[str]]:
    """Rows of the markdown table that follows ``table_header`` in the taxonomy spec."""
    text = (SHARED / "spec" / "violation-taxonomy.md").read_text(encoding="utf-8")
    start = text.index(table_header)
    rows = {}
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0].strip("`")] = cells[1:]
    return rows


needs_spec = pytest.mark.skipif(not (SHARED / "spec" / "violation-taxonomy.md").exists(),
                                reason="shared/spec/violation-taxonomy.md not present")


@needs_spec
def test_violation_types_match_spec():
    rows = _spec_codes("| code | label (id) | label (en) |")
    assert [v.value for v in taxonomy.ViolationType] == list(rows)
    for v in taxonomy.ViolationType:
        assert v.label_id == rows[v.value][0]
        assert v.label_en == rows[v.value][1]


@needs_spec
def test_doc_types_match_spec():
    rows = _spec_codes("| code | meaning |")
    assert [d.value for d in taxonomy.DocType] == list(rows)


def test_labelled_enums_round_trip_and_describe():
    assert taxonomy.ViolationType("vote_buying") is taxonomy.ViolationType.VOTE_BUYING
    described = taxonomy.DocType.describe()
    assert {d["code"] for d in described} == {"incident", "prevention", "statistics", "regulation", "other"}
    assert all(d["label_id"] and d["label_en"] for d in described)
    with pytest.raises(ValueError):
        taxonomy.ViolationType("not_a_type")


def test_errors_carry_http_status():
    assert errors.InvalidInput("x").status_code == 400
    assert errors.NotFound("x").status_code == 404
    assert errors.BackendUnavailable("x").status_code == 503
    body = errors.InvalidInput("bad date", detail={"param": "since"}).to_dict()
    assert body == {"error": "invalid_input", "message": "bad date", "status": 400,
                    "detail": {"param": "since"}}
    assert issubclass(errors.NotFound, errors.PantauError)


@pytest.mark.parametrize("url,expected", [
    ("HTTP://Example.COM:80/a/b/?utm_source=fb&b=2&a=1#x", "http://example.com/a/b?a=1&b=2"),
    ("https://example.com:443//berita//1/", "https://example.com/berita/1"),
    ("https://example.com/", "https://example.com/"),
    ("https://example.com/?fbclid=abc", "https://example.com/"),
    ("http://127.0.0.1:8080/x/", "http://127.0.0.1:8080/x"),
])
def test_normalize_url(url, expected):
    assert ids.normalize_url(url) == expected


@pytest.mark.parametrize("variant", [
    "https://m.example.com/berita/2024/asn-netral",
    "http://example.com/berita/2024/asn-netral/",
    "https://example.com/amp/berita/2024/asn-netral",
    "https://example.com/berita/2024/asn-netral/amp",
    "https://amp.example.com/berita/2024/asn-netral?utm_medium=wa",
])
def test_canonical_url_folds_amp_mobile_and_tracking(variant):
    assert ids.canonical_url(variant) == "https://example.com/berita/2024/asn-netral"
    assert ids.article_id(variant) == ids.article_id("https://example.com/berita/2024/asn-netral")


def test_ids_are_stable_and_distinct():
    a = ids.article_id("https://example.com/a")
    assert a == ids.article_id("https://example.com/a") and re.fullmatch(r"[0-9a-f]{16}", a)
    assert a != ids.article_id("https://example.com/b")
    h = ids.content_hash(b"isi")
    assert ids.capture_id("https://example.com/a", h) != ids.capture_id("https://example.com/a",
                                                                        ids.content_hash(b"lain"))
    assert ids.slugify("Bawaslu Kab. Batang: ASN Harus Netral!") == "bawaslu-kab-batang-asn-harus-netral"


def test_cli_help_lists_commands():
    out = subprocess.run([sys.executable, "-m", "pantau", "--help"], capture_output=True, text=True,
                         check=True).stdout
    assert "Usage" in out
    from pantau.cli import COMMANDS

    for name in COMMANDS:
        assert name in out
