"""The officials registry: official mentions from many articles grouped into persons.

A mention is what the NLP stage stores per article (``OfficialMention``: name, role, org,
region_code) plus the article's id and date. Mentions are one person when their normalised
names are equal (or one is part of the other, "Rina" / "Rina Sri Lestari", or a spelling
variant, "Syamsudin" / "Syamsuddin") and their organisation or region agrees. Each person keeps
the roles it was seen in, with the first and last date seen.

A bare mention (a name, perhaps a role, but no organisation and no region) cannot be matched
across articles: "Budi, a camat" in two articles may be two people. Within one article one
name is one person, so a bare mention joins the person of the same name (or a name it is
part of) already seen in that article, and a person seen only in bare mentions takes the
article's other mentions of its name. Otherwise it is a person of its own, whose id includes
its first article (``person_id``), so two bare namesakes never share an id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from difflib import SequenceMatcher
from typing import Iterable

from pantau.ids import digest

# degrees and honorifics (dots removed, lowercase), before or after a name
HONORIFICS = {
    "dr", "drs", "dra", "ir", "h", "hj", "kh", "prof", "tgh", "tgk", "ust", "ustadz", "habib",
    "sh", "mh", "mm", "msi", "ssos", "sip", "spd", "mpd", "map", "se", "st", "mt", "phd", "skom",
    "mkom", "ssi", "sag", "mag", "lc", "ma", "mba", "mpa", "ak", "sstp", "mtp", "sp", "mp", "shi",
    "mhi", "spdi", "mpdi", "sthi", "sked", "mkes", "skm", "bsc", "msc", "amd", "sei", "mih", "mkn",
    "spsi", "mpsi", "sikom", "mikom", "ssy", "shum", "mhum", "drh", "drg", "apt", "ners", "skep",
}
PREFIX_ONLY = {"bapak", "pak", "ibu", "bu", "sdr", "saudara", "akbp", "kompol", "akp", "iptu", "ipda",
               "letkol", "kolonel", "mayor", "kapten", "brigjen", "irjen", "kombes", "inf", "pol"}
FUZZY_RATIO = 0.88


def normalize_name(name: str) -> str:
    """"Dr. H. Rudi W. Hartono, S.H., M.M." -> "rudi w hartono"."""
    text = (name or "").strip()
    if re.search(r",\s*[A-Z]\.?\s*[A-Za-z]", text):
        text = text.split(",", 1)[0]  # degrees after the first comma
    text = re.sub(r"['’`]", "", text.lower().replace(".", ""))
    words = re.sub(r"[^\w\s]", " ", text).split()
    while words and (words[0] in HONORIFICS or words[0] in PREFIX_ONLY):
        words.pop(0)
    while words and words[-1] in HONORIFICS:
        words.pop()
    return " ".join(words)


def normalize_org(org: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", (org or "").lower()).split())


def official_key(name: str, org: str | None, region_code: str | None) -> str:
    """The key of one person in one organisation and region: "name|org|region"."""
    return f"{normalize_name(name)}|{normalize_org(org)}|{region_code or ''}"


def official_id(name: str, org: str | None, region_code: str | None) -> str:
    return digest(official_key(name, org, region_code))


def person_id(name: str, org: str | None, region_code: str | None, article_id: str | None) -> str:
    """The registry id of a person from its first mention: ``official_id``, or for a bare
    mention (no organisation, no region) the key with the article it was first seen in."""
    if normalize_org(org) or region_code:
        return official_id(name, org, region_code)
    return digest(f"{official_key(name, org, region_code)}|{article_id or ''}")


@dataclass
class Person:
    name: str
    key: str
    orgs: set = field(default_factory=set)
    regions: set = field(default_factory=set)
    roles: dict = field(default_factory=dict)      # (role, org, region) -> dict
    article_ids: list = field(default_factory=list)
    seen_articles: set = field(default_factory=set)
    first: tuple = ("", "", "", "")                # name, org, region, article of the first mention

    @property
    def bare(self) -> bool:
        """Seen only in mentions without organisation and region."""
        return not self.orgs and not self.regions


def merge_mentions(mentions: Iterable[dict]) -> list[dict]:
    """Group mentions into persons, shaped like ``pantau.schema.Official``.

    A mention: {"name", "role", "org", "region_code", "article_id", "published"}, where
    ``published`` is a date, datetime, ISO string or None. Mentions are read oldest first, so
    a person's id (from its first mention) does not depend on the input order. Each mention
    joins the earliest person it matches, among the candidates of ``_Candidates``.
    """
    ordered = sorted(mentions, key=lambda m: (_day(m.get("published")) or "9999", str(m.get("article_id"))))
    persons: list[Person] = []
    candidates = _Candidates()
    for m in ordered:
        key = normalize_name(m.get("name", ""))
        if not key:
            continue
        org, region, article = normalize_org(m.get("org")), m.get("region_code"), m.get("article_id")
        index = next((i for i in candidates.of(key, org, region, article)
                      if _same(persons[i], key, org, region, article)), None)
        if index is None:
            index = len(persons)
            persons.append(Person(m["name"], key, first=(m["name"], m.get("org"), region, article)))
        elif len(key) > len(persons[index].key):
            persons[index].name, persons[index].key = m["name"], key
        _add(persons[index], m, org, region)
        candidates.add(index, persons[index], key, org, region, article)
    return [_record(p) for p in persons]


def assignments(persons: list[dict], mentions: Iterable[dict]) -> set[tuple[str, str, str]]:
    """Which mention belongs to which person: (``official_id`` of the mention, article id,
    person id) for each mention of an article of the person whose name is compatible (the
    same name, or whole words of the other)."""
    by_article: dict[str, list[dict]] = {}
    for m in mentions:
        by_article.setdefault(m["article_id"], []).append(m)
    rows = set()
    for person in persons:
        key = normalize_name(person["name"])
        for aid in person["article_ids"]:
            for m in by_article.get(aid, ()):
                if _compatible(key, normalize_name(m["name"])):
                    rows.add((official_id(m["name"], m.get("org"), m.get("region_code")), aid, person["id"]))
    return rows


def _compatible(a: str, b: str) -> bool:
    """Same name, or one name is whole words of the other."""
    if not a or not b:
        return False
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


class _Candidates:
    """The persons a mention can match (``_same``), found without comparing it with everyone.

    Equal names and a name inside another share a word, and must share the organisation or
    agree on the region; a spelling variant must share the organisation and first letter.
    So the candidates are (persons sharing a word) & (same org | agreeing region), plus the
    persons of the same org and first letter, plus the persons seen in the same article (the
    bare-mention rule). Positions come back in creation order, so the
    first match is the one a scan of every person would find.
    """

    def __init__(self) -> None:
        self.word: dict[str, set[int]] = {}
        self.org: dict[str, set[int]] = {}
        self.org_initial: dict[tuple[str, str], set[int]] = {}
        self.region: dict[str, set[int]] = {}   # a region -> persons in it or inside it
        self.exact: dict[str, set[int]] = {}    # a region -> persons of exactly that region
        self.article: dict[str, set[int]] = {}  # an article -> persons seen in it

    def of(self, key: str, org: str, region: str | None, article: str | None = None) -> list[int]:
        agree = [self.org.get(org)] if org else []
        if region:
            agree += [self.region.get(region)] + [self.exact.get(outer) for outer in _outer_regions(region)]
        agree = [group for group in agree if group]
        found = set(self.org_initial.get((org, key[0]), ())) if org else set()
        for word in key.split() if agree else ():
            named = self.word.get(word)
            for group in agree if named else ():
                found |= named & group  # iterates the smaller set
        if article is not None:
            found |= self.article.get(article, set())
        return sorted(found)

    def add(self, index: int, person: Person, key: str, org: str, region: str | None,
            article: str | None = None) -> None:
        if article is not None:
            self.article.setdefault(article, set()).add(index)
        for word in key.split():
            self.word.setdefault(word, set()).add(index)
        if org:
            self.org.setdefault(org, set()).add(index)
        for each in person.orgs:  # its name may have grown a first word
            self.org_initial.setdefault((each, person.key[0]), set()).add(index)
        if region:
            self.exact.setdefault(region, set()).add(index)
            for code in (region, *_outer_regions(region)):
                self.region.setdefault(code, set()).add(index)


def _outer_regions(code: str) -> list[str]:
    """"33.24.01" -> ["33.24", "33"]."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]


def _same(p: Person, key: str, org: str, region: str | None, article: str | None = None) -> bool:
    if not _names_match(p.key, key):
        return False
    if (p.bare or not org and not region) and article is not None and article in p.seen_articles:
        return p.key == key or _part(p.key, key) or _part(key, p.key)  # one name in one article
    org_ok = bool(org) and org in p.orgs
    region_ok = bool(region) and any(_regions_agree(region, r) for r in p.regions)
    if p.key == key or _part(p.key, key) or _part(key, p.key):
        return org_ok or region_ok
    return org_ok and (region_ok or not region and not p.regions)  # a spelling variant


def _names_match(a: str, b: str) -> bool:
    if a == b or _part(a, b) or _part(b, a):
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    matcher = SequenceMatcher(None, a, b)  # the quick ratios are upper bounds of ratio()
    return matcher.real_quick_ratio() >= FUZZY_RATIO and matcher.quick_ratio() >= FUZZY_RATIO \
        and matcher.ratio() >= FUZZY_RATIO


def _part(a: str, b: str) -> bool:
    """Is name a whole words of name b ("rina" of "rina sri lestari")?"""
    wa, wb = a.split(), b.split()
    return len(wa) < len(wb) and any(wb[i:i + len(wa)] == wa for i in range(len(wb) - len(wa) + 1))


def _regions_agree(a: str, b: str) -> bool:
    """Same region, or one inside the other ("33.25" and "33.25.01")."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _day(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] or None


def _add(p: Person, m: dict, org: str, region: str | None) -> None:
    if org:
        p.orgs.add(org)
    if region:
        p.regions.add(region)
    aid = m.get("article_id")
    if aid is not None and aid not in p.seen_articles:
        p.seen_articles.add(aid)
        p.article_ids.append(aid)
    rkey = (normalize_org(m.get("role")), org, region or "")
    day = _day(m.get("published"))
    role = p.roles.get(rkey)
    if role is None:
        p.roles[rkey] = {"role": m.get("role"), "org": m.get("org"), "region_code": region,
                         "first_seen": day, "last_seen": day}
        return
    if day and (role["first_seen"] is None or day < role["first_seen"]):
        role["first_seen"] = day
    if day and (role["last_seen"] is None or day > role["last_seen"]):
        role["last_seen"] = day


def _record(p: Person) -> dict:
    roles = sorted(p.roles.values(), key=lambda r: (r["first_seen"] or "9999", r["role"] or ""))
    return {"id": person_id(*p.first), "name": p.name, "roles": roles, "article_ids": p.article_ids}
