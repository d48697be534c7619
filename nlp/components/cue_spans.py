"""``pantau_cues``: every cue phrase of the cue files, as span groups on the doc.

One component reads the cue lexicons of ``nlp/data`` (the ``group`` lines of
``violation_cues.toml`` and ``incident_cues.toml``, the term lists of
``doctype_cues.toml``), builds their word tries once at construction (``nlp.components.cues``)
and matches them over each doc in one shared word view. It writes, for each cue file, a span
group labelled by cue group:

    doc.spans["violation_cues"]  doc.spans["incident_cues"]  doc.spans["doctype_cues"]

A cue is a run of ``\\w+`` words (``nlp.components.cues``): mostly whole tokens, but a
reduplication token ("dukung-mendukung") holds two words, so a span may be wider than the
words matched. The exact word range of every span is kept, in span order, in the group's
``attrs`` (``word_starts``, ``word_ends``: first word and end word, and ``labels``, the
spans' labels as strings); ``cue_hits(doc, name)`` reads a group back as
``{group: [Hit, ...]}`` in match order, which is what the violation, incident and doc-type
components use. The word view itself is ``doc.user_data["cue_words"]`` (``cue_words(doc)``);
the doc-type cues found in the title (``doc.user_data["title"]``, matched on its own) are
``doc.user_data["title_cues"]``: (Words or None, {group: [Hit]}).
"""

from __future__ import annotations

import json
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import deque
from itertools import groupby, repeat
from operator import itemgetter
from pathlib import Path

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import ensure_path

from nlp.components.cues import CueMatchers, Hit, Words, hits_of
from nlp.evidence import doc_text, ignored_spans, sentence_bounds
from pantau.terms import resolve

DATA = Path(__file__).resolve().parent.parent / "data"
# span group name -> default cue file
FILES = {"violation_cues": "violation_cues.toml", "incident_cues": "incident_cues.toml",
         "doctype_cues": "doctype_cues.toml"}
DOCTYPE_CUE_KEY = "CUE{}"  # the group of the i-th [[cue]] table of doctype_cues.toml


def parse_cues(text: str, origin: str = "cue file") -> list[dict]:
    """The entries of a cue file: its ``[[cue]]`` tables, in order."""
    try:
        entries = tomllib.loads(text).get("cue", [])
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{origin}: {e}") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"{origin}: expected [[cue]] tables")
    return entries


def read_cues(path: Path) -> list[dict]:
    return parse_cues(Path(path).read_text(encoding="utf-8"), str(path))


def dump_cues(entries: list[dict], header: str = "") -> str:
    """A cue file of ``entries``: one ``[[cue]]`` table each, one list item per line."""
    out = [header]
    for entry in entries:
        out.append("\n[[cue]]\n" + "".join(f"{_key(k)} = {_value(v)}\n" for k, v in entry.items()))
    return "".join(out)


def _key(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else json.dumps(k)


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, str)):
        return json.dumps(v, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + "".join(f"\n    {_value(x)}," for x in v) + ("\n]" if v else "]")
    raise TypeError(f"a cue file cannot hold {type(v).__name__}")


def cue_groups(lines: list[dict]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The cue groups of a cue file's entries and the groups that suppress each."""
    groups = {ln["group"]: resolve(ln["terms"]) for ln in lines if "group" in ln}
    suppress = {ln["group"]: ln["suppressed_by"] for ln in lines
                if "group" in ln and ln.get("suppressed_by")}
    return groups, suppress


def doctype_groups(cfg: dict) -> dict[str, list[str]]:
    """The cue groups of ``doctype_cues.toml``: one per [[cue]] table, plus the topic,
    figure and rule word lists."""
    groups = {DOCTYPE_CUE_KEY.format(i): resolve(cue["terms"]) for i, cue in enumerate(cfg.get("cue", []))}
    groups["NUMNOUN"] = cfg["numbers"]["nouns"]
    groups["LEAD_NOT"] = cfg["lead_acts"]["not_with"]
    groups["CORE"] = resolve(cfg["topic"]["core"])
    groups["ELECTION"] = cfg["topic"]["election"]
    groups["NEUTRAL"] = cfg["topic"]["neutrality"]
    groups["RULE"] = cfg["rules"]["terms"]
    return groups


def cue_words(doc: Doc) -> Words:
    """The shared word view of ``doc`` left by ``pantau_cues``."""
    words = doc.user_data.get("cue_words")
    if words is None:
        raise ValueError("no cue words on this doc: add 'pantau_cues' to the pipeline before "
                         "the violation, incident and doc-type components")
    return words


def cue_hits(doc: Doc, name: str) -> dict[str, list[Hit]]:
    """The span group ``name`` as {cue group: [Hit, ...]}, in match order."""
    attrs = doc.spans[name].attrs
    out: dict[str, list[Hit]] = {}
    # the attrs hold each label's matches in one run: a run becomes a list without Python
    # code per match
    for label, run in groupby(hits_of(zip(attrs["labels"], attrs["word_starts"], attrs["word_ends"])),
                              itemgetter(0)):
        hits = out.get(label)
        if hits is None:
            out[label] = list(run)
        else:
            hits.extend(run)
    return out


class CueSpans:
    """Matches the cue files over each doc and stores the matches as span groups."""

    def __init__(self, nlp: Language, name: str = "pantau_cues", violation_cues: str | None = None,
                 incident_cues: str | None = None, doctype_cues: str | None = None):
        self.name = name
        self.vocab = nlp.vocab
        self.paths = {"violation_cues": violation_cues, "incident_cues": incident_cues,
                      "doctype_cues": doctype_cues}
        self._load({key: Path(path or DATA / FILES[key]).read_text("utf-8")
                    for key, path in self.paths.items()})

    def _load(self, sources: dict[str, str]) -> None:
        self.sources = sources
        lexicons = {
            "violation_cues": cue_groups(parse_cues(sources["violation_cues"], "violation_cues")),
            "incident_cues": cue_groups(parse_cues(sources["incident_cues"], "incident_cues")),
            "doctype_cues": (doctype_groups(tomllib.loads(sources["doctype_cues"])), None),
        }
        # the three files in one trie, walked once per doc (``CueMatchers``)
        self.names = list(lexicons)
        self.matcher = CueMatchers(list(lexicons.values()), cache_name="cue-tries")
        self.doctype = self.names.index("doctype_cues")
        self.labels = {name: {g: self.vocab.strings.add(g) for g in groups}
                       for name, (groups, _) in lexicons.items()}

    def initialize(self, get_examples=None, *, nlp=None, violation_cues: str | None = None,
                   incident_cues: str | None = None, doctype_cues: str | None = None) -> None:
        given = {"violation_cues": violation_cues, "incident_cues": incident_cues,
                 "doctype_cues": doctype_cues}
        if any(given.values()):
            self._load({key: Path(path).read_text("utf-8") if path else self.sources[key]
                        for key, path in given.items()})

    def __call__(self, doc: Doc) -> Doc:
        bounds = sentence_bounds(doc)
        # a doc no splitter has seen reads as one sentence: split it by the cue words' own rule
        split = len(bounds) > 1 or doc.user_data.get("sentence_bounds") is not None
        words = Words.from_text(doc_text(doc), bounds if split else None, ignored_spans(doc))
        doc.user_data["cue_words"] = words
        for name, group in zip(self.names, self._groups(doc, words, self.matcher.match_ranges(words))):
            doc.spans[name] = group
        title = doc.user_data.get("title") or ""
        title_words = Words.from_text(title, [(0, len(title))]) if title.strip() else None
        title_hits = {}
        if title_words:
            found = self.matcher.match_ranges(title_words)[self.doctype]
            title_hits = {group: hits_of(zip(repeat(group, len(ranges)), *zip(*ranges)))
                          for group, ranges in found.items()}
        doc.user_data["title_cues"] = (title_words, title_hits)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def _groups(self, doc: Doc, words: Words,
                found: list[dict[str, list[tuple[int, int]]]]) -> list[SpanGroup]:
        """The span group of each cue file's matches, a label's matches in one run.

        A span is the tokens around its words: from the token holding the first word's start
        to the first token starting at or after the last word's end (``bisect`` over the
        tokens' start offsets). An article has some 600 matches in 80 groups, so the token
        bounds and the spans of all of them are made at once by ``map`` (C code, no Python
        per match or per group)."""
        firsts: list[int] = []  # first word, end word, label and label id of every match
        lasts: list[int] = []
        names: list[str] = []
        label_ids: list[int] = []
        sizes = []
        for name, ranges_by_group in zip(self.names, found):
            labels, before = self.labels[name], len(firsts)
            for cue_group, ranges in ranges_by_group.items():
                if not ranges:  # every match suppressed
                    continue
                a, b = zip(*ranges)
                firsts += a
                lasts += b
                names += repeat(cue_group, len(ranges))
                label_ids += repeat(labels[cue_group], len(ranges))
            sizes.append(len(firsts) - before)
        tok_starts = _token_starts(doc)
        # bisect_right(tok_starts, x) - 1 == bisect_right(tok_starts[1:], x): the first
        # token starts at 0, at or before every word
        first_tokens = list(map(bisect_right, repeat(tok_starts[1:]),
                                map(words.starts.__getitem__, firsts)))
        ends_before = [0, *words.ends]  # [b]: the end of word b - 1, a match's last word
        end_tokens = list(map(bisect_left, repeat(tok_starts), map(ends_before.__getitem__, lasts)))
        groups, at = [], 0
        for name, size in zip(self.names, sizes):
            end = at + size
            # flat lists of ints and strings: cheap for the garbage collector to keep (a
            # batch holds hundreds of matches per doc), and serialisable with the doc
            group = SpanGroup(doc, name=name, attrs={
                "word_starts": firsts[at:end], "word_ends": lasts[at:end], "labels": names[at:end]})
            # each span is copied into the group as it is made, then freed: hundreds of
            # live Span objects would set off the garbage collector for nothing
            _consume(map(group.append, map(Span, repeat(doc), first_tokens[at:end],
                                           end_tokens[at:end], label_ids[at:end])))
            groups.append(group)
            at = end
        return groups

    # serialisation: the cue files travel with the pipeline
    def to_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for key, source in self.sources.items():
            (path / FILES[key]).write_text(source, encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        self._load({key: (path / FILES[key]).read_text("utf-8") for key in FILES})
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps(self.sources, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self._load(json.loads(data.decode("utf-8")))
        return self


def _consume(iterator) -> None:
    deque(iterator, maxlen=0)


def _token_starts(doc: Doc) -> list[int]:
    columns = doc.user_data.get("token_columns")  # left by pantau_sentences
    if columns is not None and len(columns[3]) == len(doc):
        return columns[3]
    return doc.to_array(IDX).tolist() if len(doc) else []


@Language.factory(
    "pantau_cues",
    assigns=["doc.spans", "doc.user_data"],
    requires=["token.is_sent_start"],
    default_config={"violation_cues": None, "incident_cues": None, "doctype_cues": None})
def make_cues(nlp: Language, name: str, violation_cues: str | None, incident_cues: str | None,
              doctype_cues: str | None) -> CueSpans:
    return CueSpans(nlp, name, violation_cues, incident_cues, doctype_cues)
