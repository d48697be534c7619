"""Role anchors: a title ("Ketua", "Pj Bupati", "Kasipidum") and the organisation and region
written after it ("Bawaslu Kabupaten Batang", "Bidang Pembangunan Ekonomi dan Keuangan"),
read as one span, with the role and organisation strings built from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.components.names import ROMAN, Tokens, is_cap, is_degree
from nlp.components.officials_lexicon import Lexicon, Title

CONNECTORS = {"dan", "&", ",", "serta", "pada", "di", "/", "-"}
DIRECTIONS = {"utara", "selatan", "barat", "timur", "tengah", "raya", "baru", "besar", "kota",
              "ilir", "ulu", "hulu", "hilir", "laut", "darat", "kulon", "wetan", "lor", "kidul"}
GOV = {"kabupaten": "Pemerintah Kabupaten", "kota": "Pemerintah Kota",
       "provinsi": "Pemerintah Provinsi", "kecamatan": "Kecamatan", "desa": "Pemerintah Desa",
       "kelurahan": "Kelurahan"}
LEVEL_WORD = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi",
              "kecamatan": "Kecamatan", "desa": "Desa"}
MAX_TAIL = 24


@dataclass
class Part:
    kind: str        # org | word | level | place | title | paren | roman | num | conn
    start: int
    end: int
    value: object = None


@dataclass
class Role:
    start: int
    title_start: int
    title_end: int
    title: Title
    modifiers: list = field(default_factory=list)   # (start, end, full form)
    parts: list = field(default_factory=list)
    public: bool = False
    nonpublic: bool = False

    @property
    def end(self) -> int:
        return self.parts[-1].end if self.parts else self.title_end


def match(index: dict, toks: Tokens, i: int) -> tuple[int, object] | None:
    """Longest phrase of ``index`` at token i: (end, value)."""
    if i >= toks.n:
        return None
    for words, value in index.get(toks.norm[i], ()):
        k = len(words)
        if i + k <= toks.n and all(toks.norm[i + m] == words[m] for m in range(1, k)):
            return i + k, value
    return None


def _skip_dot(toks: Tokens, i: int) -> int:
    return i + 1 if i < toks.n and toks.text[i] == "." and i and not toks.ws[i - 1] else i


def find_role(toks: Tokens, i: int) -> Role | None:
    """A role starting at token i (modifiers first), or None."""
    lex, p, mods = toks.lex, i, []
    while (m := match(lex.modifiers, toks, p)) is not None:
        mods.append((p, m[0], m[1]))
        p = _skip_dot(toks, m[0])
        if p + 2 < toks.n and toks.text[p] == "(" and toks.text[p + 2] == ")":
            p += 3
    t = match(lex.titles, toks, p)
    if t is None:
        return None
    before = [toks.norm[k] for k in range(max(0, i - 2), i)]
    if any(w in lex.negators for w in before):
        return None
    role = Role(i, p, t[0], t[1], mods)
    _read_tail(toks, role, _skip_dot(toks, t[0]))
    return role


def _read_tail(toks: Tokens, role: Role, k: int) -> None:
    lex, parts = toks.lex, role.parts
    place_level = role.title.place
    lower_ok = toks.text[role.title_start].islower()
    places = 0
    limit = min(toks.n, k + MAX_TAIL)
    while k < limit:
        text = toks.text[k]
        if toks.space[k]:
            break
        if text == "(":
            end = _paren(toks, k)
            if end is None:
                break
            parts.append(Part("paren", k, end))
            k = end
            continue
        lvl = match(lex.levels, toks, k)
        if lvl is not None and _case_ok(toks, k, lower_ok):
            after = _skip_dot(toks, lvl[0])
            place_end = _place(toks, after, lvl[1], explicit=True)
            if place_end is not None:
                parts.append(Part("level", k, lvl[0], lvl[1]))
                parts.append(Part("place", after, place_end, lvl[1]))
                k, places = place_end, places + 1
                continue
            break
        acr = match(lex.acronyms, toks, k)
        if acr is not None and _acronym_case_ok(toks, k, acr[0]):
            kind = acr[1][0]
            parts.append(Part("org", k, acr[0], acr[1]))
            role.public |= kind != "nonpublic"
            role.nonpublic |= kind == "nonpublic"
            k, place_level = acr[0], place_level or "any"
            continue
        title = match(lex.titles, toks, k)
        if title is not None and not places and is_cap(text):
            parts.append(Part("title", k, title[0], title[1]))
            role.public = True
            k = _skip_dot(toks, title[0])
            place_level = title[1].place or place_level
            continue
        word = match(lex.org_words, toks, k)
        if word is not None and _case_ok(toks, k, lower_ok):
            parts.append(Part("word", k, word[0], word[1]))
            role.public |= bool(word[1])
            k, place_level = word[0], place_level or "any"
            continue
        plc = match(lex.places, toks, k)
        if plc is not None and (text[0].isupper()):
            parts.append(Part("place", k, plc[0], None))
            k, places = plc[0], places + 1
            continue
        if place_level and places < 2 and text[:1].isupper():
            end = _place(toks, k, place_level, explicit=False)
            if end is not None:
                parts.append(Part("place", k, end, None))
                k, places = end, places + 1
                continue
        if toks.norm[k] in ROMAN and text.isupper() and parts and parts[-1].kind in ("word", "org", "title") \
                or not parts and toks.norm[k] in ROMAN and text.isupper():
            parts.append(Part("roman", k, k + 1))
            k += 1
            continue
        if text.isdigit() and parts and parts[-1].kind in ("org", "word"):
            parts.append(Part("num", k, k + 1))
            k += 1
            continue
        if _unknown_acronym(toks, k):
            parts.append(Part("org", k, k + 1, ("unknown", text)))
            role.public |= role.title.text.startswith("kepala")
            k += 1
            continue
        if text.lower() in CONNECTORS and parts and _continues(toks, k + 1, lower_ok):
            parts.append(Part("conn", k, k + 1))
            k += 1
            continue
        break
    while parts and parts[-1].kind == "conn":
        parts.pop()


def _case_ok(toks: Tokens, k: int, lower_ok: bool) -> bool:
    return toks.text[k][:1].isupper() or lower_ok


def _acronym_case_ok(toks: Tokens, k: int, end: int) -> bool:
    text = toks.text[k]
    return text[:1].isupper() and (len(toks.norm[k]) > 3 or text.isupper() or end - k > 1
                                   or text in ("Tim", "Pan"))


def _unknown_acronym(toks: Tokens, k: int) -> bool:
    text = toks.text[k]
    return 2 <= len(text) <= 10 and text.isupper() and text.isalpha() \
        and text.lower() not in toks.lex.stopwords and not is_degree(text, toks.lex) \
        and not is_degree(text, toks.lex, after=False)


def _continues(toks: Tokens, k: int, lower_ok: bool) -> bool:
    """Does an organisation word, acronym or level word follow a connector at k?"""
    lex = toks.lex
    if k >= toks.n or not (_case_ok(toks, k, lower_ok)):
        return False
    if match(lex.titles, toks, k) is not None:
        return False
    return any(match(ix, toks, k) is not None for ix in (lex.org_words, lex.acronyms, lex.levels))


def _paren(toks: Tokens, k: int) -> int | None:
    """"(Bakesbangpol)", "(Pj)", "(BKPSDM)": the end after ")" or None if not an acronym."""
    lex = toks.lex
    for end in range(k + 2, min(toks.n, k + 7)):
        if toks.text[end] == ")":
            inner = range(k + 1, end)
            ok = all(toks.text[m].isupper() or match(lex.acronyms, toks, m) or match(lex.modifiers, toks, m)
                     or match(lex.titles, toks, m) or toks.text[m] in "-/&." or toks.norm[m] in lex.org_words
                     for m in inner)
            return end + 1 if ok else None
    return None


def _place(toks: Tokens, k: int, level: str, explicit: bool) -> int | None:
    """The end of a region name at k. ``level`` is the expected level ("any" = kab/kota/prov)."""
    lex = toks.lex
    if k >= toks.n or not toks.text[k][:1].isupper():
        return None
    levels = ("kabupaten", "kota", "provinsi") if level == "any" else (level,)
    if level == "kabupaten" or level == "kota":
        levels = ("kabupaten", "kota")
    best = None
    for lv in levels:
        m = match(lex.gazetteer.get(lv, {}), toks, k)
        if m is not None and (best is None or m[0] > best):
            best = m[0]
    if best is not None:
        return best
    if not explicit or toks.blocked[k] or not is_cap(toks.text[k]):
        return None
    end = k + 1  # a place the gazetteer does not know: one word, and a direction word after it
    while end < toks.n and toks.norm[end] in DIRECTIONS and toks.text[end][:1].isupper():
        end += 1
    return end


def role_text(toks: Tokens, role: Role) -> str:
    """The role as written, abbreviations given in full: "Penjabat (Pj) Bupati Batang"."""
    out, k = [], role.start
    mods = {s: (e, full) for s, e, full in role.modifiers}
    while k < role.end:
        if k in mods:
            e, full = mods[k]
            written = " ".join(toks.text[k:e])
            paren_next = _skip_dot(toks, e) < toks.n and toks.text[_skip_dot(toks, e)] == "("
            out.append(written if full.lower() == written.lower() or paren_next
                       else f"{full} ({written.rstrip('.')})")
            k = _skip_dot(toks, e)
            continue
        if k == role.title_start and role.title.expand:
            written = " ".join(toks.text[k:role.title_end])
            out.append(f"{role.title.expand} ({written})")
            k = _skip_dot(toks, role.title_end)
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
    """The organisation of a role: "Bawaslu Kabupaten Batang", "Pemerintah Kabupaten Serang"."""
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
    out, first = ([unit] if unit else []), org_parts[0].start
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
    """"Kabupaten Batang" for a bare "Batang" whose level is known, else the name as written."""
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
