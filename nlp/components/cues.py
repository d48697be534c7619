"""Word-level cue matching: the library of ``pantau_cues`` (``nlp.components.cue_spans``),
whose matches the violation, incident and doctype components read.

Cue lexicons are lists of terms written in lowercase, one or more words each. A term may use
brace alternation to spell Indonesian affix variants compactly and diffably:
``"{meng,di,}unggah{,kan}"`` stands for unggah, mengunggah, diunggah, unggahkan, ...
Several brace groups multiply out. Words are ``\\w+`` runs of the lowercased text, so
hyphenated forms ("di-like", "capres-cawapres") match as their parts, independent of the
spaCy tokenizer. A word ending in the clitics -nya/-lah/-pun that is not itself a term start
is also tried without the clitic ("unggahannya" -> "unggahan").

The matcher walks the words once through a word trie (nested dicts): no per-pattern regex
scans, so thousands of terms cost the same as a handful.

Words inside ``nlp.evidence.ignored_spans`` (related-article link lines such as "Baca Juga:
...") start no cue.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from dataclasses import dataclass, field
from functools import partial
from itertools import compress, repeat
from typing import NamedTuple

from nlp.cache import cached, code_fingerprint

WORD_RE = re.compile(r"\w+")
SPLIT_RE = re.compile(r"(\w+)")
BRACE_RE = re.compile(r"\{([^{}]*)\}")
CLITICS = frozenset(("nya", "lah", "pun"))  # all three letters long
SENT_RE = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)")


def expand(term: str) -> list[str]:
    """Brace alternation: ``"{meng,di,}unggah{,kan}"`` -> every combination."""
    parts = BRACE_RE.split(term)
    # split() alternates literal, group, literal, group, ...
    choices = [[p] if i % 2 == 0 else p.split(",") for i, p in enumerate(parts)]
    return ["".join(c) for c in itertools.product(*choices)]


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Hit(NamedTuple):
    """One match: a tuple, so a list of them is made in C (``hits_of``), not by calling a
    Python ``__init__`` for each of the hundreds of matches of an article."""

    group: str
    start: int  # first word index
    end: int  # one past the last word index


_new_hit = partial(tuple.__new__, Hit)  # Hit from a (group, start, end) tuple, without Python code


def hits_of(triples) -> list[Hit]:
    """``[Hit(*t) for t in triples]`` without a Python call per hit."""
    return list(map(_new_hit, triples))


@dataclass
class Words:
    """The words of a text with char offsets and the sentence each word belongs to."""

    text: str
    forms: list[str]
    starts: list[int]
    ends: list[int]
    sent_of: list[int]
    sents: list[tuple[int, int]]  # char spans
    sent_first_word: list[int] = field(default_factory=list)
    _sent_starts: list[int] | None = None
    skip: frozenset[int] = frozenset()  # words no cue may start at (``nlp.evidence.ignored_spans``)

    @classmethod
    def from_text(cls, text: str, sents: list[tuple[int, int]] | None = None,
                  ignore: list[tuple[int, int]] | None = None) -> "Words":
        low = lower_same_length(text)
        parts = SPLIT_RE.split(low)  # gap, word, gap, word, ..., gap
        cum = list(itertools.accumulate(map(len, parts), initial=0))
        forms, starts, ends = parts[1::2], cum[1::2], cum[2::2]
        if not sents:
            sents = [(m.start(), m.end()) for m in SENT_RE.finditer(text) if m.end() > m.start()]
            sents = sents or [(0, len(text))]
        # first word of every sentence, then each word's sentence, without a per-word loop
        first = [bisect.bisect_left(starts, a) for a, _ in sents]
        first[0] = 0
        sent_of: list[int] = []
        bounds = first[1:] + [len(forms)]
        for k, (lo, hi) in enumerate(zip(first, bounds)):
            if hi > lo:
                sent_of.extend([k] * (hi - lo))
        words = cls(text, forms, starts, ends, sent_of, sents, first)
        if ignore:
            words.skip = frozenset(i for a, b in ignore
                                   for i in range(bisect.bisect_left(starts, a),
                                                  bisect.bisect_left(starts, b)))
        return words

    @property
    def sent_starts(self) -> list[int]:
        if self._sent_starts is None:
            self._sent_starts = [a for a, _ in self.sents]
        return self._sent_starts

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]

    def sentence_text(self, sent: int) -> str:
        s, e = self.sents[sent]
        return self.text[s:e].strip()

    def evidence(self, start: int, end: int) -> dict:
        cs, ce = self.char_span(start, end)
        return {"text": self.text[cs:ce], "start": cs, "end": ce,
                "sentence": self.sentence_text(self.sent_of[start])}


def build_trie(groups: dict[str, list[str]]) -> dict[str, tuple[list[str], dict]]:
    """A word trie of every variant of every term: node = (groups of the terms ending
    here, {next word: node})."""
    trie: dict[str, tuple[list[str], dict]] = {}
    seen = set()
    for group, terms in groups.items():
        for term in terms:
            for variant in expand(term):
                toks = tuple(WORD_RE.findall(variant.lower()))
                if not toks or (toks, group) in seen:
                    continue
                seen.add((toks, group))
                level = trie
                for k, tok in enumerate(toks):
                    node = level.get(tok)
                    if node is None:
                        node = level[tok] = ([], {})
                    if k == len(toks) - 1:
                        node[0].append(group)
                    level = node[1]
    return trie


class CueMatcher:
    """Finds every occurrence of every term of every group (overlaps included): one lexicon
    of ``CueMatchers``.

    With ``cache_name`` the trie is kept in ``nlp.cache`` (keyed by the groups and the
    package's code), for lexicons large enough to take milliseconds to expand."""

    def __init__(self, groups: dict[str, list[str]], suppress: dict[str, list[str]] | None = None,
                 cache_name: str | None = None):
        self.groups = set(groups)
        self._one = CueMatchers([(groups, suppress)], cache_name=cache_name)

    def match(self, words: Words) -> dict[str, list[Hit]]:
        return {group: hits_of(zip(repeat(group, len(found)), *zip(*found)))
                for group, found in self.match_ranges(words).items()}

    def match_ranges(self, words: Words) -> dict[str, list[tuple[int, int]]]:
        """Every match as {group: [(first word, end word), ...]}, in text order."""
        return self._one.match_ranges(words)[0]


def _suppress(out: dict[str, list[tuple[int, int]]], suppress: dict[str, list[str]]) -> None:
    """Drop the matches of a group that lie within a match of a group suppressing it."""
    for group, by in suppress.items():
        if group not in out:
            continue
        blockers = [h for b in by for h in out.get(b, ())]
        if blockers:
            out[group] = [h for h in out[group]
                          if not any(a <= h[0] and h[1] <= b for a, b in blockers)]


def build_multi_trie(lexicons: list[dict[str, list[str]]]) -> tuple[dict, dict, dict]:
    """One word trie for several lexicons: node = (the (lexicon index, group) keys of the
    terms ending here, {next word: node}), each lexicon's keys in the order of its own
    ``build_trie``. Also the walk's start nodes by word: ``heads`` (the node of a first
    word, or, for a word ending in a clitic whose stem starts a term and which starts none
    itself, the stem's node) and ``stems`` (a word that starts terms of some lexicons and
    whose stem starts terms of others: (the stem's node, the lexicons to leave out))."""
    trie: dict[str, tuple[list, dict]] = {}
    for k, groups in enumerate(lexicons):
        for group, level in build_trie(groups).items():
            _merge(trie, group, level, k)
    first = {w: frozenset(k for k, _ in _keys(node)) for w, node in trie.items()}
    heads: dict[str, tuple] = dict(trie)
    stems: dict[str, tuple] = {}
    for stem, node in trie.items():
        if len(stem) < 3:
            continue
        for clitic in CLITICS:
            word = stem + clitic
            if word not in trie:
                heads[word] = node
            elif first[stem] - first[word]:
                stems[word] = (node, first[word])
    return trie, heads, stems


def _merge(trie: dict, word: str, node: tuple, k: int) -> None:
    """Add the single-lexicon ``node`` (``build_trie``) under ``word``, its groups as keys."""
    mine = trie.get(word)
    if mine is None:
        mine = trie[word] = ([], {})
    mine[0].extend((k, g) for g in node[0])
    for w, child in node[1].items():
        _merge(mine[1], w, child, k)


def _keys(node):
    """Every key at or below ``node``."""
    yield from node[0]
    for child in node[1].values():
        yield from _keys(child)


class CueMatchers:
    """Several cue lexicons matched in one walk over the words: ``match_ranges(words)``
    gives, for each lexicon, exactly what its own ``CueMatcher`` gives (the same clitic
    rule, suppression and order), for the cost of one.

    With ``cache_name`` the trie is kept in ``nlp.cache``, like ``CueMatcher``'s."""

    def __init__(self, lexicons: list[tuple[dict[str, list[str]], dict[str, list[str]] | None]],
                 cache_name: str | None = None):
        groups = [g for g, _ in lexicons]
        self.groups = [set(g) for g in groups]
        self.suppress = [s or {} for _, s in lexicons]
        if cache_name is None:
            built = build_multi_trie(groups)
        else:
            inputs = [code_fingerprint(), json.dumps(groups, ensure_ascii=False)]
            built = cached(cache_name, inputs, lambda: build_multi_trie(groups))
        self.trie, self.heads, self.stems = built

    def match_ranges(self, words: Words) -> list[dict[str, list[tuple[int, int]]]]:
        """For each lexicon, every match as {group: [(first word, end word), ...]}, in
        text order."""
        forms = words.forms
        n = len(forms)
        heads, stems, skip = self.heads, self.stems, words.skip
        out: dict[tuple[int, str], list[tuple[int, int]]] = {}
        # positions whose word may start a term: found by C code over all the words
        for i in compress(range(n), map(heads.__contains__, forms)):
            if skip and i in skip:
                continue
            w = forms[i]
            node, left_out = heads[w], None
            while node is not None:
                j = i
                while True:
                    ends_here, children = node
                    j += 1
                    for key in ends_here:
                        if left_out is not None and key[0] in left_out:
                            continue
                        found = out.get(key)
                        if found is None:
                            out[key] = [(i, j)]
                        else:
                            found.append((i, j))
                    if not children or j >= n:
                        break
                    node = children.get(forms[j])
                    if node is None:
                        break
                # a word that starts terms itself starts the other lexicons' terms of its stem
                node, left_out = stems.get(w, (None, None)) if left_out is None else (None, None)
        per: list[dict[str, list[tuple[int, int]]]] = [{} for _ in self.groups]
        for (k, group), found in out.items():
            per[k][group] = found
        for k, suppress in enumerate(self.suppress):
            if suppress:
                _suppress(per[k], suppress)
        return per


def near(hits: list[Hit] | None, words: Words, anchor: Hit, before: int, after: int,
         same_sentence: bool = True) -> Hit | None:
    """The hit of ``hits`` closest to ``anchor`` within ``before``/``after`` words of it."""
    if not hits:
        return None
    sent = words.sent_of[anchor.start]
    lo, hi = anchor.start - before, anchor.end + after
    best, best_d = None, None
    for h in hits:
        if h.end <= lo or h.start >= hi:
            continue
        if h.start < anchor.end and anchor.start < h.end:
            continue  # overlapping the anchor: one word cannot be act and context at once
        if same_sentence and words.sent_of[h.start] != sent:
            continue
        d = abs(h.start - anchor.start)
        if best_d is None or d < best_d:
            best, best_d = h, d
    return best
