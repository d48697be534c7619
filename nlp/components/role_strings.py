"""The strings of a role read by ``roles.py``: the role as written with abbreviations given in
full ("Penjabat (Pj) Bupati Pemalang"), and its organisation ("Bawaslu Kabupaten Pemalang",
"Pemerintah Kabupaten Lebak", "Badan Kesatuan Bangsa dan Politik Kabupaten Pemalang")."""

from __future__ import annotations

from nlp.components.names import Tokens
from nlp.components.roles import Part, Role, skip_dot

GOV = {"kabupaten": "Pemerintah Kabupaten", "kota": "Pemerintah Kota",
       "provinsi": "Pemerintah Provinsi", "kecamatan": "Kecamatan", "desa": "Pemerintah Desa",
       "kelurahan": "Kelurahan"}
LEVEL_WORD = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi",
              "kecamatan": "Kecamatan", "desa": "Desa"}

def role_text(toks: Tokens, role: Role) -> str:
    """The role as written, abbreviations given in full: "Penjabat (Pj) Bupati Pemalang"."""
    out, k = [], role.start
    mods = {s: (e, full) for s, e, full in role.modifiers}
    while k < role.end:
        if k in mods:
            e, full = mods[k]
            written = " ".join(toks.text[k:e])
            paren_next = skip_dot(toks, e) < toks.n and toks.text[skip_dot(toks, e)] == "("
            out.append(written if full.lower() == written.lower() or paren_next
                       else f"{full} ({written.rstrip('.')})")
            k = skip_dot(toks, e)
            continue
        if k == role.title_start and role.title.expand:
            written = " ".join(toks.text[k:role.title_end])
            out.append(f"{role.title.expand} ({written})")
            k = skip_dot(toks, role.title_end)
            continue
        out.append(toks.text[k])
        k += 1
    return _join(out)


def _join(words: list[str]) -> str:
    s = " ".join(words)
    for a, b in ((" ,", ","), ("( ", "("), (" )", ")"), (" .", "."), (" - ", "-"), (" / ", "/")):
        s = s.replace(a, b)
    return " ".join(s.split())


def role_org(toks: Tokens, role: Role, place_level) -> str | None:
    """The organisation of a role: "Bawaslu Kabupaten Pemalang", "Pemerintah Kabupaten Lebak"."""
    parts = role.parts
    org_parts = [p for p in parts if p.kind in ("org", "word")]
    places = [p for p in parts if p.kind == "place"]
    gov = role.title.gov
    inner = [p for p in parts if p.kind == "title" and p.value.gov]
    if (not org_parts or inner and places) and (gov or inner):
        if not places:
            return None
        gov = gov if gov else inner[0].value.gov
        place = places[0]
        level = place.value or place_level(place.start, place.end)
        level = level if gov == "any" else gov
        name = " ".join(toks.text[place.start:place.end])
        return f"{GOV[level]} {name}" if level in GOV else name
    unit = _unit(toks, role)
    if not org_parts:
        if unit and places:
            return _join([unit] + [_place_name(toks, p, place_level) for p in places[:1]])
        return None
    public = [p for p in org_parts if p.kind == "org" and p.value[0] in ("expand", "keep") or p.value is True]
    first = org_parts[0].start if unit or not public else public[0].start
    out = [unit] if unit else []
    for p in parts:
        if p.start < first or p.kind in ("paren", "title"):
            continue
        if p.kind == "org" and p.value[0] == "expand":
            out.append(p.value[1])
        elif p.kind == "place" and p.value is None and not (out and out[-1] in LEVEL_WORD.values()):
            out.append(_place_name(toks, p, place_level))
        elif p.kind == "level":
            out.append(LEVEL_WORD.get(p.value, " ".join(toks.text[p.start:p.end])))
        else:
            out.append(" ".join(toks.text[p.start:p.end]))
    return _join(out) or None


def _place_name(toks: Tokens, p: Part, place_level) -> str:
    """"Kabupaten Pemalang" for a bare "Pemalang" whose level is known, else the name as written."""
    name = " ".join(toks.text[p.start:p.end])
    level = p.value or place_level(p.start, p.end)
    return f"{LEVEL_WORD[level]} {name}" if level in LEVEL_WORD else name


def _unit(toks: Tokens, role: Role) -> str:
    """The unit a "Kepala ..." title names: "Kepala Dinas" -> "Dinas", "Kapolres" -> "Kepolisian Resor"."""
    words = (role.title.expand or role.title.text).split()
    if len(words) < 2 or words[0].lower() not in ("kepala", "komandan", "panglima"):
        return ""
    rest = words[1:]
    if not all(w.lower() in toks.lex.org_words for w in rest) or rest[-1].lower() in ("desa", "daerah"):
        return ""
    return " ".join(w.capitalize() if w.islower() else w for w in rest)
