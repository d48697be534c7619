"""spaCy components of the Pantau pipeline: one module each, a class plus a thin factory."""
