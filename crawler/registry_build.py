"""The generated parts of the registry: every Bawaslu office and the regional outlets.

``crawler/data/bawaslu_offices.csv`` (one row per office) and ``crawler/data/news_outlets.csv``
(one row per outlet) are the data; with the region table they make two sections of
``crawler/sources.toml`` between ``# >>> generated: NAME`` and ``# <<< generated: NAME``.
``scripts/build_sources.py`` writes them; ``tests/test_registry_national.py`` checks the file
is up to date. ``seed_offices`` (re)derives the office list from the region table and the
site naming rule, keeping every row a person corrected (host, basis, evidence).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from pantau.regions import REGIONS_CSV, name_key

DATA_DIR = Path(__file__).resolve().parent / "data"
OFFICES_CSV = DATA_DIR / "bawaslu_offices.csv"
OUTLETS_CSV = DATA_DIR / "news_outlets.csv"
OFFICE_FIELDS = ["code", "level", "office", "host", "basis", "evidence"]
OUTLET_FIELDS = ["id", "name", "base_url", "region", "software", "sitemap", "feed", "listing", "search",
                 "article_pattern", "evidence"]
BASES = ("pattern", "seen", "registry")
RI_CODE = "00"  # Bawaslu RI: the whole country (no region code)

# Provincial sites use the province's usual abbreviation (jateng.bawaslu.go.id ...).
PROVINCE_HOSTS = {
    "11": "aceh", "12": "sumut", "13": "sumbar", "14": "riau", "15": "jambi", "16": "sumsel",
    "17": "bengkulu", "18": "lampung", "19": "babel", "21": "kepri", "31": "jakarta", "32": "jabar",
    "33": "jateng", "34": "diy", "35": "jatim", "36": "banten", "51": "bali", "52": "ntb", "53": "ntt",
    "61": "kalbar", "62": "kalteng", "63": "kalsel", "64": "kaltim", "65": "kaltara", "71": "sulut",
    "72": "sulteng", "73": "sulsel", "74": "sultra", "75": "gorontalo", "76": "sulbar", "81": "maluku",
    "82": "malut", "91": "papua", "92": "papuabarat", "93": "papuaselatan", "94": "papuatengah",
    "95": "papuapegunungan", "96": "papuabaratdaya",
}
# Hosts seen in public sources (crawler/data/README.md cites them): the rule's evidence.
SIGHTINGS = {
    "35.78": "https://surabaya.bawaslu.go.id/berita/pendaftaran-bakal-pasangan-calon-walikota-dan-wakil-walikota-surabaya-hari-kedua-bawaslu",
    "35.28": "https://pamekasan.bawaslu.go.id/berita/perkuat-komitmen-demokrasi-bawaslu-pamekasan-silaturahmi-ke-dpd-pks",
    "33.11": "https://sukoharjo.bawaslu.go.id/berita/menjaga-demokrasi-lewat-udara-bawaslu-sukoharjo-isi-talkshow-di-radio-itb-aas",
    "33.05": "https://kebumen.bawaslu.go.id/berita/mou",
    "33.26": "http://pekalongankab.bawaslu.go.id/ppid/berita_limit.php",
    "53.01": "https://kupangkab.bawaslu.go.id/profil/sejarah-pengawasan-pemilu",
    "76": "https://sulbar.bawaslu.go.id/berita/kerawanan-netralitas-asn-mengguncang-sepuluh-provinsi-indonesia-menjelang-pemilu-2024",
}
SECTION_START, SECTION_END = "# >>> generated: {name}", "# <<< generated: {name}"


def read_regions(path: Path = REGIONS_CSV) -> list[dict]:
    """Provinces, kabupaten and kota of the region table (no kecamatan), in code order."""
    with open(path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["level"] in ("provinsi", "kabupaten", "kota")]


def _office_name(region: dict) -> str:
    level = {"provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}[region["level"]]
    if region["code"].startswith("31.") and region["level"] != "provinsi":
        level += " Administrasi"
    body = "Panwaslih" if region["code"][:2] == "11" else "Bawaslu"  # Aceh's offices (UU 11/2006)
    return f"{body} {level} {region['name']}"


def _regency_hosts(regions: list[dict]) -> dict[str, str]:
    """code -> host label of every kabupaten/kota: the joined name, with 'kab'/'kota' appended
    when a kabupaten and a kota, or a province site, share it (pekalongankab, kupangkab)."""
    taken = set(PROVINCE_HOSTS.values())
    keys: dict[str, list[dict]] = {}
    for r in regions:
        if r["level"] != "provinsi":
            keys.setdefault(name_key(r["name"]), []).append(r)
    hosts = {}
    for key, same in keys.items():
        clash = len(same) > 1 or key in taken
        for r in same:
            hosts[r["code"]] = key + ({"kabupaten": "kab", "kota": "kota"}[r["level"]] if clash else "")
    return hosts


def seed_offices(regions: list[dict], existing: list[dict] | None = None) -> list[dict]:
    """Every office: Bawaslu RI, one per province and kabupaten/kota (rows of ``existing``
    keep their host, basis and evidence)."""
    kept = {r["code"]: r for r in existing or []}
    hosts = _regency_hosts(regions)
    rows = [{"code": RI_CODE, "level": "ri", "office": "Bawaslu Republik Indonesia", "host": "www.bawaslu.go.id",
             "basis": "registry", "evidence": ""}]
    for r in regions:
        label = PROVINCE_HOSTS[r["code"]] if r["level"] == "provinsi" else hosts[r["code"]]
        seen = SIGHTINGS.get(r["code"], "")
        rows.append({"code": r["code"], "level": r["level"], "office": _office_name(r),
                     "host": f"{label}.bawaslu.go.id", "basis": "seen" if seen else "pattern", "evidence": seen})
    return [{**row, **{k: kept[row["code"]][k] for k in ("host", "basis", "evidence")}}
            if row["code"] in kept else row for row in rows]


def read_csv(path: Path, fields: list[str]) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != fields:
            raise ValueError(f"{path}: columns {reader.fieldnames}, expected {fields}")
        return list(reader)


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def office_id(row: dict, regions_by_code: dict[str, dict]) -> str:
    """bawaslu-ri, bawaslu-jateng, bawaslu-batang; bawaslu-kab-X / bawaslu-kota-X when the
    host carries the level (two regions share the name)."""
    label = row["host"].split(".")[0]
    if row["level"] in ("ri", "provinsi"):
        return "bawaslu-ri" if row["level"] == "ri" else f"bawaslu-{label}"
    slug = re.sub(r"[^a-z0-9]+", "-", regions_by_code[row["code"]]["name"].lower()).strip("-")
    if label.endswith(("kab", "kota")) and label != name_key(regions_by_code[row["code"]]["name"]):
        return f"bawaslu-{'kab' if row['level'] == 'kabupaten' else 'kota'}-{slug}"
    return f"bawaslu-{slug}"


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def office_entries(offices: list[dict], regions: list[dict], verified: set[str] = frozenset(),
                   reserved: set[str] = frozenset()) -> str:
    """The offices' entries; an id taken outside the section (the sample site
    bawaslu-temanggung) gets the level: bawaslu-kab-temanggung."""
    by_code = {r["code"]: r for r in regions}
    blocks = []
    for row in offices:
        entry_id = office_id(row, by_code)
        if entry_id in reserved:
            entry_id = entry_id.replace("bawaslu-", "bawaslu-kab-" if row["level"] == "kabupaten" else "bawaslu-kota-", 1)
        lines = ["[[source]]", f"id = {_toml_str(entry_id)}", f"name = {_toml_str(row['office'])}",
                 'type = "bawaslu"', f"base_url = {_toml_str('https://' + row['host'] + '/')}"]
        if row["level"] != "ri":
            lines.append(f"region = {_toml_str(row['code'])}")
        lines.append(f"software = {_toml_str('bawaslu-ri' if row['level'] == 'ri' else 'bawaslu-office')}")
        if entry_id in verified:
            lines.append("verified = true")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def outlet_entries(outlets: list[dict], verified: set[str] = frozenset()) -> str:
    blocks = []
    for row in outlets:
        lines = ["[[source]]", f"id = {_toml_str(row['id'])}", f"name = {_toml_str(row['name'])}", 'type = "news"',
                 f"base_url = {_toml_str(row['base_url'])}", f"region = {_toml_str(row['region'])}"]
        if row["software"]:
            lines.append(f"software = {_toml_str(row['software'])}")
        if row["id"] in verified:
            lines.append("verified = true")
        lines.append(f"notes = {_toml_str('Evidence: ' + row['evidence'] if row['evidence'] else 'No evidence recorded')}")
        discovery = _outlet_discovery(row)
        if discovery:
            blocks.append("\n".join([*lines, "[source.discovery]", *discovery]))
        else:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _outlet_discovery(row: dict) -> list[str]:
    """The CSV's own discovery columns (they override the software's); ';' separates several."""
    out = []
    for column, key in (("sitemap", "sitemaps"), ("feed", "feeds"), ("search", "search")):
        if row[column]:
            out.append(f"{key} = [{', '.join(_toml_str(v) for v in row[column].split(';'))}]")
    if row["listing"]:
        out.append("listings = [" + ", ".join(_listing(v) for v in row["listing"].split(";")) + "]")
    if row["article_pattern"]:
        out.append(f"article_pattern = '{row['article_pattern']}'")
    return out


def _listing(value: str) -> str:
    url, _, pagination = value.partition(" ")
    url = "" if url == "/" else url
    return "{ url = %s%s }" % (_toml_str(url), f", pagination = {_toml_str(pagination)}" if pagination else "")


def replace_section(text: str, name: str, body: str) -> str:
    start, end = SECTION_START.format(name=name), SECTION_END.format(name=name)
    block = f"{start} (scripts/build_sources.py; do not edit by hand)\n\n{body}\n{end}\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text, count=1)
    return text.rstrip("\n") + "\n\n" + block


def verified_ids(registry_text: str) -> set[str]:
    """Ids of entries marked ``verified = true`` (kept when the sections are rewritten)."""
    found, current = set(), None
    for line in registry_text.splitlines():
        m = re.match(r'\s*id\s*=\s*"([^"]+)"', line)
        if line.strip() == "[[source]]":
            current = None
        elif m:
            current = m.group(1)
        elif current and re.match(r"\s*verified\s*=\s*true\b", line):
            found.add(current)
    return found


def _hand_written_ids(registry_text: str) -> set[str]:
    text = registry_text
    for name in ("bawaslu offices", "regional outlets"):
        text = replace_section(text, name, "")
    return set(re.findall(r'(?m)^id = "([^"]+)"', text))


def build(registry_text: str) -> str:
    """The registry text with both generated sections brought up to date."""
    regions = read_regions()
    verified = verified_ids(registry_text)
    offices = office_entries(read_csv(OFFICES_CSV, OFFICE_FIELDS), regions, verified, _hand_written_ids(registry_text))
    text = replace_section(registry_text, "bawaslu offices", offices)
    return replace_section(text, "regional outlets", outlet_entries(read_csv(OUTLETS_CSV, OUTLET_FIELDS), verified))
