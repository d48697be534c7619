"""The case stage's rules, read once from ``pantau/data/case_rules.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pantau.terms import resolve

RULES_PATH = Path(__file__).resolve().parent.parent / "data" / "case_rules.toml"


def _alternation(words: list[str], not_before: list[str] = ()) -> re.Pattern:
    """Whole-word, lowercase, longest term first; not followed by a word of ``not_before``."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    tail = r"(?!\s+(?:%s)\b)" % "|".join(map(re.escape, not_before)) if not_before else ""
    return re.compile(rf"(?<![\w])(?:{body})(?![\w]){tail}")


LEVEL_LENGTH = {"kabupaten": 5, "kecamatan": 8, "desa": 13}   # "33.29", "33.29.16", "33.29.16.2001"


@dataclass(frozen=True)
class Role:
    name: str
    family: str
    generic: bool
    weight: float
    unique_at: str | None
    parent: str | None = None   # a broader role that may name the same person ("kepala dinas")
    one_per_office: bool = False  # one holder per office: the same office's is the same person


@dataclass(frozen=True)
class Rules:
    roles: dict[str, Role]
    role_words: dict[str, str]           # word -> role name
    role_re: re.Pattern
    fillers_re: re.Pattern               # words inside a role phrase: "kepala salah satu dinas"
    excluded_re: re.Pattern
    dismissed_re: re.Pattern
    conditional_re: re.Pattern
    criminal_re: re.Pattern
    request_re: re.Pattern
    hedge_re: re.Pattern
    stage_map: dict[str, str]
    headline: tuple[tuple[str, re.Pattern], ...]   # most advanced first
    sanctions: tuple[tuple[str, re.Pattern], ...]   # most severe first
    recipients: tuple[tuple[str, re.Pattern], ...]
    link: dict[str, float]
    act_family: dict[str, str]
    generic_acts: frozenset
    common_name_words: frozenset = frozenset()
    english_posts: tuple[tuple[re.Pattern, str], ...] = ()
    office_subjects: tuple[tuple[re.Pattern, str], ...] = ()
    not_subject_re: re.Pattern | None = None   # "paslon <role>", "ke <role>": no subject's role
    english_fields: tuple[tuple[re.Pattern, str], ...] = ()  # "fisheries" -> "perikanan"
    regional_roles: tuple[tuple[tuple[str, ...], str, str], ...] = ()  # (region codes, role, read as)

    def acts_relation(self, a: set[str], b: set[str]) -> str | None:
        """'same', 'related', 'other', or None when either side names no act."""
        if not a or not b:
            return None
        if a & b:
            return "same"
        if (a | b) & self.generic_acts or {self.act_family.get(x) for x in a} & {self.act_family.get(x) for x in b}:
            return "related"
        return "other"

    def stage_of(self, stage: str, sentence: str) -> str:
        """The case stage a mention reports: its mapped stage, or "reported" when the
        sentence only expects, threatens or supposes it."""
        mapped = self.stage_map.get(stage, "reported")
        if mapped != "reported" and self.hedge_re.search(sentence.lower()):
            return "reported"
        return mapped

    def headline_stage(self, title: str) -> str | None:
        """The stage a headline names (a sanction kind counts), unless it is hedged. A
        sanction named after a recommendation is the one recommended ("Bawaslu
        Rekomendasikan Pj Bupati Beri Sanksi Kades X"): a recommendation."""
        low = title.lower()
        if self.hedge_re.search(low):
            return None
        found = {stage: m.start() for stage, p in self.headline if (m := p.search(low))}
        sanction = min((m.start() for _, p in self.sanctions if (m := p.search(low))), default=None)
        if sanction is not None:
            found["sanctioned"] = min(sanction, found.get("sanctioned", sanction))
        # "BKN Minta Bupati Jatuhkan Hukuman": asked for ("Minta Maaf" is an apology)
        asks = [m.start() for m in self.request_re.finditer(low) if not low.startswith(" maaf", m.end())]
        first_ask = min([found.get("recommended", len(low)), *asks])
        if "sanctioned" in found and first_ask < found["sanctioned"]:
            return "recommended"
        return next((stage for stage, _ in self.headline if stage in found), None)

    def only_promised(self, stage: str, sentences: list[str]) -> bool:
        """The body tells ``stage`` (a headline's) only as a step to come ("Diperiksa" over
        "yang bersangkutan akan kami klarifikasi"): the headline claims more than the body."""
        pattern = dict(self.headline).get(stage)
        if pattern is None:
            return False
        told = [s.lower() for s in sentences if pattern.search(_no_clitics(s.lower()))]
        return bool(told) and all(self.hedge_re.search(s) for s in told)

    def role_of(self, text: str) -> str | None:
        """The first subject role ``text`` names (lowercased), or None."""
        match = self.role_re.search(self.role_text(text))
        return self.role_words[match.group(0)] if match else None

    def _translated(self, text: str) -> str:
        """``text`` lowercased without fillers, its English posts in the Indonesian role words."""
        text = self.fillers_re.sub("", text.lower())
        for pattern, words in self.english_posts:
            text = pattern.sub(words, text)
        return text

    def role_text(self, text: str) -> str:
        """``text`` lowercased, its English posts in the Indonesian role words, and an office
        standing as the subject ("Puskesmas X") led by the role of its head."""
        text = self._translated(text)
        if not self.role_re.search(text):
            for pattern, words in self.office_subjects:
                if pattern.search(text):
                    return f"{words} {text}"
        return text

    def office_role(self, text: str) -> str | None:
        """The generic role of the family of the office ``text`` stands for ("Puskesmas X",
        "Dinas Y" whose car did the act): any holder of a post there may be the doer. None
        when ``text`` names a role itself or no office."""
        low = self._translated(text)  # "the head of the regency's culture agency" names a role
        if self.role_re.search(low) or not any(p.search(low) for p, _ in self.office_subjects):
            return None
        family = self.roles[self.role_of(text)].family
        return next((r.name for r in self.roles.values() if r.family == family and r.generic), None)

    def in_region(self, role: str | None, region: str | None) -> str | None:
        """``role`` as the region names it: a lurah in a kabupaten of Yogyakarta heads a
        kalurahan, a village (``regional_roles`` of the rules)."""
        for codes, word, read_as in self.regional_roles:
            if role == word and region and region.startswith(codes):
                return read_as
        return role

    def compatible_roles(self, a: str | None, b: str | None) -> str | None:
        """'specific' when a and b are one role, 'generic' when one is its family's generic
        role and the other of the same family, else None."""
        if a is None or b is None:
            return None
        if a == b:
            return "generic" if self.roles[a].generic else "specific"
        ra, rb = self.roles[a], self.roles[b]
        if ra.family == rb.family and (ra.generic or rb.generic or ra.parent == b or rb.parent == a):
            return "generic"
        return None


CLITIC_RE = re.compile(r"(?<=\w{4})(?:nya|lah|pun)\b")


def _no_clitics(text: str) -> str:
    """ "sanksinya" -> "sanksi": a stage word with a clitic still names the stage."""
    return CLITIC_RE.sub("", text)


def _with_terms(pattern: str) -> str:
    """``pattern`` with each "@name" put as the alternation of shared term list ``name``."""
    return re.sub(r"@(\w+)", lambda m: "|".join(
        re.escape(t) for t in sorted(resolve([m.group(0)]), key=len, reverse=True)), pattern)


def parse(data: dict) -> Rules:
    roles, role_words = {}, {}
    plural_heads = frozenset(data["subjects"].get("english_plural_heads", ()))
    for name, spec in data["roles"].items():
        if spec.get("unique_at") not in (None, *LEVEL_LENGTH):
            raise ValueError(f"role {name}: unique_at must be one of {sorted(LEVEL_LENGTH)}")
        roles[name] = Role(name, spec["family"], bool(spec.get("generic", False)), float(spec["weight"]),
                           spec.get("unique_at"), spec.get("parent"), bool(spec.get("one_per_office", False)))
        for word in resolve(spec["words"]):
            if word in role_words:
                raise ValueError(f"role word {word!r} is listed twice")
            role_words[word] = name
            if word.split()[-1] in plural_heads:  # "ward chiefs", "school principals"
                role_words.setdefault(word + "s", name)
    stages = data["stages"]
    props = stages.get("props", [])  # "mencopot baliho" takes down a banner, no official
    return Rules(
        roles=roles, role_words=role_words, role_re=_alternation(list(role_words)),
        fillers_re=re.compile(r"\b(?:%s)\s+" % "|".join(map(re.escape, data["subjects"]["role_fillers"]))),
        excluded_re=_alternation(data["subjects"]["excluded"]),
        dismissed_re=_alternation(stages["dismissed"]),
        conditional_re=_alternation(stages["conditionals"]),
        criminal_re=_alternation(stages["criminal_track"]),
        request_re=_alternation(stages["requests"]),
        hedge_re=_alternation(stages["hedges"] + stages["conditionals"]),
        stage_map=dict(stages["map"]),
        headline=tuple((k, _alternation(v)) for k, v in reversed(list(stages["headline"].items()))),
        sanctions=tuple((k, _alternation(v, props)) for k, v in data["sanctions"].items()),
        recipients=tuple((k, _alternation(v)) for k, v in data["recipients"].items()),
        link={k: float(v) for k, v in data["link"].items()},
        act_family={act: fam for fam, acts in data["acts"]["families"].items() for act in acts},
        generic_acts=frozenset(data["acts"]["generic"]),
        common_name_words=frozenset(resolve(data["subjects"].get("common_name_words", []))),
        english_posts=tuple((re.compile(p), w) for p, w in data["subjects"].get("english_posts", [])),
        english_fields=tuple((re.compile(rf"\b{re.escape(en)}\b"), idn)
                             for en, idn in data["subjects"].get("english_fields", {}).items()),
        office_subjects=tuple((re.compile(_with_terms(p)), w) for p, w in data["subjects"].get("office_subjects", [])),
        regional_roles=tuple((tuple(x["regions"]), x["role"], x["read_as"]) for x in data.get("regional_roles", [])),
        not_subject_re=re.compile(r"(?<![\w])(?:%s)\s+$" % "|".join(
            map(re.escape, data["subjects"].get("not_subject_before", ["calon"])))),
    )


@cache
def rules(path: Path = RULES_PATH) -> Rules:
    with path.open("rb") as fh:
        return parse(tomllib.load(fh))
