"""Exports: complete, filter-honouring, read back with the csv module, json and pyarrow, and
compared with the search results; over HTTP (bundle and raw), in-process and via the CLI."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
import zipfile

import httpx
import pyarrow.parquet as pq
import pytest

from pantau import export as exporter
from pantau import render
from pantau.export_fields import FIELD_NAMES, FIELDS
from pantau.search.query import SearchQuery
from pantau.search.factory import INDEX_DIR_NAME as INDEX_NAME
from pantau.search.tantivy_engine import TantivyBackend
from pantau.settings import Settings
from pantau.store import Archive
from search_api import create_app
from search_api.config import ApiLimits
from tests.helpers.api_archive import ARTICLES, EXPECT, aid, fill
from tests.helpers.api_server import serve_in_thread

KEYS = {aid(row[0]): row[0] for row in ARTICLES}
FILTERS = [{}, {"region": "33"}, {"violation_type": "social_media", "source_type": "news"},
           {"q": "netralitas", "date_from": "2024-01-01"}, {"doc_type": "other", "region": "35"}]


@pytest.fixture(scope="module")
def export_data(tmp_path_factory):
    data = tmp_path_factory.mktemp("export") / "data"
    data.mkdir()
    fill(data)
    return data


@pytest.fixture(scope="module")
def http(export_data):
    with serve_in_thread(create_app(Settings(data_dir=export_data))) as base:
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client


def search_ids(http, params: dict) -> list[str]:
    """Every id the search returns for ``params``, following cursors (newest first)."""
    ids, cursor = [], None
    while True:
        page = http.get("/v1/articles", params={**params, "limit": 5, "sort": "newest",
                                                **({"cursor": cursor} if cursor else {})}).json()
        ids += [h["id"] for h in page["hits"]]
        cursor = page["next_cursor"]
        if not cursor:
            return ids


def read_rows(fmt: str, data: bytes) -> list[dict]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    if fmt == "jsonl":
        return [json.loads(line) for line in data.decode("utf-8").splitlines()]
    return pq.read_table(io.BytesIO(data)).to_pylist()


def bundle(http, fmt: str, params: dict) -> tuple[dict, list[dict], zipfile.ZipFile]:
    r = http.get("/v1/export", params={**params, "format": fmt})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"].endswith(f'.{fmt}.zip"')
    z = zipfile.ZipFile(io.BytesIO(r.content))
    assert z.namelist() == [f"data.{fmt}", "data_dictionary.csv", "manifest.json"]
    manifest = json.loads(z.read("manifest.json"))
    return manifest, read_rows(fmt, z.read(f"data.{fmt}")), z


@pytest.mark.parametrize("fmt", exporter.FORMATS)
@pytest.mark.parametrize("params", FILTERS, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()) or "all")
def test_bundle_matches_search(http, fmt, params):
    expected = search_ids(http, params)
    manifest, rows, z = bundle(http, fmt, params)
    assert [row["id"] for row in rows] == expected  # complete, same order (newest first)
    assert manifest["counts"] == {"rows": len(expected), "matched": len(expected), "missing_from_archive": 0}
    assert manifest["data_sha256"] == hashlib.sha256(z.read(f"data.{fmt}")).hexdigest()
    assert manifest["format"] == fmt and manifest["fields"] == FIELD_NAMES
    for key, value in params.items():
        assert manifest["query"][key] in (value, [value])


def test_rows_carry_the_annotation(http):
    _, rows, _ = bundle(http, "parquet", {"region": "33.25"})
    row = next(r for r in rows if r["id"] == aid("klarifikasi-camat"))
    assert row["violation_types"] == ["partisan_photo", "social_media"]  # lists kept in Parquet
    assert row["official_names"] == ["Budi Santoso"] and row["official_roles"] == ["Camat"]
    assert row["region_codes"] == ["33.25"] and row["province_codes"] == ["33"]
    assert row["source_name"] == "Bawaslu Kabupaten Batang" and row["source_type"] == "bawaslu"
    assert row["pipeline_version"] == "test-2" and row["cluster_id"] == "cluster-batang"
    assert row["published_date"] == "2024-01-12" and row["fetched_at"].startswith("2024-06-01")
    assert len(row["official_ids"]) == 1 and row["violation_evidence"][0].startswith("partisan_photo: ")
    _, flat, _ = bundle(http, "csv", {"region": "33.25"})
    csv_row = next(r for r in flat if r["id"] == aid("klarifikasi-camat"))
    assert csv_row["violation_types"] == "partisan_photo;social_media"  # joined in CSV
    assert list(csv_row) == FIELD_NAMES


def test_parquet_types_and_descriptions(http):
    r = http.get("/v1/export", params={"format": "parquet", "layout": "raw"})
    schema = pq.read_table(io.BytesIO(r.content)).schema
    assert str(schema.field("violation_types").type) == "list<element: string>"
    assert str(schema.field("title").type) == "string"
    assert schema.field("doc_type").metadata[b"description"].startswith(b"Document type")


def test_unanalysed_article_is_exported_with_empty_labels(http):
    _, rows, _ = bundle(http, "jsonl", {"q": "dianalisis"})
    assert len(rows) == 1 and rows[0]["doc_type"] == "" and rows[0]["violation_types"] == []


def test_data_dictionary(http):
    _, _, z = bundle(http, "csv", {"region": "31"})
    rows = list(csv.DictReader(io.StringIO(z.read("data_dictionary.csv").decode())))
    assert [(r["field"], r["type"], r["description"]) for r in rows] == FIELDS
    assert http.get("/v1/export/data-dictionary").json()[0] == {  # the same rows as the bundle's file
        "field": "id", "type": "string", "csv": "as is", "description": FIELDS[0][2]}
    text = http.get("/v1/export/data-dictionary", params={"format": "csv"}).text
    assert text.encode() == z.read("data_dictionary.csv")  # one renderer, one column list


def test_manifest_versions(http):
    manifest, _, _ = bundle(http, "jsonl", {})
    assert manifest["versions"]["pipeline_versions"] == {"test-2": len(ARTICLES) - 1}
    assert manifest["versions"]["parser_versions"] == {"test-parser 1": len(ARTICLES)}
    assert manifest["versions"]["index"]["backend"] == "tantivy"
    assert manifest["versions"]["archive_schema"] >= 4 and manifest["archive_counts"]["articles"] == len(ARTICLES)
    assert manifest["generated_at"].endswith("+00:00") and manifest["files"]["data"] == "data.jsonl"


@pytest.mark.parametrize("fmt", exporter.FORMATS)
def test_raw_stream_and_its_manifest(http, fmt):
    params = {"format": fmt, "region": "33"}
    r = http.get("/v1/export", params={**params, "layout": "raw"})
    assert r.status_code == 200 and r.headers["content-type"].startswith(exporter.MEDIA_TYPES[fmt].split(";")[0])
    assert r.headers["x-total-count"] == str(len(EXPECT["province_33"]))
    rows = read_rows(fmt, r.content)
    assert {KEYS[row["id"]] for row in rows} == EXPECT["province_33"]
    manifest = http.get("/v1/export/manifest", params=params).json()
    assert manifest["data_sha256"] == hashlib.sha256(r.content).hexdigest()
    assert manifest["counts"]["rows"] == len(rows) and manifest["query"]["region"] == ["33"]


def test_official_filter_in_export_cites_the_registry_id(http):
    oid = http.get("/v1/officials", params={"name": "budi", "region": "33"}).json()["items"][0]["id"]
    manifest, rows, _ = bundle(http, "csv", {"official": oid})
    assert {KEYS[r["id"]] for r in rows} == EXPECT["budi_batang"]
    assert manifest["query"]["official"] == [oid]


def test_export_row_limit(export_data):
    app = create_app(Settings(data_dir=export_data), limits=ApiLimits(export_max_rows=2))
    with serve_in_thread(app) as base:
        r = httpx.get(f"{base}/v1/export", params={"format": "csv"})
        assert r.status_code == 422 and r.json()["error"] == "limit_exceeded"
        assert httpx.get(f"{base}/v1/export", params={"format": "csv", "region": "35.07"}).status_code == 200
        assert "at most 2 articles" in httpx.get(f"{base}/openapi.json").json()["info"]["description"]


def test_core_export_in_small_batches(export_data):
    """Batches smaller than the export: still complete, one Parquet row group per batch."""
    backend = TantivyBackend(export_data / INDEX_NAME)
    with Archive.open(export_data / "archive.sqlite3") as archive:
        expected = list(backend.iter_ids(SearchQuery()))
        for fmt in exporter.FORMATS:
            out = io.BytesIO()
            result = exporter.export(SearchQuery(), fmt, out, archive=archive, backend=backend,
                                     batch_size=3)
            assert [r["id"] for r in read_rows(fmt, out.getvalue())] == expected
            assert result.rows == len(expected) and result.sha256 == hashlib.sha256(out.getvalue()).hexdigest()
        out.seek(0)
        assert pq.ParquetFile(out).num_row_groups == -(-len(expected) // 3)
    backend.close()


def _cli(export_data, *args) -> subprocess.CompletedProcess:
    env = {"PANTAU_DATA_DIR": str(export_data), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "pantau", "export", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_export_with_sidecars(export_data, tmp_path):
    out = tmp_path / "jateng.csv"
    done = _cli(export_data, "--format", "csv", "-o", str(out), "--region", "33",
                "--violation-type", "social_media")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {KEYS[r["id"]] for r in rows} == EXPECT["budi_batang"]
    manifest = json.loads((tmp_path / "jateng.manifest.json").read_text())
    assert manifest["data_sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert manifest["query"]["violation_type"] == ["social_media"] and manifest["files"]["data"] == "jateng.csv"
    assert (tmp_path / "jateng.data_dictionary.csv").read_text().startswith("field,type,csv,description")
    assert "3 articles" in done.stderr


def test_cli_export_bundle_and_parquet(export_data, tmp_path):
    out = tmp_path / "all.zip"
    assert _cli(export_data, "-f", "parquet", "-o", str(out), "--from", "2024-03-01").returncode == 0
    with zipfile.ZipFile(out) as z:
        rows = pq.read_table(io.BytesIO(z.read("data.parquet"))).to_pylist()
        assert json.loads(z.read("manifest.json"))["counts"]["rows"] == len(rows) == 5


@pytest.mark.parametrize("args, words", [
    (["--region", "99"], "unknown region code"),
    (["--from", "2024-02-30"], "date_from"),
    (["--violation-type", "bribery"], "violation_type"),
    (["--q", '"open'], "unbalanced quotes"),
    (["--format", "xlsx"], "unknown export format"),
])
def test_cli_export_bad_options(export_data, tmp_path, args, words):
    done = _cli(export_data, "-o", str(tmp_path / "x.csv"), *args)
    assert done.returncode == 2 and words in done.stderr
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("seed", range(5))
def test_csv_lines_are_what_csv_writer_writes(seed):
    import random

    rng = random.Random(seed)
    alphabet = 'ab ,;"\r\n\t“é\u2028\x0b\\\''
    rows = [[], [""], ["", ""], ["a"], [" lead", "trail "], ['"'], [None, 3]]
    rows += [["".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
              for _ in range(rng.randrange(1, 6))] for _ in range(300)]
    for row in rows:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(row)
        assert render.csv_line(row) == buffer.getvalue(), row


def test_row_from_annotation_json_matches_the_model():
    from pantau.export_fields import to_row
    from pantau.records import Record
    from pantau.schema import (Annotation, Article, DateMention, Evidence, OfficialMention,
                               RegionMention, ViolationMention)
    from pantau.store import rows

    ev = Evidence(text="foto", start=0, end=4)
    annotation = Annotation(
        article_id="a1", pipeline_version="p9", doc_type="incident",
        violation_types=[ViolationMention(type="social_media", evidence=[ev]),
                         ViolationMention(type="campaign_attendance",
                                          evidence=[Evidence(text="x", start=1, end=2, sentence="Ia hadir.")]),
                         ViolationMention(type="partisan_photo")],
        regions=[RegionMention(code="33.25", level="kabupaten", name="Batang", parents=["33"]),
                 RegionMention(level="desa", name="Tanpa Kode")],
        officials=[OfficialMention(name="Budi", role="Camat"),
                   OfficialMention(name="Sri", role="Lurah", org="Kelurahan X", region_code="33.25")],
        dates=[DateMention(date="2024-01-10", evidence=ev)])
    article = Article(id="a1", capture_id="c1", source_id="s", url="u", canonical_url="u", title="t",
                      text="foto", content_hash="h", parser="p", parser_version="1")
    row = to_row(Record(article, rows.annotation_row(annotation)["data"], None, None, ["off1"]))
    assert list(row) == FIELD_NAMES
    bare = to_row(Record(article, None, None, None, ["off1"]))
    assert list(bare) == FIELD_NAMES and bare["official_ids"] == ["off1"] and bare["dates"] == []
    assert {k: row[k] for k in ("pipeline_version", "doc_type", "dates", "official_ids")} == {
        "pipeline_version": "p9", "doc_type": "incident", "dates": ["2024-01-10"], "official_ids": ["off1"]}
    assert row["violation_types"] == ["social_media", "campaign_attendance", "partisan_photo"]
    assert row["violation_evidence"] == ["social_media: foto", "campaign_attendance: Ia hadir."]
    assert (row["region_codes"], row["region_names"], row["province_codes"]) == (["33.25"], ["Batang"], ["33"])
    assert (row["official_names"], row["official_roles"]) == (["Budi", "Sri"], ["Camat", "Lurah"])
    assert (row["official_orgs"], row["official_region_codes"]) == (["", "Kelurahan X"], ["", "33.25"])
