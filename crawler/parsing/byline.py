"""Authors and editors: JSON-LD, meta tags, and Indonesian byline lines
("Penulis: X", "Reporter: X | Editor: Y", "Oleh: X", "Pewarta: X", "(Red/X)")."""

from __future__ import annotations

import re
from dataclasses import dataclass

AUTHOR_LABEL = (r"penulis|reporter|wartawan|pewarta|kontributor|jurnalis|teks|laporan(?:\s+wartawan)?"
                r"(?:\s+[\w.]+){0,3}?|oleh|ditulis\s+oleh|author|written\s+by|by")
EDITOR_LABEL = r"editor|penyunting|redaktur(?:\s+pelaksana)?|editing|diedit\s+oleh"
LABELLED = re.compile(rf"^(?:(?P<author>{AUTHOR_LABEL})|(?P<editor>{EDITOR_LABEL}))\s*[:：]\s*(?P<name>.+)$",
                      re.IGNORECASE)
BARE_OLEH = re.compile(r"^(?i:oleh|by)\s+(?P<name>[A-Z][^.!?:]{1,50})$")
SEGMENT_SPLIT = re.compile(r"\s*[|;•·]\s*|\s+[-–—]\s+|\s*[,/]\s*(?=(?:editor|penyunting|redaktur)\b)",
                           re.IGNORECASE)
TRAILING_CREDIT = re.compile(
    r"\s*\(\s*(?:red|ant|rls|rilis|adv|hms|humas|rel|ril)\s*/\s*(?P<name>[^()]{1,40}?)\s*\)\s*$"
    r"|\s*\(\s*[a-z]{2,6}\s*/\s*red\s*\)\s*$|\s*\(\s*\*+\s*\)\s*$", re.IGNORECASE)
NOT_NAMES = {"admin", "administrator", "webmaster", "editor", "user", "superadmin", "wp-admin"}
NAME_WORD = re.compile(r"^[A-Z\u00c0-\u024f][\w'’.\-]*$|^(?:bin|binti|van|de|al|el|dan)$")


@dataclass
class Byline:
    author: str | None = None
    editor: str | None = None


def clean_name(value: str | None) -> str | None:
    """A person's (or desk's) name from a byline fragment, or None if it is not one."""
    if not value or not isinstance(value, str) or "://" in value:
        return None
    value = re.sub(r"\s*\([^)]*\)\s*$", "", " ".join(value.split())).strip(" ,;:-–|")
    value = value if re.search(r"\b[A-Z]\.$", value) else value.rstrip(".")
    words = value.split()
    if not 1 <= len(words) <= 6 or len(value) > 60 or re.search(r"\d", value):
        return None
    if value.lower() in NOT_NAMES or not all(NAME_WORD.match(w) for w in words):
        return None
    return value


def is_credit_line(line: str) -> bool:
    """A reporter/editor line ("Reporter: X | Editor: Y", "Oleh: X", "(Red/X)") to remove
    from the body."""
    line = " ".join(line.split())
    if len(line) > 160:
        return False
    if TRAILING_CREDIT.fullmatch(" " + line):
        return True
    first = SEGMENT_SPLIT.split(line.strip("()"))[0]
    match = LABELLED.match(first) or BARE_OLEH.match(first)
    return bool(match) and (clean_name(match["name"]) is not None or len(line) < 80)


def from_lines(lines: list[str]) -> Byline:
    """Author and editor from byline lines (the first of each wins)."""
    found = Byline()
    for line in lines:
        line = " ".join(line.split())
        if len(line) > 160:
            continue
        found.author = found.author or from_trailer(line)
        line = line.strip("()")
        for segment in SEGMENT_SPLIT.split(line):
            match = LABELLED.match(segment) or BARE_OLEH.match(segment)
            name = clean_name(match["name"]) if match else None
            if not name:
                continue
            if match.re is LABELLED and match["editor"]:
                found.editor = found.editor or name
            else:
                found.author = found.author or name
    return found


def from_trailer(text: str) -> str | None:
    """X of a "(Red/X)" credit at the end of the text."""
    match = TRAILING_CREDIT.search(text.rstrip())
    return clean_name(match["name"]) if match and match["name"] else None


def json_ld_people(meta, key: str, skip_organizations: bool = False) -> list[str]:
    """Names of JSON-LD ``author``/``editor`` values (dicts, strings, lists, @id refs)."""
    value = meta.article.get(key)
    names = []
    for item in value if isinstance(value, list) else [value]:
        item = meta.resolve(item)
        if skip_organizations and isinstance(item, dict) and "organization" in str(item.get("@type", "")).lower():
            continue
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = name[0] if name else None
        name = clean_name(name) if isinstance(name, str) else None
        if name and name not in names:
            names.append(name)
    return names


def meta_author(meta) -> str | None:
    for key in ("author", "article:author", "dc.creator", "parsely-author", "content_author", "twitter:creator"):
        name = clean_name(meta.meta.get(key))
        if name and not name.startswith("@"):
            return name
    return None


AUTHOR_MARKUP = ('//*[@itemprop="author"] | //*[@rel="author"] | //*[contains(concat(" ", normalize-space(@class), " "), " author ")]'
                 ' | //*[contains(@class, "writer") or contains(@class, "penulis") or contains(@class, "reporter")'
                 ' or contains(@class, "byline")]')


def from_markup(tree) -> str | None:
    """A name in an element marked as the author (``itemprop=author``, ``rel=author``,
    class author/writer/penulis/reporter/byline), with or without a "Penulis:" label."""
    for element in tree.xpath(AUTHOR_MARKUP):
        parts = [" ".join(t.split()) for t in element.itertext() if t.strip()]
        if len(parts) > 1 and re.fullmatch(rf"(?:{AUTHOR_LABEL})\s*[:：]?", parts[0], re.IGNORECASE):
            parts = parts[1:]  # a label in its own element: <div>Penulis</div><div>Humas</div>
        text = " ".join(parts)
        labelled = LABELLED.match(text) or BARE_OLEH.match(text)
        name = clean_name(labelled["name"] if labelled else text)
        if name:
            return name
    return None
