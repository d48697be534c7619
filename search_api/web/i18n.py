"""The pages' own words, in Indonesian (the default) and English.

Labels of facets, filters and their values are not here: they come from the field registry
through ``pantau.search.labels``. The language is ``?lang=en`` (or ``id``), remembered in a
cookie; without either, Indonesian.
"""

from __future__ import annotations

from fastapi import Request

from pantau.search.labels import LANGS

COOKIE = "pantau_lang"
DEFAULT = "id"

# key: (Indonesian, English)
STRINGS: dict[str, tuple[str, str]] = {
    "skip": ("Langsung ke isi", "Skip to content"),
    "nav": ("Navigasi utama", "Main navigation"),
    "search": ("Cari", "Search"),
    "timeline": ("Linimasa", "Timeline"),
    "regions": ("Wilayah", "Regions"),
    "officials": ("Pejabat", "Officials"),
    "api": ("API", "API"),
    "switch_lang": ("English", "Bahasa Indonesia"),
    "tagline": ("Arsip berita netralitas ASN dalam pemilu", "Archive of news on civil-servant "
                "neutrality in elections"),
    "query": ("Kata kunci", "Search terms"),
    "query_help": ('Semua kata harus ada; "frasa" dalam tanda kutip; -kata untuk mengecualikan; '
                   "kata1 OR kata2 untuk alternatif.",
                   'All words must occur; "a phrase" in quotes; -word excludes; word1 OR word2 '
                   "for alternatives."),
    "date_from": ("Dari tanggal", "From"),
    "date_to": ("Sampai tanggal", "To"),
    "sort": ("Urutkan", "Sort"),
    "sort_relevance": ("Relevansi", "Relevance"),
    "sort_newest": ("Terbaru", "Newest"),
    "sort_oldest": ("Terlama", "Oldest"),
    "submit": ("Cari", "Search"),
    "apply": ("Terapkan", "Apply"),
    "filters": ("Filter aktif", "Active filters"),
    "remove": ("Hapus filter", "Remove filter"),
    "clear_all": ("Hapus semua", "Clear all"),
    "facets": ("Saring hasil", "Refine"),
    "selected": ("dipilih", "selected"),
    "more": ("Lainnya", "More"),
    "results": ("{n} artikel", "{n} articles"),
    "no_results": ("Tidak ada artikel yang cocok.", "No article matches."),
    "next_page": ("Halaman berikutnya", "Next page"),
    "first_page": ("Halaman pertama", "First page"),
    "paging": ("Halaman", "Pages"),
    "export": ("Unduh", "Download"),
    "export_zip": ("Paket zip (data, kamus data, manifes)", "Zip (data, data dictionary, manifest)"),
    "feed": ("Umpan Atom", "Atom feed"),
    "feed_of": ("Umpan Atom: {what}", "Atom feed: {what}"),
    "json": ("JSON (API)", "JSON (API)"),
    "undated": ("tanpa tanggal", "undated"),
    "interval": ("Periode", "Period"),
    "week": ("Minggu", "Week"),
    "month": ("Bulan", "Month"),
    "split": ("Pisahkan menurut", "Split by"),
    "split_none": ("Tidak dipisah", "No split"),
    "period": ("Periode", "Period"),
    "count": ("Jumlah", "Count"),
    "total": ("Total", "Total"),
    "other": ("Lainnya", "Other"),
    "chart_title": ("Jumlah artikel per {interval}", "Articles per {interval}"),
    "chart_desc": ("Diagram batang; angkanya ada di tabel di bawah.",
                   "Bar chart; the numbers are in the table below."),
    "table_csv": ("Tabel sebagai CSV", "Table as CSV"),
    "region_view": ("Jumlah artikel per wilayah (kode Kemendagri)",
                    "Articles per region (Kemendagri codes)"),
    "region_note": ("Tabel berbatang, bukan peta: Pantau tidak menyertakan data batas wilayah.",
                    "A table with bars, not a map: Pantau ships no boundary data."),
    "region": ("Wilayah", "Region"),
    "code": ("Kode", "Code"),
    "articles": ("Artikel", "Articles"),
    "children": ("Wilayah di dalamnya", "Regions within"),
    "parents": ("Termasuk", "Part of"),
    "see_articles": ("Lihat artikel", "See articles"),
    "source": ("Sumber", "Source"),
    "published": ("Terbit", "Published"),
    "fetched": ("Diambil", "Fetched"),
    "author": ("Penulis", "Author"),
    "original": ("Halaman asli", "Original page"),
    "archived": ("Halaman arsip (tanpa skrip)", "Archived page (scripts blocked)"),
    "archived_raw": ("Sumber HTML", "HTML source"),
    "text": ("Teks", "Text"),
    "legend": ("Keterangan sorotan", "Highlight legend"),
    "ev_region": ("Wilayah", "Region"),
    "ev_official": ("Pejabat", "Official"),
    "ev_date": ("Tanggal", "Date"),
    "ev_violation": ("Jenis pelanggaran", "Violation type"),
    "annotation": ("Anotasi", "Annotation"),
    "not_analysed": ("Belum dianalisis.", "Not analysed yet."),
    "doc_type": ("Jenis dokumen", "Document type"),
    "evidence": ("Bukti", "Evidence"),
    "dates": ("Tanggal disebut", "Dates mentioned"),
    "incidents": ("Kejadian", "Incidents"),
    "provenance": ("Asal-usul", "Provenance"),
    "capture": ("Tangkapan", "Capture"),
    "parser": ("Parser", "Parser"),
    "pipeline": ("Pipeline NLP", "NLP pipeline"),
    "final_url": ("URL akhir", "Final URL"),
    "http_status": ("Status HTTP", "HTTP status"),
    "content_hash": ("Hash isi", "Content hash"),
    "cluster": ("Klaster berita serupa", "Near-duplicate cluster"),
    "cluster_none": ("Tidak ada salinan lain.", "No other copy."),
    "cases": ("Kasus", "Cases"),
    "cases_intro": ("Satu kasus = satu subjek dan satu perbuatan, dari semua media yang "
                    "memberitakannya; salinan sindikasi dihitung sekali.",
                    "One case = one subject and one act, from every outlet that reported it; "
                    "syndicated copies count once."),
    "cases_found": ("{n} kasus", "{n} cases"),
    "no_cases": ("Tidak ada kasus yang cocok.", "No case matches."),
    "cases_timeline": ("Linimasa kasus (JSON)", "Cases timeline (JSON)"),
    "reports_outlets": ("{r} laporan, {o} media", "{r} reports, {o} outlets"),
    "first_last_report": ("Laporan pertama – terakhir", "First – last report"),
    "reports": ("Laporan", "Reports"),
    "lag_recommendation": ("Jeda sampai rekomendasi", "Time to recommendation"),
    "lag_sanction": ("Jeda sampai sanksi", "Time to sanction"),
    "days": ("{n} hari", "{n} days"),
    "stage_timeline": ("Tahapan", "Stages"),
    "sanction_kind": ("Jenis sanksi", "Sanction"),
    "recipient": ("Ditujukan ke", "Sent to"),
    "member_articles": ("Artikel anggota", "Member articles"),
    "join_score": ("Skor", "Score"),
    "join_reasons": ("Alasan penggabungan", "Why joined"),
    "this_article": ("artikel ini", "this article"),
    "role": ("Jabatan", "Role"),
    "org": ("Instansi", "Organisation"),
    "first_seen": ("Pertama terlihat", "First seen"),
    "last_seen": ("Terakhir terlihat", "Last seen"),
    "roles": ("Jabatan dari waktu ke waktu", "Roles over time"),
    "orgs": ("Instansi", "Organisations"),
    "names": ("Nama lain", "Other names"),
    "official_articles": ("Artikel yang menyebut", "Articles naming them"),
    "all_articles": ("Cari semua artikelnya", "Search all their articles"),
    "find_official": ("Nama, jabatan, atau instansi", "Name, role or organisation"),
    "officials_found": ("{n} pejabat", "{n} officials"),
    "error": ("Ada masalah", "Something is wrong"),
    "error_400": ("Permintaan tidak dapat diproses", "The request cannot be processed"),
    "error_404": ("Tidak ditemukan", "Not found"),
    "error_other": ("Layanan sedang bermasalah", "The service has a problem"),
    "start_over": ("Mulai dari awal", "Start over"),
    "home": ("Beranda", "Home"),
    "about_data": ("Data: arsip Pantau. Kode wilayah: Kemendagri.",
                   "Data: the Pantau archive. Region codes: Kemendagri."),
}


def lang_of(request: Request, asked: str | None = None) -> str:
    """``asked`` (the ``lang`` parameter) if known, else the cookie's, else Indonesian."""
    for candidate in (asked, request.cookies.get(COOKIE)):
        if candidate in LANGS:
            return candidate
    return DEFAULT


def translator(lang: str):
    index = 1 if lang == "en" else 0

    def t(key: str, **values) -> str:
        text = STRINGS[key][index]
        return text.format(**values) if values else text

    return t
