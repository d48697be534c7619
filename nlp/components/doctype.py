"""``pantau_doctype``: one document type per article from weighted cues.

Scores incident, prevention, statistics and regulation from the cue lines of
``nlp/data/doctype_cues.toml`` over the title (``doc.user_data["title"]``), the lead and the
body, plus the incident mentions of ``pantau_incidents`` and figures followed by a report
noun ("400 laporan"). Title and lead weigh more than the rest. An article without neutrality
or election content (and no violation mention) is "other".

Reads the cue matches of ``pantau_cues`` (``doc.spans["doctype_cues"]`` and the title's in
``doc.user_data["title_cues"]``). Writes ``doc._.doc_type`` (a DocType code) and ``doc.user_data["doc_type_scores"]``.
"""

from __future__ import annotations

import bisect
import tomllib
from pathlib import Path

from spacy.language import Language
from spacy.util import ensure_path

from nlp import extensions  # noqa: F401
from nlp.components.cue_spans import DATA, DOCTYPE_CUE_KEY, cue_hits, cue_words
from nlp.components.cues import Hit, Words
from nlp.word_lists import word_list
from pantau.taxonomy import DocType

DEFAULT_CUES = DATA / "doctype_cues.toml"
FILE_NAME = "doctype_cues.toml"
SCORED = ("incident", "prevention", "statistics", "regulation")
SPECIFIC = frozenset(("official", "initials", "place", "described"))  # incident subject kinds


class DocTyper:
    def __init__(self, name: str = "pantau_doctype", cues_path: str | None = None):
        self.name = name
        self._load(Path(cues_path).read_text("utf-8") if cues_path else DEFAULT_CUES.read_text("utf-8"))

    def _load(self, source: str) -> None:
        cfg = tomllib.loads(source)
        types = {d.value for d in DocType}
        self.cue_lines = []
        self.appeal_keys: set[str] = set()
        for i, cue in enumerate(cfg.get("cue", [])):
            if cue["type"] not in types or cue["type"] == "other":
                raise ValueError(f"doctype cue {i}: type {cue['type']!r} is not a scored DocType")
            self.cue_lines.append((DOCTYPE_CUE_KEY.format(i), cue["type"], float(cue.get("weight", 1.0)),
                                   int(cue.get("cap", cfg["regions"]["cap"]))))
            if cue.get("appeal"):
                self.appeal_keys.add(DOCTYPE_CUE_KEY.format(i))
        self.cfg = cfg
        self.source = source

    def initialize(self, get_examples=None, *, nlp=None, cues_path: str | None = None) -> None:
        if cues_path:
            self._load(Path(cues_path).read_text("utf-8"))

    def __call__(self, doc):
        title = doc.user_data.get("title") or ""
        title_words, title_hits = doc.user_data.get("title_cues") or (None, {})
        doc_type, scores = self.classify(cue_words(doc), cue_hits(doc, "doctype_cues"), title,
                                         title_words, title_hits, doc._.violations or [],
                                         doc._.incidents or [],
                                         doc.user_data.get("incident_subject_kinds"))
        doc._.doc_type = doc_type
        doc.user_data["doc_type_scores"] = scores
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def classify(self, words: Words, body_hits: dict[str, list[Hit]], title: str,
                 title_words: Words | None, title_hits: dict[str, list[Hit]], violations: list,
                 incidents: list, subject_kinds: list[str] | None = None):
        """The doc type and the scores. ``body_hits``: the doc-type cue matches of the doc
        (``doc.spans["doctype_cues"]``); ``title_hits``: those of the title on its own."""
        reg = self.cfg["regions"]
        sent_words = _sentence_word_counts(words)
        lead_end = self._lead_end(words, sent_words)

        def region_of(start: int) -> str:
            return "lead" if words.starts[start] < lead_end else "body"

        cases = [item for item, kind in zip(incidents, subject_kinds or ()) if kind in SPECIFIC]
        if not self._on_topic(words, title, title_hits, body_hits, violations, region_of, cases):
            return DocType.OTHER.value, {}

        # a specific case told with legal citations: the sentences of the case (and a title
        # that tells it) are the case, not an explanation of the rules
        case_sents = self._case_sentences(words, incidents, subject_kinds)
        title_is_case = bool(case_sents) and bool(title_words) and (
            self._incident_cue_in(title_hits) or self._title_sentence(words, title) in case_sents)
        act_sents = self._act_sentences(words, violations)
        title_is_act = bool(title_words) and self._title_sentence(words, title) in act_sents
        scores = {t: float(self.cfg["priors"].get(t, 0.0)) for t in SCORED}
        for key, typ, weight, cap in self.cue_lines:
            in_case = typ == "regulation"
            in_act = key in self.appeal_keys
            counts = {"title": 0 if in_case and title_is_case or in_act and title_is_act
                      else len(title_hits.get(key, ())), "lead": 0, "body": 0}
            for h in body_hits.get(key, ()):
                if in_case and words.sent_of[h.start] in case_sents \
                        or in_act and words.sent_of[h.start] in act_sents:
                    continue
                counts[region_of(h.start)] += 1
            scores[typ] += weight * sum(reg[r] * min(n, cap) for r, n in counts.items())

        num = self.cfg["numbers"]
        cut = frozenset(num.get("not_after", ()))
        n_title = len(_figure_positions(title_words, title_hits, cut)) if title_words else 0
        figures = {"lead": 0, "body": 0}
        for i in _figure_positions(words, body_hits, cut):
            figures[region_of(i)] += 1
        weighted = reg["title"] * n_title + sum(reg[r] * n for r, n in figures.items())
        scores["statistics"] += num["weight"] * min(weighted, num["cap"])

        acts = self.cfg["lead_acts"]
        barred = {words.sent_of[h.start] for h in body_hits.get("LEAD_NOT", ())}
        lead_types = {v["type"] for v in violations for ev in v.get("evidence") or ()
                      if ev["start"] < lead_end
                      and _sent_at(words, ev["start"]) not in barred}
        scores["incident"] += acts["weight"] * min(len(lead_types), acts["cap"])

        inc = self.cfg["incidents"]
        total = 0.0
        for item in incidents[: inc["cap"]]:
            factor = inc["lead_factor"] if item["evidence"]["start"] < lead_end else 1.0
            bonus = inc["stage_bonus"] if item["stage"] != "reported" else 0.0
            total += factor * (inc["weight"] + bonus)
        scores["incident"] += total
        if case_sents:
            stages = {item["stage"] for item, kind in zip(incidents, subject_kinds or ())
                      if kind in SPECIFIC}
            scores["incident"] += inc["case_bonus"] + inc["stage_variety"] * (len(stages) - 1)
        lead_sents = {k for k, (a, _) in enumerate(words.sents) if a < lead_end}
        if not case_sents & lead_sents:  # a case told in the lead: its citations are its basis
            scores["regulation"] += self._rules_share_bonus(words, body_hits, case_sents,
                                                            sent_words)
        best = max(SCORED, key=lambda t: (scores[t], -SCORED.index(t)))
        return best, {t: round(s, 2) for t, s in scores.items()}

    def _on_topic(self, words, title, title_hits, body_hits, violations, region_of, cases=()) -> bool:
        """Neutrality is the subject: neutrality words, violation mentions and incidents of a
        specific subject in an election or neutrality article ("Camat X mangkir dari klarifikasi Bawaslu"),
        weighted by where they stand (title, lead, body), reach ``topic.min_score``. Election
        news that mentions officials or Bawaslu in passing (logistics, security, results) is
        "other"."""
        topic, reg = self.cfg["topic"], self.cfg["regions"]
        election = len(body_hits.get("ELECTION", ())) + len(title_hits.get("ELECTION", ()))
        core = len(body_hits.get("CORE", ())) + len(title_hits.get("CORE", ()))
        cases = list(cases) if election >= topic["min_election"] or core else []
        if not violations and not cases and (core < topic["min_core"] or election < topic["min_election"]):
            return False
        score = reg["title"] * min(len(title_hits.get("NEUTRAL", ())), topic["cap"])
        counts = {"lead": 0, "body": 0}
        for h in body_hits.get("NEUTRAL", ()):
            counts[region_of(h.start)] += 1
        score += sum(reg[r] * min(n, topic["cap"]) for r, n in counts.items())
        for v in violations:
            ev = (v.get("evidence") or [{}])[0]
            start = ev.get("start")
            if start is not None:
                i = bisect.bisect_left(words.starts, start)
                score += topic["violation_weight"] * reg[region_of(min(i, len(words.starts) - 1))]
        for item in cases[: topic["cap"]]:
            i = bisect.bisect_left(words.starts, item["evidence"]["start"])
            score += topic["incident_weight"] * reg[region_of(min(i, len(words.starts) - 1))]
        return score >= topic["min_score"]

    def _incident_cue_in(self, hits) -> bool:
        return any(hits.get(key) for key, typ, _, _ in self.cue_lines if typ == "incident")

    @staticmethod
    def _title_sentence(words: Words, title: str) -> int:
        pos = words.text.find(title.strip()[:40])
        return _sent_at(words, pos) if pos >= 0 else -1

    def _case_sentences(self, words: Words, incidents: list, kinds: list[str] | None) -> set[int]:
        """Sentences that tell a case of a specific subject (named, initials, described)."""
        out = set()
        for item, kind in zip(incidents, kinds or ()):
            if kind in SPECIFIC and item.get("evidence"):
                out.add(_sent_at(words, item["evidence"]["start"]))
        return out

    def _act_sentences(self, words: Words, violations: list) -> set[int]:
        """Sentences that tell a violation act with no word of a warning or a prohibition: an
        appeal there is the act ("sang kades menyuruh para ketua RT datang ke kampanye paslon")."""
        warn = frozenset(self.cfg["appeal_acts"]["warnings"])
        out = set()
        for v in violations:
            for ev in v.get("evidence") or ():
                sent = _sent_at(words, ev["start"])
                lo, hi = words.sents[sent]
                if not warn & set(words.text[lo:hi].lower().split()):
                    out.add(sent)
        return out

    def _rules_share_bonus(self, words: Words, hits, case_sents: set[int],
                           sent_words: dict[int, int]) -> float:
        """Articles that mainly explain rules: the share of substantive sentences that cite a
        legal instrument or a sanction, past ``rules.min_share``, adds to regulation."""
        rules = self.cfg["rules"]
        rule_sents = {words.sent_of[h.start] for h in hits.get("RULE", ())} - case_sents
        need = self.cfg["regions"]["lead_min_words"]
        substantive = {s for s, n in sent_words.items() if n >= need}
        if len(substantive) < rules["min_sentences"]:
            return 0.0
        share = len(rule_sents & substantive) / len(substantive)
        return rules["weight"] * share if share >= rules["min_share"] else 0.0

    def _lead_end(self, words: Words, counts: dict[int, int]) -> int:
        """Char offset where the lead ends: after the first few substantial sentences."""
        reg = self.cfg["regions"]
        taken = 0
        for i, (_, end) in enumerate(words.sents):
            if counts.get(i, 0) >= reg["lead_min_words"]:
                taken += 1
                if taken >= reg["lead_sentences"]:
                    return end
        return len(words.text)

    # --- serialisation -------------------------------------------------------------------
    def to_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / FILE_NAME).write_text(self.source, encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        self._load((ensure_path(path) / FILE_NAME).read_text("utf-8"))
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return self.source.encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self._load(data.decode("utf-8"))
        return self


def _sentence_word_counts(words: Words) -> dict[int, int]:
    """Words per sentence, the words of related-article link lines not counted."""
    first, skip = words.sent_first_word, words.skip
    bounds = first[1:] + [len(words.forms)]
    counts = {k: hi - lo for k, (lo, hi) in enumerate(zip(first, bounds)) if hi > lo}
    for i in skip:
        counts[words.sent_of[i]] -= 1
    return counts


def _sent_at(words: Words, char: int) -> int:
    return max(bisect.bisect_right(words.sent_starts, char) - 1, 0)


CUT_WINDOW = 6  # words before a figure that may make it a sanction's size
# counts written in words ("six cases", "enam kasus") are figures too
COUNT_WORDS = frozenset(word_list("number_words") + word_list("english_numbers"))


def _figure_positions(words: Words, hits, cut: frozenset = frozenset()) -> list[int]:
    """Word indexes of figures directly followed (within two words) by a report noun; not
    those a few words after one of ``cut`` ("tunjangan dipotong 25 persen": a sanction's size)."""
    out = []
    for h in hits.get("NUMNOUN", ()):
        for back in (1, 2):
            i = h.start - back
            if i >= 0 and words.sent_of[i] == words.sent_of[h.start] \
                    and (words.forms[i].isdigit() or words.forms[i].lower() in COUNT_WORDS):
                out.append(i)
                break
    out.extend(i for i, f in enumerate(words.forms)
               if f.isdigit() and words.text[words.ends[i]:words.ends[i] + 2].strip().startswith("%"))
    if cut:
        out = [i for i in out if not any(
            f.lower() in cut for f in words.forms[max(0, i - CUT_WINDOW):i]
            if words.sent_of[i] == words.sent_of[max(0, i - CUT_WINDOW)])]
    return out


@Language.factory("pantau_doctype", assigns=["doc._.doc_type", "doc.user_data"],
                  requires=["doc.spans", "doc.user_data", "doc._.violations", "doc._.incidents"],
                  default_config={"cues_path": None})
def make_doctype(nlp: Language, name: str, cues_path: str | None):
    return DocTyper(name, cues_path)
