"""``pantau_violations``: the violation types of the taxonomy a document mentions.

Sentence-level rules over cue lexicons (``nlp/data/violation_cues.toml``): a cue for the act
plus, within a few words in the same sentence, a cue that it concerns a candidate, party or
campaign, and no negative cue. A mention counts whether the act happened, is alleged, or is
warned against ("ASN dilarang menghadiri deklarasi" -> campaign_attendance). Generic phrases
("politik praktis", "tidak netral") name no act and map to nothing; "berpihak/mendukung"
maps to partisan_support only next to a candidate or party.

Decisions documented in the data file's comments, for instance: campaigning at a university
"is permitted" (Constitutional Court ruling) and is not state_resources; a relative who runs
for office is not the civil servant's own candidacy; an instruction NOT to support a
candidate is not mobilisation.

Reads the cue matches of ``pantau_cues`` (``doc.spans["violation_cues"]``); the rules (the
``label`` lines of the cue file) stay here. Writes ``doc._.violations``: [{"type": code, "evidence": [{"text", "start", "end",
"sentence"}]}], one entry per type in order of first mention, evidence one per sentence.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.util import ensure_path

from nlp import extensions  # noqa: F401  (registers doc._.violations)
from nlp.components.cue_spans import DATA, cue_hits, cue_words, dump_cues, cue_groups, read_cues
from nlp.components.cues import Hit, Words, near
from nlp.word_lists import word_list
from pantau.taxonomy import ViolationType

DEFAULT_CUES = DATA / "violation_cues.toml"
SENTENCE = (10_000, 10_000)
FILE_NAME = "violation_cues.toml"


class RuleSet:
    """Groups and rules of a cue file, validated and compiled."""

    def __init__(self, lines: list[dict], labels: set[str]):
        self.lines = lines
        groups, suppress = cue_groups(lines)
        rules = [line for line in lines if "label" in line]
        known = set(groups)
        for rule in rules:
            for label in [rule["label"], *rule.get("also", ())]:
                if label not in labels:
                    raise ValueError(f"unknown label {label!r} in cue rule {rule}")
            used = list(rule["act"]) + [g for part in ("requires", "unless")
                                        for req in rule.get(part, ()) for g in req["any"]]
            missing = [g for g in used if g not in known]
            if missing:
                raise ValueError(f"cue rule {rule} uses undefined groups {missing}")
        for g, by in suppress.items():
            if any(b not in known for b in by):
                raise ValueError(f"group {g} is suppressed by an undefined group {by}")
        # a rule with `also` emits each of its labels ("berorasi dalam kampanye": a campaign
        # role, and attending the campaign)
        for rule in rules:
            if set(rule.get("with_labels", ())) - labels:
                raise ValueError(f"unknown label in with_labels of cue rule {rule}")
        # a rule with `with_labels` holds only in an article whose other rules found one of
        # those acts: its sentence tells where an act told elsewhere took place
        # `quoted`: the act hit must stand inside quotation marks (words someone said)
        self.rules = [(label, r["act"], self._reqs(r.get("requires", ())), self._reqs(r.get("unless", ())),
                       frozenset(r.get("with_labels", ())), bool(r.get("quoted")))
                      for r in rules for label in [r["label"], *r.get("also", ())]]

    @staticmethod
    def _reqs(reqs) -> list[tuple[list[str], tuple[int, int], bool]]:
        return [(list(r["any"]), tuple(r.get("window") or SENTENCE), bool(r.get("clause"))) for r in reqs]

    def fire(self, words: Words, hits: dict[str, list[Hit]]):
        """Yield (label, first word, end word) for every rule that holds: first the rules that
        need nothing else of the article, then those that need one of its acts."""
        found = set()
        for label, start, end in self._fire(words, hits, lambda context: not context):
            found.add(label)
            yield label, start, end
        yield from self._fire(words, hits, lambda context: bool(context & found))

    def _fire(self, words, hits, wanted):
        for label, acts, requires, unless, context, quoted in self.rules:
            if not wanted(context):
                continue
            for group in acts:
                for act in hits.get(group, ()):
                    if quoted and not _in_quotes(words, act):
                        continue
                    span = self._check(words, hits, act, requires, unless)
                    if span is not None:
                        yield label, span[0], span[1]

    @staticmethod
    def _check(words, hits, act, requires, unless):
        start, end = act.start, act.end
        for groups, (before, after), clause in requires:
            found = _near_any(words, hits, act, groups, before, after, clause)
            if found is None:
                return None
            start, end = min(start, found.start), max(end, found.end)
        for groups, (before, after), clause in unless:
            if _near_any(words, hits, act, groups, before, after, clause) is not None:
                return None
        return start, end


def _near_any(words, hits, act, groups, before, after, clause: bool = False) -> Hit | None:
    """The nearest hit of ``groups`` within the window; with ``clause``, not across a comma or
    semicolon ("tidak memasang alat peraga kampanye, tidak memberikan tanda suka ...")."""
    best = None
    for g in groups:
        found = hits.get(g)
        if clause and found:
            found = [h for h in found if not _crosses_clause(words, act, h)]
        h = near(found, words, act, before, after)
        if h is not None and (best is None or abs(h.start - act.start) < abs(best.start - act.start)):
            best = h
    return best


QUOTE_MARKS_RE = re.compile(r'["“”]')


def _in_quotes(words: Words, act: Hit) -> bool:
    """The hit stands after an odd number of quotation marks of its sentence, or before an odd
    number when none comes before it (a quote opened in an earlier sentence and closed here)."""
    lo, hi = words.sents[words.sent_of[act.start]]
    before = len(QUOTE_MARKS_RE.findall(words.text, lo, words.starts[act.start]))
    return before % 2 == 1 or before == 0 and len(QUOTE_MARKS_RE.findall(words.text, words.starts[act.start], hi)) % 2 == 1


CLAUSE_BREAK_RE = re.compile(r"[,;]|\b(?:%s)\b" % "|".join(word_list("clause_breaks")), re.IGNORECASE)


def _crosses_clause(words: Words, a: Hit, b: Hit) -> bool:
    first, second = (a, b) if a.start <= b.start else (b, a)
    if second.start <= first.end:
        return False
    gap = words.text[words.ends[first.end - 1]:words.starts[second.start]]
    return CLAUSE_BREAK_RE.search(gap) is not None


class ViolationFinder:
    """Finds violation-type mentions from cue rules; data loaded once at construction."""

    def __init__(self, name: str = "pantau_violations", cues_path: str | None = None,
                 max_evidence: int = 20):
        self.name = name
        self.cues_path = cues_path
        self.max_evidence = max_evidence
        self.labels = {v.value for v in ViolationType}
        self._load(read_cues(Path(cues_path) if cues_path else DEFAULT_CUES))

    def _load(self, lines: list[dict]) -> None:
        self.rules = RuleSet(lines, self.labels)

    def initialize(self, get_examples=None, *, nlp=None, cues_path: str | None = None) -> None:
        if cues_path:
            self._load(read_cues(Path(cues_path)))

    def __call__(self, doc):
        doc._.violations = self.find(cue_words(doc), cue_hits(doc, "violation_cues"))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def find(self, words: Words, hits: dict[str, list[Hit]]) -> list[dict]:
        found: dict[str, dict] = {}
        seen_sents: dict[str, set[int]] = {}
        # the first sentences of each type, by position (not by the order the rules fire in)
        for label, start, end in sorted(self.rules.fire(words, hits), key=lambda f: f[1]):
            sent = words.sent_of[start]
            entry = found.setdefault(label, {"type": label, "evidence": []})
            sents = seen_sents.setdefault(label, set())
            if sent in sents or len(entry["evidence"]) >= self.max_evidence:
                continue
            sents.add(sent)
            entry["evidence"].append(words.evidence(start, end))
        return sorted(found.values(), key=lambda e: e["evidence"][0]["start"])

    # serialisation: the cue file travels with the pipeline
    def to_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / FILE_NAME).write_text(dump_cues(self.rules.lines), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        self._load(read_cues(ensure_path(path) / FILE_NAME))
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps(self.rules.lines, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self._load(json.loads(data.decode("utf-8")))
        return self


@Language.factory("pantau_violations", assigns=["doc._.violations"],
                  requires=["doc.spans", "doc.user_data"],
                  default_config={"cues_path": None, "max_evidence": 20})
def make_violations(nlp: Language, name: str, cues_path: str | None, max_evidence: int):
    return ViolationFinder(name, cues_path, max_evidence)
