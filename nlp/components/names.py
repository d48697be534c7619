"""Personal names around role anchors: which tokens may be part of a name, where a name starts
and ends (right of a role, or left of it), and degrees and honorifics around it.

Works on :class:`Tokens`, a per-document view of plain lists built once per doc, so the scans
are list look-ups rather than spaCy attribute calls."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, compress

from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY

from nlp.components.officials_lexicon import Lexicon, is_verb, norm_word
from nlp.evidence import doc_text
from nlp.word_lists import word_list, word_set

ROMAN = word_set("roman_numerals")
_SPLIT = re.compile(r"[.\s]+")


# Token strings and their lowercase forms by ORTH id, kept across docs: cheaper than the
# StringStore, which decodes a new string on every look-up. Cleared when large.
_TEXTS: dict[int, str] = {}
_NORMS: dict[int, str] = {}
_MAX_CACHED = 500_000


def _lookup(cache: dict, orths: list[int], compute) -> list[str]:
    """``[cache[o] for o in orths]``, storing ``compute(i, o)`` for what is missing."""
    out = list(map(cache.get, orths))
    if None in out:
        if len(cache) > _MAX_CACHED:
            cache.clear()
        for i, o in enumerate(orths):
            if out[i] is None:
                out[i] = cache[o] = compute(i, o)
    return out


def _columns(doc, n: int) -> tuple:
    """ORTH, SPACY, IS_SPACE and IDX (None: to be computed) and sentence starts (bools, a new
    list) of the tokens: as ``pantau_sentences`` left them in ``doc.user_data``, else read."""
    shared = doc.user_data.get("token_columns")
    if shared is not None and len(shared[0]) == n:
        orth, ws, space, idx, starts = shared
        return orth, ws, space, idx, list(starts)
    sentenced = n > 0 and doc.has_annotation("SENT_START")
    attrs = [ORTH, SPACY, IS_SPACE] + ([SENT_START] if sentenced else [])
    cols = doc.to_array(attrs).T.tolist() if n else [[], [], []]
    starts = [v == 1 for v in cols[3]] if sentenced else [False] * n
    return cols[0], cols[1], cols[2], None, starts


def _norm(text: str) -> str:
    return text.lower().replace(".", "") if "." in text else text.lower()


class Tokens:
    """Plain per-token lists of one doc, and marks set while reading it."""

    def __init__(self, doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.n = n = len(doc)
        orth, self.ws, self.space, idx, starts = _columns(doc, n)
        strings = doc.vocab.strings
        self.text = text = _lookup(_TEXTS, orth, lambda i, o: strings[o])
        if idx is None:
            idx = [0, *accumulate([len(t) + w for t, w in zip(text, self.ws)])][:n]
        self.idx = idx
        self.doc_text = doc_text(doc)
        if n:
            starts[0] = True
        self.sent_start = starts
        self.norm = _lookup(_NORMS, orth, lambda i, o: _norm(text[i]))
        self.blocked = [False] * n      # region tokens: never a name
        self.sent_begin = list(compress(range(n), starts))
        self._lower = None

    @property
    def lower_elsewhere(self) -> set:
        """The words the text writes in lowercase somewhere."""
        if self._lower is None:
            self._lower = {t for t in self.text if t.islower()}
        return self._lower

    def sentence(self, k: int) -> tuple[int, int]:
        """Token bounds of the sentence holding token k."""
        j = bisect_right(self.sent_begin, k) - 1
        end = self.sent_begin[j + 1] if j + 1 < len(self.sent_begin) else self.n
        return self.sent_begin[j], end

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.text[i])


def is_cap(text: str) -> bool:
    """Capitalised word: "Budi", "McDonald", "Ma'ruf"; not "BUDI", not "budi"."""
    return len(text) > 1 and text[0].isupper() and any(c.islower() for c in text[1:]) \
        and text.replace("'", "").replace("-", "").replace("’", "").isalpha()


def is_initial(text: str) -> bool:
    return (len(text) == 1 and text.isupper() and text.isalpha()) or \
        (len(text) == 2 and text[1] == "." and text[0].isupper() and text[0].isalpha())


def is_degree(text: str, lex: Lexicon, after: bool = True) -> bool:
    """A degree or honorific token: "S.H", "M.Si.", "SH.MH", "Dr.", "Hj"."""
    table = lex.honorifics_after if after else lex.honorifics_before
    word = norm_word(text).strip(",")
    if not word or not text[0].isalpha() and text[0] != "(":
        return False
    if word in table:
        return True
    if after:
        chunks = [c.lower() for c in _SPLIT.split(text) if c]
        return len(chunks) > 1 and _segmentable("".join(chunks), table, 0, {})
    return False


def _segmentable(word: str, table: set, start: int, memo: dict) -> bool:
    if start == len(word):
        return True
    if start in memo:
        return memo[start]
    ok = any(word[start:end] in table and _segmentable(word, table, end, memo)
             for end in range(start + 2, min(len(word), start + 6) + 1))
    memo[start] = ok
    return ok


def name_token(toks: Tokens, i: int) -> bool:
    """May token i be part of a person's name?"""
    if toks.blocked[i]:
        return False
    text, lex = toks.text[i], toks.lex
    if text in lex.particles:
        return True
    if is_initial(text):
        return True
    if not is_cap(text):
        return False
    low = text.lower()
    if low in lex.stopwords or low in lex.title_words and not _name_like_title(toks, i, low) or low in lex.negators \
            or low in lex.honorifics_before or len(low) > 5 and low.endswith("nya"):
        return False
    if _verb(low, lex) or _nominal(low):
        return False  # "Pj Bupati X Ajak ...", "Sekda Hadiri ...": a headline's verb
    if text[1].isupper():
        return False  # "DPMDes", "KemenPAN": an acronym in mixed case
    for table in (lex.org_words, lex.levels, lex.places, lex.acronyms):
        entries = table.get(low)
        if entries and any(len(words) == 1 for words, _ in entries):
            # a short acronym written like a name ("Aji", "Pan") may still be one
            return table is lex.acronyms and len(low) <= 3 and not text.isupper()
    return True


_NOMINAL_PREFIXES = word_list("nominal_prefixes")


def _nominal(low: str) -> bool:
    """A pe-/per-/ke-...-an noun ("Pengadaan", "Pemberhentian", "Pencopotan", "Kepegawaian"):
    unit and subject words, never a name. Names ending in -wan/-man ("Kurniawan") are kept."""
    return len(low) >= 9 and low.endswith("an") and low.startswith(_NOMINAL_PREFIXES) \
        and not low.endswith(("wan", "man")) and not (low.endswith("ian") and len(low) < 10)


_VERBS: dict[str, bool] = {}


def _verb(low: str, lex: Lexicon) -> bool:
    """``is_verb`` memoised by word (one lexicon per process in practice; cleared if it changes)."""
    if _VERBS.get("") is not lex.verbs:
        _VERBS.clear()
        _VERBS[""] = lex.verbs
    got = _VERBS.get(low)
    if got is None:
        got = _VERBS[low] = is_verb(low, lex)
    return got


def _real(toks: Tokens, i: int) -> bool:
    """A name word proper: not an initial, not a lowercase particle."""
    t = toks.text[i]
    return not is_initial(t) and not t.islower()


def skip_prefix_honorifics(toks: Tokens, i: int) -> int:
    """Skip "Dr.", "H.", "KH", "AKBP", "DR ." before a name; returns the first name token."""
    while i < toks.n and is_degree(toks.text[i], toks.lex, after=False):
        nxt = i + 1
        if nxt < toks.n and toks.text[nxt] == "." and not toks.ws[i]:
            nxt += 1
        if nxt < toks.n and (is_cap(toks.text[nxt]) or toks.text[nxt] in toks.lex.particles
                             or is_degree(toks.text[nxt], toks.lex, after=False)):
            i = nxt
        else:
            break
    return i


def name_right(toks: Tokens, i: int, max_tokens: int) -> tuple[int, int] | None:
    """The name at i, after any honorifics: (start, end) token indices, or None."""
    start = skip_prefix_honorifics(toks, i)
    if _direction_before_name(toks, start):
        start += 1  # "Kades Timur Ali Usman": the direction ends the place, not begins the name
    j = start
    while j < toks.n and (name_token(toks, j) or _abbrev_dot(toks, j) or _inner_place(toks, j, start)):
        if j > start and toks.sent_start[j] and not _abbrev_dot(toks, j - 1):
            break  # a name never runs into the next sentence ("Moh. Sodikin" is one name)
        nxt = j + 2 if toks.text[j] == "br" and j + 1 < toks.n and toks.text[j + 1] == "." else j + 1
        if toks.text[j].islower() and not (j > start and nxt < toks.n and is_cap(toks.text[nxt])):
            break  # a lowercase particle ("bin") only inside a name
        j += 1
        if j - start > max_tokens:
            return None  # too long: a title-case phrase, not a name
    while j > start and (toks.text[j - 1].islower() or toks.text[j - 1] in _BARE_PARTICLES
                         or j - start > 1 and is_degree(toks.text[j - 1], toks.lex)):
        j -= 1  # a trailing particle, or a degree written without a comma ("Hasan Bisri Lc")
    return (start, j) if _valid(toks, start, j) else None


_BARE_PARTICLES = word_set("bare_particles")
NAME_ABBREVIATIONS = word_set("name_abbreviations")  # "Moh.", "Muh.": never the end of a sentence
DIRECTIONS = word_set("directions")
_PLACE_TAILS = DIRECTIONS | {"satu", "dua", "tiga", "empat"}


def _inner_place(toks: Tokens, j: int, start: int) -> bool:
    """A region's name inside a person's name ("Yohanes Pati Rangga"): one capitalised place
    word between two name words of one sentence."""
    if j <= start or j + 1 >= toks.n or toks.blocked[j] or not is_cap(toks.text[j]):
        return False
    entries = toks.lex.places.get(toks.text[j].lower())
    return bool(entries) and not toks.sent_start[j + 1] and not toks.text[j + 1].islower() \
        and name_token(toks, j + 1)


def _direction_before_name(toks: Tokens, i: int) -> bool:
    """A direction word ("Timur", "Utara") followed by a name of two words or more."""
    return i + 2 < toks.n and toks.text[i].lower() in DIRECTIONS and is_cap(toks.text[i]) \
        and name_token(toks, i + 1) and name_token(toks, i + 2) and not toks.text[i + 1].islower()


def name_left(toks: Tokens, end: int, max_tokens: int) -> tuple[int, int] | None:
    """The name ending before token ``end``, stepping back over degrees ("Budi, S.H., M.M.")."""
    lex, k, seen_degree = toks.lex, end, False
    while k > 0 and not toks.sent_start[k]:
        t = toks.text[k - 1]
        if t == "." and k >= 2 and not toks.ws[k - 2] and is_degree(toks.text[k - 2], lex):
            k -= 1
        elif is_degree(t, lex) and not is_cap(t):
            k, seen_degree = k - 1, True
        elif t == "," and seen_degree:
            k -= 1
        else:
            break
    stop = i = k
    while i > 0 and not toks.sent_start[i] and (name_token(toks, i - 1) or _abbrev_dot(toks, i - 1)):
        i -= 1
        if stop - i > max_tokens:
            return None  # too long: a title-case phrase, not a name
    while i < stop and (toks.text[i].islower() or toks.text[i] in _BARE_PARTICLES and i + 1 == stop
                        or _sentence_initial(toks, i) and _common_word(toks, i)
                        or i + 1 < stop and is_degree(toks.text[i], toks.lex, after=False)):
        i += 1
    return (i, stop) if _valid(toks, i, stop) else None


def _abbrev_dot(toks: Tokens, j: int) -> bool:
    """The dot of a shortened name ("Moh. Fauzan", "Muh. Jazuli"), tokenised apart."""
    if toks.text[j] != "." or j == 0 or j + 1 >= toks.n or toks.ws[j - 1]:
        return False
    prev = toks.text[j - 1]
    if prev == "br":  # Batak "br." (boru): "Lamria br. Simanjuntak"
        return is_cap(toks.text[j + 1])
    if toks.sent_start[j + 1] and prev not in NAME_ABBREVIATIONS:
        return False  # a dot that ends a sentence: "... kepada Budi Rauf. Budi sebelumnya ..."
    return is_cap(prev) and len(prev) <= 4 and prev.lower() not in toks.lex.honorifics_before \
        and prev.lower() not in toks.lex.levels and name_token(toks, j + 1)


def _name_like_title(toks: Tokens, i: int, low: str) -> bool:
    """A title's first word that is a family name too ("Kelian") and does not open that title
    here ("Yohanes Kelian, Ketua Bawaslu ...", not "Kelian Banjar Dinas X")."""
    if low not in toks.lex.name_like_titles:
        return False
    return not any(toks.norm[i:i + len(words)] == list(words) for words, _ in toks.lex.titles[low])


def _sentence_initial(toks: Tokens, i: int) -> bool:
    return i == 0 or toks.sent_start[i] or toks.space[i - 1] or \
        toks.text[i - 1] in ('"', "“", "*", "(", "-", "–", ":")


def _common_word(toks: Tokens, i: int) -> bool:
    """A sentence-initial word that the text also writes in lowercase is no name."""
    return toks.text[i].lower() in toks.lower_elsewhere


def _valid(toks: Tokens, start: int, end: int) -> bool:
    if end <= start:
        return False
    if not any(_real(toks, k) for k in range(start, end)):
        return False
    if all(toks.text[k] in toks.lex.particles for k in range(start, end)):
        return False
    if " ".join(toks.text[start:end]).lower() in toks.lex.region_levels:
        return False  # "Bandar Lampung", "Kubu Raya": a region, not a person
    if toks.text[end - 1].lower() in DIRECTIONS:
        return False  # "Kepala Desa Sijonam Timur": a direction closes a place's name, not a person's
    # "Kepala Desa Sumber Rejo Satu": a direction or a number right after it closes a place's name
    return not (end < toks.n and not toks.sent_start[end] and is_cap(toks.text[end])
                and toks.text[end].lower() in _PLACE_TAILS)


def skip_degrees_right(toks: Tokens, j: int) -> int:
    """Step over ", S.H., M.Si" after a name; returns the end of the degrees (or j)."""
    end = j
    k = j
    while k < toks.n:
        if toks.text[k] == "," and k + 1 < toks.n and is_degree(toks.text[k + 1], toks.lex):
            k += 1
            continue
        if is_degree(toks.text[k], toks.lex) and (k == j or toks.text[k - 1] in ",." or k > j):
            k += 1
            # "S.Pd." "I" and "DR" "." split by the tokenizer
            if k < toks.n and not toks.ws[k - 1] and toks.text[k] in (".", "I"):
                k += 1
            end = k
            continue
        break
    return end


def adat_title_start(toks: Tokens, start: int, end: int) -> int:
    """Where a Minangkabau adat title after a name begins ("Zulkifli Dt. Rajo Bungsu": the
    name is "Syafrizal"), else ``end``."""
    for k in range(start + 1, end):
        if toks.text[k].rstrip(".").lower() in ADAT_TITLES:
            return k
    return end


ADAT_TITLES = word_set("adat_titles")
