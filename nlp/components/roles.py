"""Role anchors: a title ("Ketua", "Pj Bupati", "Kasipidum") and the organisation and region
written after it ("Bawaslu Kabupaten Pemalang", "Bidang Hukum dan Politik"),
read as one span, with the role and organisation strings built from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.components.names import DIRECTIONS, ROMAN, Tokens, is_cap, is_degree
from nlp.components.officials_lexicon import Title
from nlp.word_lists import word_list, word_set

CONNECTORS = word_set("connectors")
CIVIL_SERVANTS = word_set("civil_servants")
CIVIL_STATUS = frozenset(("asn", "pns", "pppk", "p3k"))  # "guru ASN", "guru PNS": a civil servant
MAX_TAIL = 24
_EMPTY: dict = {}
LEVEL_SETS = {"any": ("kabupaten", "kota", "provinsi"), "kabupaten": ("kabupaten", "kota"),
              "kota": ("kabupaten", "kota"), "local": ("kecamatan", "desa", "kabupaten", "kota")}


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
    entries = index.get(toks.norm[i])
    if not entries:
        return None
    norm, n = toks.norm, toks.n
    for words, value in entries:
        k = len(words)
        if k == 1:
            return i + 1, value
        if i + k <= n and norm[i + 1] == words[1] and (k == 2 or norm[i + 2:i + k] == list(words[2:])):
            return i + k, value
    return None


def skip_dot(toks: Tokens, i: int) -> int:
    return i + 1 if i < toks.n and toks.text[i] == "." and i and not toks.ws[i - 1] else i


def find_role(toks: Tokens, i: int) -> Role | None:
    """A role starting at token i (modifiers first), or None."""
    lex, p, mods = toks.lex, i, []
    while (m := match(lex.modifiers, toks, p)) is not None:
        mods.append((p, m[0], m[1]))
        p = skip_dot(toks, m[0])
        if p + 2 < toks.n and toks.text[p] == "(" and toks.text[p + 2] == ")":
            p += 3
    t = match(lex.titles, toks, p)
    if t is None:
        return None
    if p > 0 and toks.text[p - 1] == "(" and t[0] < toks.n and toks.text[t[0]] == ")":
        return None  # "(PTPS)", "(Kades)": the gloss of words before it
    if _negated(toks, i):
        return None
    role = Role(i, p, t[0], t[1], mods)
    _read_tail(toks, role, skip_dot(toks, t[0]))
    return role


def _read_tail(toks: Tokens, role: Role, k: int) -> None:
    parts = role.parts
    st = _TailState(role.title.place, toks.text[role.title_start].islower(),
                    _ends_with_unit(toks, role.title.expand or role.title.text))
    limit = min(toks.n, k + MAX_TAIL)
    while k < limit and not toks.space[k]:
        nxt = _tail_item(toks, role, st, k)
        if nxt is None:
            break
        k = nxt
    while parts and parts[-1].kind == "conn":
        parts.pop()


class _TailState:
    def __init__(self, place_level, lower_ok, in_unit):
        self.place_level, self.lower_ok, self.in_unit = place_level, lower_ok, in_unit
        self.places, self.pending_level = 0, None


def _negated(toks: Tokens, i: int) -> bool:
    """"calon Bupati", "mantan Kepala Desa", "calon Bupati dan Wakil Bupati Kendal"."""
    lex, k = toks.lex, i - 1
    while k >= max(0, i - 6):
        w = toks.norm[k]
        if w in lex.negators:
            return True
        if not (w in lex.anchors or w in ("dan", "/", "atau", "serta", "wali", "kota")):
            return False
        k -= 1
    return False


def _tail_item(toks: Tokens, role: Role, st: _TailState, k: int) -> int | None:
    """Read one item of the organisation/region after a title; the next position or None."""
    lex, parts, text = toks.lex, role.parts, toks.text[k]
    if st.pending_level and text != "(" and parts[-1].kind != "paren":
        st.pending_level = None
    if text == "(":
        end = _paren(toks, k)
        if end is not None:
            parts.append(Part("paren", k, end))
        return end
    if _unit_seat(toks, k):  # "Dandim 0510/Tigaraksa", "Kodim 1234/Kota Baru": the unit's seat
        end = k + 1
        while end < toks.n and toks.norm[end] in DIRECTIONS and toks.text[end][:1].isupper():
            end += 1
        parts.append(Part("place", k, end))
        st.places += 1
        return end
    place = _any_place(toks, k, st) if text[:1].isupper() else None
    lvl = match(lex.levels, toks, k)
    if lvl is not None and (place is None or lvl[0] >= place[0]):  # "kabupaten Pemalang" too
        after = skip_dot(toks, lvl[0])
        place_end = _place(toks, after, lvl[1], explicit=True)
        parts.append(Part("level", k, lvl[0], lvl[1]))
        st.in_unit = False
        if place_end is not None:
            parts.append(Part("place", after, place_end, lvl[1]))
            st.places += 1
            return place_end
        st.pending_level = lvl[1]   # "Kecamatan (Panwascam) Parakan", "dan Desa (DPMD)"
        return after
    acr = match(lex.acronyms, toks, k)
    if acr is not None and _acronym_case_ok(toks, k, acr[0]) and (place is None or acr[0] >= place[0]):
        kind = acr[1][0]
        parts.append(Part("org", k, acr[0], acr[1]))
        role.nonpublic |= kind == "nonpublic" and not role.public   # "Ketua DPC Partai X", not
        role.public |= kind != "nonpublic"                          # "Anggota DPRD dari Fraksi PKB"
        st.place_level = lex.acronym_levels.get(toks.norm[k]) or st.place_level or "any"
        st.in_unit = False
        return acr[0]
    title = match(lex.titles, toks, k)
    if title is not None and not st.places and is_cap(text):
        parts.append(Part("title", k, title[0], title[1]))
        role.public = True
        st.place_level = title[1].place or st.place_level
        st.in_unit = _ends_with_unit(toks, title[1].expand or title[1].text)
        return skip_dot(toks, title[0])
    if place is not None and not (st.places and _cuts_name(toks, k, place[0])):
        parts.append(Part("place", k, place[0], place[1]))
        st.places, st.pending_level, st.in_unit = st.places + 1, None, False
        return place[0]
    word = match(lex.org_words, toks, k)
    if word is not None and _case_ok(toks, k, st.lower_ok):
        parts.append(Part("word", k, word[0], word[1]))
        role.public |= bool(word[1])
        st.place_level = st.place_level or "any"
        st.in_unit = st.in_unit or _ends_with_unit(toks, " ".join(toks.text[k:word[0]]))
        return word[0]
    if (toks.norm[k] in ROMAN and text.isupper() and (not parts or parts[-1].kind in ("word", "org", "title"))
            and not _balinese_name_at(toks, k)
            or len(text) == 1 and text in "ABCDEF" and parts and parts[-1].kind == "word"):  # "Komisi A"
        parts.append(Part("roman", k, k + 1))
        return k + 1
    if text.isdigit() and (not parts or parts[-1].kind in ("org", "word", "paren", "conn")):
        parts.append(Part("num", k, k + 1))
        if parts[-2:-1] and parts[-2].kind == "org" and parts[-2].value[1].startswith(("Sekolah", "Madrasah")):
            st.place_level = "local"   # "SDN 3 Wonosari": a school's village or district
        return k + 1
    if _unknown_acronym(toks, k):
        parts.append(Part("org", k, k + 1, ("unknown", text)))
        role.public |= role.title.text.startswith(("kepala", "sekretaris", "kadis"))
        st.place_level = st.place_level or "any"   # "Kepala DPMDes Garut": the agency's region
        return k + 1
    if not parts and role.title.text in CIVIL_SERVANTS and toks.norm[k] in CIVIL_STATUS and text.isupper():
        parts.append(Part("word", k, k + 1, True))  # "guru ASN di Maumere": a civil servant's post
        role.public = True
        return k + 1
    if st.in_unit and toks.norm[k] in ("asn", "pns") and text.isupper():
        parts.append(Part("word", k, k + 1, False))  # "Deputi Penegakan Disiplin ASN"
        return k + 1
    if st.in_unit and is_cap(text):
        end = _field_words(toks, k)
        if end is not None:
            parts.append(Part("word", k, end, False))
            return end
    quantified = _quantifier_end(toks, k) if not parts and toks.norm[k] in QUANTIFIER_FIRST else None
    if quantified is not None:  # "kepala salah satu dinas", "Kepala salah satu SMP negeri"
        parts.append(Part("conn", k, quantified))
        return quantified
    if text.lower() in CONNECTORS and (parts or text in ("pada", "di", "dari")) \
            and _continues(toks, k + 1, st):
        parts.append(Part("conn", k, k + 1))
        return k + 1
    return None


QUANTIFIERS = word_list("role_quantifiers")
QUANTIFIER_FIRST = frozenset(q.split()[0] for q in QUANTIFIERS)


def _quantifier_end(toks: Tokens, k: int) -> int | None:
    """The end of "salah satu" or "sebuah" between a title and its organisation, when an
    organisation word or acronym follows."""
    for q in QUANTIFIERS:
        words = q.split()
        end = k + len(words)
        if end < toks.n and [toks.norm[j] for j in range(k, end)] == words \
                and (match(toks.lex.org_words, toks, end) or match(toks.lex.acronyms, toks, end)):
            return end
    return None


# Words that follow the Balinese "I"/"Ni" of a name ("I Gusti Ngurah ...", "I Made ..."): that
# "I" starts a name, it is no roman numeral of the unit before it.
BALINESE_NAME_WORDS = word_set("balinese_name_words")


def _balinese_name_at(toks: Tokens, k: int) -> bool:
    return toks.text[k] in ("I", "Ni") and k + 1 < toks.n and toks.norm[k + 1] in BALINESE_NAME_WORDS


UNIT_WORDS = word_set("unit_words")


def _ends_with_unit(toks: Tokens, words: str) -> bool:
    last = words.split()[-1].lower() if words.split() else ""
    return last in UNIT_WORDS


def _field_words(toks: Tokens, k: int) -> int | None:
    """Capitalised words naming a unit's field ("Bidang Penyuluhan DKPP"): taken only when a
    public acronym, a public body word or a level word follows within a few words."""
    lex, j = toks.lex, k
    while j < min(toks.n, k + 9):  # "Biro Humas, Hukum, dan Kerja Sama BKN"
        t = toks.text[j]
        if j > k and (match(lex.levels, toks, j) or _public_at(toks, j)):
            return j
        if j > k + 1 and t == "," and toks.text[j - 1][:1].isupper() and _name_follows(toks, j + 1):
            return j  # "Asisten Deputi Pembinaan Integritas dan Disiplin ASN, Wahyu ...": an apposition
        if j > k and t in ("pada", "di") and _public_at(toks, j + 1):
            return j  # "Kepala Seksi Angkutan pada Dinas Perhubungan": the field, then its office
        if not (t[:1].isupper() or t in ("dan", "&", ",")) or toks.blocked[j]:
            return None
        if match(lex.titles, toks, j) is not None and toks.norm[j] not in ("asn", "pns"):
            return None  # another title; "Disiplin ASN" is a field
        j += 1
    return None


def _name_follows(toks: Tokens, j: int) -> bool:
    """Do two capitalised words (a person's name) start at j?"""
    return j + 1 < toks.n and is_cap(toks.text[j]) and is_cap(toks.text[j + 1]) \
        and match(toks.lex.titles, toks, j) is None


def _public_at(toks: Tokens, j: int) -> bool:
    acr = match(toks.lex.acronyms, toks, j)
    if acr is not None and acr[1][0] != "nonpublic" and _acronym_case_ok(toks, j, acr[0]):
        return True
    word = match(toks.lex.org_words, toks, j)
    return word is not None and bool(word[1]) and toks.text[j][:1].isupper()


def _any_place(toks: Tokens, k: int, st: _TailState) -> tuple[int, str | None] | None:
    """The longest region name at k: a gazetteer name of the expected level, a known
    abbreviation ("Jateng", "RI"), or after a level word and an acronym ("Kecamatan (Panwascam)
    Parakan") any one capitalised word."""
    found = []
    if st.places < 2 and st.place_level:
        found.append(_place_level(toks, k, st.place_level, explicit=False))
    if st.pending_level:
        found.append(_place_level(toks, k, st.pending_level, explicit=True))
        found.append(_place_level(toks, k, "any", explicit=False))
    m = match(toks.lex.places, toks, k)
    if m is not None:
        found.append((m[0], None))
    found = [f for f in found if f]
    if not found and toks.blocked[k] and match(toks.lex.levels, toks, k) is None:
        end = k + 1  # a region the regions component found ("Baubau" for "Bau Bau")
        while end < toks.n and toks.blocked[end] and not toks.space[end]:
            end += 1
        found.append((end, None))
    return max(found, key=lambda f: f[0]) if found else None


def _case_ok(toks: Tokens, k: int, lower_ok: bool) -> bool:
    return toks.text[k][:1].isupper() or lower_ok


def _acronym_case_ok(toks: Tokens, k: int, end: int) -> bool:
    text = toks.text[k]
    return text[:1].isupper() and (len(toks.norm[k]) > 3 or text.isupper() or end - k > 1
                                   or text in ("Tim", "Pan"))


def _unit_seat(toks: Tokens, k: int) -> bool:
    """A capitalised word after a unit number and a slash ("0510/Tigaraksa")."""
    return k >= 2 and toks.text[k - 1] == "/" and toks.text[k - 2].isdigit() and is_cap(toks.text[k])


def _acronym_like(text: str) -> bool:
    """"BKPSDM", and acronyms in mixed case that start with two capitals ("DPMDes")."""
    return text[:2].isupper() and text.isalpha()


def _gloss(word: str, before: list[str]) -> bool:
    """Is ``word`` a syllable acronym of the words before it ("Wasdal" of "Pengawasan dan
    Pengendalian", "Bakesbangpol")? Its letters must be pieces, in order, of those words:
    pieces of two letters or more from inside a word, or a word's first letter."""
    w, words = word.lower(), [b.lower() for b in before if len(b) > 2 and b.isalpha()]
    if not 3 <= len(w) <= 16 or len(words) < 2:
        return False
    seen: set = set()

    def fits(pos: int, j: int, pieces: int) -> bool:
        if pos == len(w):
            return pieces >= 2
        if j >= len(words) or (pos, j) in seen:
            return False
        seen.add((pos, j))
        for jj in range(j, len(words)):
            word_j = words[jj]
            for end in range(len(w), pos, -1):
                piece = w[pos:end]
                if (len(piece) >= 2 and piece in word_j or piece == word_j[0]) \
                        and fits(end, jj + 1, pieces + 1):
                    return True
        return False

    return fits(0, 0, 0)


def _unknown_acronym(toks: Tokens, k: int) -> bool:
    text = toks.text[k]
    return (2 <= len(text) <= 10 and _acronym_like(text)
            and text.lower() not in toks.lex.stopwords and not is_degree(text, toks.lex)
            and not is_degree(text, toks.lex, after=False)) or syllable_acronym(text)


AGENCY_SYLLABLES = word_set("agency_syllables")


def syllable_acronym(text: str) -> bool:
    """"Perindagkop", "Disnakertrans": a capitalised word made wholly of two or more different
    syllables of agency names (``agency_syllables``), so an agency, not a person."""
    w = text.lower()
    if not (5 <= len(w) <= 16 and text[:1].isupper() and text[1:].islower() and w.isalpha()):
        return False

    def parts(pos: int, used: frozenset) -> bool:
        if pos == len(w):
            return len(used) >= 2
        return any(w.startswith(s, pos) and s not in used and parts(pos + len(s), used | {s})
                   for s in AGENCY_SYLLABLES)

    return parts(0, frozenset())


def _continues(toks: Tokens, k: int, st: _TailState) -> bool:
    """Does an organisation word, acronym, level word or region follow a connector at k?"""
    lex = toks.lex
    if k + 1 < toks.n and toks.text[k - 1] == "," and toks.text[k] in ("dan", "serta"):
        return _continues(toks, k + 1, st)  # "Biro Hukum, Humas, dan Kerja Sama"
    if k >= toks.n or not (_case_ok(toks, k, st.lower_ok)):
        return False
    if toks.text[k - 1] == "," and not toks.text[k][:1].isupper():
        return False  # "anggota Bawaslu X, pengawasan ...": the apposition ends at the comma
    if match(lex.titles, toks, k) is not None:
        return False
    if toks.text[k].isdigit():
        return toks.text[k - 1] == "/"
    if _unit_seat(toks, k):
        return True
    if toks.text[k - 1] in ("/", ",") and _place_level(toks, k, "any", explicit=False) is not None:
        return True  # "Kodim 0706/Temanggung", "Kepala Desa X, Kabupaten Y" - not a village name
    if toks.text[k - 1] in ("pada", "di", "dari"):
        if toks.norm[k] == "lingkungan":  # "di lingkungan Dinas Pertanian"
            return _continues(toks, k + 1, st)
        return _public_at(toks, k) or match(lex.levels, toks, k) is not None
    if st.in_unit and is_cap(toks.text[k]) and _field_words(toks, k) is not None:
        return True
    return any(match(ix, toks, k) is not None for ix in (lex.org_words, lex.acronyms, lex.levels))


def _paren(toks: Tokens, k: int) -> int | None:
    """"(Bakesbangpol)", "(Pj)", "(BKPSDM)": the end after ")" or None if not an acronym."""
    lex = toks.lex
    for end in range(k + 2, min(toks.n, k + 7)):
        if toks.text[end] == ")":
            inner = range(k + 1, end)
            if end == k + 2 and is_cap(toks.text[k + 1]) \
                    and _gloss(toks.text[k + 1], toks.text[max(0, k - 8):k]):
                return end + 1  # "(Wasdal)", "(Disdukcapil)"
            ok = all(_acronym_like(toks.text[m]) or match(lex.acronyms, toks, m) or match(lex.modifiers, toks, m)
                     or match(lex.titles, toks, m) or toks.text[m] in "-/&." or toks.norm[m] in lex.org_words
                     or toks.norm[m] in lex.levels for m in inner)
            return end + 1 if ok else None
    return None


def _cuts_name(toks: Tokens, k: int, end: int) -> bool:
    """A second place right after the first would leave a one-word name of a longer run of
    capitalised words ("Lurah Sentul Bambang Wicaksono": Bambang is a village somewhere, but
    here the first name of Bambang Wicaksono)."""
    run = k
    while run < toks.n and is_cap(toks.text[run]) and not toks.blocked[run]:
        run += 1
    return run - k >= 2 and run - end == 1


def _place(toks: Tokens, k: int, level: str, explicit: bool) -> int | None:
    found = _place_level(toks, k, level, explicit)
    return found[0] if found else None


def _place_level(toks: Tokens, k: int, level: str, explicit: bool) -> tuple[int, str | None] | None:
    """A region name at k: (end, level). ``level`` is the expected level ("any" = kab/kota/prov);
    ``explicit``: a level word stood before it, so an unknown name of one word is taken too."""
    lex = toks.lex
    if k >= toks.n or not toks.text[k][:1].isupper():
        return None
    levels = LEVEL_SETS.get(level, (level,))
    best, first, gazetteer = None, toks.norm[k], lex.gazetteer
    for lv in levels:
        # dict look-ups first: Gazetteer.get (which reads village names on first use) is slower
        index = gazetteer[lv] if lv in gazetteer else gazetteer.get(lv, _EMPTY)
        if first not in index:
            continue
        m = match(index, toks, k)
        if m is not None and (best is None or m[0] > best[0]):
            best = (m[0], lv if len(levels) == 1 else None)
    if level in ("kecamatan", "desa") and explicit:
        # "Dinas Pemberdayaan Masyarakat dan Desa Tanjung Jabung Barat": a kabupaten's name of
        # two words or more, longer than any village's name there, is that kabupaten
        wider = _place_level(toks, k, "any", explicit=False)
        if wider is not None and wider[0] - k >= 2 and (best is None or wider[0] > best[0]):
            return wider
    if best is not None:
        end = best[0]  # "Desa Pematang Sijonam Timur": a direction word after a known name
        while end < toks.n and toks.norm[end] in DIRECTIONS and toks.text[end][:1].isupper():
            end += 1
        return end, best[1]
    if not explicit or toks.blocked[k] or not is_cap(toks.text[k]):
        return None
    end = k + 1  # a place the gazetteer does not know: one word, and a direction word after it
    while end < toks.n and toks.norm[end] in DIRECTIONS and toks.text[end][:1].isupper():
        end += 1
    return end, level if level in ("kecamatan", "desa") else None
