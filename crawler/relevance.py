"""The relevance filter: is a parsed article about the neutrality of civil servants and
village officials in elections? Phrases and thresholds live in ``crawler/relevance.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RELEVANCE_PATH = Path(__file__).resolve().parent / "relevance.toml"


@dataclass(frozen=True)
class Verdict:
    on_topic: bool
    reason: str  # the phrases that decided it


def _pattern(phrases: list[str]) -> re.Pattern:
    alternatives = sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Filter:
    strong: re.Pattern
    actors: re.Pattern
    context: re.Pattern
    min_actors: int = 1
    min_context: int = 2

    def judge(self, title: str, text: str) -> Verdict:
        body = f"{title}\n{text}"
        strong = self.strong.search(body)
        if strong:
            return Verdict(True, f"strong: {strong.group(0).lower()}")
        actors = {m.lower() for m in self.actors.findall(body)}
        context = {" ".join(m.lower().split()) for m in self.context.findall(body)}
        ok = len(actors) >= self.min_actors and len(context) >= self.min_context
        found = f"actors: {', '.join(sorted(actors)) or '-'}; context: {', '.join(sorted(context)) or '-'}"
        return Verdict(ok, found)


def load_filter(path: str | Path | None = None) -> Filter:
    data = tomllib.loads(Path(path or RELEVANCE_PATH).read_text(encoding="utf-8"))
    return Filter(_pattern(data["strong"]), _pattern(data["actors"]), _pattern(data["context"]),
                  int(data.get("min_actors", 1)), int(data.get("min_context", 2)))


@lru_cache(maxsize=1)
def default_filter() -> Filter:
    return load_filter()


def judge(title: str, text: str) -> Verdict:
    return default_filter().judge(title or "", text or "")
