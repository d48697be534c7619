"""Coverage of the registry by province: Bawaslu offices and regional outlets per province,
and the provinces with no outlet (gaps). What ``pantau sources`` summarises."""

from __future__ import annotations

from crawler.registry import Entry


def province_rows(entries: list[Entry]) -> list[dict]:
    """One row per province of the region table, in code order: offices expected and
    registered, outlets, verified sources, other (government) sources."""
    from pantau.regions import get_region_table

    table = get_region_table()
    provinces = table.children(None)
    rows = {p.code: {"code": p.code, "province": p.name, "regencies": len(table.children(p.code)),
                     "bawaslu": 0, "outlets": 0, "government": 0, "verified": 0} for p in provinces}
    for entry in entries:
        if entry.is_sample or not entry.region:
            continue
        row = rows.get(entry.region.split(".")[0])
        if row is None:
            continue
        kind = {"bawaslu": "bawaslu", "news": "outlets"}.get(_type(entry), "government")
        row[kind] += 1
        row["verified"] += entry.verified
    return list(rows.values())


def _type(entry: Entry) -> str:
    return entry.type.value if hasattr(entry.type, "value") else str(entry.type)


def summary(entries: list[Entry]) -> dict:
    rows = province_rows(entries)
    national = [e for e in entries if not e.is_sample and not e.region]
    return {"provinces": rows, "gaps": [r["province"] for r in rows if r["outlets"] == 0],
            "national": len(national),
            "totals": {k: sum(r[k] for r in rows) for k in ("bawaslu", "outlets", "government", "verified")}}


def coverage_table(data: dict):
    from rich.table import Table

    table = Table(title="coverage by province (sources with a default region)")
    for name in ("code", "province", "kab/kota", "Bawaslu offices", "outlets", "verified"):
        table.add_column(name, justify="left" if name in ("code", "province") else "right")
    for r in data["provinces"]:
        outlets = str(r["outlets"]) if r["outlets"] else "[red]0 (gap)[/]"
        table.add_row(r["code"], r["province"], str(r["regencies"]), str(r["bawaslu"]), outlets, str(r["verified"]))
    t = data["totals"]
    table.caption = (f"{t['bawaslu']} regional Bawaslu offices, {t['outlets']} regional outlets, {t['verified']} "
                     f"verified; {data['national']} national sources; gaps: {', '.join(data['gaps']) or 'none'}")
    return table


def markdown(data: dict) -> str:
    """The coverage table as Markdown (for the README)."""
    lines = ["| code | province | kab/kota | Bawaslu offices | outlets | verified |", "|---|---|---|---|---|---|"]
    for r in data["provinces"]:
        lines.append(f"| {r['code']} | {r['province']} | {r['regencies']} | {r['bawaslu']} | {r['outlets']} "
                     f"| {r['verified']} |")
    t = data["totals"]
    lines.append(f"| | **total** | | **{t['bawaslu']}** | **{t['outlets']}** | **{t['verified']}** |")
    gaps = ", ".join(data["gaps"]) or "none"
    return "\n".join(lines) + f"\n\nProvinces without an outlet (gaps): {gaps}. National sources: {data['national']}.\n"
