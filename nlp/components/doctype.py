"""``pantau_doctype``: one document type per article from weighted cues.

Scores incident, prevention, statistics and regulation from the cue lines of
``nlp/data/doctype_cues.toml`` over the title (``doc.user_data["title"]``), the lead and the
body, plus the incident mentions of ``pantau_incidents`` and figures followed by a report
noun ("400 laporan"). Title and lead weigh more than the rest. An article without neutrality
or election content (and no violation mention) is "other".

Writes ``doc._.doc_type`` (a DocType code) and ``doc.user_data["doc_type_scores"]``.
"""

from __future__ import annotations

import bisect
import tomllib
from pathlib import Path

from spacy.language import Language
from spacy.util import ensure_path

from nlp import extensions  # noqa: F401
from nlp.components.cues import CueMatcher, Words, words_for
from nlp.components.violations import DATA
from pantau.taxonomy import DocType

DEFAULT_CUES = DATA / "doctype_cues.toml"
FILE_NAME = "doctype_cues.toml"
SCORED = ("incident", "prevention", "statistics", "regulation")


class DocTyper:
    def __init__(self, name: str = "pantau_doctype", cues_path: str | None = None):
        self.name = name
        self._load(Path(cues_path).read_text("utf-8") if cues_path else DEFAULT_CUES.read_text("utf-8"))

    def _load(self, source: str) -> None:
        cfg = tomllib.loads(source)
        types = {d.value for d in DocType}
        groups: dict[str, list[str]] = {}
        self.cue_lines = []
        for i, cue in enumerate(cfg.get("cue", [])):
            if cue["type"] not in types or cue["type"] == "other":
                raise ValueError(f"doctype cue {i}: type {cue['type']!r} is not a scored DocType")
            key = f"CUE{i}"
            groups[key] = cue["terms"]
            self.cue_lines.append((key, cue["type"], float(cue.get("weight", 1.0)),
                                   int(cue.get("cap", cfg["regions"]["cap"]))))
        groups["NUMNOUN"] = cfg["numbers"]["nouns"]
        groups["LEAD_NOT"] = cfg["lead_acts"]["not_with"]
        groups["CORE"] = cfg["topic"]["core"]
        groups["ELECTION"] = cfg["topic"]["election"]
        self.cfg = cfg
        self.source = source
        self.matcher = CueMatcher(groups)

    def initialize(self, get_examples=None, *, nlp=None, cues_path: str | None = None) -> None:
        if cues_path:
            self._load(Path(cues_path).read_text("utf-8"))

    def __call__(self, doc):
        words = words_for(doc)
        title = doc.user_data.get("title") if isinstance(doc.user_data, dict) else None
        doc_type, scores = self.classify(words, title or "", doc._.violations or [],
                                         doc._.incidents or [])
        doc._.doc_type = doc_type
        doc.user_data["doc_type_scores"] = scores
        return doc

    def classify(self, words: Words, title: str, violations: list, incidents: list):
        reg = self.cfg["regions"]
        lead_end = self._lead_end(words)
        body_hits = self.matcher.match(words)
        title_words = Words.from_text(title, [(0, len(title))]) if title.strip() else None
        title_hits = self.matcher.match(title_words) if title_words else {}

        def region_of(start: int) -> str:
            return "lead" if words.starts[start] < lead_end else "body"

        core = len(body_hits.get("CORE", ())) + len(title_hits.get("CORE", ()))
        election = len(body_hits.get("ELECTION", ())) + len(title_hits.get("ELECTION", ()))
        topic = self.cfg["topic"]
        if not violations and (core < topic["min_core"] or election < topic["min_election"]):
            return DocType.OTHER.value, {}

        scores = {t: float(self.cfg["priors"].get(t, 0.0)) for t in SCORED}
        for key, typ, weight, cap in self.cue_lines:
            counts = {"title": len(title_hits.get(key, ())), "lead": 0, "body": 0}
            for h in body_hits.get(key, ()):
                counts[region_of(h.start)] += 1
            scores[typ] += weight * sum(reg[r] * min(n, cap) for r, n in counts.items())

        num = self.cfg["numbers"]
        n_title = _figures(title_words, title_hits) if title_words else 0
        figures = {"lead": 0, "body": 0}
        for i in _figure_positions(words, body_hits):
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
        best = max(SCORED, key=lambda t: (scores[t], -SCORED.index(t)))
        return best, {t: round(s, 2) for t, s in scores.items()}

    def _lead_end(self, words: Words) -> int:
        """Char offset where the lead ends: after the first few substantial sentences."""
        reg = self.cfg["regions"]
        counts: dict[int, int] = {}
        for s in words.sent_of:
            counts[s] = counts.get(s, 0) + 1
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


def _sent_at(words: Words, char: int) -> int:
    return max(bisect.bisect_right(words.sent_starts, char) - 1, 0)


def _figure_positions(words: Words, hits) -> list[int]:
    """Word indexes of figures directly followed (within two words) by a report noun."""
    out = []
    for h in hits.get("NUMNOUN", ()):
        for back in (1, 2):
            i = h.start - back
            if i >= 0 and words.sent_of[i] == words.sent_of[h.start] and words.forms[i].isdigit():
                out.append(i)
                break
    out.extend(i for i, f in enumerate(words.forms)
               if f.isdigit() and words.text[words.ends[i]:words.ends[i] + 2].strip().startswith("%"))
    return out


def _figures(words: Words, hits) -> int:
    return len(_figure_positions(words, hits))


@Language.factory("pantau_doctype", default_config={"cues_path": None})
def make_doctype(nlp: Language, name: str, cues_path: str | None):
    return DocTyper(name, cues_path)
