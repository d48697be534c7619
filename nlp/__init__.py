"""Pantau's spaCy pipeline for Indonesian news: regions, officials, dates, violation types
and document type, each with evidence. ``nlp.load()`` builds it once per process."""
