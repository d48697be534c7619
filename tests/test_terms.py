"""Shared term lists (pantau/data/terms.toml): declared once, read by every lexicon that names them."""

from __future__ import annotations

import pytest

from pantau.terms import resolve, shared


def test_a_reference_is_replaced_by_the_list_in_place():
    heads = shared()["village_heads"]
    out = resolve(["asn", "@village_heads", "lurah"])
    assert out == ["asn", *heads, "lurah"]


def test_the_title_form_keeps_case_for_case_sensitive_lexicons():
    out = resolve(["Camat", "@village_heads:title"])
    assert "Hukum Tua" in out and "Kepala Desa" in out and out[0] == "Camat"


def test_a_term_already_listed_is_not_repeated():
    assert resolve(["kuwu", "@village_heads"]).count("kuwu") == 1


@pytest.mark.parametrize("ref", ["@no_such_list", "@village_heads:upper"])
def test_an_unknown_list_or_form_is_an_error(ref):
    with pytest.raises(ValueError, match="unknown shared term list"):
        resolve([ref])


def test_a_list_must_be_lowercase_terms(tmp_path):
    path = tmp_path / "terms.toml"
    path.write_text('heads = ["Kepala Desa"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="lowercase"):
        shared(path)


def test_every_lexicon_of_village_heads_reads_the_shared_list():
    """A title added once to terms.toml reaches the officials finder, the incident and
    violation cues, the role-and-place pattern and the case subject roles."""
    from nlp.components.cue_spans import cue_groups, read_cues, DATA
    from nlp.components.officials_lexicon import load_lexicon
    from nlp.word_lists import word_list
    from pantau.cases.rules import rules

    heads = set(shared()["village_heads"])
    incident, _ = cue_groups(read_cues(DATA / "incident_cues.toml"))
    violation, _ = cue_groups(read_cues(DATA / "violation_cues.toml"))
    assert heads <= set(incident["SUBJECT_ROLE"])
    civil = set(shared()["civil_service_roles"])
    assert civil <= set(incident["SUBJECT_ROLE"]) and civil <= set(violation["RUNNER"])
    for group in ("CIVIL", "RUNNER", "SUBORD"):
        assert heads <= set(violation[group])
    assert {h.title() for h in heads} <= set(word_list("local_head_titles"))
    assert all(rules().role_words[h] == "kepala_desa" for h in heads)
    titles = {words: title for entries in load_lexicon(use_gazetteer=False).titles.values()
              for words, title in entries}
    assert all(titles[tuple(h.split())].place == "desa" for h in heads)


def test_balinese_name_words_reach_the_name_finder_and_the_case_linker():
    from nlp.word_lists import word_list
    from pantau.cases.rules import rules

    words = set(shared()["balinese_name_words"])
    assert words <= set(word_list("balinese_name_words"))
    assert words <= rules().common_name_words
