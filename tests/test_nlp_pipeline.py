"""Pipeline assembly, version, disk round trip, and the batch runner."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
import spacy

from nlp import pipeline
from nlp.runner import Item, analyze, compose
from tests.conftest import REPO

ARTICLES = [
    Item(id="a1", title="Bawaslu Kabupaten Pati Ingatkan ASN Jaga Netralitas",
         text="PATI - Bawaslu Kabupaten Pati menggelar sosialisasi netralitas ASN, Selasa (12/11/2024).\n\n"
              "Ketua Bawaslu Kabupaten Pati, Ahmad Fauzi, meminta ASN tidak mengunggah foto pasangan calon "
              "di media sosial menjelang pemungutan suara 27 November 2024.",
         published=date(2024, 11, 13)),
    Item(id="a2", text="Harga cabai di Pasar Johar naik pada Senin (4/3/2024).", published="2024-03-05"),
]


@pytest.fixture(scope="module")
def nlp():
    return pipeline.load()


def test_components_in_order(nlp):
    names = nlp.pipe_names
    order = [name for name, _ in pipeline.COMPONENTS if name in names]
    assert names == order
    assert names[0] == "pantau_sentences" and "pantau_dates" in names


def test_load_is_cached(nlp):
    assert pipeline.load() is nlp


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A copy of the code and data the version is computed from, plus a test and a module
    of ``pantau`` that ``nlp`` does not import."""
    root = tmp_path_factory.mktemp("checkout")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "nlp", root / "nlp", ignore=ignore)
    shutil.copytree(REPO / "pantau", root / "pantau", ignore=ignore)
    (root / "tests").mkdir()
    shutil.copy(REPO / "tests" / "test_nlp_pipeline.py", root / "tests")
    return root


def _edit(path, text="\n# edited\n"):
    before = path.read_bytes()
    path.write_bytes(before + text.encode())
    return before


def test_version_is_the_checkouts_fingerprint(checkout):
    assert pipeline.PIPELINE_VERSION.startswith(f"pantau-nlp {pipeline.CODE_VERSION}+")
    assert pipeline.version(REPO) == pipeline.PIPELINE_VERSION
    assert pipeline.version(checkout) == pipeline.PIPELINE_VERSION  # same files, same version


@pytest.mark.parametrize("path, changes", [
    # code only: these commits used to leave stale annotations in the archive
    ("nlp/components/violations.py", True),
    ("nlp/components/officials.py", True),
    ("nlp/runner.py", True),
    ("pantau/regions.py", True),    # imported by nlp
    ("pantau/taxonomy.py", True),   # imported by what nlp imports
    ("pantau/calendar.py", True),
    ("nlp/data/violation_cues.toml", True),
    ("pantau/data/region_aliases.toml", True),
    # files the output does not depend on
    ("tests/test_nlp_pipeline.py", False),
    ("pantau/cli.py", False),
])
def test_version_follows_code_and_data(checkout, path, changes):
    target = checkout / path
    before_version = pipeline.version(checkout)
    before = _edit(target)
    try:
        assert (pipeline.version(checkout) != before_version) is changes
    finally:
        target.write_bytes(before)
    assert pipeline.version(checkout) == before_version


def test_version_follows_a_new_import(checkout):
    """A module ``nlp`` starts to import counts from then on."""
    before = pipeline.version(checkout)
    old = _edit(checkout / "pantau" / "cli.py")
    assert pipeline.version(checkout) == before
    component = checkout / "nlp" / "components" / "violations.py"
    old_component = _edit(component, "\nfrom pantau.cli import COMMANDS  # noqa\n")
    try:
        with_import = pipeline.version(checkout)
        (checkout / "pantau" / "cli.py").write_bytes(old)
        assert pipeline.version(checkout) != with_import
    finally:
        component.write_bytes(old_component)
        (checkout / "pantau" / "cli.py").write_bytes(old)


def test_disk_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names == nlp.pipe_names
    first = [r.output for r in analyze(ARTICLES, nlp=nlp)]
    again = [r.output for r in analyze(ARTICLES, nlp=loaded)]
    assert first == again
    text = "Camat se-Kabupaten Batang di Jl. Pemuda, Sabtu-Minggu."
    assert [t.text for t in loaded.make_doc(text)] == [t.text for t in nlp.make_doc(text)]


def test_runner_keeps_order_and_ids_across_batches(nlp):
    items = [Item(id=str(i), text=f"Rapat ke-{i} digelar {i % 28 + 1} Mei 2024.") for i in range(7)]
    results = list(analyze(items, batch_size=3, nlp=nlp))
    assert [r.output["id"] for r in results] == [str(i) for i in range(7)]
    assert results[4].output["dates"] == ["2024-05-05"]


def test_title_is_analysed_with_offsets(nlp):
    out = next(analyze(ARTICLES[:1], nlp=nlp)).output
    item = ARTICLES[0]
    combined, body_start = compose(item.title, item.text)
    assert out["text_offset"] == body_start == len(item.title) + 2
    assert out["dates"] == ["2024-11-12", "2024-11-27"]
    ev = out["evidence"]["dates"]["2024-11-12"][0]
    assert combined[ev["start"]:ev["end"]] == ev["text"]
    assert out["pipeline_version"] == pipeline.PIPELINE_VERSION
    assert out["doc_type"]


def test_compose_skips_a_title_the_body_repeats():
    assert compose("Judul", "Judul\n\nIsi.") == ("Judul\n\nIsi.", 0)
    assert compose(None, "Isi.") == ("Isi.", 0)
    assert compose("Judul", "Isi.") == ("Judul\n\nIsi.", 7)


def test_officials_count_only_when_the_body_names_them():
    from nlp.extract import _in_body

    def person(*starts):
        return {"name": "X", "evidence": [{"start": s, "end": s + 1} for s in starts]}

    assert not _in_body(person(3), body_start=40)
    assert _in_body(person(3, 55), body_start=40)
    assert _in_body(person(3), body_start=0)  # no title


def test_annotation_keeps_schema_fields_only():
    from nlp.extract import output_to_annotation

    ev = {"text": "Kendal", "start": 10, "end": 16, "sentence": "Di Kendal.", "score": 0.9}
    output = {
        "pipeline_version": "v", "doc_type": "incident", "violation_types": ["social_media"],
        "regions": [{"level": "kabupaten", "name": "Kendal", "code": "33.24", "parents": ["33"],
                     "evidence": [ev], "confidence": 0.8}],
        "officials": [{"name": "Ani", "role": None, "org": None, "region_code": None,
                       "evidence": [ev], "mentions": 2}],
        "dates": ["2024-10-07"], "incidents": [
            {"subject": "Ani", "act": "mengunggah", "stage": "reported", "evidence": [ev], "x": 1}],
        "evidence": {"dates": {"2024-10-07": [ev]}, "violation_types": {"social_media": [ev]}},
    }
    ann = output_to_annotation(output, "a1")
    assert ann.regions[0].evidence[0].text == "Kendal"
    assert ann.officials[0].role == ""
    assert str(ann.dates[0].date) == "2024-10-07"
    assert ann.incidents[0].evidence.start == 10


def test_every_factory_declares_what_it_assigns_and_requires(nlp):
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, name
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]


def test_cue_matches_are_span_groups_on_the_doc(nlp):
    text = ("Seorang kepala desa diduga mengunggah foto paslon di Facebook. "
            "Dukung-mendukung di grup-grup percakapan dilarang.")
    doc = nlp(text)
    group = doc.spans["violation_cues"]
    assert {"SOCACT", "SOCMED"} <= {span.label_ for span in group}
    assert [span.label_ for span in group] == group.attrs["labels"]
    words = doc.user_data["cue_words"]
    for span, start, end in zip(group, group.attrs["word_starts"], group.attrs["word_ends"]):
        first, last = words.char_span(start, end)
        # a span is the tokens around the matched words: "mendukung" in "Dukung-mendukung"
        assert span.start_char <= first < last <= span.end_char
    assert any(span.text == "Dukung-mendukung" for span in group)
    assert set(doc.spans) >= {"violation_cues", "incident_cues", "doctype_cues"}


def test_components_share_state_only_through_the_doc(nlp):
    """Components may run over a batch in any interleaving: nothing is kept on the side."""
    a, b = (Item(id="a", text=ARTICLES[0].text, title=ARTICLES[0].title),
            Item(id="b", text="Camat Tegal diduga memasang spanduk caleg di kantor kecamatan."))
    from nlp.runner import make_doc

    expected = [next(analyze([item], nlp=nlp)).output for item in (a, b)]
    docs = [make_doc(nlp, item) for item in (a, b)]
    for name, proc in nlp.pipeline:
        docs = [proc(doc) for doc in docs]
        if name == "pantau_cues":  # b's cues once more, after a's: a keeps its own matches
            docs[1] = proc(docs[1])
    from nlp.extract import doc_to_output

    got = [doc_to_output(doc, item.id, pipeline.PIPELINE_VERSION) for doc, item in zip(docs, (a, b))]
    assert got == expected


@pytest.mark.parametrize("value", [
    None, "", "2024-11-17", "2024-11-17T23:30:00Z", "2024-11-17T23:30:00+08:00", "2024-11-17T23:30",
    date(2024, 1, 2)])
def test_publication_day_follows_pantau_timezones(value):
    """One day rule (a UTC time read in WIB), declared in pantau.timezones."""
    import nlp.runner
    from pantau.timezones import local_day

    assert nlp.runner.as_date(value) == local_day(value)
    assert not hasattr(nlp.runner, "WIB")
