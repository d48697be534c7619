"""The mechanisms that choose an article's text (issue 16), each on a small page of its own:
data tables as rows, layout tables unwrapped, the precision/recall merge, the headline check
of a short text, the block-level fallback, related-story boxes. The fixture pages in
``fixtures/pages`` test the same causes field by field (tests/test_parsing.py)."""

from __future__ import annotations

import pytest

from crawler.parsing import parse_page
from crawler.parsing.article import parse_html
from crawler.parsing.choice import Evidence, check_short, merge
from crawler.parsing.fallback import block_text
from crawler.parsing.related import drop_related_boxes
from crawler.parsing.tables import is_layout_table, table_rows, unwrap_layout_tables
from crawler.parsing.text import clean_tree

URL = "https://contoh-berita.id/daerah/2024/11/20/bawaslu-rilis-data-pelanggaran-netralitas"
PARAGRAPH = ("<p>Bawaslu kabupaten mencatat dugaan pelanggaran netralitas aparatur sipil negara selama "
             "tahapan kampanye pemilihan kepala daerah dan meneruskan sebagian ke Badan Kepegawaian Negara.</p>")


def page(body: str, head: str = "<title>Bawaslu Rilis Data Pelanggaran Netralitas</title>") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def first_table(markup: str):
    return parse_html(f"<html><body>{markup}</body></html>").xpath("//table")[0]


# -- tables ---------------------------------------------------------------------------------

DATA = ("<table><tr><th>Kabupaten</th><th>Kasus</th></tr><tr><td><p>Kabupaten Kendal</p></td><td><p>7</p></td></tr>"
        "<tr><td>Kabupaten Batang</td><td></td></tr></table>")


def test_a_data_table_with_paragraphs_in_its_cells_stays_a_table():
    assert not is_layout_table(first_table(DATA))
    assert table_rows(first_table(DATA)) == ["Kabupaten | Kasus", "Kabupaten Kendal | 7", "Kabupaten Batang |"]


@pytest.mark.parametrize("markup", [
    "<table><tr><td>Menu</td><td>" + PARAGRAPH * 3 + "</td></tr></table>",
    "<table><tr><td>Menu</td><td>Baris satu<br>Baris dua<br>Baris tiga<br>Baris empat</td></tr></table>",
    "<table><tr><td>Satu kolom saja</td></tr><tr><td>Baris kedua</td></tr></table>",
    "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>x</td></tr></table>",
])
def test_layout_tables(markup):
    assert is_layout_table(first_table(markup))


def test_unwrapping_keeps_a_data_table_nested_in_the_layout():
    tree = parse_html(f"<html><body><table><tr><td>Menu</td><td>{PARAGRAPH * 3}{DATA}</td></tr></table></body></html>")
    assert unwrap_layout_tables(tree) == 1
    assert len(tree.xpath("//table")) == 1 and len(tree.xpath("//table//td")) == 4


def test_table_rows_are_separate_sentences_for_the_nlp():
    import nlp.components.sentences  # noqa: F401
    from nlp.tokenizer import blank

    table = "<table><tr><th>Kabupaten</th><th>Laporan</th></tr><tr><td>Kabupaten Kendal</td><td>7</td></tr>" \
        "<tr><td>Kabupaten Batang</td><td>3</td></tr></table>"
    parsed = parse_page(page(PARAGRAPH + table + PARAGRAPH.replace("kabupaten", "provinsi")), URL, {}, "t")
    lang = blank()
    lang.add_pipe("pantau_sentences")
    sentences = [s.text.strip() for s in lang(parsed.text).sents]
    assert ["Kabupaten | Laporan", "Kabupaten Kendal | 7", "Kabupaten Batang | 3"] == \
        [s for s in sentences if "|" in s]


# -- precision and recall -----------------------------------------------------------------------

BODY = ["Paragraf pembuka berita tentang Bawaslu.", "Paragraf kedua berita tentang Bawaslu."]


def test_merge_adds_trailing_sentences_precision_dropped():
    recall = BODY + ["Senin: pelapor.", "Selasa: terlapor."]
    assert merge(BODY, recall, Evidence(url=URL)) == (recall, "trafilatura+recall")


def test_merge_stops_the_trailing_run_at_a_line_that_is_not_body():
    recall = BODY + ["Kategori Politik", "Langganan buletin kami sekarang juga."]
    assert merge(BODY, recall, Evidence(url=URL)) == (BODY, "trafilatura")


def test_merge_keeps_a_subheading_but_no_dateline_or_related_link_inside_the_body():
    links = {"kadesdiwelahandipanggilbawaslu": "/daerah/2024/11/08/kades-di-welahan-dipanggil-bawaslu",
             "unduhkeputusanbawasludisini": "https://bawaslu.go.id/keputusan.pdf"}
    recall = [BODY[0], "Sanksi untuk Kepala Desa", "Jawa Tengah - Rabu, 13 November 2024 10:30 WIB",
              "Kades di Welahan Dipanggil Bawaslu", "Unduh keputusan Bawaslu di sini", BODY[1]]
    merged, method = merge(BODY, recall, Evidence(url=URL, links=links))
    assert merged == [BODY[0], "Sanksi untuk Kepala Desa", "Unduh keputusan Bawaslu di sini", BODY[1]]
    assert method == "trafilatura+recall"


def test_the_page_article_body_decides_on_the_added_sentences():
    recall = BODY + ["Langganan buletin kami sekarang juga."]
    assert merge(BODY, recall, Evidence(url=URL, body=" ".join(BODY))) == (BODY, "trafilatura")
    assert merge(BODY, recall, Evidence(url=URL, body=" ".join(recall))) == (recall, "trafilatura+recall")


def test_the_page_article_body_decides_when_the_extractions_disagree():
    precise = ["Paragraf pertama.", "Kalimat akhir yang terpotong."]
    recall = ["Paragraf pertama.", "Kalimat akhir yang utuh bersama kalimat lain yang hilang."]
    body = "Paragraf pertama. Kalimat akhir yang utuh bersama kalimat lain yang hilang."
    assert merge(precise, recall, Evidence(url=URL, body=body)) == (recall, "trafilatura-recall")
    assert merge(precise, recall, Evidence(url=URL)) == (precise, "trafilatura")


# -- a short text against the headline -------------------------------------------------------------

NOTICE = ["Seluruh konten laman ini boleh dikutip media lain dengan mencantumkan sumber dan tautan."]
ARTICLE = ["Guru PPPK di Lasem dilaporkan ke Bawaslu Rembang karena mengajak wali murid memilih paslon.",
           "Bawaslu Rembang akan memanggil pelapor dan terlapor pekan ini untuk klarifikasi laporan itu.",
           "Kepala sekolah menyatakan menghormati proses yang berjalan di Bawaslu Kabupaten Rembang."]
HEADLINE = Evidence(url=URL, title="Guru PPPK di Rembang Dilaporkan karena Ajak Wali Murid Pilih Paslon")


def test_a_short_text_that_misses_the_headline_gives_way():
    assert check_short(NOTICE * 3, "trafilatura", ARTICLE, "blocks", HEADLINE) == (ARTICLE, "blocks")


def test_a_short_text_that_agrees_with_the_headline_stays():
    longer = ARTICLE + ["Tautan lain tentang sepak bola dan cuaca hari ini di kota."] * 3
    assert check_short(ARTICLE, "trafilatura", longer, "blocks", HEADLINE) == (ARTICLE, "trafilatura")


# -- the block-level fallback --------------------------------------------------------------------

def test_the_fallback_takes_the_block_with_the_paragraphs_not_the_menus():
    links = "".join(f"<a href='/k/{i}'>Kategori berita nomor {i}</a><br>" for i in range(30))
    menu = f"<div class='kiri'>{links}</div>"
    text = ("<div class='isi'><b>Judul</b><br>Senin, 18 November 2024<br>" +
            "Kalimat isi berita yang panjang tentang pengawasan netralitas aparatur desa di kecamatan. " * 3 +
            "<br>Kalimat penutup berita yang juga cukup panjang untuk dihitung sebagai paragraf isi.</div>")
    tree = parse_html(f"<html><body>{menu}{text}<div>Hak cipta 2024</div></body></html>")
    clean_tree(tree)
    blocks, method = block_text(tree)
    assert method == "blocks" and len(blocks) == 2
    assert blocks[0].startswith("Kalimat isi berita") and blocks[1].startswith("Kalimat penutup")


def test_the_fallback_finds_nothing_on_a_page_without_paragraphs():
    assert block_text(parse_html("<html><body><a href='/a'>Beranda</a> <a href='/b'>Profil</a></body></html>")) \
        == ([], "blocks")


# -- related-story boxes ---------------------------------------------------------------------------

@pytest.mark.parametrize("box", [
    "<p><strong>Pilihan Redaksi:</strong> <a href='/daerah/2024/11/18/kades-di-mayong-dipanggil-bawaslu'>"
    "Kades di Mayong Dipanggil Bawaslu</a></p>",
    "<div><a href='https://contoh-berita.id/nasional/asn-diminta-netral-jelang-masa-tenang'>"
    "ASN Diminta Netral Jelang Masa Tenang</a> <span>18/11/2024</span></div>",
    "<p>Read more: <a href='/daerah/2024/11/18/kades-di-mayong-dipanggil-bawaslu'>Village head summoned "
    "over campaign banner</a></p>",
])
def test_related_story_boxes_are_dropped(box):
    tree = parse_html(f"<html><body><div>{PARAGRAPH}{box}{PARAGRAPH}</div></body></html>")
    assert drop_related_boxes(tree, URL) == 1 and "Mayong" not in tree.text_content() \
        and "Masa Tenang" not in tree.text_content() and "summoned" not in tree.text_content()


@pytest.mark.parametrize("kept", [
    "<p>Sebelumnya Bawaslu juga <a href='/daerah/2024/11/18/kades-di-mayong-dipanggil-bawaslu'>memanggil "
    "kades di Mayong</a> karena memasang spanduk pasangan calon di balai desa.</p>",
    "<p><a href='https://lain.id/2024/11/18/berita-di-situs-lain-sama-sekali'>Berita di situs lain sama sekali</a></p>",
    "<p><a href='/tag/bawaslu'>Bawaslu Kabupaten Kendal hari ini</a></p>",
    "<p><a href='/dokumen/keputusan-bawaslu-nomor-12-tahun-2024.pdf'>Keputusan Bawaslu Nomor 12 Tahun 2024</a></p>",
])
def test_links_that_are_no_related_story_stay(kept):
    tree = parse_html(f"<html><body><div>{PARAGRAPH}{kept}</div></body></html>")
    assert drop_related_boxes(tree, URL) == 0


def test_a_link_to_the_page_itself_is_no_related_story():
    title = "Bawaslu Rilis Data Pelanggaran Netralitas di Kabupaten"
    box = f"<div class='judul'><a href='{URL}?amp=1'>{title}</a></div>"
    tree = parse_html(f"<html><body>{box}<div>{PARAGRAPH}</div></body></html>")
    assert drop_related_boxes(tree, URL, title) == 0


def test_precision_is_run_only_when_the_balanced_text_is_in_doubt():
    from crawler.parsing.choice import needs_precision

    plain = Evidence(url=URL)
    assert not needs_precision(BODY, plain)
    assert needs_precision(BODY + ["Kategori Politik"], plain) and needs_precision([], plain)
    assert not needs_precision(BODY, Evidence(url=URL, body=" ".join(BODY)))
    other = "Isi lain sama sekali tentang cuaca hari ini dan harga cabai rawit di pasar induk kota."
    assert needs_precision(BODY, Evidence(url=URL, body=other))
