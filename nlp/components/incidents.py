"""``pantau_incidents``: sentences that report a specific case.

A sentence reports an incident when it names a specific subject (an official from
``doc._.officials`` who is not an overseer, "seorang/oknum <role>", "<role> berinisial XX",
"<Role> <Place>", a small number of a role, or an anaphor such as "yang bersangkutan" of an
earlier subject) together with a procedural stage or a violation act. Prohibitions, appeals,
conditionals and statistics are generic, not incidents, unless the subject is named.

Reads the cue matches of ``pantau_cues`` (``doc.spans["incident_cues"]``). Writes ``doc._.incidents``: [{"subject", "act", "stage", "violation_type", "evidence":
{"text", "start", "end", "sentence"}}]. Runs after ``pantau_violations`` (and after the
officials component when the pipeline has one).
"""

from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.util import ensure_path

from nlp import extensions  # noqa: F401
from nlp.components.cue_spans import DATA, cue_hits, cue_words, dump_cues, cue_groups, read_cues
from nlp.components.cues import CueMatcher, Hit, Words
from nlp.word_lists import word_list, word_set

DEFAULT_CUES = DATA / "incident_cues.toml"
FILE_NAME = "incident_cues.toml"
STAGES = ("reported", "examined", "recommended", "sanctioned")
STAGE_GROUPS = {f"STAGE_{s.upper()}": s for s in STAGES}
REQUIRED = set(STAGE_GROUPS) | {"MODAL", "GENERIC", "STAT", "SUBJECT_DESC", "SUBJECT_ROLE",
                                "ANAPHOR", "OVERSIGHT", "PATIENT_ACTIVE", "RESPONDENT"}
INITIALS_RE = re.compile(r"\b(?:berinisial|inisial)\s+([A-Z]{1,4}(?:\.\s?[A-Z]{1,3})*\.?)(?![\w])"
                         r"|\bbernama\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")
# initials set before the role they hold, in the wording of Bawaslu releases ("atas nama AH,
# Kepala Bagian Umum ...", "menyangkut S, Kepala SD Negeri ...") or opening an item of a list
# ("...; RS, staf Dinas ..., yang ..."): a role must follow the comma, and the letters may not
# be an acronym of a service ("netralitas ASN, lurah dan kepala lingkungan")
INITIALS_APPOS_RE = re.compile(r"(?:\b(?:atas nama|menyangkut|terkait|terhadap|terlapor|yakni|yaitu|adalah|oleh|kepada|mengklarifikasi|memeriksa|memanggil|"
                               r"melaporkan|merekomendasikan|dilakukan|netralitas|pelanggaran|perkara|laporan|saudara|sdr\.?|(?i:pertama|kedua|ketiga|keempat|kelima),)"
                               r"\s+|^(?:serta\s+|dan\s+)?)(?!(?:%s),)([A-Z]{1,3}),\s+(?=[A-Za-z])" % "|".join(word_list("not_initials")))
# a place level before a role word makes it a place's name ("Kabupaten Kaur": not a kaur)
PLACE_LEVEL_RE = re.compile(r"\b(?:kabupaten|kab\.|kota|kecamatan|kec\.|desa|kelurahan|provinsi)\s*$", re.I)
# a local head named with the place he heads ("Kepala Desa Budi", "Camat Sari"): the titles are
# in nlp/data/word_lists.toml, longest first so that a title is never cut short
def _alternation(name: str) -> str:
    """The terms of word list ``name`` as a regex alternation, longest first."""
    return "|".join(map(re.escape, sorted(word_list(name), key=len, reverse=True)))


ROLE_PLACE_RE = re.compile(r"\b(%s)\s+((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,2})" % _alternation("local_head_titles"))
# offices that need a name after them ("Puskesmas X"), or that alone name one ("Dishub")
OFFICES = "%s|(?i:%s)" % (_alternation("owner_offices"), _alternation("owner_agencies"))
# the office a state thing belongs to, standing as the subject when no person is named
# ("truk bertuliskan Puskesmas X", "ruang rapat UPT Y", "a pickup of the Z health centre",
# "motor dinas bercat hijau milik Dinas X": a few lowercase words, then the link)
OWNER_RE = re.compile(
    r"\b(?>(?i:%s))(?:(?:\s+[a-z][\w-]*){0,4}?\s+(?i:%s)|(?:\s+(?i:berpelat|berplat) merah)?)\s+"
    r"[\"“]?(?:((?:%s)(?:\s+(?:[A-Z][\w'-]*|\d+)){0,5})\b"
    r"|((?:[A-Z][\w'-]+\s+){1,3}(?:health cent(?:re|er)|office|school|hospital)))"
    % (_alternation("owned_things"), _alternation("owner_links"), OFFICES))
AGENCIES = word_set("owner_agencies")  # lowercase
# an office opening the sentence (after a dateline) as the doer of the act it tells
# ("Satuan Polisi Pamong Praja Kota X dinilai pilih kasih menertibkan spanduk paslon")
OFFICE_DOER_RE = re.compile(r"^(?:[^\n–—]{0,60}\s[–—-]\s+)?((?:%s)(?:\s+(?:[A-Z][\w'-]*|\d+)){0,4})\b"
                            % OFFICES)
LIST_JOIN_RE = re.compile(r"(?:,\s*|\s)(?:serta|dan|and)\s+$")
NUMBER_RE = re.compile(
    r"\b(?:%s|[2-9])\s+(?:orang\s+)?$" % "|".join(word_list("number_words") + word_list("collective_numbers") + word_list("english_numbers")), re.I)
# a role before which "yang ..." tells of all its holders, not of one ("para guru yang ...")
ALL_BEFORE_RE = re.compile(r"\b(?:para|semua|seluruh|setiap|tiap|bagi|sejumlah|banyak|kalangan)\s+$", re.I)
SPEECH_VERBS = frozenset(w for w in word_list("speech_before") if w != "bahwa")
QUOTE_VERBS = word_set("quote_verbs")
# a quote told as said by the one just named: "... coblos nomor tiga," ujarnya
# a sentence that opens by pointing back at the account of the one just named
DOER_REF_RE = re.compile(r"\W*(?:akun (?:itu|tersebut)|akunnya|his account|her account)\b", re.I)
QUOTED_BY_RE = re.compile(r"\b(?:%s)nya\b" % "|".join(sorted(QUOTE_VERBS)), re.I)
PRONOUNS = frozenset(("ia", "dia", "beliau", "he", "she"))  # anaphors only when they open the sentence
NEGATORS = frozenset(("not", "never", "bukan", "no", "tidak", "tak"))  # "he was never a civil servant": no one described
# what an English "head of"/"secretary of" heads, up to its office's word
ENGLISH_POST_RE = re.compile(r"[\w'’ -]{0,60}?\b(?:office|agency|department|service|section|division|"
                            r"health cent(?:re|er)|hospital|school|sub-district|subdistrict|district)\b")
COPY_SPAN = 80  # chars after "tembuskan kepada" that list the recipients of copies
RELATIVE_TAIL = 6  # words between a role and "yang" ("bidan PPPK yang ...")
PLACE_WORDS = frozenset(("di", "pada", "negeri", "swasta", "kecamatan", "kelurahan", "desa", "kabupaten", "kota",
                         "dinas", "kantor", "sekolah"))
DESC_TAIL = 4  # capitalised words kept after a described role ("seorang ASN Dinas Perhubungan")
ROLE_UNIT_WORDS = 1  # words of the unit kept after a role before initials ("kepala UPT puskesmas")
ROLE_STOP = frozenset(("di", "yang", "pada", "dan", "serta", "berinisial", "inisial", "bernama", "dari", "asal",
                       "terhadap", "oleh", "kepada", "untuk", "atas", "dengan", "terlapor", "sebagai"))


class IncidentFinder:
    def __init__(self, name: str = "pantau_incidents", cues_path: str | None = None,
                 max_incidents: int = 20):
        self.name = name
        self.max_incidents = max_incidents
        self._load(read_cues(Path(cues_path) if cues_path else DEFAULT_CUES))

    def _load(self, lines: list[dict]) -> None:
        groups, _ = cue_groups(lines)
        missing = REQUIRED - set(groups)
        if missing:
            raise ValueError(f"incident cues lack groups {sorted(missing)}")
        self.lines = lines
        # overseers are recognised in officials' role strings (not in the doc's text)
        self.oversight = CueMatcher({"OVERSIGHT": groups["OVERSIGHT"]})
        self._overseer_cache: dict[str, bool] = {}

    def initialize(self, get_examples=None, *, nlp=None, cues_path: str | None = None) -> None:
        if cues_path:
            self._load(read_cues(Path(cues_path)))

    def __call__(self, doc):
        items, kinds = self.find_with_kinds(cue_words(doc), cue_hits(doc, "incident_cues"),
                                            doc._.violations or [], doc._.officials or [])
        doc._.incidents = items
        doc.user_data["incident_subject_kinds"] = kinds  # read by pantau_doctype
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # --- finding -------------------------------------------------------------------------
    def find(self, words: Words, hits: dict[str, list[Hit]], violations: list[dict],
             officials: list[dict]) -> list[dict]:
        return self.find_with_kinds(words, hits, violations, officials)[0]

    def find_with_kinds(self, words: Words, hits: dict[str, list[Hit]], violations: list[dict],
                        officials: list[dict]):
        """The incident mentions and, for each, how its subject was found: official,
        initials, place, described, number or anaphor (of an earlier subject's kind).
        ``hits``: the incident cue matches (``doc.spans["incident_cues"]``)."""
        kinds: list[str] = []
        last_kind = None
        by_sent: dict[int, dict[str, list[Hit]]] = {}
        for group, hs in hits.items():
            for h in hs:
                by_sent.setdefault(words.sent_of[h.start], {}).setdefault(group, []).append(h)
        viol_by_sent = _violations_by_sentence(words, violations)
        off_by_sent = self._officials_by_sentence(words, officials, by_sent)
        out, seen, last = [], set(), None
        orphan = None  # (sentence, stage, stage hit, acts) of a sentence with no subject
        for sent in sorted(set(by_sent) | set(viol_by_sent) | set(off_by_sent)):
            sh = by_sent.get(sent, {})
            if sh.get("OTHER_CASE"):
                continue  # another case of the same person, told in passing
            stage, stage_hit = _stage(words, sh)
            viols = viol_by_sent.get(sent, [])
            if stage is None and not viols:
                # "Mobil dinas UPT X kedapatan mengangkut baliho paslon. Kepala UPT tersebut,
                # Budi, berada di dalam kendaraan.": the doer named right after the act
                # ("... Seorang staf kecamatan itu diduga membagikan stiker tersebut."): or described
                described = [h for h in sh.get("SUBJECT_DESC", ()) if _next_role(sh, h) is not None
                             and (h.start == 0 or words.forms[h.start - 1].lower() not in NEGATORS)]
                if orphan is None or orphan[0] != sent - 1 or not (off_by_sent.get(sent) or described):
                    continue  # ("... was never a civil servant": no one described)
                _, stage, stage_hit, viols = orphan
            own_hit = stage_hit if stage_hit is not None and words.sent_of[stage_hit.start] == sent else None
            subject = self._subject(words, sent, sh, off_by_sent.get(sent, []), own_hit, bool(viols))
            if subject is None and viols and stage in (None, "reported"):
                subject = _quoted_doer(words, sent, off_by_sent.get(sent - 1, []))
            if subject is not None and subject[3] == "owner" and off_by_sent.get(sent + 1):
                subject = None  # the office's car, then its head named: the head is the doer
            if subject is None:
                # only an act reported there (a step taken on it is someone else's news)
                orphan = (sent, stage, stage_hit, viols) if viols and stage in (None, "reported") else None
                continue
            text, s_start, s_end, kind = subject
            if kind == "described_back":
                kind = "described" if last is None else "anaphor"
            if kind == "anaphor":
                if last is None:
                    continue
                text = last["subject"]
            generic = bool(sh.get("GENERIC")) or bool(sh.get("STAT") and kind == "number")
            if generic and kind not in ("official", "initials", "place", "anaphor"):
                continue
            if stage is None:
                if generic:
                    continue
                stage = "reported"
            vtype, act, a_start, a_end = _act(words, viols, stage_hit)
            if vtype is None and kind == "anaphor" and last is not None:
                vtype = last["violation_type"]
            if vtype is None:
                # the act is often told in the next sentence ("... dipanggil terkait
                # unggahannya. Dalam unggahan itu ia mengunggah foto paslon ...")
                for near_sent in (sent + 1, sent - 1):
                    if viol_by_sent.get(near_sent):
                        vtype = min(viol_by_sent[near_sent], key=lambda t: (t[1]["start"], t[0]))[0]
                        break
            start, end = min(s_start, a_start), max(s_end, a_end)
            key = (text, stage, vtype)
            if key in seen:
                continue
            seen.add(key)
            item = {"subject": text, "act": act, "stage": stage, "violation_type": vtype,
                    "evidence": {"text": words.text[start:end], "start": start, "end": end,
                                 "sentence": words.sentence_text(sent)}}
            out.append(item)
            last = item
            last_kind = last_kind if kind == "anaphor" else kind
            kinds.append(last_kind or kind)
            if kind == "official":  # "Keduanya adalah A, ..., serta B, ... yang dijatuhi teguran"
                for extra in _listed_officials(words, off_by_sent.get(sent, []), s_start, viols, stage, sent):
                    if (extra["subject"], stage, extra["violation_type"]) not in seen:
                        seen.add((extra["subject"], stage, extra["violation_type"]))
                        out.append(extra)
                        kinds.append("official")
            if len(out) >= self.max_incidents:
                break
        known = {}
        for item in out:
            if item["violation_type"]:
                known.setdefault(item["subject"], item["violation_type"])
        for item in out:
            if item["violation_type"] is None:
                item["violation_type"] = known.get(item["subject"])
        return out, kinds

    def _officials_by_sentence(self, words: Words, officials: list[dict], by_sent: dict):
        """Officials by sentence, without overseers (Bawaslu, KPU, DKPP...) unless the sentence
        makes them respondents ("Ketua KPU X sebagai Teradu I")."""
        out: dict[int, list[tuple[str, int, int]]] = {}
        for off in officials:
            role = " ".join(str(off.get(k) or "") for k in ("role", "org"))
            overseer = self._is_overseer(role)
            label = off.get("name") or ""
            if off.get("role"):
                label = f"{label} ({off['role']})"
            for ev in off.get("evidence") or []:
                start, end = ev.get("start"), ev.get("end")
                if start is None or end is None:
                    continue
                sent = _sent_of_char(words, start)
                if overseer and not by_sent.get(sent, {}).get("RESPONDENT"):
                    continue
                out.setdefault(sent, []).append((label, start, end))
        return out

    def _is_overseer(self, role: str) -> bool:
        found = self._overseer_cache.get(role)
        if found is None:
            found = bool(role.strip()) and bool(
                self.oversight.match(Words.from_text(role, [(0, len(role))])))
            if len(self._overseer_cache) < 10_000:
                self._overseer_cache[role] = found
        return found

    def _subject(self, words, sent, sh, officials, stage_hit, acts: bool = False):
        """(text, start, end, kind) of the most specific subject in the sentence, or None."""
        s_start, s_end = words.sents[sent]
        sentence = words.text[s_start:s_end]
        speakers = [(a, b) for _, a, b in officials
                    if _speaker(words, b, stage_hit) or _quoted(words, a, stage_hit)]
        cands = [(label, a, b, "official") for label, a, b in officials if (a, b) not in speakers]
        # a step taken on one ("diperiksa", "merekomendasikan"), not a rule or a warning
        steps = [] if stage_hit is None or sh.get("GENERIC") or any(
            0 < stage_hit.start - m.start <= 3 for m in sh.get("MODAL", ())) else [
            x for st in STAGES[1:] for x in sh.get(f"STAGE_{st.upper()}", ())]
        for m in INITIALS_RE.finditer(sentence):
            a = s_start + m.start()
            if _right_before(words, sh.get("NON_SUBJECT", ()), a):
                continue
            role = _role_before(words, sh, a)
            tag = f"berinisial {m.group(1)}" if m.group(1) else f"bernama {m.group(2)}"
            text = f"{role} {tag}" if role else tag
            cands.append((text, a, s_start + m.end(), "initials"))
        for m in INITIALS_APPOS_RE.finditer(sentence):
            role = _role_at(words, sh, s_start + m.end(), sent)
            if role:
                cands.append((f"{role} berinisial {m.group(1)}", s_start + m.start(1), s_start + m.end(), "initials"))
        for m in ROLE_PLACE_RE.finditer(sentence):
            end = _place_end(m)
            if end is not None:
                cands.append((sentence[m.start():end], s_start + m.start(), s_start + end, "place"))
        for h in sh.get("SUBJECT_DESC", ()):
            role = _next_role(sh, h)
            if role is not None:
                a, b = words.starts[h.start], _post_end(words, role.end, sent)
                if not self._is_overseer(words.text[a:b]):  # "the head of the regency's Bawaslu"
                    cands.append((words.text[a:b], a, b, "described"))
        for h in sh.get("SUBJECT_ROLE", ()):
            a = words.starts[h.start]
            # the object of the step: "merekomendasikan bidan PPPK yang ...", "sanksi kepada guru yang ..."
            # or the one the sentence opens with and points back at: "Penyuluh PNS yang menempel
            # stiker caleg itu ditegur ..." (not a rule: "ASN yang ikut kampanye dijatuhi ...")
            opens = h.start == words.sent_first_word[sent] and _points_back(words, h.end, stage_hit, sent)
            # or the agent of the act the sentence names: "dugaan pelanggaran oleh pejabat X yang ..."
            agent = h.start > words.sent_first_word[sent] and words.forms[h.start - 1].lower() == "oleh"
            obj = any(0 <= h.start - x.end <= 3 for x in steps) or h.start > words.sent_first_word[sent] \
                and words.forms[h.start - 1].lower() in ("kepada", "bagi", "terhadap") and stage_hit is not None
            rel = _relative_after(words, h, sent) if opens or agent or obj else None
            if rel is None and obj:
                # "sanksi teguran bagi guru SD negeri di X itu": the one a step is taken on,
                # pointed at as told before (that subject when there is one)
                pointed = _relative_after(words, h, sent, closers=("itu", "tersebut"), min_words=1)
                if pointed is not None and not any(c[1] <= a < c[2] for c in cands):
                    cands.append((words.text[a:pointed], a, pointed, "described_back"))
            if rel is not None and not ALL_BEFORE_RE.search(words.text[max(s_start, a - 12):a]) \
                    and not any(c[1] <= a < c[2] for c in cands):
                # "merekomendasikan perawat PPPK yang menari di panggung kampanye": the one
                # who did the act the clause tells; an opening one points back at the subject
                # told before, if any
                cands.append((words.text[a:rel], a, rel, "described_back" if opens else "described"))
            if NUMBER_RE.search(words.text[max(s_start, a - 20):a]):
                num_start = s_start + NUMBER_RE.search(words.text[s_start:a]).start()
                b = _post_end(words, h.end, sent)
                if not self._is_overseer(words.text[num_start:b]):
                    cands.append((words.text[num_start:b], num_start, b, "number"))
        if not cands and acts:  # an office that did the act, or whose state thing did
            cands = _office_subjects(sentence, s_start)
        cands = [c for c in cands if not any(a <= c[1] < b for a, b in speakers)
                 and not _in_copy(words, sh.get("RECIPIENT", ()), c[1])]
        if not cands:
            for h in sh.get("ANAPHOR", ()):
                if words.forms[h.start].lower() in PRONOUNS and h.start != words.sent_first_word[sent]:
                    continue  # "Pada Pemilu lalu ia dijatuhi ...": a pronoun opening no sentence
                a, b = words.char_span(h.start, h.end)  # may tell of another time
                return words.text[a:b], a, b, "anaphor"
            return None
        rank = {"official": 0, "initials": 1, "place": 2, "described": 3, "described_back": 3, "number": 4,
                "owner": 5}
        if stage_hit is not None:
            anchor = words.starts[stage_hit.start]
            patient = any(h.start <= stage_hit.start < h.end for h in sh.get("PATIENT_ACTIVE", ()))
            active = words.forms[stage_hit.start].startswith("me") and not patient
            if active:
                # "Bawaslu memanggil X": the subject follows an active stage verb; who
                # precedes it is the agent
                cands = [c for c in cands if c[1] > anchor]
                if not cands:
                    return None
            cands.sort(key=lambda c: ((c[1] > anchor) == active and 0 or 1, rank[c[3]],
                                      abs(c[1] - anchor)))
        else:
            cands.sort(key=lambda c: (rank[c[3]], c[1]))
        return cands[0]

    # --- serialisation -------------------------------------------------------------------
    def to_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / FILE_NAME).write_text(dump_cues(self.lines), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        self._load(read_cues(ensure_path(path) / FILE_NAME))
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return json.dumps(self.lines, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self._load(json.loads(data.decode("utf-8")))
        return self


def _sent_of_char(words: Words, char: int) -> int:
    starts = words.sent_starts
    return max(bisect.bisect_right(starts, char) - 1, 0)


def _violations_by_sentence(words: Words, violations: list[dict]):
    out: dict[int, list[tuple[str, dict]]] = {}
    for v in violations:
        for ev in v.get("evidence") or []:
            out.setdefault(_sent_of_char(words, ev["start"]), []).append((v["type"], ev))
    return out


def _stage(words: Words, sh: dict) -> tuple[str | None, Hit | None]:
    """Highest stage whose cue is not governed by a modal; modal-only stages -> reported."""
    best, best_hit, modal_hit = None, None, None
    modals = sh.get("MODAL", ())
    for group, stage in STAGE_GROUPS.items():
        for h in sh.get(group, ()):
            if any(0 < h.start - m.start <= 3 for m in modals):
                modal_hit = modal_hit or h
                continue
            if best is None or STAGES.index(stage) > STAGES.index(best):
                best, best_hit = stage, h
    if best is None and modal_hit is not None:
        return "reported", modal_hit
    if best == "sanctioned" and any(0 < best_hit.start - h.start <= 8
                                    for h in sh.get("STAGE_RECOMMENDED", ())):
        # "merekomendasikan Pj Bupati menjatuhkan sanksi kepada ...": a sanction recommended
        return "recommended", best_hit
    return best, best_hit


def _listed_officials(words: Words, officials, first: int, viols, stage: str, sent: int) -> list[dict]:
    """Officials listed after the sentence's subject ("A, kepala seksi ..., serta B, guru ...,
    yang dijatuhi teguran"): each an incident of the same stage, with the act told after it."""
    out = []
    for label, start, end in officials:
        if start <= first or not LIST_JOIN_RE.search(words.text[max(0, start - 12):start]):
            continue
        after = [(vtype, ev) for vtype, ev in viols if ev["start"] > start]
        vtype, ev = min(after, key=lambda t: t[1]["start"]) if after else (None, None)
        a, b = start, ev["end"] if ev else end
        out.append({"subject": label, "act": ev["text"] if ev else "", "stage": stage, "violation_type": vtype,
                    "evidence": {"text": words.text[a:b], "start": a, "end": b,
                                 "sentence": words.sentence_text(sent)}})
    return out


def _act(words: Words, viols, stage_hit):
    if viols:
        # the first act; one span with two types ("berorasi dalam kampanye": role and
        # attendance) gives the same one in every article, whatever order the types came in
        vtype, ev = min(viols, key=lambda t: (t[1]["start"], t[0]))
        return vtype, ev["text"], ev["start"], ev["end"]
    if stage_hit is not None:
        sent = words.sent_of[stage_hit.start]
        end = stage_hit.end
        while end < len(words.forms) and end - stage_hit.end < 6 and words.sent_of[end] == sent:
            end += 1
        a, b = words.char_span(stage_hit.start, end)
        return None, words.text[a:b], a, b
    return None, "", 10**9, -1


def _next_role(sh: dict, desc: Hit) -> Hit | None:
    best = None
    for h in sh.get("SUBJECT_ROLE", ()):
        if 0 <= h.start - desc.end <= 2 and (best is None or h.start < best.start):
            best = h
    return best


def _role_at(words: Words, sh: dict, char: int, sent: int) -> str:
    """The longest role phrase that starts at ``char`` with its capitalised tail, or ''."""
    hits = [h for h in sh.get("SUBJECT_ROLE", ()) if words.starts[h.start] == char]
    if not hits:
        return ""
    return words.text[char:_tail(words, max(h.end for h in hits), sent)]


def _is_place_name(words: Words, h: Hit) -> bool:
    a = words.starts[h.start]
    return bool(PLACE_LEVEL_RE.search(words.text[max(0, a - 12):a]))


def _place_end(m: re.Match) -> int | None:
    """Where the place of a "<Title> <Place>" match ends: before the first verb or function word
    of a Title Case headline ("Kepala Sekolah Beredar", "Kades Sukamaju Dilaporkan", "Camat
    Sukamaju Belum Juga Disanksi"); None when the first word is one already."""
    end = _end_before_verb(m, 2, m.end(1))
    return end if end > m.end(1) else None


def _end_before_verb(m: re.Match, g: int, end: int) -> int:
    """Char end of group ``g``'s words after ``end``, up to the first verb or function word."""
    for word in re.finditer(r"\S+", m.group(g)):
        if m.start(g) + word.end() <= end:
            continue
        low = word.group(0).lower()
        if _is_verb(low) or low in _function_words():
            break
        end = m.start(g) + word.end()
    return end


def _office_subjects(sentence: str, s_start: int) -> list[tuple[str, int, int, str]]:
    """The office opening the sentence, and the office owning each state thing it names."""
    found = [(1, OFFICE_DOER_RE.match(sentence))] + [(1 if m.group(1) else 2, m)
                                                     for m in OWNER_RE.finditer(sentence)]
    out = []
    for g, m in found:
        if m is None:
            continue
        end = _owner_end(m, g)
        text = sentence[m.start(g):end]
        if " " in text or text.lower() in AGENCIES:  # "Puskesmas" alone names no one office
            out.append((text, s_start + m.start(g), s_start + end, "owner"))
    return out


def _owner_end(m: re.Match, g: int) -> int:
    """Where an owning office's name ends: its office word, then words up to a verb or function
    word of a Title Case headline ("Truk Puskesmas Sukamaju Diduga Bawa ...")."""
    first = re.match(r"\S+", m.group(g))
    return _end_before_verb(m, g, m.start(g) + first.end())


@lru_cache(maxsize=4096)
def _is_verb(low: str) -> bool:
    from nlp.components.officials_lexicon import is_verb

    return is_verb(low, _verbs())


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """spaCy's Indonesian stop words that are no word of a region's name: "Baru", "Tengah" and
    "Besar" may go on a place's name, "Belum" and "Juga" may not."""
    from spacy.lang.id.stop_words import STOP_WORDS

    from nlp.cache import cached, code_fingerprint

    def build() -> frozenset[str]:
        from pantau.regions import get_region_table

        place = {w for r in get_region_table() for w in r.name.lower().split()}
        return frozenset(STOP_WORDS - place)

    return cached("function-words", [code_fingerprint(), "\n".join(sorted(STOP_WORDS))], build)


@lru_cache(maxsize=1)
def _verbs():
    """The officials lexicon's verbs (read once; the gazetteer is not needed for them)."""
    from nlp.components.officials_lexicon import load_lexicon

    return load_lexicon(use_gazetteer=False)


def _speaker(words: Words, end: int, stage_hit: Hit | None) -> bool:
    """Whether an official ending at char ``end`` speaks of the step the sentence tells:
    "Kepala Dinas X, Y, mengatakan sanksi itu datang dari BKN"."""
    if stage_hit is None or words.starts[stage_hit.start] < end:
        return False
    i = bisect.bisect_left(words.starts, end)
    while i < len(words.forms) and words.forms[i] in (",", "pun"):
        i += 1
    return i < stage_hit.start and words.forms[i].lower() in SPEECH_VERBS


def _quoted_doer(words: Words, sent: int, before: list[tuple[str, int, int]]):
    """The official the sentence before names, when this sentence quotes the act as his or
    hers ('Kepala UPT X, Y, terlihat di acara warga. "... coblos nomor tiga ...,"
    ujarnya.') or opens by pointing back at his account ('Unggahan di akun Facebook atas
    nama Sekretaris Dinas X, Y, ramai dibicarakan. Akun itu membagikan materi kampanye paslon
    ...'): (label, start, end, "official"), else None."""
    if len(before) != 1:
        return None
    lo, hi = words.sents[sent]
    if not (QUOTED_BY_RE.search(words.text, lo, hi) or DOER_REF_RE.match(words.text, lo, hi)):
        return None
    label, a, b = before[0]
    return label, a, b, "official"


def _in_copy(words: Words, hits, char: int) -> bool:
    """Whether ``char`` lies in the list of those a step's papers go to in copy, right after
    one of ``hits`` ("... kami tembuskan kepada Bupati Garut dan Kepala Dinas Pendidikan")."""
    return any(0 <= char - words.ends[h.end - 1] <= COPY_SPAN for h in hits)


def _quoted(words: Words, start: int, stage_hit: Hit | None) -> bool:
    """Whether an official starting at char ``start`` is named as a quote's speaker after the
    step it tells: '"... sanksinya naik ke teguran tertulis," kata Kepala DPMD X, Y.'"""
    if stage_hit is None or words.starts[stage_hit.start] > start:
        return False
    i = bisect.bisect_left(words.starts, start) - 1
    while i >= 0 and words.forms[i] in (",", '"', "“", "”"):
        i -= 1
    return i >= 0 and words.forms[i].lower() in QUOTE_VERBS


def _right_before(words: Words, hits, char: int) -> bool:
    """Whether one of ``hits`` ends just before ``char`` (a space between)."""
    return any(0 <= char - words.ends[h.end - 1] <= 1 for h in hits)


def _role_before(words: Words, sh: dict, char: int) -> str:
    best = None
    for h in sh.get("SUBJECT_ROLE", ()):
        if words.ends[h.end - 1] <= char and char - words.starts[h.start] < 80 and not _is_place_name(words, h):
            if best is None or h.start > best.start:
                best = h
    if best is None:
        return ""
    first = best
    for h in sorted(sh.get("SUBJECT_ROLE", ()), key=lambda h: -h.start):
        if h.end == first.start:  # adjacent role words: "guru PNS"
            first = h
    end = best.end
    while end < len(words.forms) and end - best.end < ROLE_UNIT_WORDS and words.forms[end].isalpha() \
            and words.forms[end].lower() not in ROLE_STOP and words.ends[end] <= char:
        end += 1  # the unit the role heads: "kepala UPT puskesmas ... berinisial AP"
    a, b = words.char_span(first.start, end)
    return words.text[a:b]


def _points_back(words: Words, start: int, stage_hit: Hit | None, sent: int) -> bool:
    """ "itu" or "tersebut" between word ``start`` and the stage word (or the sentence end)."""
    end = stage_hit.start if stage_hit is not None else len(words.forms)
    i = start
    while i < end and words.sent_of[i] == sent:
        if words.forms[i].lower() in ("itu", "tersebut"):
            return True
        i += 1
    return False


def _relative_after(words: Words, h: Hit, sent: int, closers=("yang",), min_words: int = 0) -> int | None:
    """Char end of "<role> [its unit and place]" when "yang" (or another of ``closers``)
    follows it in the sentence after at least ``min_words`` words: up to RELATIVE_TAIL words,
    capitalised ones or those of PLACE_WORDS ("kepala SD negeri di Tanjung Selor Timur yang ...")."""
    i = h.end
    while i < len(words.forms) and words.sent_of[i] == sent and i - h.end <= RELATIVE_TAIL:
        form = words.forms[i]
        if form.lower() in closers:
            return words.ends[i - 1] if i - h.end >= min_words else None
        first = words.text[words.starts[i]]
        if not (first.isupper() or first.isdigit() or form.lower() in PLACE_WORDS):
            return None
        i += 1
    return None


def _post_end(words: Words, end: int, sent: int) -> int:
    """Char end of a role ending at word ``end``: its capitalised tail, or in English the
    office it is "of"/"at"/"in" ("the head of the regency's public works agency")."""
    b = _tail(words, end, sent)
    if words.forms[end - 1].lower() in ("of", "at", "in"):
        post = ENGLISH_POST_RE.match(words.text, words.ends[end - 1], words.sents[sent][1])
        b = max(b, post.end()) if post else b
    return b


def _tail(words: Words, end: int, sent: int) -> int:
    """Char end after up to DESC_TAIL capitalised words following word index ``end``."""
    i = end
    while (i < len(words.forms) and i - end < DESC_TAIL and words.sent_of[i] == sent
           and words.text[words.starts[i]].isupper()
           and not words.text[words.ends[i - 1]:words.starts[i]].strip()):
        i += 1
    return words.ends[i - 1]


@Language.factory("pantau_incidents", assigns=["doc._.incidents", "doc.user_data"],
                  requires=["doc.spans", "doc.user_data", "doc._.violations"],
                  default_config={"cues_path": None, "max_incidents": 20})
def make_incidents(nlp: Language, name: str, cues_path: str | None, max_incidents: int):
    return IncidentFinder(name, cues_path, max_incidents)
