"""parse_text: words, "phrases", -exclusions, OR; errors say what is wrong.

Property-style cases are generated from a seeded random grammar (hypothesis is not a
dependency): every generated valid query parses to the clauses it was built from, and every
mutation that breaks it raises InvalidInput.
"""

from __future__ import annotations

import random

import pytest

from pantau.errors import InvalidInput
from pantau.search.query import MAX_QUERY_LENGTH, MAX_TERMS, TextQuery, is_phrase, parse_text, phrase_words

WORDS = ["camat", "lurah", "kades", "baliho", "netralitas", "asn", "pelanggaran", "bawaslu",
         "kampanye", "sembako", "pilkada", "2024", "e-ktp", "jawa", "tengah", "or", "and"]


@pytest.mark.parametrize("q, clauses, exclude", [
    ("camat", [["camat"]], []),
    ("Camat  LURAH", [["camat"], ["lurah"]], []),
    ('"kepala desa"', [['"kepala desa"']], []),
    ('"Kepala   Desa"  baliho', [['"kepala desa"'], ["baliho"]], []),
    ("camat OR lurah", [["camat", "lurah"]], []),
    ("camat OR lurah OR kades baliho", [["camat", "lurah", "kades"], ["baliho"]], []),
    ('baliho "kepala desa" OR lurah', [["baliho"], ['"kepala desa"', "lurah"]], []),
    ("camat -lurah", [["camat"]], ["lurah"]),
    ('camat -"kepala desa"', [["camat"]], ['"kepala desa"']),
    ("-lurah camat", [["camat"]], ["lurah"]),
    ("camat or lurah", [["camat"], ["or"], ["lurah"]], []),
    ("camat & lurah", [["camat"], ["lurah"]], []),
    ("e-ktp", [["e-ktp"]], []),
    ("camat -OR", [["camat"]], ["or"]),
    ('camat"kepala desa"', [["camat"], ['"kepala desa"']], []),
    ("", [], []),
    ("   ", [], []),
    (None, [], []),
])
def test_parse_examples(q, clauses, exclude):
    parsed = parse_text(q)
    assert parsed.clauses == clauses
    assert parsed.exclude == exclude


@pytest.mark.parametrize("q, message", [
    ('"kepala desa', "unbalanced quotes"),
    ('camat "kepala', "unbalanced quotes"),
    ('"a" "b', "unbalanced quotes"),
    ("OR camat", "OR must stand between"),
    ("camat OR", "ends with OR"),
    ("camat OR OR lurah", "OR must stand between"),
    ("camat -lurah OR kades", "OR must stand between"),
    ("camat OR -lurah", "exclusion cannot be an alternative"),
    ("-camat", "only exclude"),
    ('-"kepala desa" -lurah', "only exclude"),
    ('""', "empty phrase"),
    ('camat "  "', "empty phrase"),
    ('camat -""', "empty phrase"),
    ('camat "..."', "empty phrase"),
    ("&& !!", "no word"),
    ("x" * (MAX_QUERY_LENGTH + 1), "limit is"),
    (" ".join(["camat"] * (MAX_TERMS + 1)), "terms"),
    (" OR ".join(["camat"] * (MAX_TERMS + 1)), "terms"),
])
def test_parse_errors_say_what_is_wrong(q, message):
    with pytest.raises(InvalidInput) as info:
        parse_text(q)
    assert message in info.value.message
    assert info.value.status_code == 400


def test_limits_are_inclusive():
    assert len(parse_text(" ".join(["camat"] * MAX_TERMS)).clauses) == MAX_TERMS
    q = ("camat " * 100)[:MAX_QUERY_LENGTH]
    with pytest.raises(InvalidInput):  # 100 terms: over the term limit, not the length limit
        parse_text(q)
    assert parse_text("a" * MAX_QUERY_LENGTH).clauses == [["a" * MAX_QUERY_LENGTH]]


def test_phrase_helpers():
    assert is_phrase('"kepala desa"') and not is_phrase("camat") and not is_phrase('"')
    assert phrase_words('"kepala desa"') == "kepala desa"
    assert phrase_words("camat") == "camat"


# -- generated cases ---------------------------------------------------------------------

def _term(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return '"' + " ".join(rng.sample(WORDS, rng.randint(1, 3))) + '"'
    return rng.choice(WORDS)


def _query(rng: random.Random) -> tuple[str, TextQuery]:
    """A random valid query and the TextQuery it must parse to."""
    expected = TextQuery()
    parts = []
    for _ in range(rng.randint(1, 5)):
        alternatives = [_term(rng) for _ in range(rng.randint(1, 3))]
        expected.clauses.append(alternatives)
        parts.append(" OR ".join(_shout(rng, a) for a in alternatives))
    for _ in range(rng.randint(0, 2)):
        term = _term(rng)
        expected.exclude.append(term)
        parts.insert(rng.randint(0, len(parts)), "-" + _shout(rng, term))
    return "  ".join(parts), expected


def _shout(rng: random.Random, term: str) -> str:
    """Random case changes that must not matter (never producing the OR operator itself)."""
    out = "".join(c.upper() if rng.random() < 0.3 else c for c in term)
    return term if out == "OR" else out


SEEDS = range(150)


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_queries_round_trip(seed):
    rng = random.Random(seed)
    q, expected = _query(rng)
    parsed = parse_text(q)
    assert parsed.clauses == expected.clauses, q
    assert sorted(parsed.exclude) == sorted(expected.exclude), q
    lowered = parse_text(q.lower())  # a lower-case 'or' is a word, not an operator
    alternatives = sum(map(len, parsed.clauses))
    operators = alternatives - len(parsed.clauses)
    assert len(lowered.clauses) == alternatives + operators


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_breakages_raise(seed):
    rng = random.Random(1000 + seed)
    q, _ = _query(rng)
    broken = rng.choice([
        q + ' "',                      # unbalanced quote
        "OR " + q,                     # leading OR
        q + " OR",                     # dangling OR
        q + " OR OR camat",            # OR without a left-hand term
        q + ' ""',                     # empty phrase
        q + " OR -camat",              # excluded alternative
        " ".join("-" + t for t in WORDS[:3]),  # only exclusions
        (q + " ") * 40,                # too long or too many terms
    ])
    with pytest.raises(InvalidInput):
        parse_text(broken)


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_noise_never_crashes(seed):
    """Arbitrary strings over the query alphabet either parse or raise InvalidInput."""
    rng = random.Random(2000 + seed)
    alphabet = ['"', "-", " ", "OR", "or", "camat", "É", "&", "ke-", "\t", "desa"]
    q = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
    try:
        parsed = parse_text(q)
    except InvalidInput:
        return
    assert all(clause for clause in parsed.clauses)
    assert all(t == t.lower() for clause in parsed.clauses for t in clause)
    assert not parsed.exclude or parsed.clauses
