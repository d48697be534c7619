"""Officials named with an English title in English-language copy of Indonesian outlets:

    "West Java Bawaslu chairman Asep Mulyana Rahmat said ..."   organisation, title, name
    "the regent of Garut, Hendra Kusnadi, who ..."             title of an organisation, name

The titles, the words that make an organisation public, and the capitalised words that start
no name are in ``nlp/data/english_roles.toml``. The role is the text as written
("West Java Bawaslu chairman", "regent of Garut"). Used by the officials component only on
text that reads as English (``looks_english``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "data" / "english_roles.toml"
_NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.)"
# a Balinese name may open with the one-letter "I" ("I Ketut Arsa")
# police and military ranks, academic titles and the hajj honorifics (H., Hj.) in English copy
# stand before the name
# ("the police chief, Adj. Sr. Comr. Wayan Darsana"); they are not part of it
_RANK = (r"(?:(?:(?:Adj|Sr|Snr|Comr|Commr|Insp|Gen|Brig|Col|Lt|Maj|Capt|Adm|Dr|Drs|Ir|Prof|Hj|H)\.[ ]){1,4}"
         r"|(?:Adjunct[ ])?(?:Senior[ ])?(?:Grand[ ])?Commissioner[ ]|(?:Inspector|Brigadier|Major|Lieutenant)[ ]General[ ]"
         r"|(?:Lieutenant[ ])?Colonel[ ]|(?:Police[ ])?Inspector[ ])?")
# a given name written short, only as the first word ("Moh. Rais", "Muh. Zainal")
_SHORT = r"(?:Moh|Muh|Mhd|Moch|Mochd|Abd|Ach|Sy)\.[ ]"
_NAME = rf"{_RANK}(?P<name>(?:I[ ]|{_SHORT})?{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|da|de|dos|van|bin|binti)){{0,4}})"
# what may follow a name: a comma, a full stop, a verb of speech or an auxiliary
_AFTER_NAME = (r"(?=\s*[,.;:)]|\s+(?:said|says|told|added|explained|stated|urged|noted|confirmed|admitted|"
               r"denied|stressed|insisted|argued|announced|acknowledged|warned|asked|revealed|claimed|"
               r"emphasi[sz]ed|reported|signed|ordered|has|had|was|is|who|would|will|and|of|from|"
               r"[a-z]+(?:ed|ing))\b)")  # a participle: "urging", "reminded"
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|said|has|have|with|from|that|were|was)\b")


@dataclass(frozen=True)
class EnglishRoles:
    before_name: re.Pattern  # organisation words, title, name
    of_org: re.Pattern       # title of organisation, comma, name
    of_public: re.Pattern    # title of an organisation ending in a public word, name
    name_first: re.Pattern   # name, comma, title of organisation
    name_post: re.Pattern    # name, comma, a civil-service post
    name_heads: re.Pattern   # name, "who heads", organisation
    described: re.Pattern    # a post told without a name ("the head of X subdistrict")
    standalone: frozenset
    unit_posts: frozenset    # posts that need a public body after them
    public: frozenset
    not_names: frozenset


@lru_cache(maxsize=1)
def english_roles(path: Path = PATH) -> EnglishRoles:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    titles = "|".join(re.escape(t) for t in sorted(data["titles"], key=len, reverse=True))
    # a full stop only inside a word ("U.S."), never ending one: "... by Bawaslu. Bawaslu chairman X"
    org_word = r"(?:[A-Z](?:[\w&-]|\.(?=\w))*(?:['’]s)?|[a-z][\w-]*(?:['’]s)?)"
    before = re.compile(
        rf"(?P<role>(?:{org_word}[ ]){{1,5}}?(?i:(?P<title>{titles})))[ ,]+{_NAME}{_AFTER_NAME}")
    # "the head of the education agency in Sumenep regency, East Java, Mohammad ...": one more
    # comma-closed place may stand between the organisation and the name
    # "the head of the Lebak Community and Village Empowerment Office (DPMD), Dadang Suherman,";
    # "chairperson of Lebak Bawaslu Ahmad Jaenudin said": no comma when the organisation ends
    # in a public word
    public = "|".join(re.escape(w) for w in sorted(data["public"], key=len, reverse=True))
    of_org = re.compile(
        rf"(?P<role>(?i:(?P<title>{titles}))[ ]of[ ](?:the[ ])?(?P<org>[^,.;()\n]{{2,70}}?)"
        rf"(?:[ ]\([A-Z]{{2,10}}\))?)(?:,[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+){{0,2}})?,[ ]{_NAME}{_AFTER_NAME}")
    of_public = re.compile(
        rf"(?P<role>(?i:(?P<title>{titles}))[ ]of[ ](?P<org>(?:[A-Z][\w'’]*[ ]){{1,4}}(?i:{public})))"
        rf"[ ]{_NAME}{_AFTER_NAME}")
    # "Syarif Maulidin, the head of Sungai Ambawang subdistrict, ...", "I Ketut Arsa, the
    # perbekel (village head) of Kalibukbuk ...", "I Made Adi, a sub-section head in the
    # regency's protocol office": a name, then its title of (in, at) an organisation
    name_first = re.compile(
        rf"{_NAME},[ ](?:(?:the|a|an)[ ])?(?P<role>(?:(?!(?:the|a|an)[ ])[a-z-]+[ ]){{0,2}}?(?i:(?P<title>{titles}))"
        rf"(?:[ ]\([a-z ]{{3,30}}\))?[ ](?:of|in|at)[ ]"
        rf"(?:the[ ])?(?P<org>[^,.;()\n]{{2,70}}?)(?:[ ]\([A-Z][A-Za-z ]{{1,12}}\))?)(?=[,.;]|[ ](?:in|at|on|who|was|is)\b|[ ]and[ ][a-z])")
    # "Budi Santoso, a teacher at a state junior high school, ...", "Rina, a civil servant
    # at the regency's health office": a name, then a civil-service post
    posts = "|".join(re.escape(t) for t in sorted(data["civil_posts"] + data["unit_posts"], key=len, reverse=True))
    name_post = re.compile(
        rf"{_NAME},[ ](?:a|an|the)[ ](?P<role>(?:[a-z'’-]+[ ]){{0,2}}?(?P<title>{posts}))"
        rf"(?=[,.;]|[ ](?:at|in|of|with|and|who|was|is|from)\b)")
    # "Hendra Gunawan, who heads Cibeber district, ...": a name, then the organisation it heads
    name_heads = re.compile(
        rf"{_NAME},?[ ]who[ ](?P<title>heads|headed|leads|led|chairs|chaired|runs|ran|manages|managed)[ ](?:the[ ])?"
        rf"(?P<org>[^,.;()\n]{{2,70}}?)(?=[,.;]|[ ](?:in|at|on|was|is|and|since)\b)")
    described = re.compile(
        rf"\b(?i:the|a|an)[ ](?P<role>(?:[a-z'’-]+[ ]){{0,2}}?(?i:(?P<title>{titles}))[ ](?:of|from|at|in)[ ]"
        rf"(?:the[ ])?(?P<org>[^,.;()\n]{{2,70}}?))(?:[ ]\([A-Z]{{2,10}}\))?"
        rf"(?=[,.;]|[ ](?:who|was|is|has|had|said|oversees|and|be|been|will|would)\b)")
    return EnglishRoles(before, of_org, of_public, name_first, name_post, name_heads, described,
                        frozenset(data["standalone"]) | set(data["civil_posts"]), frozenset(data["unit_posts"]),
                        frozenset(data["public"]), frozenset(data["not_names"]))


def looks_english(text: str) -> bool:
    """Enough English function words, in the first 1,500 characters, to read the text as
    English (a look at the opening is enough, and keeps this cheap on long articles)."""
    sample = text[:1500]
    words = sample.count(" ") + sample.count("\n") + 1
    return len(_ENGLISH_WORDS.findall(sample)) >= max(3, words // 25)


def find(text: str) -> list[tuple[str, str, int, int]]:
    """(name, role, start, end) of every official named with an English title."""
    rules, out = english_roles(), []
    for pattern, org_group in ((rules.of_org, "org"), (rules.of_public, "org"), (rules.name_first, "org"),
                               (rules.name_post, "role"), (rules.name_heads, "org"),
                               (rules.before_name, "role")):
        for m in pattern.finditer(text):
            name = _clean_name(m.group("name"), rules)
            org = m.group(org_group)
            heads = pattern is rules.name_heads
            title = "head" if heads else m.group("title").lower()
            if title in rules.unit_posts:  # the body the post is in, up to the next comma
                org = re.split(r"[,.;]", text[m.end():m.end() + 80], maxsplit=1)[0]
            if not name or not _public(title, org, rules):
                continue
            if any(a <= m.start("name") < b for _, _, a, b in out):
                continue
            if heads:
                role, start, end = f"head of {org}", m.start("name"), m.end("org")
            else:
                role = _clean_role(m.group("role"), pattern is rules.before_name)
                start, end = min(m.start("role"), m.start("name")), max(m.end("role"), m.end("name"))
            out.append((name, role, start, end))
    out += _pointed_back(text, rules, out)
    return out


# "The official, Yakob Ndiken, said ...": a name set after a pointer at the post the text
# has just described ("... named the head of X subdistrict.")
POINTER_RE = re.compile(rf"\b(?:The|That|This)[ ](?:[a-z]+(?:['’]s)?[ ])?(?:official|officer|director|head|chief|secretary|"
                        rf"chairman|chairwoman|member|teacher|principal|civil servant|staffer)[ ]?,[ ]{_NAME},")
# "The official heads the promotion section at the regency's health agency": a post told by its verb
HEADS_RE = re.compile(r"\b(?:heads|headed|leads|led|runs|ran|chairs|chaired)[ ](?:the[ ])?"
                      r"(?P<org>[a-z][^,.;()\n]{2,90}?)(?=[,.;])")
LOOK_BACK = 1200  # characters before the pointer searched for the post (the lead tells it)


def _pointed_back(text: str, rules: EnglishRoles, found: list) -> list[tuple[str, str, int, int]]:
    out = []
    for m in POINTER_RE.finditer(text):
        name = _clean_name(m.group("name"), rules)
        if not name or any(a <= m.start("name") < b for _, _, a, b in found):
            continue
        lo = max(0, m.start() - LOOK_BACK)
        posts = [(p.start(), _clean_role(p.group("role")), p.group("title").lower(), p.group("org"))
                 for p in rules.described.finditer(text, lo, m.start())]
        posts += [(p.start(), f"head of {p.group('org')}", "head", p.group("org"))
                  for p in HEADS_RE.finditer(text, lo, m.start())]
        if posts:
            _, role, title, org = max(posts)
            if _public(title, org, rules):
                out.append((name, role, m.start("name"), m.end("name")))
    return out


def _clean_name(name: str, rules: EnglishRoles) -> str | None:
    words = name.split()
    while words and words[-1].islower():
        words.pop()
    if not words or words[0] in rules.not_names or len(words) == 1 and words[0].endswith(".") \
            or words == ["I"]:
        return None
    return " ".join(words)


def _clean_role(role: str, title_last: bool = False) -> str:
    words = role.split()
    while words and words[0].lower() in ("the", "a", "an", "and", "by", "said", "to", "that"):
        words.pop(0)
    # "was witnessed by Lampung Bawaslu chairwoman": before a title that ends the role, the
    # lowercase words before the organisation's first capitalised word belong to the sentence
    # (a possessive "regency's" stays)
    first = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if first and title_last and not any(w.endswith(("'s", "’s")) for w in words[:first]):
        words = words[first:]
    return " ".join(words)


def _public(title: str, org: str, rules: EnglishRoles) -> bool:
    """A title that is an office by itself, or an organisation with a public word."""
    if title in rules.standalone:
        return True
    return any(re.sub(r"['’]s$", "", w.lower().strip(",")) in rules.public for w in org.split())
