"""Reports from many articles joined into cases.

Reports are read in time order (then by article id, so the result does not depend on the
input order). Each report is compared only with the cases that share a blocking key with it
(a registry person, a near-duplicate cluster, or kabupaten/kota + role family) — never with
every case — and joins the best-scoring one at or above ``link.join`` of the rules, or starts
a new case. A follow-up (a later stage than the case has reached) that reaches
``link.follow_up_join`` with one case only joins it. Copies in one near-duplicate cluster are
one report and always join.

A join's score and its reasons are kept with the member, so an uncertain decision can be
read back ("same role, same act, 12 days apart: 3.0").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from pantau.cases.reports import RANK, Report, initials_match
from pantau.cases.rules import LEVEL_LENGTH, Rules, rules


@dataclass
class Cluster:
    reports: list[Report] = field(default_factory=list)
    scores: list[tuple[float, list[str]]] = field(default_factory=list)
    persons: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    initials: set[str] = field(default_factory=set)
    subregions: set[str] = field(default_factory=set)
    acts: set[str] = field(default_factory=set)
    clusters: set[str] = field(default_factory=set)
    copies: set[tuple] = field(default_factory=set)
    offices: set[str] = field(default_factory=set)
    regency: str | None = None
    province: str | None = None
    first: date | None = None
    last: date | None = None
    top: int = 0

    def add(self, rep: Report, score: float, why: list[str]) -> None:
        self.reports.append(rep)
        self.scores.append((score, why))
        self.persons |= rep.persons
        self.names |= rep.names
        self.roles |= {rep.role} if rep.role else set()
        self.initials |= {rep.initials} if rep.initials else set()
        self.subregions |= rep.subregions
        self.acts |= rep.acts
        self.clusters.add(rep.cluster)
        self.copies.add(copy_key(rep))
        self.offices |= rep.offices
        self.regency = self.regency or rep.regency
        self.province = self.province or rep.province
        day = rep.day
        if day:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)
        self.top = max(self.top, RANK[rep.stage])


def copy_key(rep: Report) -> tuple:
    """A report and its syndicated copies' (one cluster, one subject: an article about two
    cases has two reports, and each copy of it the same two)."""
    return rep.cluster, rep.role, rep.initials or "", tuple(sorted(rep.names))


def keys(rep: Report, r: Rules, lookup: bool = False) -> list[tuple]:
    """The blocking keys a report is filed under (or, ``lookup``, looks in): its cluster,
    persons, names in its province, and role family in its kabupaten/kota (else its province). A report with a
    kabupaten/kota also looks among the cases known only by their province, and one known
    only by its province among the province's cases."""
    out = [("cluster", rep.cluster)] + [("person", p) for p in sorted(rep.persons)]
    out += [("name", rep.province or "", n) for n in sorted(rep.names)]  # one name the registry split
    if rep.role:
        family = r.roles[rep.role].family
        out.append(("family", rep.regency or rep.province or "", family))
        if lookup and rep.regency and rep.province:
            out.append(("family", rep.province, family))
        # a report known only by its province (a province's own staff) looks among the
        # province's cases of every kabupaten/kota, filed under this key too
        if rep.province and (rep.regency if not lookup else not rep.regency):
            out.append(("province-wide", rep.province, family))
    return out


def score(rep: Report, case: Cluster, r: Rules) -> tuple[float | None, list[str]]:
    """How strongly ``rep`` belongs to ``case``: None when a hard rule keeps them apart."""
    w = r.link
    if copy_key(rep) in case.copies:
        return 10.0, ["a copy of a member (near-duplicate cluster)"]
    same_person = bool(rep.persons & case.persons) or _same_full_name(rep, case, r, mononyms=False)
    if not same_person:  # one official may act in two kabupaten; a role in one place is one
        if rep.regency and case.regency and rep.regency != case.regency:
            return None, ["another kabupaten/kota"]
        if rep.province and case.province and rep.province != case.province:
            return None, ["another province"]
    total, why = 0.0, []
    subject = _subject(rep, case, r)
    if subject is None:
        return None, ["another subject"]
    total += subject[0]
    why += subject[1]
    if rep.offices & case.offices:
        total += w["same_office"]
        why.append("same office or description")
    if rep.subregions and case.subregions:
        if not _overlap_codes(rep.subregions, case.subregions):
            return None, ["another kecamatan or desa"]
        shared = _shared_depth(rep.subregions, case.subregions)
        unique = r.roles[rep.role].unique_at if rep.role else None
        if unique and shared >= LEVEL_LENGTH[unique]:
            total += w["same_unique_region"]
            why.append(f"same {unique}")
        elif shared >= LEVEL_LENGTH["kecamatan"]:
            total += w["same_kecamatan"]
            why.append("same kecamatan")
    relation = r.acts_relation(rep.acts, case.acts)
    if relation == "other" and not same_person and _initials_fit(rep, case):
        relation = "related"  # initials that fit the case's named official: one person, and one
        # event told by its different acts (tractors handed out under a candidate's banner)
    if relation:
        total += w[f"{relation}_act"]
        why.append(f"{relation} act")
    gap = _gap(rep.day, case)
    if gap is not None:
        if gap > w["days_never"]:
            return None, [f"{gap} days apart"]
        follow_up = RANK[rep.stage] > case.top and rep.stage != "clarified"
        if gap > w["days_very_far"]:
            total += w["very_far"]
        elif gap > w["days_far"] and not follow_up:  # a decision months after the report is
            total += w["far"]                           # the usual pace, not a sign of another case
        elif gap <= w["days_close"]:
            total += w["close"]
        why.append(f"{gap} days apart")
    if RANK[rep.stage] > case.top:
        total += w["later_stage"]
        why.append("a later stage")
    return total, why


def _subject(rep: Report, case: Cluster, r: Rules) -> tuple[float, list[str]] | None:
    w = r.link
    if rep.persons and case.persons and not (_place_as_name(rep.names, rep.offices)
                                             or _place_as_name(case.names, case.offices)):
        if rep.persons & case.persons:
            return w["same_person"], ["same official"]
        # two registry persons: one only if the full name is the same (a one-word name not a
        # common one), which the registry split, e.g. by a region one article's role named, or
        # if a name word is shared and the role is the same (a name the NLP cut differently)
        if _same_full_name(rep, case, r):
            return w["same_person"], ["same full name, compatible role"]  # a registry split
        words = ({x for n in rep.names for x in n.split()} & {x for n in case.names for x in n.split()}) \
            - r.common_name_words
        if not words or not any(r.compatible_roles(rep.role, role) == "specific" for role in case.roles):
            return None
        return w["same_person"], ["same role, a shared name word"]
    fit = max((r.compatible_roles(rep.role, role) or "" for role in case.roles), default="")
    if not fit:
        return None
    if fit == "specific" and r.roles[rep.role].one_per_office and rep.offices & case.offices:
        return w["same_person"], ["the head of the same office"]  # one head per agency
    total = r.roles[rep.role].weight if fit == "specific" else w["same_generic_role"]
    why = [f"{'same' if fit == 'specific' else 'compatible'} role"]
    initials = _initials_fit(rep, case)
    if initials is False:
        return None
    if initials:
        total += w["same_initials"]
        why.append("same initials")
    return total, why


def _place_as_name(names: set[str], offices: set[str]) -> bool:
    """Every name one word that is also a word of the subject's office: a place the NLP took
    for a name ("Raja Negeri Tiang Lau mengajak ..." read as Lau, raja of Tiang)."""
    return bool(names) and all(" " not in n and n in offices for n in names)


def _same_full_name(rep: Report, case: Cluster, r: Rules, mononyms: bool = True) -> bool:
    """One full name and compatible roles in one province: one person, whatever the registry
    filed them under; a name of several words also whatever kabupaten/kota the articles were
    datelined in. ``mononyms``: a one-word name that is not a common one counts too."""
    shared = _shared_names(rep.names, case.names)
    if not shared or (rep.province and case.province and rep.province != case.province):
        return False
    return any(len(n.split()) > 1 or mononyms and n not in r.common_name_words for n in shared) \
        and any(r.compatible_roles(rep.role, role) for role in case.roles)


def _shared_names(a: set[str], b: set[str]) -> set[str]:
    """The names of ``a`` that ``b`` has too, a word written as its initial or a short form
    counting as the word when two words or more are written out in both ("rudi h siregar" and
    "tb hasan basri" are "rudi hartono siregar" and "tubagus hasan basri")."""
    return {x for x in a if x in b or any(_abbreviates(x, y) or _abbreviates(y, x) for y in b)}


def _abbreviates(short: str, full: str) -> bool:
    s, f = short.split(), full.split()
    if len(s) != len(f) or sum(len(w) > 1 and w == v for w, v in zip(s, f)) < 2:
        return False
    return all(w == v or len(w) <= 3 < len(v) and _shortens(w, v) for w, v in zip(s, f))


def _shortens(short: str, word: str) -> bool:
    """"y" for "yakob", "tb" for "tubagus", "moh" for "mohammad": the word's first letter, then
    letters of it in order."""
    rest = iter(word[1:])
    return short[0] == word[0] and all(c in rest for c in short[1:])


def _initials_fit(rep: Report, case: Cluster) -> bool | None:
    """True when initials agree with initials or names, False when they disagree, None when
    there is nothing to compare."""
    if rep.initials:
        if case.initials:
            return rep.initials in case.initials
        return any(initials_match(rep.initials, n) for n in case.names) if case.names else None
    if case.initials and rep.names:
        return any(initials_match(i, n) for i in case.initials for n in rep.names)
    return None


def _shared_depth(a: set[str], b: set[str]) -> int:
    """The length of the longest code both sides name (one inside the other counts as the
    outer one)."""
    return max((min(len(x), len(y)) for x in a for y in b
                if x == y or x.startswith(y + ".") or y.startswith(x + ".")), default=0)


def _overlap_codes(a: set[str], b: set[str]) -> bool:
    """Some code of ``a`` is, contains or lies in some code of ``b``."""
    return any(x == y or x.startswith(y + ".") or y.startswith(x + ".") for x in a for y in b)


def _gap(day: date | None, case: Cluster) -> int | None:
    if day is None or case.first is None:
        return None
    if case.first <= day <= case.last:
        return 0
    return min(abs((day - case.first).days), abs((day - case.last).days))


def _candidates(rep: Report, r: Rules, index: dict[tuple, list[int]], cases: list[Cluster],
                horizon: date | None) -> set[int]:
    """The cases sharing a blocking key with ``rep``. Reports come in time order, so a case
    whose last report is older than ``days_never`` before this one can never be joined
    again: it leaves the buckets (the buckets stay short however long the archive runs)."""
    found: set[int] = set()
    for k in keys(rep, r, lookup=True):
        bucket = index.get(k)
        if not bucket:
            continue
        if horizon is not None:
            bucket[:] = [i for i in bucket if cases[i].last is None or cases[i].last >= horizon]
        found.update(bucket)
    return found


def link(reports: list[Report], r: Rules | None = None) -> list[Cluster]:
    r = r or rules()
    ordered = sorted(reports, key=lambda p: (p.day or date.max, p.article, p.label))
    cases: list[Cluster] = []
    index: dict[tuple, list[int]] = {}
    never = timedelta(days=int(r.link["days_never"]))
    for rep in ordered:
        best, best_score, best_why = None, r.link["join"] - 1e-9, []
        fits = []
        for i in sorted(_candidates(rep, r, index, cases, rep.day - never if rep.day else None)):
            s, why = score(rep, cases[i], r)
            if s is not None and s > best_score:
                best, best_score, best_why = i, s, why
            if s is not None and s >= r.link["follow_up_join"]:
                fits.append((i, s, why))
        if best is None and len(fits) == 1 and RANK[rep.stage] > cases[fits[0][0]].top:
            # a follow-up that fits one case only: the later stage of that case, though it
            # restates little of it ("the village head was reprimanded")
            best, best_score, best_why = fits[0][0], fits[0][1], fits[0][2] + ["the only case it follows up"]
        if best is None:
            best = len(cases)
            cases.append(Cluster())
            best_score, best_why = 0.0, ["first report"]
        cases[best].add(rep, round(best_score, 2), best_why)
        for k in keys(rep, r):
            bucket = index.setdefault(k, [])
            if not bucket or bucket[-1] != best:
                bucket.append(best)
    return cases
