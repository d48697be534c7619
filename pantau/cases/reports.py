"""One article's reports: its incident mentions grouped by subject.

A report is what one article says about one case: a subject (a registry person, or a role
with initials, place and region), the acts (violation types), the most advanced stage, the
stage's date when its sentence gives one, and the evidence. Only incident articles report
cases (and an article read as "other" whose incident sentences name one subject twice: the
doc-type gate is strict on short reports); statistics, outreach and regulation articles
report none.

Within an article, "seorang camat" and "Camat Ketanggungan, Tohirin" are one subject: an
unnamed mention joins the one named subject of a compatible role, and "berinisial MR" joins
the person whose name has those initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from pantau.cases import context
from pantau.cases.inputs import CaseInput, Mention
from pantau.cases.rules import Rules, rules
from pantau.officials_registry import normalize_name as _normalize_name

normalize_name = lru_cache(maxsize=65536)(_normalize_name)  # names repeat across articles
STAGES = ("reported", "clarified", "recommended", "sanctioned", "dismissed")
RANK = {s: i for i, s in enumerate(STAGES)}
INITIALS_RE = re.compile(r"\b(?:berinisial|inisial)\s+([A-Z]{1,4}(?:\.\s?[A-Z]{1,3})*)")
# "Guru tersebut berinisial MK", "Kepala sekolah itu berinisial SW": a role named before
LATER_INITIALS_RE = re.compile(r"\b(\w+(?:\s+\w+)?)\s+(?:tersebut|itu)\s+(?:berinisial|inisial)\s+([A-Z]{1,4})\b")
NAMED_RE = re.compile(r"\bbernama\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})")
LEAD_SENTENCES = 3  # sentences of the body read for an office that did the act
# where a role's description ends ("Kepsek Pendukung Paslon | ke BKN")
PHRASE_END_RE = re.compile(r"\s(?:ke|kepada|oleh|dari|dan|di|yang|untuk|karena|saat|soal|,)\s|[,.;:]")
DESCRIPTOR_STOP = {"berinisial", "inisial", "bernama", "itu", "tersebut", "ini", "seorang", "oknum",
                   "kabupaten", "kota", "provinsi", "kecamatan", "desa", "kab", "di", "pada", "dan"}
SENTENCE_RE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z\"“(])")


@dataclass
class Report:
    article: str
    source: str
    cluster: str
    published: date | None
    persons: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)      # normalised names, for initials
    role: str | None = None
    initials: str | None = None
    regency: str | None = None                         # "33.29"
    province: str | None = None
    subregions: set[str] = field(default_factory=set)  # kecamatan and desa codes
    acts: set[str] = field(default_factory=set)
    stage: str = "reported"
    stage_date: str | None = None
    sanction: str | None = None
    recipient: str | None = None
    evidence: list[dict] = field(default_factory=list)  # {stage, text, sentence}
    label: str = ""                                     # the subject as the article puts it
    offices: set[str] = field(default_factory=set)      # words of the subject's office ("pupr", "pertanian")

    @property
    def day(self) -> date | None:
        """When the report happened for linking: the stage date, else the publication."""
        return _as_date(self.stage_date) or self.published


def _as_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def initials_of(name_key: str) -> str:
    return "".join(w[0] for w in name_key.split()).upper()


def initials_match(initials: str, name_key: str) -> bool:
    """"AP" fits "agus priyanto"; initials of fewer letters than the name has words are
    those of its first words or of its first and last ("ML" fits "moh lutfi lasahido" and
    "muhammad iqbal lubis"); for a one-word name ("suparno") the letters of the initials
    appear in order, the first one first ("SP")."""
    words = name_key.split()
    if len(words) != 1:
        full = initials_of(name_key)
        return initials in (full, full[:len(initials)]) or \
            len(initials) == 2 < len(full) and initials == full[0] + full[-1]
    rest = words[0].upper()
    if not initials or not rest.startswith(initials[0]):
        return False
    position = 1
    for letter in initials[1:]:
        position = rest.find(letter, position) + 1
        if position == 0:
            return False
    return True


def reports(item: CaseInput, r: Rules | None = None) -> list[Report]:
    """The reports of one article (none unless it is an incident article)."""
    r = r or rules()
    if item.doc_type not in ("incident", "other"):
        return []
    groups = _group(item, r)
    if item.doc_type == "other":  # the doc-type gate misses short incident reports: a
        groups = [g for g in groups if len(g.mentions) >= 2 or _in_title(item, g, r)]  # subject
        # seen twice, or named in the headline, still counts
    kept = _salient(item, groups, r) if groups else []
    if not kept and (item.doc_type == "incident" or item.violation_types):
        kept = _from_headline(item, r) or _from_officials(item, r) or _from_office(item, r)
    return [_report(item, g, r, single=len(kept) == 1) for g in kept]


def _in_title(item: CaseInput, g: "_Group", r: Rules) -> bool:
    return bool(item.title) and _names_subject(item.title, g, r)


def _from_headline(item: CaseInput, r: Rules) -> list["_Group"]:
    """An incident article whose sentences name no subject: its headline's ("Kades di Tebo
    Dicopot"), when the headline names a subject role outside an overseer's title."""
    role = _role_near(item.title, r)
    if role is None or AGGREGATE_RE.search(item.title):
        return []  # "Over 1,600 civil servants reported ...": a tally, not a case
    g = _Group(("headline", role), role, place=_place(item, item.title, r), label=item.title)
    g.mentions.append(Mention(item.title, "", "reported", None, item.title, item.title))
    return [g]


def _from_officials(item: CaseInput, r: Rules) -> list["_Group"]:
    """An incident article whose sentences tie no act to a subject: the first official it
    names in a subject's role (not an overseer's or a spokesman's)."""
    for o in item.officials:
        role = r.role_of(o["role"])
        if role is None or r.excluded_re.search(o["role"].lower()):
            continue
        g = _Group(("person", o["person"]), role, persons={o["person"]}, names={normalize_name(o["name"])},
                   label=f"{o['name']} ({o['role']})", office_text=[f"{o['role']} {o.get('org') or ''}"])
        if o.get("region_code"):
            g.regions.add(o["region_code"])
        g.mentions.append(Mention(o["name"], "", "reported", None, item.title, item.title))
        return [g]
    return []


# an office named in running text ("surat berkop Pemerintah Kecamatan X"); which role heads it
# is the rules' office_subjects
OFFICE_NAME_RE = re.compile(r"\b(?:Kantor |Pemerintah )?(?:Kecamatan|Distrik|Kelurahan|Desa|Kampung|Dinas|Badan|Puskesmas|"
                            r"UPTD?|Satpol PP|SDN?|SMPN?|SMAN?|SMKN?)\b(?:\s+(?:[A-Z][\w'-]*|dan)){1,6}")


def _from_office(item: CaseInput, r: Rules) -> list["_Group"]:
    """An incident article that tells an act of an office and names no one ("the invitation
    bore the letterhead of Kecamatan X", "a car of Dinas Y"): the office's, as its generic
    role, placed where the office is (an unnamed holder of a post there)."""
    if not item.violation_types:
        return []
    places = [name.lower() for _, _, name, _ in item.regions if name]
    for text in [item.title, *_sentences(item.text)[:LEAD_SENTENCES]]:
        for m in OFFICE_NAME_RE.finditer(text or ""):
            if text == item.title and not any(p in m.group(0).lower() for p in places):
                continue  # a headline capitalises every word: only an office of a place it knows
            if r.excluded_re.search(m.group(0).lower()):
                continue  # "Badan Kepegawaian Negara": an overseer
            role = r.office_role(m.group(0).removeprefix("Kantor ").removeprefix("Pemerintah "))
            if role is not None:
                g = _Group(("office", m.group(0)), role, place=_place(item, m.group(0), r), label=m.group(0),
                           office_text=[m.group(0)])
                g.mentions.append(Mention(m.group(0), "", "reported", None, text, text))
                return [g]
    return []


@dataclass
class _Group:
    key: tuple
    role: str | None
    persons: set = field(default_factory=set)
    names: set = field(default_factory=set)
    initials: str | None = None
    place: str | None = None
    regions: set = field(default_factory=set)   # official region codes
    mentions: list = field(default_factory=list)
    label: str = ""
    office_text: list = field(default_factory=list)  # role strings of the named officials


def _official_of(item: CaseInput, subject: str) -> dict | None:
    name = normalize_name(subject.split(" (", 1)[0])
    if not name:
        return None
    for o in item.officials:
        key = normalize_name(o["name"])
        if key and (key == name or f" {key} " in f" {name} " or f" {name} " in f" {key} "):
            return o
    return None


def _place(item: CaseInput, subject: str, r: Rules) -> str | None:
    """The code of the kecamatan or desa a "<Role> <Place>" subject names."""
    match = r.role_re.search(subject.lower())
    if not match:
        return None
    rest = subject[match.end():].strip(" ,").lower()
    for code, level, name, _ in item.regions:
        if level in ("kecamatan", "desa") and name and rest.startswith(name.lower()):
            return code
    return None


def _group(item: CaseInput, r: Rules) -> list[_Group]:
    groups: dict[tuple, _Group] = {}
    pending = []
    for m in item.incidents:
        if r.excluded_re.search(m.subject.lower()):
            continue
        official = _official_of(item, m.subject)
        if official is not None:
            role = r.role_of(official["role"]) or r.role_of(m.subject)
            if role is None or r.excluded_re.search(official["role"].lower()):
                continue
            g = groups.setdefault(("person", official["person"]), _Group(("person", official["person"]), role))
            g.persons.add(official["person"])
            g.names.add(normalize_name(official["name"]))
            if official.get("region_code"):
                g.regions.add(official["region_code"])
            g.label = g.label or f"{official['name']} ({official['role']})"
            g.office_text.append(f"{official['role']} {official.get('org') or ''}")
            g.mentions.append(m)
        else:
            pending.append(m)
    _merge_namesakes(item, groups, r)
    # the most specific first: "bernama X", then initials, then a bare role, so that a bare
    # "seorang penyuluh" joins the one penyuluh the article names instead of standing apart
    for m in sorted(pending, key=_specificity):
        _place_unnamed(item, groups, m, r)
    return list(groups.values())


def _specificity(m: Mention) -> int:
    if NAMED_RE.search(m.subject):
        return 0
    return 1 if INITIALS_RE.search(m.subject) else 2


def _place_unnamed(item: CaseInput, groups: dict, m: Mention, r: Rules) -> None:
    role = r.office_role(m.subject) or r.role_of(m.subject)
    if role is None and INITIALS_RE.search(m.subject):  # "berinisial MY": the role is in the
        role = _role_near(m.sentence, r) or _role_near(item.title, r)  # sentence or headline
    if role is None:
        return
    found = INITIALS_RE.search(m.subject)
    initials = found.group(1).replace(".", "").replace(" ", "") if found else None
    given = NAMED_RE.search(m.subject)  # "penyuluh bernama Bambang Sutrisno"
    if not initials and not given:
        initials = _initials_later(item, role, r)
    name = normalize_name(given.group(1)) if given else None
    named = [g for g in groups.values() if r.compatible_roles(g.role, role)]
    if name:
        target = [g for g in named if name in g.names or (g.initials and initials_match(g.initials, name))]
        if target:
            target[0].names.add(name)
            target[0].mentions.append(m)
            return
        key = ("named", role, name)
        g = groups.setdefault(key, _Group(key, role, place=_place(item, m.subject, r), label=m.subject))
        g.names.add(name)
        g.mentions.append(m)
        return
    if initials:
        target = [g for g in named if g.initials == initials or (
            any(initials_match(initials, n) for n in g.names) and not _quoted_only(g))]
    elif context.others(m):
        target = []  # "dua pangulu lain": not the one the article names
    else:
        target = named if len(named) == 1 else []
        if target and context.elsewhere(item, m.sentence, _regency_of(item, target[0])):
            target = []  # "dua ASN Pemerintah Kota Jayapura" beside an ASN of the kabupaten
    if len(target) == 1:
        target[0].mentions.append(m)
        return
    place = _place(item, m.subject, r)
    key = ("unnamed", role, initials or "", place or "")
    g = groups.setdefault(key, _Group(key, role, initials=initials, place=place, label=m.subject))
    g.mentions.append(m)


def _quoted_only(g: _Group) -> bool:
    """A named official none of whose sentences tells an act: one quoted about the case."""
    return bool(g.persons) and not any(m.violation_type for m in g.mentions)


def _initials_later(item: CaseInput, role: str, r: Rules) -> str | None:
    """The initials another sentence gives the role ("Guru tersebut berinisial MK."), when the
    article gives that role one set of initials only."""
    found = set()
    for m in LATER_INITIALS_RE.finditer(item.text or ""):
        before = r.role_of(m.group(1))
        if before is not None and r.compatible_roles(before, role):
            found.add(m.group(2))
    return found.pop() if len(found) == 1 else None


def _phrase(low: str, match: re.Match) -> str:
    """The role's words and their description up to a preposition or a comma."""
    rest = low[match.start():match.end() + 40]
    cut = PHRASE_END_RE.search(rest, match.end() - match.start())
    return rest[:cut.start()] if cut else rest


def _role_near(text: str, r: Rules) -> str | None:
    """The first subject role ``text`` names outside an overseer's title."""
    low = text.lower()
    for match in r.role_re.finditer(low):
        if r.not_subject_re.search(low, 0, match.start()):
            continue  # "Baliho Paslon Bupati ...", "Dilimpahkan ke Wali Kota": not the subject
        phrase = _phrase(low, match)
        step = [m.start() for _, p in r.headline for m in [p.search(phrase, match.end() - match.start())] if m]
        phrase = phrase[:min(step)] if step else phrase  # "Camat X Diperiksa Bawaslu": the step ends it
        if not r.excluded_re.search(phrase) and not context.acts_on_others(low, match.end(), r):
            return r.role_words[match.group(0)]
    return None


def descriptors(text: str, r: Rules, places: set[str]) -> set[str]:
    """The words that describe a role in ``text`` ("penyuluh pertanian" -> pertanian, "guru
    PPPK" -> pppk, "the fisheries agency" -> perikanan), without place names."""
    low = text.lower()
    out = {w for pattern, words in r.english_fields if pattern.search(low) for w in words.split()}
    for match in r.role_re.finditer(low):
        words = _phrase(low, match)[match.end() - match.start():].split()[:2]
        out |= {w for w in words if w.isalpha() and w not in DESCRIPTOR_STOP and w not in places
                and r.role_re.fullmatch(w) is None}
    return out


def _merge_namesakes(item: CaseInput, groups: dict[tuple, "_Group"], r: Rules) -> None:
    """Two named subjects of one role whose names share a word are one person in one article
    ("Facebook Hendra" and "Hendra Saputra", a name the NLP cut badly); so is an official of
    the article named without an incident sentence."""
    named = [g for g in groups.values() if g.persons]
    for g in named:
        words = {w for n in g.names for w in n.split()}
        for o in item.officials:
            key = normalize_name(o["name"])
            if key and set(key.split()) & words and r.role_of(o["role"]) == g.role:
                g.persons.add(o["person"])
                g.names.add(key)
    for i, a in enumerate(named):
        for b in named[i + 1:]:
            if a.key in groups and b.key in groups and r.compatible_roles(a.role, b.role) == "specific" \
                    and {w for n in a.names for w in n.split()} & {w for n in b.names for w in n.split()}:
                a.persons |= b.persons
                a.names |= b.names
                a.regions |= b.regions
                a.mentions += b.mentions
                del groups[b.key]


def _salient(item: CaseInput, groups: list[_Group], r: Rules | None = None) -> list[_Group]:
    """The groups an article is about: the strongest (mentions, named in the headline, an
    act), and beside it only subjects with a case of their own: named in the headline, or
    with an act the main subject does not have (an official quoted about the main case, or
    the camat a recommendation goes to, is not)."""
    r = r or rules()

    def named(g: _Group) -> bool:
        return _in_title(item, g, r)

    def weight(g: _Group) -> float:
        return len(g.mentions) + 2 * named(g) + 0.5 * any(m.violation_type for m in g.mentions)

    ranked = sorted(groups, key=lambda g: (-weight(g), g.key))
    if not ranked:
        return []
    main = ranked[0]
    main_acts = {m.violation_type for m in main.mentions if m.violation_type}
    kept = [main]
    for g in ranked[1:]:
        acts = [m.violation_type for m in g.mentions if m.violation_type]
        if (named(g) and (acts or g.initials or not _role_only(item.title, g, r))) or set(acts) - main_acts \
                or (acts and _apart(item, g, main, r)) or _listed_with(g, main):
            kept.append(g)
    return kept


def _role_only(title: str, g: _Group, r: Rules) -> bool:
    """The headline names the group by its role only ("Kumpulkan Lurah dan Kepling, Camat X
    Diperiksa": the lurah may be those gathered, not a subject). A named official so named,
    with no act of their own, is quoted or a witness."""
    return not _names_subject(title, replace(g, role=None), r) if title else True


def _listed_with(g: _Group, main: _Group) -> bool:
    """A named official the main subject's own sentence lists beside it at a step ("Keduanya
    adalah A, ..., serta B, ..., yang dijatuhi teguran"): a case of its own."""
    sentences = {m.sentence for m in main.mentions}
    return bool(g.persons) and any(m.sentence in sentences and m.stage != "reported" for m in g.mentions)


def _apart(item: CaseInput, g: _Group, main: _Group, r: Rules) -> bool:
    """An unnamed subject that cannot be the main one: one with initials in another role
    family ("an ASN of the kecamatan office, AR," beside the kades), or one in another
    kabupaten/kota ("two ASN of the neighbouring kota"). Named officials beside the main
    subject are mostly quoted about it, so they need an act of their own (above)."""
    if g.persons:
        return False
    if g.initials and g.role and main.role and r.compatible_roles(g.role, main.role) is None:
        return True
    mine, theirs = _regency_of(item, g), _regency_of(item, main)
    return bool(mine and theirs and mine != theirs)


def _regency_of(item: CaseInput, g: _Group) -> str | None:
    rep = Report(article=item.id, source=item.source, cluster="", published=item.published)
    _regions(item, g, {m.sentence for m in g.mentions}, rep)
    return rep.regency


def _report(item: CaseInput, g: _Group, r: Rules, single: bool) -> Report:
    rep = Report(article=item.id, source=item.source, cluster=item.cluster or item.id,
                 published=item.published, persons=set(g.persons), names=set(g.names),
                 role=g.role, initials=g.initials, label=g.label)
    sentences = {m.sentence for m in g.mentions}
    _regions(item, g, sentences, rep)
    rep.role = r.in_region(rep.role, rep.regency)
    rep.acts = {m.violation_type for m in g.mentions if m.violation_type}
    if not rep.acts and single:  # an article about one case whose sentences name no act:
        rep.acts = set(item.violation_types)  # the acts the article names are that case's
    # in an article about one case, every stage it reports is that case's
    staged = [m for m in item.incidents if not r.excluded_re.search(m.subject.lower())] if single else []
    staged = staged or g.mentions
    body = _sentences(item.text) if item.text else []

    def stage(m: Mention) -> str:  # a headline's stage the body only promises is a report
        found = r.stage_of(m.stage, m.sentence)
        return "reported" if m.sentence == item.title and r.only_promised(found, body) else found

    rep.stage = stage(max(staged, key=lambda m: RANK[stage(m)]))
    rep.stage_date = _date_in(item, {m.sentence for m in staged if stage(m) == rep.stage},
                              item.published, recall=rep.stage != "reported")
    headline = r.headline_stage(item.title) if (single or _in_title(item, g, r)) else None
    if headline and RANK[headline] > RANK[rep.stage] and not r.only_promised(headline, body):
        rep.stage, rep.stage_date = headline, None
    described = " ".join([g.label, *g.office_text, item.title if single else ""])
    places = {w for _, _, name, _ in item.regions for w in name.lower().split()}
    rep.offices = {a.lower() for a in _offices(described)} | descriptors(described, r, places)
    about = [s for s in [item.title, *body]
             if _names_subject(s, g, r) and not context.elsewhere(item, s, rep.regency)
             and not context.of_others(s, r) and not context.another_holder(s, g, r)] if item.text else []
    if _dismissed(about or sorted(sentences), r):
        rep.stage = "dismissed"
        rep.stage_date = _date_in(item, set(about), item.published, recall=True)
    scope = [m.sentence for m in staged] + about
    if rep.stage == "sanctioned":
        rep.sanction = _first_kind(r.sanctions, scope)
    if rep.stage in ("recommended", "sanctioned"):
        rep.recipient = _first_kind(r.recipients, [m.sentence for m in staged if m.stage == "recommended"])
    rep.evidence = [{"stage": r.stage_of(m.stage, m.sentence), "text": m.text, "sentence": m.sentence}
                    for m in g.mentions]
    return rep


def _regions(item: CaseInput, g: _Group, sentences: set[str], rep: Report) -> None:
    codes = set(g.regions) | ({g.place} if g.place else set())
    codes |= {code for code, _, _, sents in item.regions if sents & sentences}
    if g.key[0] == "headline":  # a subject named only in the headline ("Kepala Sekolah di
        local = {code for code, level, _, _ in item.regions if level == "kecamatan"}  # Kalisat"):
        codes |= local if len(local) == 1 else set()  # the one kecamatan the article names
    regencies = [c[:5] for c in codes if len(c) >= 5]
    if not regencies and not _provincial(g):  # the article's main kabupaten/kota
        counts: dict[str, int] = {}
        for code, _, _, sents in item.regions:
            if len(code) >= 5:
                counts[code[:5]] = counts.get(code[:5], 0) + max(1, len(sents))
        regencies = sorted(counts, key=lambda c: -counts[c])[:1]
    if regencies:  # the most specific mention's kabupaten/kota
        rep.regency = max(sorted(set(regencies)), key=regencies.count)
    provinces = [c[:2] for c in codes] or [code[:2] for code, *_ in item.regions]
    rep.province = rep.regency[:2] if rep.regency else (provinces[0] if provinces else None)
    rep.subregions = {c for c in codes if len(c) > 5 and (rep.regency is None or c.startswith(rep.regency))}


# a headline that counts many subjects ("Over 1,600 civil servants reported", "Ratusan ASN ...")
AGGREGATE_RE = re.compile(r"\b\d[\d.,]*\d\b|\b(?:ratusan|ribuan|puluhan|hundreds|thousands|dozens)\b", re.I)
PROVINCIAL_RE = re.compile(r"\b(?:provinsi|pemprov|province|provincial)\b", re.I)


def _provincial(g: "_Group") -> bool:
    """A subject of a province's service ("staf BPBD Provinsi", "ASN Pemprov"): not of the
    kabupaten/kota the article is datelined in."""
    return any(PROVINCIAL_RE.search(t) for t in [g.label, *g.office_text])


OFFICE_RE = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")
GENERIC_ACRONYMS = {"ASN", "PNS", "PPPK", "KASN", "BKN", "BKD", "TNI", "POLRI", "DPRD", "KPU", "RT", "RW",
                    "DAN", "THL", "UPT", "UPTD", "SD", "SMP", "SMA", "SMK", "SMPN", "SDN", "SMAN"}


def _offices(text: str) -> set[str]:
    """Acronyms of the subject's office in its description ("Dinas PUPR" -> PUPR)."""
    return {w for w in OFFICE_RE.findall(text) if w not in GENERIC_ACRONYMS}


def _names_subject(sentence: str, g: _Group, r: Rules) -> bool:
    """Whether ``sentence`` names the group's subject: a name, the initials, or its role."""
    low = sentence.lower()
    if any(n.split()[-1] in low.split() for n in g.names if n):
        return True
    if g.initials and re.search(rf"\b{re.escape(g.initials)}\b", sentence):
        return True
    return any(r.compatible_roles(g.role, r.role_words[m.group(0)]) == "specific"
               for m in r.role_re.finditer(low))


RECENT_DAYS = 30  # a date this close before publication, in any sentence, dates the stage


def _date_in(item: CaseInput, sentences: set[str], published: date | None, recall: bool = False) -> str | None:
    """The latest date (not after publication) named in one of ``sentences``; else the
    latest date of the article within ``RECENT_DAYS`` before its publication (news reports
    the latest step with the day it happened, not always in the sentence that names it).

    ``recall``: the stage is a step taken on an act (examined, recommended, sanctioned,
    dismissed). A date of its sentences before the article's latest recent date is then the
    act's, recalled ("... yang mengunggah video pada 19 Oktober"), and that recent date
    dates the step."""
    limit = published.isoformat() if published else "9999-12-31"
    floor = date.fromordinal(published.toordinal() - RECENT_DAYS).isoformat() if published else None
    recent = sorted(d for d, _ in item.dates if floor and floor <= d <= limit)
    days = sorted(d for d, s in item.dates if s in sentences and d <= limit)
    if days and not (recall and recent and days[-1] < recent[-1]):
        return days[-1]
    return recent[-1] if recent else None


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_RE.split(text) if s.strip()]


def _dismissed(sentences: list[str], r: Rules) -> bool:
    for sentence in sentences:
        low = sentence.lower()
        if r.criminal_re.search(low):
            continue  # the criminal track stopped, not the neutrality case
        for match in r.dismissed_re.finditer(low):
            if not r.conditional_re.search(low[max(0, match.start() - 60):match.start()]):
                return True
    return False


def _first_kind(kinds, sentences: list[str]) -> str | None:
    for name, pattern in kinds:
        if any(pattern.search(s.lower()) for s in sentences):
            return name
    return None
