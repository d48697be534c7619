"""Article fields are described once (pantau.article_fields) and reused wherever a field of
the same name appears: the export's data dictionary, the index document, search hits."""

from pantau.article_fields import DESCRIPTIONS
from pantau.export_fields import FIELDS
from pantau.search.base import IndexDocument
from pantau.search.query import HIT_DOCUMENT_FIELDS, Hit
from pantau.search.tantivy_schema import HIT_FIELDS as TANTIVY_HIT_FIELDS
from pantau.search.elastic_query import HIT_FIELDS as ELASTIC_HIT_FIELDS

# region_codes means "named regions" in an export and "named regions and their ancestors" in
# the index: one name, two meanings, described apart on purpose.
DIFFERENT = {"region_codes"}


def test_export_dictionary_uses_the_descriptions():
    assert [(name, desc) for name, _, desc in FIELDS] == [(name, DESCRIPTIONS[name]) for name, _, _ in FIELDS]


def test_index_document_and_hit_reuse_the_descriptions():
    for model in (IndexDocument, Hit):
        for name, info in model.model_fields.items():
            if name in DESCRIPTIONS and name not in DIFFERENT:
                assert info.description == DESCRIPTIONS[name], (model.__name__, name)


def test_hit_fields_are_index_document_fields_and_backends_use_them():
    assert set(HIT_DOCUMENT_FIELDS) <= set(IndexDocument.model_fields)
    assert tuple(TANTIVY_HIT_FIELDS) == tuple(ELASTIC_HIT_FIELDS) == HIT_DOCUMENT_FIELDS
