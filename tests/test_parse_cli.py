"""``pantau parse``: saved pages to articles through the crawler's own parse path
(``crawler.archiving.judge``); one page to stdout, a JSONL file of pages to a JSONL file with
one line per input line, bad lines reported with their error, never a traceback."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.archiving import capture_of, judge
from crawler.items import Page
from pantau.commands.parse import FIELDS, Sources, parse_one

PAGES = Path(__file__).parent / "fixtures" / "pages"
TABLE = PAGES / "text_choice" / "bawaslu_statistics_table.html"
TABLE_URL = "https://jateng.bawaslu.go.id/berita/rekapitulasi-dugaan-pelanggaran-netralitas-asn-pilkada-2024-kedu"
LAYOUT_URL = "http://kabarbanjarnegara.com/baca.php?id=20241122-01"
NAIVE_TIME = ("<html><head><title>Bawaslu Ingatkan ASN Jaga Netralitas Pilkada</title>"
              "<meta property='article:published_time' content='2024-10-02 09:30'></head><body><article>"
              "<h1>Bawaslu Ingatkan ASN Jaga Netralitas Pilkada</h1>" + "<p>Bawaslu mengingatkan aparatur sipil "
              "negara (ASN) agar menjaga netralitas selama tahapan Pilkada dan tidak hadir dalam kampanye.</p>" * 3
              + "</article></body></html>")


def run(args, env, cwd=None):
    return subprocess.run([sys.executable, "-m", "pantau", "parse", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=120, cwd=cwd, stdin=subprocess.DEVNULL)


def test_one_page_is_printed_as_json(cli_env):
    proc = run([TABLE], cli_env)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert tuple(record) == FIELDS and record["error"] is None and record["on_topic"] is True
    assert record["url"] == TABLE_URL  # the page's canonical link, no --url given
    assert record["title"].startswith("Rekapitulasi Dugaan Pelanggaran Netralitas ASN")
    assert record["published"] == "2024-11-27T14:20:00+07:00" and record["author"] == "Rizal Hanafi Setiawan"
    assert "\nKabupaten Magelang | 4 | 6 | 7 | 3\n" in record["text"]
    assert record["methods"]["text"] == "trafilatura" and record["methods"]["title"] == "h1"


def test_the_command_gives_what_the_crawl_stores(tmp_path):
    from datetime import datetime, timezone

    body = TABLE.read_bytes()
    source = Sources().get(None)
    page = Page(url=TABLE_URL, final_url=TABLE_URL, status=200, headers={}, body=body,
                fetched_at=datetime(2024, 11, 28, tzinfo=timezone.utc))
    article = judge([capture_of(source.id, page)], source).article
    record = parse_one(body, TABLE_URL, {}, source)
    assert (record["id"], record["title"], record["text"], record["author"], record["published"]) == \
        (article.id, article.title, article.text, article.author, article.published_at.isoformat())


def test_a_source_gives_its_time_zone(tmp_path, cli_env):
    from crawler.registry import load_registry

    sources = Sources()
    wita = [e.id for e in load_registry().source if sources.get(e.id).timezone == "WITA"]
    if not wita:
        pytest.skip("no WITA source in the registry")
    page = tmp_path / "page.html"
    page.write_text(NAIVE_TIME, encoding="utf-8")
    plain = json.loads(run([page, "--url", "https://x.id/berita/2024/10/02/asn-netral"], cli_env).stdout)
    zoned = json.loads(run([page, "--url", "https://x.id/berita/2024/10/02/asn-netral", "--source", wita[0]],
                           cli_env).stdout)
    assert plain["published"] == "2024-10-02T09:30:00+07:00"
    assert zoned["published"] == "2024-10-02T09:30:00+08:00"


def test_a_jsonl_file_gives_one_line_per_input(tmp_path, cli_env):
    layout = tmp_path / "layout.html.gz"
    layout.write_bytes(gzip.compress((PAGES / "text_choice" / "layout_table.html").read_bytes()))
    lines = [
        json.dumps({"id": "gz", "url": LAYOUT_URL, "path": str(layout)}),
        json.dumps({"id": "inline", "url": "https://x.id/berita/2024/10/02/asn-netral", "html": NAIVE_TIME,
                    "headers": {"Content-Type": "text/html; charset=utf-8"}}),
        "{not json",
        json.dumps({"id": "pdf", "url": "https://x.id/edaran.pdf", "html": "%PDF-1.4",
                    "headers": {"Content-Type": "application/pdf"}}),
        json.dumps({"id": "missing", "path": str(tmp_path / "nope.html")}),
        json.dumps({"id": "nosource", "html": NAIVE_TIME, "source": "no-such-source"}),
        json.dumps({"id": 7, "url": TABLE_URL, "path": str(TABLE)}),
    ]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run([src, "-o", out], cli_env)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["gz", "inline", None, "pdf", "missing", "nosource", "7"]
    assert all(tuple(r) == FIELDS for r in rows)
    good = {r["id"]: r for r in rows if r["error"] is None}
    assert set(good) == {"gz", "inline", "7"}
    assert good["gz"]["title"] == "Lurah di Banjarnegara Diminta Cabut Surat Edaran Dukungan"
    assert good["gz"]["published"] == "2024-11-22T08:10:00+07:00" and "Buku Tamu" not in good["gz"]["text"]
    assert good["inline"]["published"] == "2024-10-02T09:30:00+07:00" and good["inline"]["language"] == "id"
    errors = {r["id"]: r["error"] for r in rows if r["error"]}
    assert errors["pdf"] == "not_html (application/pdf)" and "nope.html" in errors["missing"]
    assert "no-such-source" in errors["nosource"] and errors[None].startswith("bad line")
    assert "in.jsonl:3:" in proc.stderr and "4 without an article" in proc.stderr


def test_a_page_that_is_no_article_says_why(tmp_path, cli_env):
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 8)
    proc = run([junk], cli_env)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    record = json.loads(proc.stdout)
    assert record["error"] == "not_html (binary)" and record["text"] is None


@pytest.mark.parametrize("args, reason", [
    (["{jsonl}"], "-o"),
    (["{jsonl}", "-o", "{jsonl}"], "another file"),
    (["{page}", "-o", "{out}"], "JSONL input"),
    (["{jsonl}", "-o", "{out}", "--url", "https://x.id/a"], "--url"),
])
def test_contradictory_options_exit_2_and_write_nothing(tmp_path, cli_env, args, reason):
    jsonl, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    jsonl.write_text(json.dumps({"id": "1", "html": NAIVE_TIME}) + "\n", encoding="utf-8")
    args = [a.format(jsonl=jsonl, page=TABLE, out=out) for a in args]
    proc = run(args, cli_env)
    assert proc.returncode == 2 and reason in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists() and jsonl.read_text(encoding="utf-8").startswith('{"id": "1"')


def test_the_output_replaces_the_old_one_whole(tmp_path, cli_env):
    """The output is written under a temporary name and renamed over the old one (nothing
    left behind); a line that is not UTF-8 gets its error line, the others are written."""
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "1", "html": "<html></html>"}\n\xff\xfe broken\n')
    proc = run([src, "-o", out], cli_env)
    assert proc.returncode == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and json.loads(rows[1])["error"].startswith("bad line")
    assert not list(tmp_path.glob(".out.jsonl.pantau-partial-*"))
