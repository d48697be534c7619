"""Fast paths give what the plain forms give: region regexes with their lookbehinds after the
first character, matching at line starts only, byline hints, per-token string caches."""

from __future__ import annotations

import random
import re

import pytest

from nlp.components import _region_scan as rs
from nlp.components import bylines
from nlp.components.regions import DEFAULT_CUES, Path, _build_scanner


@pytest.fixture(scope="module")
def scanner():
    return _build_scanner(Path(DEFAULT_CUES).read_bytes())


def _texts(words: list[str], contexts: list[str], n: int = 3000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    tails = ["", " Budi", " dan ", ".", ". Kota", "x", "@a", ".a", ",", "\n"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 5)):
            w = rng.choice(words)
            w = rng.choice([w, w.lower(), w.upper(), w.title()])
            parts.append(rng.choice(contexts) + w + rng.choice(contexts) + rng.choice(tails))
        out.append("".join(parts))
    return out


CONTEXTS = ["se-", "Se-", "x", ".", "/", "@", "-", "_", " ", "\n", "\t", "\xa0", "1", "é", "(", "’", ""]


def _same(old: re.Pattern, new: re.Pattern, texts: list[str]) -> None:
    for t in texts:
        assert [(m.span(), m.groups()) for m in old.finditer(t)] == \
               [(m.span(), m.groups()) for m in new.finditer(t)], t
        for pos in range(0, len(t), 3):
            a, b = old.match(t, pos), new.match(t, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (t, pos)


def test_name_regex_equals_the_plain_form(scanner):
    table, surfaces = scanner.table, set()
    names = [r.name for r in table.regions() if r.level in rs.NAME_LEVELS]
    names += [alias for alias, code in table.alias_items() if table.level(code) in rs.NAME_LEVELS]
    for name in names:
        surfaces |= rs._surface_forms(name)
    plain = re.compile(r"(?=[A-Z])(?:(?<=\b[sS]e-)|(?<![\w./@-]))(?:" + rs._trie_regex(sorted(surfaces))
                       + r")(?![\w@]|\.\w)")
    words = sorted(surfaces)[::5] + ["Bali", "Bau-Bau", "Jawa Tengah", "ÉBatang", "batang"]
    ours = re.compile("(?:" + rs._trie_regex(sorted(surfaces), rs._after(
        r"=\b[sS]e-", r"![\w./@-]", only="[A-Z]")) + r")(?![\w@]|\.\w)")
    _same(plain, ours, _texts(words, CONTEXTS))
    assert ours.pattern == scanner.name_re.pattern


def test_cue_regexes_equal_the_plain_forms(scanner):
    cues = scanner.cues
    kec = [w for w, lv in cues.level.items() if lv == "kecamatan"]
    tail = r"(?:[ \t\xa0]+|(?<=\.))([A-Z][\w'’().-]*(?:[ \t\xa0][A-Z][\w'’().-]*){0,3})"
    plain_kec = re.compile(r"(?<![\w-])" + rs._cased_trie(kec) + r"(?!\w)" + tail)
    plain_free = re.compile(r"(?<!\w)" + rs._cased_trie(cues.free_level) + r"(?!\w)")
    words = kec + list(cues.free_level) + ["Gebog", "Kota Lama"]
    texts = _texts(words, CONTEXTS)
    _same(plain_kec, scanner.kec_re, texts)
    _same(plain_free, scanner.free_re, texts)


def test_trie_guards_on_odd_words():
    words = ["ab", "a c", " lead", "Zz", "é"]
    plain = re.compile(r"(?<![\w-])(?:" + rs._trie_regex(words) + ")")
    ours = re.compile("(?:" + rs._trie_regex(words, rs._after(r"![\w-]")) + ")")
    _same(plain, ours, _texts(words, CONTEXTS, n=500))
    assert re.compile(rs._trie_regex(["abc"], rs._after("!x", only="[A-Z]"))).search("abc") is None


def test_line_start_matching_equals_finditer(scanner):
    pieces = ["BATANG - ", "SITUS.COM, BATANG -- ", "Semarang, Kamis (1/2) – ", "KOTA BARU — ", "\n",
              "\n\n", "-", " ", "x", "A", "Ab Cd De Ef Fg - ", "\t", "> ", "# ", "Baca juga: Budi"]
    pieces += scanner.cues.skip_lines
    rng = random.Random(3)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for rx in (rs._DATELINE, scanner.skip_re):
        for t in texts:
            assert [(m.span(), m.groups()) for m in rx.finditer(t)] == \
                   [(m.span(), m.groups()) for m in rs._line_matches(rx, t)], t


@pytest.mark.parametrize("text", [
    "Penulis: Budi Santoso\nEditor : Ani", "Laporan Wartawan Situs, Budi Santoso", "Reporter X, Budi",
    "Budi Santoso - SITUS.COM", "Budi Santoso | situs.co.id", "(red/Budi)", "(Budi/red)",
    "Kata dia: tidak ada.", "Tanpa apa-apa", "Budi - situs.org"])
def test_byline_hints_skip_only_what_cannot_match(text):
    for rx in (bylines._LABEL, bylines._RED, bylines._REPORT, bylines._SITE):
        assert [m.span() for m in bylines._finditer(rx, text)] == [m.span() for m in rx.finditer(text)]


def test_token_string_caches(monkeypatch):
    from nlp.components import names
    from nlp.tokenizer import blank

    lang = blank()
    monkeypatch.setattr(names, "_MAX_CACHED", 5)  # cleared and refilled along the way
    for text in ("Kab. Batang, kata Budi.", "S.H. dan M.Si. di Kec. Gebog", "Kab. Batang lagi."):
        doc = lang(text)
        toks = names.Tokens(doc, None)
        assert toks.text == [t.text for t in doc]
        assert toks.norm == [t.text.lower().replace(".", "") for t in doc]
        assert toks.doc_text == doc.text


def test_date_regexes_equal_the_plain_forms():
    from nlp.date_patterns import patterns

    plain = {"digits": re.compile(r"(?<!\d)\d"),
             "bare_year": re.compile(r"(?<![\w.,/-])(?P<year>(?:19|20)\d{2})(?!\w|[.,]\d)")}
    pieces = ["1", "2", "19", "20", "2024", "1999", "9", "0", "٣", "x", ".", ",", "/", "-", " ", "\n",
              "_", "é", "１", "(", "2020.5", "1,2"]
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 15))) for _ in range(5000)]
    for name, rx in plain.items():
        for t in texts:
            assert [(m.span(), m.groups()) for m in rx.finditer(t)] == \
                   [(m.span(), m.groups()) for m in patterns()[name].finditer(t)], t


def test_tokens_from_the_sentence_columns_equal_tokens_read_from_the_doc():
    from nlp.components import names
    from nlp.pipeline import load

    lang = load()
    sentences = lang.get_pipe("pantau_sentences")
    texts = ["", "Satu.", "Kab. Batang - Ketua Bawaslu, Budi Santoso, S.H., hadir.\n\nIa  berkata: “Netral!” "
             "Lalu (17/11) pergi.", "  spasi di depan\n", "BATANG –  Camat X.Y. hadir.\t\nSelesai"]
    for text in texts:
        doc = sentences(lang.make_doc(text))
        shared = names.Tokens(doc, None)
        doc.user_data.pop("token_columns", None)
        read = names.Tokens(doc, None)
        for attr in ("n", "text", "ws", "space", "idx", "doc_text", "sent_start", "norm", "sent_begin"):
            assert getattr(shared, attr) == getattr(read, attr), (text, attr)


def _cue_lexicons():
    import tomllib

    from nlp.components.cue_spans import DATA, FILES, cue_groups, doctype_groups, parse_cues

    read = {key: (DATA / name).read_text("utf-8") for key, name in FILES.items()}
    return [cue_groups(parse_cues(read["violation_cues"])), cue_groups(parse_cues(read["incident_cues"])),
            (doctype_groups(tomllib.loads(read["doctype_cues"])), None)]


def _plain_ranges(groups, suppress, words):
    """The plain form of a cue walk: at each word, the trie from that word (or, for a word
    ending in a clitic that starts nothing, from its stem), then suppression."""
    from nlp.components.cues import CLITICS, _suppress, build_trie

    trie, forms, out = build_trie(groups), words.forms, {}
    for i, w in enumerate(forms):
        node = trie.get(w)
        if node is None and len(w) >= 6 and w[-3:] in CLITICS:
            node = trie.get(w[:-3])
        j = i
        while node is not None:
            j += 1
            for group in node[0]:
                out.setdefault(group, []).append((i, j))
            node = node[1].get(forms[j]) if node[1] and j < len(forms) else None
    _suppress(out, suppress or {})
    return out


def test_one_walk_over_the_cue_files_equals_a_plain_walk_of_each():
    """CueMatchers (the three cue files in one trie, the walk started only where a word can
    start a term) gives each file's plain walk: the same matches, order, clitic rule and
    suppression, on texts made of the terms' words with clitics, case changes and filler;
    CueMatcher (one file) too."""
    from nlp.components.cues import CueMatcher, CueMatchers, Words

    lexicons = _cue_lexicons()
    joint = CueMatchers(lexicons)
    singles = [CueMatcher(*lex) for lex in lexicons]
    words = sorted({w for groups, _ in lexicons for terms in groups.values() for t in terms
                    for w in t.split()})
    rng = random.Random(11)
    fillers = ["dan", "yang", "di", "Kabupaten", "ASN", ".", ",", "\n", "kepala", "desa"]
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(5, 60)):
            w = rng.choice(words) if rng.random() < 0.7 else rng.choice(fillers)
            w = rng.choice([w, w, w.title(), w.upper()]) + rng.choice(["", "", "", "nya", "lah", "pun"])
            parts.append(w)
        text = " ".join(parts)
        w = Words.from_text(text)
        plain = [_plain_ranges(groups, suppress, w) for groups, suppress in lexicons]
        assert joint.match_ranges(w) == plain, text
        assert [m.match_ranges(w) for m in singles] == plain, text


@pytest.mark.parametrize("seed", range(3))
def test_related_markers_found_from_first_words_equal_finditer(seed):
    from nlp.evidence import RELATED_MARKER_RE, _markers

    rng = random.Random(seed)
    pieces = ["Baca juga:", "BACA JUGA", "simak pula -", "Berita Terkait\n", "related articles:",
              "read also", "Also Read:", "artikel lainnya »", "topik", "bacaan", "cek juga",
              "berbaca", "Baca", "juga", "İ", "ı", "ſimak juga:", "Kbaca", "lihat  juga", "\n", " ",
              "kata Budi.", "ASN", ":", " - ", "Tonton Juga", "saksikan pula"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(1, 15)))
        assert [m.span() for m in _markers(text)] == [m.span() for m in RELATED_MARKER_RE.finditer(text)], text
