"""Doc extension attributes shared by the pipeline's components.

Each component writes its own attribute; later components may read earlier ones. All state
shared between components lives on the doc: these attributes, the cue span groups of
``pantau_cues`` in ``doc.spans`` (``nlp.components.cue_spans``), and ``doc.user_data``
(the text, sentence bounds and token columns of ``pantau_sentences``, the shared cue word
view, the incident subject kinds); no component keeps a doc's state in a module global.
Values are plain lists of dicts (JSON-ready) shaped like the models in ``pantau.schema``:
every item carries ``evidence``: a list of {"text", "start", "end", "sentence"} with
character offsets into ``doc.text``.

Per-document context is passed in ``doc.user_data`` before the components run:
``published`` (datetime.date or None), ``title`` (str or None), ``url`` (str or None),
``default_region`` (a region code of the source, or None), ``author`` (the byline, str or
None), ``id``, and ``title_end`` (int, see below).

The title is analysed: ``nlp.runner`` makes the doc from ``title + "\n\n" + body`` (just the
body when there is no title or the body already starts with it), so regions and officials
named only in the title count. All evidence offsets refer to that combined string;
``doc.user_data["title_end"]`` is the offset where the body starts (0 without a title) and
is stored with the output as ``text_offset``: body offset = start - text_offset.
"""

from spacy.tokens import Doc

ATTRS = {
    "regions": list,      # RegionMention dicts: level, name, code, parents, evidence
    "officials": list,    # OfficialMention dicts: name, role, org, region_code, evidence
    "dates": list,        # DateMention dicts: date (ISO str), evidence
    "violations": list,   # ViolationMention dicts: type, evidence
    "incidents": list,    # IncidentMention dicts: subject, act, stage, violation_type, evidence
    "doc_type": None,     # one DocType code
}


def register() -> None:
    for name in ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
