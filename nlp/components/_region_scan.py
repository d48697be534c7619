"""Finding region names in a text and reading their context, for ``pantau_regions``.

``RegionScanner`` holds one precompiled regex over every provinsi/kabupaten/kota name and
alias (a character trie, title-case and upper-case forms), a dateline regex and a kecamatan
cue regex. ``scan(text)`` returns ``Mention`` objects with their candidate codes and the
kind of context before them; resolving candidates to one code is the component's job.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pantau.regions import RegionTable, name_key
from nlp.word_lists import word_list, word_set

DEFAULT_CUES = Path(__file__).resolve().parent.parent / "data" / "region_cues.toml"
NAME_LEVELS = ("provinsi", "kabupaten", "kota")

# Kinds of context before a name, strongest first.
LEVEL, ORG, DATELINE, LOCATIVE, LIST, BARE, NAME_PART, PERSON, BLOCK = (
    "level", "org", "dateline", "locative", "list", "bare", "name_part", "person", "block")

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*\.?|[^\w\s]")
_SPACE = "[ \\t\\xa0]+"
# What may stand between two listed names besides the joining word: "Tegal 14 kasus, Pemalang".
_LIST_GAP = re.compile(r"[ \t\xa0]*(?:(?:\d+(?:[.,]\d+)*|[a-z]+|[(),/%:-])[ \t\xa0]*){0,6}")
# A count after a name: "Tabalong: 8 kasus", "Kotabaru 5 laporan" - a tally by region.
# The count may be written in words ("Ketapang lima kasus", "Sambas dua belas laporan").
_COUNT_WORD = r"(?:%s)(?:[ \t\xa0]+(?:belas|puluh))?" % "|".join(
    ("satu", "se(?:puluh|belas|ratus)", *word_list("number_words")))
_TALLY = re.compile(r"[ \t\xa0]*[:=]?[ \t\xa0]*(?:(?:(?i:masing-masing|each|sebanyak|dengan)[ \t\xa0]+)?\(?(?:\d+(?:[.,]\d+)*|(?i:%s))\)?[ \t\xa0]+(?i:kasus|laporan|"
                    r"pelanggaran|temuan|dugaan|aduan|pengaduan|perkara|asn|pns|pegawai|orang|tps|desa)\b"
                    # "masing-masing" says it is a count: "Koltim dan Kolut masing-masing 1."
                    r"|(?i:masing-masing|each)[ \t\xa0]+(?:\d{1,4}|(?i:%s))\b"
                    # none at all: "Mura dan Barsel nihil."
                    r"|(?:masing-masing[ \t\xa0]+)?nihil\b)"
                    % (_COUNT_WORD, _COUNT_WORD))
# A table row: the name opens a line and a count closes it ("Grobogan: 6", "- Blora = 3").
_ROW_START = re.compile(r"(?:^|\n)[ \t\xa0]*(?:[-*•·]|\d{1,2}[.)])?[ \t\xa0]*$")
_ROW_END = re.compile(r"[ \t\xa0]*[:=][ \t\xa0]*\d+(?:[.,]\d+)*[ \t\xa0]*(?:\(?[\d.,]+[ \t\xa0]*%\)?)?[ \t\xa0]*(?:\n|$)")
# Level words that belong in the evidence span ("Kabupaten Batang"; not "Bupati Batang").
_PLAIN_LEVEL_WORDS = {"kabupaten", "kabupaten administrasi", "kab", "kab.", "kota",
                      "kota administrasi", "provinsi", "prov", "prov."}
_HYPHEN_WORD = re.compile(r"-(\w)")
# A bare count after a name, closed by a list separator: "Jember 14, Bangkalan 11 dan Sampang 9".
# A tally only when the next name of the text has one too (two in a row make a list of counts).
_BARE_COUNT = re.compile(r"[ \t\xa0]*:?[ \t\xa0]*(?:\d{1,4}|\(\d{1,4}\)|%s)(?=[ \t\xa0]*(?:[,;.)]|dan\b|serta\b|\n|$))"
                         % _COUNT_WORD)  # "Matim (5), Sumtim (4)" too
# one item of a list of counts between two names, a name the table does not hold in that
# form: "Pelalawan 5, <Name> 4, Siak 3"
_UNKNOWN_ITEM = re.compile(r"[ \t\xa0]*,[ \t\xa0]*[A-Z][\w'’-]+(?:[ \t\xa0][A-Z][\w'’-]+)?[ \t\xa0]+\d{1,4}"
                           r"[ \t\xa0]*(?:,|dan|serta)[ \t\xa0]*")
_VILLAGE_BEFORE = re.compile(r"\b(?:village|subdistrict|kelurahan)\s*,\s*$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[ \t\xa0]+([A-Z][\w'’-]*)")
# an abbreviation in brackets inside a name: "Ogan Komering Ulu (OKU) Timur"
_GLOSSED_TAIL = re.compile(r"[ \t\xa0]*\([A-Z][A-Za-z]{1,7}\)[ \t\xa0]+([A-Z][a-z]+(?:[ \t\xa0][A-Z][a-z]+)?)")
_LEVEL_AFTER = re.compile(r"[ \t\xa0]+([A-Za-z]+(?:-[A-Za-z]+)?)\b")  # "Garut regency", "Mataram city"
_DATELINE = re.compile(
    r"(?m)^[ \t*_#>]*(?:(?i:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.id|id|net|news|co))\s*[,|]\s*)?"
    r"(?P<place>[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’-]*){0,3})"
    r"\s*(?:,\s*(?P<province>[\w.]+(?:[ ][\w.]+){0,2})\s*)?(?:\([^)\n]{1,40}\)\s*)?(?:-{1,2}|–|—)\s")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Indonesian function words (spaCy's list): capitalised at the start of a sentence
    ("Selanjutnya", "Sementara") they are not part of the name that follows."""
    from spacy.lang.id.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _line_matches(rx: re.Pattern, text: str) -> list[re.Match]:
    """``list(rx.finditer(text))`` for a pattern that starts with a multiline "^" and never
    matches the empty string, trying only the starts of lines: ``finditer`` tries every
    position of the text."""
    out, pos, n = [], 0, len(text)
    while pos < n:
        m = rx.match(text, pos)
        if m is not None:
            out.append(m)
            pos = m.end()
            if text[pos - 1] == "\n":
                continue
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    return out


@dataclass(slots=True)
class Mention:
    """One name in the text with its candidates and context."""

    start: int                 # evidence span (includes a plain level word: "Kabupaten Batang")
    end: int
    name_start: int            # the name alone
    key: str
    candidates: list[str]      # region codes
    kind: str                  # one of LEVEL, ORG, ... above
    level: str | None = None   # the level a level word gives
    org_levels: tuple[str, ...] | None = None
    cue_start: int | None = None
    shouted: bool = False      # written in capitals though the name is not an acronym
    stop: bool = False         # a stoplist name
    person_after: bool = False  # followed by a capitalised word (a person's name?)
    multiword: bool = False    # "Sumatera Selatan": specific enough to count bare
    weak: bool = False         # context from an unlisted acronym ("BKN Bima Haria ...")
    list_anchor: int | None = None  # index of the mention this one is listed after (LIST)
    tally: bool = False        # followed by a count ("Tabalong: 8 kasus")
    code: str | None = None


@dataclass
class Cues:
    level: dict[str, str]
    free_level: dict[str, str]
    org: dict[str, tuple[str, ...] | None]
    gov_heads: set[str]
    institution_heads: set[str]
    locative: set[str]
    joiners: set[str]
    address: set[str]
    person: set[str]
    block: set[str]
    follow_ok: set[str]
    not_acronyms: set[str]
    abbreviations: set[str]
    stoplist: set[str]
    idioms: list[str] = field(default_factory=list)
    skip_lines: list[str] = field(default_factory=list)
    level_after: dict[str, str] = field(default_factory=dict)
    org_after: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | str | None = None) -> Cues:
        with open(path or DEFAULT_CUES, "rb") as fh:
            data = tomllib.load(fh)
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict) -> Cues:
        level = {w: lv for lv, words in data["level"].items() for w in words}
        free = {w: lv for lv, words in data["free_level"].items() for w in words}
        org_data = data["org"]
        org: dict[str, tuple[str, ...] | None] = {w: None for w in org_data["any"]}
        org.update({w: ("kabupaten", "kota") for w in org_data["kabupaten_kota"]})
        org.update({w: ("provinsi",) for w in org_data["provinsi"]})
        ctx, names = data["context"], data["names"]
        return cls(
            level=level, free_level=free, org=org,
            gov_heads=set(org_data["gov_heads"]), institution_heads=set(org_data["institution_heads"]),
            locative=set(ctx["locative"]), joiners=set(ctx["list"]), address=set(ctx["address"]),
            person=set(ctx["person"]),
            block=set(ctx["block"]), follow_ok=set(ctx["follow_ok"]),
            not_acronyms=set(ctx["not_acronyms"]), abbreviations=set(ctx["abbreviations"]),
            stoplist={name_key(n) for n in names["stoplist"]}, idioms=list(names["idioms"]),
            level_after={w: lv for lv, words in data.get("level_after", {}).items() for w in words},
            skip_lines=list(ctx.get("skip_lines", [])),
            org_after=list(org_data.get("after", [])),
        )


def _trie_regex(words: list[str], first=None) -> str:
    """A regex that matches any of ``words``, longest first, built as a character trie.

    ``first(ch)``, if given, is the regex for a word's first character ``ch`` (None drops the
    words that start with it). A lookbehind written there, after the character, rather than
    before the whole alternation, leaves a literal at the start of every alternative, so the
    regex engine skips to the characters that can start a word instead of trying every
    position of the text (see ``_after``)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, top: bool = False) -> str:
        alts = []
        for ch, child in sorted(node.items()):
            if not ch:
                continue
            head = first(ch) if top and first is not None else (_SPACE if ch == " " else re.escape(ch))
            if head is not None:
                alts.append(head + emit(child))
        if not alts:
            return "(?!)" if top and trie else ""  # every word dropped: match nothing
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie, top=True)


def _after(*lookbehinds: str, only: str | None = None):
    """``first`` for ``_trie_regex``: a first character C where one of ``lookbehinds`` holds
    before it. Each is "=X" or "!X" for "(?<=X)"/"(?<!X)" written before the word, and becomes
    "(?<=XC)"/"(?<!XC)" after C: the same test. ``only``: a class of the first characters
    kept, as a lookahead "(?=[...])" before the word would."""
    def head(ch: str) -> str | None:
        if only is not None and not re.fullmatch(only, ch):
            return None
        if ch == " ":  # a run of blanks cannot stand in a lookbehind: test before it
            return "(?:" + "|".join(f"(?<{lb})" for lb in lookbehinds) + ")" + _SPACE
        c = re.escape(ch)
        guards = [f"(?<{lb}{c})" for lb in lookbehinds]
        return c + (guards[0] if len(guards) == 1 else "(?:" + "|".join(guards) + ")")

    return head


def _cased_trie(phrases, first=None) -> str:
    """A case-sensitive regex for phrases written in lower, Capitalised, Title or UPPER case
    (faster than re.IGNORECASE); spaces match any run of blanks."""
    forms = set()
    for p in phrases:
        forms |= {p, p.lower(), p[:1].upper() + p[1:], p.title(), p.upper()}
    return "(?:" + _trie_regex(sorted(forms), first) + ")"


def _surface_forms(name: str) -> set[str]:
    """Written forms of a name: as given, its first two words written as one ("Tanjungjabung
    Barat", "Tanjungjabung"), reduplications with a hyphen, and in capitals."""
    forms = {name}
    words = name.split()
    if len(words) >= 2 and words[0].lower() != words[1].lower():
        forms.add(" ".join([words[0] + words[1].lower()] + words[2:]))
    for i in range(len(words) - 1):
        if words[i].lower() == words[i + 1].lower():  # "Bau Bau" -> "Bau-Bau", "Bau-bau"
            joined = words[:i] + [f"{words[i]}-{words[i + 1]}"] + words[i + 2:]
            forms.add(" ".join(joined))
    forms |= {_HYPHEN_WORD.sub(lambda m: "-" + m.group(1).lower(), f) for f in forms}
    forms |= {f.upper() for f in list(forms)}
    return forms


class RegionScanner:
    """Finds provinsi/kabupaten/kota names, datelines and kecamatan phrases in a text."""

    def __init__(self, table: RegionTable, cues: Cues) -> None:
        self.table, self.cues = table, cues
        base = [r.name for r in table.regions() if r.level in NAME_LEVELS]
        base += [alias for alias, code in table.alias_items() if table.level(code) in NAME_LEVELS]
        surfaces: set[str] = set()
        for form in base:
            surfaces |= _surface_forms(form)
        self.keys = {name_key(s): [c for c in table.codes_for_key(name_key(s))
                                   if table.level(c) in NAME_LEVELS] for s in surfaces}
        # Names written in capitals by nature ("NTT", "DKI") are not shouted datelines.
        self.acronyms = {name_key(f) for f in base if f.isupper()}
        # "(?=[A-Z])(?:(?<=\b[sS]e-)|(?<![\w./@-]))(?:names)(?![\w@]|\.\w)", lookbehinds after
        # the first letter (see _trie_regex)
        first = _after(r"=\b[sS]e-", r"![\w./@-]", only="[A-Z]")
        self.name_re = re.compile("(?:" + _trie_regex(sorted(surfaces), first) + r")(?![\w@]|\.\w)")
        kec_words = [w for w, lv in cues.level.items() if lv == "kecamatan"]
        self.kec_re = re.compile(
            _cased_trie(kec_words, _after(r"![\w-]")) + r"(?!\w)"
            + r"(?:[ \t\xa0]+|(?<=\.))([A-Z][\w'’().-]*(?:[ \t\xa0][A-Z][\w'’().-]*){0,3})")
        self.kec_keys: dict[str, list[str]] = {}
        for region in table.regions("kecamatan"):
            self.kec_keys.setdefault(name_key(region.name), []).append(region.code)
        self.idiom_re = re.compile(_cased_trie(cues.idioms)) if cues.idioms else None
        self.idiom_keys = {name_key(w) for i in cues.idioms for w in re.split(r"[\s-]+", i)}
        self.skip_re = (re.compile(r"(?m)^[ \t*_>#\[-]*" + _cased_trie(cues.skip_lines) + r".*$")
                        if cues.skip_lines else None)
        self.free_re = re.compile(_cased_trie(cues.free_level, _after(r"!\w")) + r"(?!\w)")
        # English copy names a body after its region: "Temanggung Bawaslu", "the Temanggung regional
        # hospital", "Temanggung's civil-service agency"
        self.org_after_re = (re.compile(r"(?:['’]s)?[ \t\xa0]+" + _cased_trie(cues.org_after) + r"(?![\w-])")
                             if cues.org_after else None)

    # -- the scan ------------------------------------------------------------------------

    def scan(self, text: str, datelines: bool = True) -> list[Mention]:
        dateline_spans, province_spans = set(), set()
        if datelines:
            # "SENTANI, Papua —": the town and the province after it
            lines = _line_matches(_DATELINE, text)
            dateline_spans = {m.span("place") for m in lines}
            province_spans = {m.span("province") for m in lines if m.start("province") >= 0}
        idiom_spans = None
        skipped = self._skipped_lines(text)
        out: list[Mention] = []
        for m in self.name_re.finditer(text):
            s, e = m.span()
            if skipped and any(a <= s < b for a, b in skipped):
                continue
            key = name_key(m.group())
            tail = _GLOSSED_TAIL.match(text, e)  # "Ogan Komering Ulu (OKU) Timur"
            for words in ((tail.group(1), tail.group(1).split()[0]) if tail else ()):
                if name_key(m.group() + words) in self.keys:
                    key, e = name_key(m.group() + words), tail.start(1) + len(words)
                    break
            if key in self.idiom_keys and self.idiom_re is not None:
                if idiom_spans is None:
                    idiom_spans = [i.span() for i in self.idiom_re.finditer(text)]
                if any(a <= s and e <= b for a, b in idiom_spans):
                    continue
            mention = Mention(start=s, end=e, name_start=s, key=key,
                              candidates=list(self.keys.get(key, ())), kind=BARE,
                              stop=key in self.cues.stoplist)
            mention.shouted = m.group().isupper() and key not in self.acronyms
            mention.multiword = " " in m.group() or "\xa0" in m.group()
            if (s, e) in dateline_spans:
                mention.kind = DATELINE
            elif (s, e) in province_spans:
                mention.kind = DATELINE
                mention.candidates = [c for c in mention.candidates
                                      if self.table.level(c) == "provinsi"] or mention.candidates
            else:
                self._read_before(text, mention, out[-1] if out else None, len(out) - 1)
            if mention.kind == BLOCK or mention.level == "kecamatan":
                continue
            mention.tally = _TALLY.match(text, e) is not None or (
                _ROW_END.match(text, e) is not None and _ROW_START.search(text, max(0, s - 8), s) is not None)
            after = _LEVEL_AFTER.match(text, e)
            if after and self.cues.level_after.get(after.group(1).lower()) in ("kecamatan", "desa"):
                continue  # "Jombang sub-district", "Sidomulyo village": a place inside a region
            if after and after.group(1).lower() in self.cues.level_after and mention.kind != LEVEL:
                mention.kind, mention.level = LEVEL, self.cues.level_after[after.group(1).lower()]
                if after.group(1).lower() == "district" and _VILLAGE_BEFORE.search(text, max(0, s - 40), s):
                    mention.kind = BLOCK  # an address: "Nyitdah village, Kediri district" is a
                    # kecamatan (in Tabanan), not kabupaten Kediri
            if mention.kind == BARE and self.org_after_re is not None and self.org_after_re.match(text, e):
                mention.kind = ORG
                out.append(mention)
                continue
            nxt = _NEXT_WORD.match(text, e)
            if nxt and not nxt.group(1).isupper() and nxt.group(1).lower() not in self.cues.follow_ok \
                    and not self.name_re.match(text, nxt.start(1)):
                mention.person_after = True
            elif nxt and mention.stop and self.name_re.match(text, nxt.start(1)):
                mention.kind = NAME_PART  # "Polres Metro Jakarta Selatan": part of a longer name
            out.append(mention)
        _count_lists(text, out)
        return out

    def _skipped_lines(self, text: str) -> list[tuple[int, int]]:
        last = getattr(self, "_last_skipped", None)  # scan() and kecamatan() of one text
        if last is not None and last[0] is text:
            return last[1]
        spans = [m.span() for m in _line_matches(self.skip_re, text)] if self.skip_re else []
        self._last_skipped = (text, spans)
        return spans

    def _read_before(self, text: str, mention: Mention, previous: Mention | None,
                     previous_index: int) -> None:
        s = mention.start
        lo = max(0, s - 64)
        cut = text.rfind("\n", lo, s)
        if cut >= 0:
            lo = cut + 1
        sentence_start = lo == 0 or cut >= 0  # the window starts a line
        toks = [(t.group(), t.start()) for t in _TOKEN.finditer(text, lo, s)]  # no lookarounds
        # Stop at the end of the previous sentence; skip a parenthesis right before the name.
        for i in range(len(toks) - 1, -1, -1):
            t = toks[i][0]
            if t in {".", "!", "?", ":", ";", '"', "“", "”"} or (
                    t.endswith(".") and len(t) > 1 and t.lower() not in self.cues.abbreviations):
                toks, sentence_start = toks[i + 1:], True
                break
        if toks and toks[-1][0] == ")":
            opens = [i for i, (t, _) in enumerate(toks) if t == "("]
            toks = toks[:opens[-1]] if opens else []
        if not toks:
            return
        cues = self.cues
        words = [t.lower().removeprefix("se-") for t, _ in toks]
        for n in (3, 2, 1):
            if len(words) < n:
                continue
            phrase = " ".join(words[-n:])
            start = toks[-n][1]
            if phrase in cues.level:
                mention.kind, mention.level, mention.cue_start = LEVEL, cues.level[phrase], start
                if phrase in _PLAIN_LEVEL_WORDS:
                    mention.start = start + (3 if toks[-n][0].lower().startswith("se-") else 0)
                return
            if phrase in cues.org:
                mention.kind, mention.org_levels = ORG, cues.org[phrase]
                return
            for kind, words_set in ((BLOCK, cues.block), (PERSON, cues.person),
                                    (LOCATIVE, cues.locative)):
                if phrase in words_set:
                    mention.kind = kind
                    return
            if phrase in cues.joiners:
                if previous is not None and 0 <= start - previous.end <= 40 \
                        and _LIST_GAP.fullmatch(text, previous.end, start):
                    mention.kind, mention.list_anchor = LIST, previous_index
                elif phrase == "," and self._after_address(toks[:-1]):
                    mention.kind = LOCATIVE
                return
        last = toks[-1][0]
        if last.isupper() and last.isalpha() and len(last) >= 2 and words[-1] not in cues.not_acronyms:
            if mention.shouted:  # "KABAR MATARAM ›": a name in capitals, an outlet's or a headline's
                mention.kind = BLOCK
                return
            # an unlisted acronym: "PGRI Batang", "Dinas PMD Batang Ratna Sari" (an office's
            # acronym, its region, then a name: no comma, so the region is no name's part)
            mention.kind, mention.weak = ORG, not _office_acronym_before(toks)
            return
        if last[:1].isupper() and not (sentence_start and len(toks) == 1 and words[0] in _stop_words()):
            mention.kind, across = self._head_of_name([t for t, _ in toks])
            # "Ketua Bawaslu Ende, Yohanes Pati Rangga": a body's name reached over a comma is
            # weak, so a capitalised word after the region ("Rangga") makes it a person's name
            mention.weak = mention.kind == ORG and across
        # otherwise BARE: a name after an ordinary word ("Selanjutnya Lampung (64), Aceh ...")

    def _after_address(self, toks: list[tuple[str, int]]) -> bool:
        """Do capitalised words before this comma start with an address word ("Kecamatan
        Gebog, Kudus"; "Desa Kedungsari, Kudus")?"""
        for t, _ in reversed(toks[-8:]):  # "Desa Wonosari, Bawang, Batang"
            if not t[:1].isupper() and not t[:1].isdigit() and t != ",":
                return False
            if t.lower() in self.cues.address:
                return True
        return False

    def _head_of_name(self, toks: list[str]) -> tuple[str, bool]:
        """A name after capitalised words: a government body's name ("Dinas Pendidikan Jawa
        Tengah"), an institution's ("Universitas Negeri Semarang"), or a person's; and
        whether a comma lies between the head and the name."""
        comma = False
        for t in reversed(toks[-7:]):
            w = t.lower()
            if w in self.cues.gov_heads:
                return ORG, comma
            if w in self.cues.institution_heads:
                return BLOCK, comma
            if not t[:1].isupper() and w not in {"dan", "&", ",", "serta"}:
                break
            comma = comma or w == ","
        return NAME_PART, comma

    def kecamatan(self, text: str) -> list[Mention]:
        """"Kecamatan X", "Kec. X", "Camat X": the longest kecamatan name after the cue."""
        out = []
        skipped = self._skipped_lines(text)
        for m in self.kec_re.finditer(text):
            if skipped and any(a <= m.start() < b for a, b in skipped):
                continue
            words = list(re.finditer(r"\S+", m.group(1)))
            for n in range(len(words), 0, -1):
                name_end = m.start(1) + words[n - 1].end()
                key = name_key(text[m.start(1):name_end])
                if key in self.kec_keys:
                    while text[name_end - 1] in ".,;:(":
                        name_end -= 1
                    plain = m.group()[:3].lower() in {"kec", "dis"}  # not "Camat X"
                    if not plain and n == 1 and len(words) > 1 and words[1].group()[:1].isupper() \
                            and not words[n - 1].group().endswith(","):
                        break  # "Camat Bambang Suryanto": a person, not kecamatan Bambang
                    out.append(Mention(start=m.start() if plain else m.start(1), end=name_end,
                                       name_start=m.start(1), key=key,
                                       candidates=list(self.kec_keys[key]), kind=LEVEL,
                                       level="kecamatan", cue_start=m.start()))
                    break
        return out

    def free_levels(self, text: str, used: set[int]) -> dict[str, int]:
        """Counts of office words per level that are not attached to a name (``used`` holds
        the start offsets of the level words that were)."""
        counts: dict[str, int] = {}
        for m in self.free_re.finditer(text):
            if used and any(p in used for p in range(m.start(), m.end())):
                continue
            level = self.cues.free_level[" ".join(m.group().lower().split())]
            counts[level] = counts.get(level, 0) + 1
        return counts


def _office_acronym_before(toks: list[tuple[str, int]]) -> bool:
    """Is the acronym before the name that of an office ("Dinas PMD", "Badan BKPSDM"), a unit
    word (``unit_words``) written before it?"""
    return len(toks) >= 2 and toks[-2][0].lower() in UNIT_WORDS


UNIT_WORDS = word_set("unit_words")


def _count_lists(text: str, mentions: list[Mention]) -> None:
    """Names in a list of bare counts ("Untuk kabupaten: Jember 14, Bangkalan 11, Sampang 9")
    are a tally: each followed by a count, the next one within a short gap."""
    counted = [_BARE_COUNT.match(text, m.end) for m in mentions]
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if counted[i] and counted[i + 1] and (b.start - counted[i].end() <= 12
                                               or _UNKNOWN_ITEM.fullmatch(text, counted[i].end(), b.start)):
            a.tally = b.tally = True
