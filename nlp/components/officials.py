"""pantau_officials: named persons whom the text gives a public office.

Rule-based, around role anchors (no trained NER): a role title from ``nlp/data/roles.toml``
with the organisation and region written after it, and a name of capitalised tokens either
after the role ("Ketua Bawaslu Kendal Suharto", "Kepala Dinas X, Budi Santoso, S.H.") or
before it ("Budi Santoso, Ketua ...", "Budi selaku Ketua ...", "Budi (Ketua ...)"). Later
mentions of a found name alone ("kata Hendra") are added to that person as evidence.

Writes ``doc._.officials``: one dict per person, {"name", "role", "org", "region_code",
"evidence": [{"text", "start", "end", "sentence"}]}.
"""

from __future__ import annotations

import re
from itertools import compress

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the doc attributes)
from nlp.components.bylines import byline_names, byline_spans
from nlp.components.officials_english import find as english_officials, looks_english
from nlp.components.names import (Tokens, _sentence_initial, adat_title_start, is_cap, is_degree,
                                   name_left, name_right, skip_degrees_right)
from nlp.components.officials_lexicon import load_lexicon
from nlp.components.role_strings import role_org, role_text
from nlp.components.roles import DIRECTIONS, Role, _place_level, _public_at, find_role, match
from nlp.evidence import ignored_spans, in_spans
from nlp.word_lists import word_list, word_set

QUOTE_VERBS = word_set("quote_verbs")  # '"...," ujar X.': X said the quote
# phrases that point a sentence-opening title at the name after them ("Guru yang dimaksud, X,")
DESCRIBED_POINTER_WORDS = 9  # words a role's description may take before "itu, Nama,"
POINTER_PHRASES = tuple(tuple(p.split()) for p in word_list("pointer_phrases"))

CIVIL_SERVANTS = word_set("civil_servants")
# titles several people may share in one mention: "Anggota Bawaslu X, A dan B"
SHARED_TITLES = word_set("shared_titles")
# words that open the description of a title before the name ("Pembakal sebuah desa di ...")
DESCRIPTION_OPENERS = word_set("description_openers")
SPEECH_BEFORE = word_set("speech_before")
DEFAULT_CONFIG = {
    "data_dir": None,            # folder of roles.toml etc.; None = nlp/data of the package
    "use_gazetteer": True,       # region names from lokal's Kemendagri table bound names
    "max_name_tokens": 6,
    "resolve_mentions": True,    # add later bare-name mentions as evidence
    "skip_title_case": True,     # find no new official in Title Case Headlines
}


class OfficialsComponent:
    def __init__(self, nlp: Language, name: str, data_dir: str | None, use_gazetteer: bool,
                 max_name_tokens: int, resolve_mentions: bool, skip_title_case: bool):
        self.name = name
        self.lex = load_lexicon(data_dir, use_gazetteer)
        self.max_name_tokens = max_name_tokens
        self.resolve_mentions = resolve_mentions
        self.skip_title_case = skip_title_case

    def __call__(self, doc: Doc) -> Doc:
        doc._.officials = Reader(self, doc).read()
        return doc


class Reader:
    """Reads one doc: role anchors, names, persons, later mentions."""

    def __init__(self, comp: OfficialsComponent, doc: Doc):
        self.comp, self.doc = comp, doc
        self.toks = Tokens(doc, comp.lex)
        self.text = self.toks.doc_text
        self.region_tok: dict[int, dict] = {}
        for region in getattr(doc._, "regions", None) or []:
            for ev in region.get("evidence") or []:
                span = doc.char_span(ev["start"], ev["end"], alignment_mode="expand")
                if span is not None:
                    for k in range(span.start, span.end):
                        self.region_tok[k] = region
                        self.toks.blocked[k] = True
        self.assigned = [False] * len(doc)
        self.role_ends: set[int] = set()  # where the office roles read so far end
        self.persons: list[dict] = []
        self._title_case: dict[int, bool] = {}
        self._stacked: Role | None = None  # "Anggota Bawaslu X Koordinator Divisi Y, Nama": the first post
        self._adds = 0  # names given a role so far (a role read without one leaves it unchanged)

    def read(self) -> list[dict]:
        bylines: dict = {}  # this text's byline matches, read by both calls
        toks, skip = self.toks, byline_spans(self.text, bylines)
        links = ignored_spans(self.doc)  # "Baca juga: Sekda X Hadiri ...": another story
        anchors, done, last, unnamed_post = self.comp.lex.anchors, 0, None, None
        for i in compress(range(toks.n), map(anchors.__contains__, toks.norm)):
            if i < done:
                continue
            role = find_role(toks, i)
            if role is None:
                continue
            done = role.end
            if unnamed_post is not None and self._points_back(role, unnamed_post):
                continue
            if self._office(role) and not _inside(toks.idx[role.start], skip) \
                    and not (links and in_spans(links, toks.idx[role.start])) \
                    and not self._title_cased(role.start):
                # a post written right before this one, with no name of its own, is the same person's
                self._stacked = last if last is not None and last.end == role.start and last.parts else None
                adds = self._adds
                self._assign(role)
                self.role_ends.add(role.end)
                unnamed = self._adds == adds
                last = role if unnamed else None
                unnamed_post = role if unnamed and (role.parts or role.title.standalone) \
                    and role.title.text not in GENERIC_POSTS else None
        if looks_english(self.text):
            self._english(skip, links)
        excluded = byline_names(self.text, self.doc.user_data.get("author"), bylines)
        self.persons = [p for p in self.persons if not _excluded(p["_key"], excluded)]
        if self.comp.resolve_mentions:
            self._resolve()
        for p in self.persons:
            p["evidence"].sort(key=lambda e: e["start"])
            del p["_key"], p["_generic"]
        return self.persons

    def _english(self, skip: list, links: list) -> None:
        """Officials named with an English title ("Bawaslu chairman X", "the regent of Y, Z")."""
        for name, role, start, end in english_officials(self.text):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or _inside(start, skip) or (links and in_spans(links, start)) \
                    or any(self.assigned[k] for k in range(span.start, span.end)):
                continue
            key = _key(name)
            evidence = self._evidence(span.start, span.end)
            person = self._find(key)
            if person is not None:
                person["evidence"].append(evidence)
                continue
            self.persons.append({"name": name, "role": role, "org": None, "region_code": None,
                                 "evidence": [evidence], "_key": key, "_generic": False})

    def _office(self, role: Role) -> bool:
        if role.nonpublic:
            return False
        if role.title.standalone or role.public:
            return True
        # "ASN bernama Budi", "guru PNS bernama Ani": a civil servant given a name; "Guru
        # tersebut, Ani, ...": the civil servant the text has just told of, named
        toks, k = self.toks, role.end
        if role.title.text not in CIVIL_SERVANTS:
            return False
        if any(p.kind == "level" for p in role.parts):
            return True  # "Eko, penyuluh pertanian di Kecamatan Losarang": a post in a region
        if k >= toks.n:
            return False
        if role.start > 0 and toks.text[role.start - 1] == "," and self._described_apposition(k):
            return True  # "Sutarno, kepala SD negeri di Kalasan, ...": a post in a place
        return toks.norm[k] == "bernama" or toks.norm[k:k + 3] == ["yang", "dimaksud", "ialah"] \
            or self._pointer(k) is not None \
            or _sentence_initial(toks, role.start) and self._described_pointer(k) is not None \
            or toks.norm[k] in ("tersebut", "itu") and k + 2 < toks.n and (
                toks.text[k + 1] == "," or toks.norm[k + 1:k + 3] == ["diketahui", "bernama"])

    def _quoted_before(self, role: Role) -> tuple[int, int] | None:
        """'"...," ujar X Y. Ketua Bawaslu Z itu menambahkan ...': a title
        opening a sentence with "itu"/"tersebut" is the full name a quote was said by just
        before."""
        toks, k, s = self.toks, role.end, role.start
        if k + 1 >= toks.n or toks.norm[k] not in ("itu", "tersebut") or toks.text[k + 1] == ",":
            return None
        if s < 3 or not toks.sent_start[s] or toks.text[s - 1] != ".":
            return None
        span = name_left(toks, s - 1, self.comp.max_name_tokens)
        if span is None or span[1] - span[0] < 2 or span[0] == 0 or toks.norm[span[0] - 1] not in QUOTE_VERBS \
                or any(self.assigned[j] for j in range(*span)):
            return None
        return span

    def _pointer(self, k: int) -> int | None:
        """The length of a phrase at k that points the title at the name after it ("yang
        dimaksud,", "itu adalah"), the comma left for the caller; else None."""
        norm = self.toks.norm
        for phrase in POINTER_PHRASES:
            if tuple(norm[k:k + len(phrase)]) == phrase:
                return len(phrase) - (phrase[-1] == ",")
        return None

    def _title_cased(self, i: int) -> bool:
        """A Title Case Headline: most words capitalised, function words too."""
        if not self.comp.skip_title_case:
            return False
        a, b = self.toks.sentence(i)
        if a not in self._title_case:
            words = [w for w in self.toks.text[a:b] if w.isalpha()]
            lower = sum(map(str.islower, words))
            if len(words) < 4 or lower > 1 or ";" in (self.toks.text[b - 1], self.toks.text[a - 1] if a else ""):
                # prose, or an item of a list ("...; Kadisdik Jatim Bagus Widyantoro; ..."): no headline
                self._title_case[a] = False
            else:
                func = [w for w in words[1:] if w.lower() in ("yang", "dan", "di", "untuk", "dalam",
                                                               "pada", "ke", "dari", "dengan", "agar")
                        and w[0].isupper()]
                # a headline: no closing punctuation and, past five words, at most one word
                # in lower case ("Kadis di Solok Selatan Dilaporkan, Diduga Arahkan ...")
                last = b - 1
                while last > a and not self.toks.text[last].strip():
                    last -= 1  # the line break that closes a paragraph
                headline = (not lower or lower == 1 and len(words) > 5) \
                    and not self.toks.text[last].endswith((".", "!", "?", '"', "”"))  # "M.Si." too
                self._title_case[a] = lower <= 1 and bool(func) or headline
        return self._title_case[a]

    # -- names around a role -------------------------------------------------------------
    def _assign(self, role: Role) -> None:
        toks, mx = self.toks, self.comp.max_name_tokens
        left = self._left_name(role)
        if left is not None:
            self._add(role, left[0], left[1], left[1])
            return
        quoted = self._quoted_before(role)
        if quoted is not None:
            self._add(role, quoted[0], quoted[1], role.end)
            return
        k, paren = self._after_clause(role.end), False
        if k + 1 < toks.n and toks.norm[k] in ("tersebut", "itu") and toks.text[k + 1] == "," \
                and (_sentence_initial(toks, role.start)
                     or role.start > 0 and (toks.norm[role.start - 1] in SPEECH_BEFORE or toks.text[role.start - 1] == ",")
                     and self._closed_name(k + 2)):
            k += 1  # "Camat tersebut, Budi Santoso, mengaku ...": the one just mentioned
        elif (pointer := self._pointer(k)) is not None and _sentence_initial(toks, role.start):
            k += pointer  # "Guru yang dimaksud, X, ...", "Dokter itu adalah dr. X"
        elif k + 1 < toks.n and toks.norm[k] in ("tersebut", "itu") \
                and match(toks.lex.before_name, toks, k + 1) is not None:
            k += 1  # "Staf tersebut diketahui bernama Darman."
        elif _sentence_initial(toks, role.start) and (pointer := self._described_pointer(k)) is not None:
            k = pointer  # "Guru berstatus PNS itu, Sumarni, ...": the one the text told of, described
        if k < toks.n and toks.text[k] in (",", ":"):
            k += 1
        elif k < toks.n and toks.text[k] == "(":
            k, paren = k + 1, True
        m = match(toks.lex.before_name, toks, k)
        if m is not None:
            k = m[0] + (1 if m[0] < toks.n and toks.text[m[0]] == "." else 0)
        span = name_right(toks, k, mx)
        local = role.title.place in ("kecamatan", "desa")
        if span is None and not paren and k == role.end:
            # "Kepala Desa Sijonam Timur, Budi Santoso": a place with a direction, then the name
            span = self._place_then_name(self._directed_place(k), local)
        elif span is not None and not paren and (span[0] == role.end or not role.parts and local):
            span = self._place_then_name(span, local) or span
        if span is None and (role.title.standalone or role.public):
            span = self._name_after_description(role.end)
        if span is None or any(self.assigned[j] for j in range(*span)) or self._kecamatan_word(span):
            return
        end = skip_degrees_right(toks, span[1])
        if paren and not (end < toks.n and toks.text[end] == ")"):
            return
        if end < toks.n and toks.norm[end] in ("berinisial", "inisial"):
            return  # "Camat Tampan berinisial HS": the word is the title's place, HS the person
        if local and span[0] == role.end and end < toks.n and toks.norm[end] in ("itu", "tersebut"):
            return  # "Kepala Desa Siwalan itu mengakui ...": the desa pointed back at, no name
        if span[1] < toks.n and toks.text[span[1]] == "(" and self._role_in_paren(span[1]):
            return  # "Ketua X, Budi (Kepala Y)": Budi belongs to the role in parentheses
        if not role.parts and role.title.text in CIVIL_SERVANTS and end + 1 < toks.n and toks.text[end] == "," \
                and toks.text[end + 1].islower() and find_role(toks, end + 1) is not None:
            return  # "ASN itu diketahui bernama Budi, penyuluh pertanian ...": the fuller role is his
        self._add(role, span[0], span[1], end)
        if role.title.text in SHARED_TITLES:
            self._more_names(role, end)

    def _points_back(self, role: Role, post: Role) -> bool:
        """"Yang dilaporkan adalah Camat X. Pejabat tersebut, Nama, ...": a bare civil servant's word
        opening the next sentence and pointing back ("tersebut", "yang dilaporkan") names the
        holder of the post told there."""
        toks, k = self.toks, role.end
        if role.parts or role.title.text not in GENERIC_POSTS or not _sentence_initial(toks, role.start) \
                or toks.sentence(post.start)[1] != toks.sentence(role.start)[0]:
            return False
        if k < toks.n and toks.norm[k] == "eselon":  # "Pejabat eselon II itu, Nama,"
            k += 1
            while k < toks.n and re.fullmatch(r"[ivx]+(?:\.?[ab])?|[1-4]", toks.norm[k]):
                k += 1
        clause = self._after_clause(k)  # "Pejabat yang dimintai keterangan, Nama,"
        pointer = self._pointer(k) or (clause - k if clause > k + 1 else None)
        if pointer is not None and k + pointer < toks.n and toks.text[k + pointer] == ",":
            k += pointer - 1
        elif not (k + 2 < toks.n and toks.norm[k] in ("itu", "tersebut") and toks.text[k + 1] == ","):
            return False
        span = name_right(toks, k + 2, self.comp.max_name_tokens)
        if span is None or span[1] >= toks.n or toks.text[span[1]] != "," \
                or any(self.assigned[j] for j in range(*span)):
            return False
        self._stacked = None
        self._add(post, span[0], span[1], span[1])
        # the evidence is the pointer and the name, in the sentence that tells what they did
        person = self._find(_key(self.text[toks.idx[span[0]]:toks.end_char(span[1] - 1)]))
        person["evidence"][-1] = self._evidence(role.start, span[1])
        return True

    def _kecamatan_word(self, span: tuple[int, int]) -> bool:
        """Words that name a kecamatan ("Perbekel Tajun, Pakem, ...", "guru SMA Negeri 1
        Tanjung Morawa, ..."): a place, not a person."""
        words = tuple(w.lower() for w in self.toks.text[span[0]:span[1]])
        if not words or len(words) > 3:
            return False
        return any(p == words for p, _ in self.toks.lex.gazetteer.get("kecamatan", {}).get(words[0], ()))

    def _more_names(self, role: Role, k: int) -> None:
        """"Anggota Bawaslu X, A dan B", "A, B, dan C": every full name of the list takes the
        role, while the next item is a name of two words or more and no role follows it."""
        toks, mx = self.toks, self.comp.max_name_tokens
        while k < toks.n:
            if toks.text[k] == "," and k + 1 < toks.n and toks.text[k + 1] in ("dan", "serta"):
                k += 2
            elif toks.text[k] in (",", "dan", "serta"):
                k += 1
            else:
                return
            span = name_right(toks, k, mx)
            if span is None or span[0] != k or span[1] - span[0] < 2 \
                    or any(self.assigned[j] for j in range(*span)):
                return
            end = skip_degrees_right(toks, span[1])
            nxt = end + 1 if end < toks.n and toks.text[end] in (",", "(") else end
            if find_role(toks, nxt) is not None:
                return  # "A dan B, Kepala Y": B has a role of its own
            self._add(role, span[0], span[1], end)
            k = end

    def _closed_name(self, k: int) -> bool:
        """A name at k closed by a comma ("mengatakan pembakal tersebut, Masrani, sudah ...")."""
        span = name_right(self.toks, k, self.comp.max_name_tokens)
        if span is None or span[0] != k:
            return False
        end = skip_degrees_right(self.toks, span[1])
        return end < self.toks.n and self.toks.text[end] == ","

    def _described_pointer(self, k: int) -> int | None:
        """The comma after "itu"/"tersebut" when a few words describing the role end in it and a
        name closed by a comma follows ("Penjabat kades yang berstatus pegawai kecamatan itu, Nama,")."""
        toks = self.toks
        for j in range(k, min(toks.n - 2, k + DESCRIBED_POINTER_WORDS)):
            if toks.text[j] in (",", ".", ";", ":", "(", '"', "“") or toks.norm[j] in SPEECH_BEFORE \
                    or j > k and toks.norm[j - 1] != "atau" and self._other_post(j):
                return None  # "Ketua X mengatakan pembakal itu, Nama,": the pointer is another's
            if toks.norm[j] in ("itu", "tersebut") and toks.text[j + 1] == "," and self._closed_name(j + 2):
                return j + 1
        return None

    def _other_post(self, j: int) -> bool:
        """A post at j other than a civil servant's status ("guru berstatus PNS itu")."""
        role = find_role(self.toks, j)
        return role is not None and role.title.text not in CIVIL_SERVANTS

    def _after_clause(self, k: int) -> int:
        """Skip "yang membidangi pencegahan" between a role and ", Name"."""
        toks = self.toks
        if k < toks.n and toks.text[k] == "yang":
            for j in range(k + 1, min(toks.n, k + 8)):
                if toks.text[j] == ",":
                    return j
                if not toks.text[j].islower() and toks.norm[j - 1] not in ("di", "ke"):
                    break  # "yang berkantor di Ternate," names a place, then the clause ends
        return k

    def _left_name(self, role: Role):
        toks, s = self.toks, role.start
        if s == 0 or toks.sent_start[s]:
            return None
        direct = False
        prev = toks.text[s - 1]
        if prev in (",", "("):
            end = s - 1
            if prev == "," and end >= 3 and toks.text[end - 1] == ")" and toks.text[end - 2].isdigit() \
                    and toks.text[end - 3] == "(":
                end -= 3  # "Warsono (52), Kepala Desa ..."
        else:
            end = self._appositive_start(s)
            if end is None:
                end, direct = s, True
            elif end > 0 and toks.text[end - 1] == ",":
                end -= 1
        if end <= 0:
            return None
        span = name_left(toks, end, self.comp.max_name_tokens)
        if span is None or any(self.assigned[j] for j in range(*span)) or self._kecamatan_word(span):
            return None  # "Kampanye di Pasar Rebo, Lurah X ...": a place before the title
        if self._after_role(span[0]):
            return None  # "Dandim X Letkol Budi, Ketua Bawaslu Y": Budi is the Dandim
        if span[0] > 0 and toks.norm[span[0] - 1] in ("di", "ke"):
            return None  # "Ajakan di Pesta Panen, Kepala KUA ...": a place or an event
        if direct:
            degree = span[1] < end
            after_honorific = span[0] > 0 and is_degree(toks.text[span[0] - 1], toks.lex, after=False)
            if not (degree or after_honorific or span[1] - span[0] >= 2 and (
                    _sentence_initial(toks, span[0]) or toks.text[span[0] - 1] == ",")):
                return None  # "Honorarium PTPS ...": a bare word before a title is no name
        if prev == "(" and not (role.end < toks.n and toks.text[role.end] == ")"):
            return None
        described = prev == "," and self._described_apposition(role.end)
        if toks.text[role.title_start].islower() and span[1] - span[0] < 2 \
                and not self._after_honorific(span[0]) and not described \
                and not (prev == "," and role.parts and self._apposition_closes(role.end)):
            return None  # "Contohnya, kepala desa ...": a lowercase title wants a full name,
            # or a closed apposition with an organisation ("Darmono, anggota Bawaslu X, ...")
            # or a place ("Mulyadi, pembakal sebuah desa di Kecamatan X, yang ...")
        if prev == "," and not role.parts and not self._clause_ends(role.end) \
                and not self._apposition_closes(role.end) and not described:
            return None  # "kepada Parpol, Kades dan perangkat": a list, not an apposition
        return span[0], span[1]

    def _directed_place(self, k: int) -> tuple[int, int]:
        """(k, end) of a capitalised word and the direction words after it ("Sijonam Timur")."""
        toks, end = self.toks, k + 1
        if k >= toks.n or not is_cap(toks.text[k]):
            return k, k
        while end < toks.n and toks.norm[end] in DIRECTIONS and is_cap(toks.text[end]):
            end += 1
        return k, end

    def _place_then_name(self, span: tuple[int, int], local: bool = False) -> tuple[int, int] | None:
        """"Camat Tampan, Hendra Saputra, ...", "Ketua Bawaslu Bateng, Nur Aini, ...": one
        capitalised word the gazetteer does not know right after the title, then a comma and
        a full name (or one name with an honorific or a degree: "Drs. Syamsuddin,") closed by
        a comma or the clause: the word is the title's place, the name the person. After the
        head of a village or kecamatan (``local``) the name may be one word closed by a comma
        or a full stop ("Keuchik Lambaro, Zulkifli."), unless the gazetteer knows it as a place."""
        toks = self.toks
        a, b = span
        directed = b - a > 1 and all(toks.norm[x] in DIRECTIONS for x in range(a + 1, b))
        if b - a != 1 and not directed and not self._kecamatan_word(span) or b + 1 >= toks.n \
                or toks.text[b] != ",":
            return None
        second = name_right(toks, b + 1, self.comp.max_name_tokens)
        if second is None:
            return None
        end = skip_degrees_right(toks, second[1])
        mononym = local and end < toks.n and toks.text[end] in (",", ".") \
            and not toks.lex.places.get(toks.text[second[0]].lower())
        if second[1] - second[0] < 2 and not (end > second[1] or self._after_honorific(second[0]) or mononym):
            return None
        if end < toks.n and (toks.text[end] in (",", ".", ";") or toks.text[end].islower()):
            return second
        return None

    def _name_after_description(self, k: int) -> tuple[int, int] | None:
        """"Pembakal sebuah desa di Kecamatan Sungai Tabuk, Kabupaten Banjar, Syahrani,
        dijatuhi ...": a title, a description opened by one of ``DESCRIPTION_OPENERS``, the
        place parts of an address, then the name, closed by a comma."""
        toks = self.toks
        if k >= toks.n or toks.norm[k] not in DESCRIPTION_OPENERS:
            return None
        a, b = toks.sentence(k)
        j, placed = k, False
        while j < min(b, k + 16):
            placed = placed or self._placed_at(j)  # "desa", "Kecamatan X", "di Kalasan"
            if toks.text[j] == ",":
                span = name_right(toks, j + 1, self.comp.max_name_tokens)
                end = skip_degrees_right(toks, span[1]) if span is not None else 0
                if placed and span is not None and end + 1 < b and toks.text[end] == "," \
                        and toks.text[end + 1].islower() \
                        and not any(self.toks.blocked[x] or toks.norm[x] in toks.lex.levels
                                    for x in range(*span)):
                    return span  # the name, then the clause goes on: "Syahrani, dijatuhi ..."
                if j + 1 < b and toks.norm[j + 1] not in toks.lex.levels and not toks.blocked[j + 1]:
                    return None  # a clause, not an address part, follows the comma
            j += 1
        return None

    def _described_apposition(self, k: int) -> bool:
        """A description of the title's place opened by one of ``DESCRIPTION_OPENERS`` and
        closed by a comma or the sentence's full stop within a few words ("pembakal sebuah desa
        di Kecamatan X,", "kepala SD negeri di Kalasan,", "guru SD negeri di
        Kalasan."): a level word, a known place or an office after "di"."""
        toks = self.toks
        if k >= toks.n or toks.norm[k] not in DESCRIPTION_OPENERS:
            return False
        placed = False
        for j in range(k + 1, min(toks.n, k + 10)):
            if toks.sent_start[j]:
                return False
            placed = placed or self._placed_at(j, office=True)
            if toks.text[j] == "," or toks.text[j] == "." and (j + 1 >= toks.n or toks.sent_start[j + 1]):
                return placed
        return False

    def _placed_at(self, j: int, office: bool = False) -> bool:
        """A level word ("desa", "Kecamatan"), or a known place after "di" ("di Kalasan");
        with ``office``, also an office after "di" ("di Dinas Sosial")."""
        toks = self.toks
        if toks.norm[j] in toks.lex.levels:
            return True
        if toks.norm[j - 1] != "di" or not is_cap(toks.text[j]):
            return False
        return toks.blocked[j] or _place_level(toks, j, "local", explicit=False) is not None \
            or office and _public_at(toks, j)

    def _after_honorific(self, i: int) -> bool:
        """A name written after an honorific ("H. Syahrani", "Hj Nurlela"): a person's."""
        toks = self.toks
        j = i - 1 if i > 0 and toks.text[i - 1] == "." else i
        return j > 0 and is_degree(toks.text[j - 1], toks.lex, after=False)

    def _apposition_closes(self, k: int) -> bool:
        """A comma or the sentence's full stop at ``k``, or after at most three capitalised words
        or numbers that end the organisation's name ("Sahrul, guru SD Negeri 4 Andoolo, yang
        ...", "... kepada Suyatno, staf Kantor Kecamatan Jatisrono.")."""
        toks, j = self.toks, k
        while j < toks.n and j - k < 3 and (is_cap(toks.text[j]) or toks.text[j].isdigit()):
            j += 1
        return j < toks.n and toks.text[j] in (",", ".")

    def _after_role(self, i: int) -> bool:
        """Does the name starting at token i follow an office role read before it (ranks,
        honorifics and a comma between)?"""
        toks, k = self.toks, i
        while k > 0 and not toks.sent_start[k] \
                and (is_degree(toks.text[k - 1], toks.lex, after=False) or toks.text[k - 1] == "."):
            k -= 1  # ranks and their dots, never the full stop of the sentence before
        if k > 0 and toks.text[k - 1] in (",", ":"):
            k -= 1
        return k in self.role_ends

    def _clause_ends(self, k: int) -> bool:
        toks = self.toks
        if k >= toks.n or toks.text[k] in (",", ".", ")", ";", "\n") or toks.space[k]:
            return True
        return toks.text[k].islower() and toks.text[k] not in ("dan", "serta", "atau", "maupun")

    def _appositive_start(self, s: int) -> int | None:
        toks = self.toks
        for back in (4, 3, 2, 1):
            if s - back >= 0:
                m = match(toks.lex.appositive, toks, s - back)
                if m is not None and m[0] == s:
                    return s - back
        return None

    def _role_in_paren(self, k: int) -> bool:
        role = find_role(self.toks, k + 1)
        return role is not None and self._office(role)

    def _add(self, role: Role, start: int, end: int, ev_end: int) -> None:
        toks = self.toks
        self._adds += 1
        for j in range(start, end):
            self.assigned[j] = True
        name = self.text[toks.idx[start]:toks.end_char(adat_title_start(toks, start, end) - 1)]
        key = _key(name)
        lo, hi = min(role.start, start), max(role.end, ev_end)
        evidence = self._evidence(lo, hi)
        person = self._find(key)
        text, org = role_text(toks, role), role_org(toks, role, self._place_level)
        if self._stacked is not None:
            text = f"{role_text(toks, self._stacked)} {text}"
            org = org or role_org(toks, self._stacked, self._place_level)
        if person is None:
            self.persons.append({
                "name": name, "role": text,
                "org": org,
                "region_code": self._region_code(role), "evidence": [evidence], "_key": key,
                "_generic": role.title.text in GENERIC_POSTS,
            })
            return
        person["evidence"].append(evidence)
        generic = role.title.text in GENERIC_POSTS
        if person["org"] is None and org or person["_generic"] and not generic:
            # a post in place of none, or of a bare "pejabat/pegawai X" ("Kepala Bidang ...")
            person.update(role=text, org=org, region_code=self._region_code(role), _generic=generic)
        if len(key) > len(person["_key"]):
            person["name"], person["_key"] = name, key

    def _find(self, key: tuple) -> dict | None:
        for p in self.persons:
            if _sub(key, p["_key"]) or _sub(p["_key"], key):
                return p
        return None

    def _evidence(self, lo: int, hi: int) -> dict:
        start, end = self.toks.idx[lo], self.toks.end_char(hi - 1)
        a, b = self.toks.sentence(lo)
        sent = self.text[self.toks.idx[a]:self.toks.end_char(b - 1)]
        return {"text": self.text[start:end], "start": start, "end": end, "sentence": sent.strip()}

    # -- regions -------------------------------------------------------------------------
    def _place_level(self, start: int, end: int) -> str | None:
        region = self.region_tok.get(start)
        if region is not None:
            return region.get("level")
        levels = self.comp.lex.region_levels.get(" ".join(self.toks.text[start:end]).lower())
        return next(iter(levels)) if levels and len(levels) == 1 else None

    def _region_code(self, role: Role) -> str | None:
        codes = {self.region_tok[k].get("code") for k in range(role.title_end, role.end)
                 if k in self.region_tok}
        codes.discard(None)
        return max(codes, key=len) if codes else None

    # -- later mentions ------------------------------------------------------------------
    def _resolve(self) -> None:
        toks = self.toks
        covered = [False] * toks.n
        for p in self.persons:
            for ev in p["evidence"]:
                span = self.doc.char_span(ev["start"], ev["end"], alignment_mode="expand")
                for k in range(span.start, span.end):
                    covered[k] = True
        for p in self.persons:
            if len(p["_key"]) == 1:
                self._complete_mononym(p, covered)
        full, single = {}, {}
        for p in self.persons:
            words = p["name"].split()
            full.setdefault(tuple(words), p)
            for w in {words[0], words[-1]}:
                if len(w) >= 3 and w not in toks.lex.particles and is_cap(w):
                    single[w] = p if w not in single or single[w] is p else None
        first = {words[0] for words in full} | set(single)
        after = 0  # the end of the last mention found
        for k in compress(range(toks.n), map(first.__contains__, toks.text)):
            if k < after or covered[k]:
                continue
            hit = None
            for words, p in full.items():
                if len(words) > 1 and tuple(toks.text[k:k + len(words)]) == words:
                    hit = (p, k + len(words))
                    break
            if hit is None and single.get(toks.text[k]) is not None \
                    and not (k + 1 < toks.n and is_cap(toks.text[k + 1])):
                hit = (single[toks.text[k]], k + 1)
            if hit is not None:
                hit[0]["evidence"].append(self._evidence(k, hit[1]))
                after = hit[1]


    def _complete_mononym(self, person: dict, covered: list) -> None:
        """"Budi Santoso hadir ... Budi, Kepala Dinas X": the one full name that starts with a
        one-word official's name elsewhere in the text is that official's name."""
        toks, word, runs = self.toks, self.toks.text, set()
        for k in range(toks.n - 1):
            if word[k] == person["name"] and not covered[k] and is_cap(word[k + 1]):
                span = name_right(toks, k, self.comp.max_name_tokens)
                if span is not None and span[0] == k and span[1] - k >= 2:
                    runs.add(self.text[toks.idx[k]:toks.end_char(span[1] - 1)])
        if len(runs) == 1:
            name = runs.pop()
            if all(_key(name) != p["_key"] for p in self.persons):
                person["name"], person["_key"] = name, _key(name)


# "pejabat Dinas X", "pegawai Pemkab Y": a civil servant without a named post
GENERIC_POSTS = word_set("generic_posts")


def _key(name: str) -> tuple:
    return tuple(w.lower().replace(".", "") for w in name.split())


def _sub(a: tuple, b: tuple) -> bool:
    """Is name a a contiguous part of name b ("budi" of "budi santoso")?"""
    n = len(a)
    return any(b[i:i + n] == a for i in range(len(b) - n + 1))


def _excluded(key: tuple, excluded: set) -> bool:
    return any(_sub(key, e) for e in excluded)


def _inside(pos: int, spans: list) -> bool:
    return any(a <= pos < b for a, b in spans)


@Language.factory("pantau_officials", assigns=["doc._.officials"],
                  requires=["doc.user_data", "doc._.regions"], default_config=DEFAULT_CONFIG)
def make_officials(nlp: Language, name: str, data_dir: str | None, use_gazetteer: bool,
                   max_name_tokens: int, resolve_mentions: bool, skip_title_case: bool):
    return OfficialsComponent(nlp, name, data_dir, use_gazetteer, max_name_tokens,
                              resolve_mentions, skip_title_case)
