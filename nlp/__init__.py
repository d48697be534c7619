"""Pantau's spaCy pipeline for Indonesian news: regions, officials, dates, violation types
and document type, each with evidence. ``nlp.load()`` builds it once per process."""

from nlp.spacy_import import defer_package_init as _defer_package_init
from nlp.spacy_import import defer_spacy_cli as _defer_spacy_cli

_defer_spacy_cli()
_defer_package_init("spacy.lang.id")
