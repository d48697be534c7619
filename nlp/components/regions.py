"""``pantau_regions``: find the administrative regions an article names and resolve them to
Kemendagri codes. Writes ``doc._.regions``: one dict per region (level, name, code, parents
from the province down, evidence listing every mention).

How a name is judged (prefer no answer to a wrong one):

- A level word decides the level: "Kabupaten/Kab./Pemkab/Bupati Batang" -> kabupaten,
  "Kota/Pemkot/Wali Kota Batam" -> kota, "Provinsi/Prov./Pemprov/Gubernur Jateng" -> provinsi,
  "Kecamatan/Kec./Camat X" -> kecamatan (kecamatan names count only this way).
  A level word that does not fit the name ("kota Batang": the town) is read as a locative.
- Organisations ("Bawaslu Serang", "Polres X", "Dinas Pendidikan Jawa Tengah") and datelines
  ("BATANG -", "TRIBUNJATENG.COM, BATANG -") count without a level word.
- A bare name counts after a locative word ("di Batam", "kelahiran Maluku"), in a list after a
  name that counted ("Batam, Kepulauan Riau"; "Tegal 14 kasus, Pemalang 12 kasus"), when it
  has several words ("pemain muda Sumatera Selatan", "Partai Golkar Jawa Barat"), after an
  address part ("Kecamatan Gebog, Kudus"), or when the same region is named elsewhere in
  the article. It never counts when written in capitals outside a dateline, after a person
  word ("Pak", "kata"), after other capitalised words ("Ahmad Bima", "Universitas Negeri
  Semarang", "Bank Jateng": institutions carrying a region's name are not mentions of it),
  when followed by a capitalised word ("Bima Arya"), or when the name is on the stoplist of
  ``nlp/data/region_cues.toml`` ("Batu", "Bima", "Puncak"...).
- A name shared by several regions ("Serang": kabupaten and kota; "Jambi": provinsi and kota)
  is resolved, in order, by an explicit mention elsewhere in the text, the level of the name
  it is listed after, office words without a name ("Bupati" vs "Wali Kota"), the source's
  ``doc.user_data["default_region"]``, explicit mentions and office words in
  ``doc.user_data["title"]``; if still undecided it is skipped (config ``undecided``).
- Parents are not added unless named.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

import nlp.extensions  # noqa: F401  (registers doc._.regions)
from nlp.cache import cached, code_fingerprint
from nlp.components._region_scan import (
    BARE, BLOCK, DATELINE, DEFAULT_CUES, LEVEL, LIST, LOCATIVE, ORG, PERSON, Cues, Mention,
    RegionScanner)
from nlp.evidence import doc_text
from pantau.errors import InvalidInput
from pantau.regions import LEVELS, RegionTable, normalize_code

UNDECIDED = ("skip", "provinsi", "kabupaten", "kota")
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
CUES_FILE = "region_cues.toml"
LIST_ALONE = 3  # bare names listed together that make a list of regions without any cue


@lru_cache(maxsize=4)
def _scanner(cues_bytes: bytes) -> RegionScanner:
    """The scanner for these cues over the region table, kept in ``nlp.cache`` (keyed by the
    cues and by the code and data it is built from)."""
    return cached("region-scanner", [code_fingerprint(), cues_bytes], lambda: _build_scanner(cues_bytes))


def _build_scanner(cues_bytes: bytes) -> RegionScanner:
    import tomllib

    table = RegionTable.load()  # the same data as ``get_region_table()``, not shared with it
    scanner = RegionScanner(table, Cues.from_dict(tomllib.loads(cues_bytes.decode("utf-8"))))
    memo = getattr(table, "_cache", None)
    if isinstance(memo, dict):
        memo.clear()  # Region models made while building: remade on demand, kept out of the cache
    return scanner


class RegionResolver:
    """The component. Settings come from the config; data is loaded at initialisation."""

    def __init__(self, name: str = "pantau_regions", *, cues_path: str = "",
                 levels: list[str] | tuple[str, ...] = LEVELS[:4], use_title: bool = True,
                 use_default_region: bool = True, undecided: str = "skip") -> None:
        if undecided not in UNDECIDED:
            raise InvalidInput(f"undecided must be one of {', '.join(UNDECIDED)}, not {undecided!r}")
        unknown = set(levels) - set(LEVELS)
        if unknown:
            raise InvalidInput(f"unknown region levels {sorted(unknown)}; use {', '.join(LEVELS)}")
        self.name = name
        self.cues_path = cues_path
        self.levels = set(levels)
        self.use_title, self.use_default_region, self.undecided = use_title, use_default_region, undecided
        self._load(Path(cues_path or DEFAULT_CUES).read_bytes())

    def _load(self, cues_bytes: bytes) -> None:
        self._cues_bytes = cues_bytes
        self.scanner = _scanner(cues_bytes)
        self.table: RegionTable = self.scanner.table

    # -- serialisation: a saved pipeline carries its cue file ------------------------------

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / CUES_FILE).write_bytes(self._cues_bytes)

    def from_disk(self, path, *, exclude=tuple()) -> RegionResolver:
        self._load((Path(path) / CUES_FILE).read_bytes())
        return self

    # -- the work ----------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc._.regions = self.find(text, doc.user_data.get("title"),
                                  doc.user_data.get("default_region"), _sentence_bounds(doc, len(text)))
        return doc

    def find(self, text: str, title: str | None = None, default_region: str | None = None,
             sentences: list[tuple[int, int]] | None = None) -> list[dict]:
        """The regions of ``text`` as RegionMention dicts (also usable without spaCy)."""
        mentions = self.scanner.scan(text)
        kec = self.scanner.kecamatan(text) if "kecamatan" in self.levels else []
        if kec:  # "Camat Kota Padang": the kecamatan named "Kota Padang", not the kota inside it
            inside = [(k.name_start, k.end) for k in kec if k.key.startswith("kota")]
            mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in inside)]
        if not mentions and not kec:
            return []
        if sentences is None:
            sentences = _regex_sentences(text)
        ctx = _Context(self, text, mentions, title, default_region, sentences)
        chosen = ctx.resolve(mentions)
        chosen += ctx.resolve_kecamatan(kec, {m.code for m in chosen})
        chosen = [m for m in chosen if self.table.level(m.code) in self.levels]
        return self._output(text, chosen, sentences)

    def _output(self, text: str, mentions: list[Mention], sentences) -> list[dict]:
        starts = [s for s, _ in sentences]
        by_code: dict[str, dict] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            entry = by_code.get(m.code)
            if entry is None:  # table rows, not ``table.get``: no pydantic model per region
                code = m.code
                entry = by_code[code] = {"level": self.table.level(code), "name": self.table.name(code),
                                         "code": code, "parents": self.table.parents(code), "evidence": []}
            i = bisect.bisect_right(starts, m.start) - 1
            s, e = sentences[i] if i >= 0 else (m.start, m.end)
            entry["evidence"].append({"text": text[m.start:m.end], "start": m.start, "end": m.end,
                                      "sentence": text[s:max(e, m.end)].strip()})
        return list(by_code.values())


class _Context:
    """What the whole article says, for resolving the mentions of one document."""

    def __init__(self, comp: RegionResolver, text: str, mentions: list[Mention],
                 title: str | None, default_region: str | None,
                 sentences: list[tuple[int, int]]) -> None:
        self.comp, self.table, self.scanner = comp, comp.table, comp.scanner
        self.sentence_starts = [start for start, _ in sentences]
        for m in mentions:
            self._narrow(m)
        self.explicit = {m.candidates[0] for m in mentions if m.kind == LEVEL and len(m.candidates) == 1}
        used = {m.cue_start for m in mentions if m.cue_start is not None}
        self.free = self.scanner.free_levels(text, used)
        self.default = None
        if comp.use_default_region and default_region:
            try:
                code = normalize_code(default_region)
            except InvalidInput:
                code = ""
            while code and code not in self.table:  # a desa code: use its kecamatan
                code = code.rpartition(".")[0]
            self.default = code or None
        self.title_explicit: set[str] = set()
        self.title_free: dict[str, int] = {}
        if comp.use_title and title:
            tm = self.scanner.scan(title, datelines=False)
            for m in tm:
                self._narrow(m)
            self.title_explicit = {m.candidates[0] for m in tm
                                   if m.kind in (LEVEL, ORG) and len(m.candidates) == 1}
            self.title_free = self.scanner.free_levels(title, {m.cue_start for m in tm if m.cue_start is not None})

    def _narrow(self, m: Mention) -> None:
        """Apply a level word or an organisation's levels to the candidates."""
        if m.kind == LEVEL:
            fit = [c for c in m.candidates if self.table.level(c) == m.level]
            if fit:
                m.candidates = fit
            else:  # "kota Batang" (the town), "Bupati Jateng": read as a locative
                m.kind, m.level, m.start = LOCATIVE, None, m.name_start
        elif m.kind == ORG and m.org_levels:
            m.candidates = [c for c in m.candidates if self.table.level(c) in m.org_levels]

    def resolve(self, mentions: list[Mention]) -> list[Mention]:
        accepted = []
        for m in mentions:
            ok = bool(m.candidates) and (self._context_counts(m, mentions, accepted)
                                         or self._stop_name_in_named_province(m, mentions))
            accepted.append(ok)
            if ok:
                m.code = self._choose(m, mentions)
        self._lists(mentions)
        seen = {m.code for m in mentions if m.code}
        for m in mentions:  # a bare name counts when the same region is named elsewhere
            if m.kind == BARE and m.code is None and not (m.shouted or m.stop or m.person_after):
                hits = [c for c in m.candidates if c in seen]
                if len(hits) == 1:
                    m.code = hits[0]
        return [m for m in mentions if m.code]

    @staticmethod
    def _context_counts(m: Mention, mentions: list[Mention], accepted: list[bool]) -> bool:
        """Does the context make this name a region mention (before choosing among candidates)?"""
        if m.kind == ORG and m.weak and (m.person_after or m.stop):
            return False
        if m.kind in (LEVEL, ORG, DATELINE):
            return True
        if m.shouted or m.stop or m.person_after or m.kind in (PERSON, BLOCK):
            return False
        if m.kind == LOCATIVE or m.multiword or m.tally:  # "muda Sumatera Selatan", "Tabalong: 8 kasus"
            return True
        if m.kind != LIST:
            return False
        anchor = mentions[m.list_anchor]  # "wilayah Bima dan Dompu": a locative list, Bima a stop name
        return accepted[m.list_anchor] or anchor.kind == LOCATIVE and anchor.stop and not anchor.person_after

    def _sentence_provinces(self, m: Mention, mentions: list[Mention]) -> set[str]:
        """Provinces of the regions already resolved in the sentence of ``m``."""
        here = bisect.bisect_right(self.sentence_starts, m.start)
        return {x.code.split(".")[0] for x in mentions if x.code and x is not m
                and bisect.bisect_right(self.sentence_starts, x.start) == here}

    def _in_sentence_provinces(self, m: Mention, mentions: list[Mention]) -> list[str]:
        provinces = self._sentence_provinces(m, mentions)
        return [c for c in m.candidates if c.split(".")[0] in provinces] if provinces else []

    def _stop_name_in_named_province(self, m: Mention, mentions: list[Mention]) -> bool:
        """"Di Kalimantan Selatan, ... berasal dari Banjar": a stoplist name after a locative
        counts when the sentence names the province of exactly one of its regions."""
        if not (m.stop and m.kind == LOCATIVE) or m.shouted or m.person_after:
            return False
        return len(self._in_sentence_provinces(m, mentions)) == 1

    def _lists(self, mentions: list[Mention]) -> None:
        """Names listed together ("Banjar: 12 kasus, Tabalong: 8", "wilayah Bima dan Dompu"):
        an unresolved item of a list whose other items are regions is a region too, when its
        candidates narrow to one by the province and level of the others; a stoplist name
        only in a tally or a list after a locative."""
        groups: dict[int, list[int]] = {}
        root = list(range(len(mentions)))
        for i, m in enumerate(mentions):
            if m.list_anchor is not None and m.kind in (LIST, LEVEL):  # "Sekadau and Melawi regencies"
                root[i] = root[m.list_anchor]
            groups.setdefault(root[i], []).append(i)
        for members in groups.values():
            done = [mentions[i] for i in members if mentions[i].code]
            if not done and len(members) >= LIST_ALONE:
                self._bare_list(mentions, members)
                continue
            if len(members) < 2 or not done:
                continue
            head = mentions[members[0]]
            for i in members:
                m = mentions[i]
                if m.code or not m.candidates or m.shouted or m.person_after \
                        or m.kind not in (BARE, LIST, LOCATIVE):
                    continue
                if m.stop and not (m.tally or head.kind in (LOCATIVE, LEVEL, ORG)):
                    continue
                m.code = self._like(m.candidates, done)

    def _bare_list(self, mentions: list[Mention], members: list[int]) -> None:
        """"Kudus, Jepara and Pati counted no reports": a list of bare names, none with a
        cue, is a list of regions when every name is a kabupaten or kota of one province."""
        items = [mentions[i] for i in members]
        if any(m.stop or m.shouted or m.person_after or m.kind not in (BARE, LIST) for m in items):
            return
        local = [[c for c in m.candidates if self.table.level(c) in ("kabupaten", "kota")] for m in items]
        shared = set.intersection(*({c.split(".")[0] for c in cands} for cands in local))
        if len(shared) != 1:
            return
        province = shared.pop()
        picks = [[c for c in cands if c.split(".")[0] == province] for cands in local]
        if all(len(p) == 1 for p in picks):
            for m, p in zip(items, picks):
                m.code = p[0]

    def _like(self, cands: list[str], done: list[Mention]) -> str | None:
        """The one candidate in the province of the resolved names, else of their level."""
        provinces = {d.code.split(".")[0] for d in done}
        levels = {self.table.level(d.code) for d in done}
        for keep in (lambda c: c.split(".")[0] in provinces and self.table.level(c) in levels,
                     lambda c: c.split(".")[0] in provinces,
                     lambda c: self.table.level(c) in levels):
            hits = [c for c in cands if keep(c)]
            if len(hits) == 1:
                return hits[0]
        return None

    def _choose(self, m: Mention, mentions: list[Mention]) -> str | None:
        cands = m.candidates
        if len(cands) == 1:
            return cands[0]
        level_of = self.table.level
        steps = [
            lambda: [c for c in cands if c in self.explicit],
            lambda: self._in_sentence_provinces(m, mentions),
            lambda: self._list_parent(m, mentions),
            lambda: self._list_level(m, mentions),
            lambda: self._by_level_cues(cands, self.free),
            lambda: [c for c in cands if self.default and (
                self.table.is_within(c, self.default) or self.table.is_within(self.default, c))],
            lambda: [c for c in cands if c in self.title_explicit],
            lambda: self._by_level_cues(cands, self.title_free),
            lambda: [c for c in cands if level_of(c) == self.comp.undecided],
        ]
        for step in steps:
            hits = step()
            if len(hits) == 1:
                return hits[0]
        return None

    def _list_parent(self, m: Mention, mentions: list[Mention]) -> list[str]:
        """"Bengkulu Selatan (Bengkulu)", "Kolaka, Sultra": the province of the name before."""
        anchor = mentions[m.list_anchor] if m.kind == LIST else None
        if anchor is None or not anchor.code:
            return []
        return [c for c in m.candidates if self.table.level(c) == "provinsi"
                and self.table.is_within(anchor.code, c)]

    def _list_level(self, m: Mention, mentions: list[Mention]) -> list[str]:
        anchor = mentions[m.list_anchor] if m.kind == LIST else None
        if anchor is None or not anchor.code:
            return []
        level = self.table.level(anchor.code)
        return [c for c in m.candidates if self.table.level(c) == level]

    def _by_level_cues(self, cands: list[str], counts: dict[str, int]) -> list[str]:
        levels = {self.table.level(c) for c in cands}
        cued = [lv for lv in levels if counts.get(lv)]
        return [c for c in cands if self.table.level(c) == cued[0]] if len(cued) == 1 else []

    def resolve_kecamatan(self, mentions: list[Mention], resolved: set[str]) -> list[Mention]:
        out = []
        for m in mentions:
            cands = m.candidates
            for scope in (None, resolved, {self.default} if self.default else set()):
                hits = cands if scope is None else [
                    c for c in cands if any(self.table.is_within(c, s) for s in scope)]
                if len(hits) == 1:
                    m.code = hits[0]
                    out.append(m)
                    break
        return out


def _sentence_bounds(doc: Doc, length: int) -> list[tuple[int, int]] | None:
    """Character bounds of the doc's sentences, or None when no component set them (or the
    doc has one token). Those ``pantau_sentences`` left in ``doc.user_data``, else read from
    the token arrays (``doc.has_annotation``/``doc.sents`` cost more than the search)."""
    if len(doc) < 2:
        return None
    bounds = doc.user_data.get("sentence_bounds")
    if bounds is not None:
        return bounds
    arr = doc.to_array([SENT_START, IDX])
    flags = arr[:, 0]
    if not flags[1:].any():  # unset (0) after the first token: no sentence annotation
        return None
    starts = [int(i) for i in arr[flags == 1, 1]]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    ends = starts[1:] + [length]
    return list(zip(starts, ends))


def _regex_sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENT_SPLIT.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


@Language.factory(
    "pantau_regions",
    assigns=["doc._.regions"],
    requires=["doc.user_data"],
    default_config={
        "cues_path": "",
        "levels": ["provinsi", "kabupaten", "kota", "kecamatan"],
        "use_title": True,
        "use_default_region": True,
        "undecided": "skip",
    },
)
def make_region_resolver(nlp: Language, name: str, cues_path: str, levels: list[str],
                         use_title: bool, use_default_region: bool, undecided: str) -> RegionResolver:
    return RegionResolver(name, cues_path=cues_path, levels=levels, use_title=use_title,
                          use_default_region=use_default_region, undecided=undecided)
