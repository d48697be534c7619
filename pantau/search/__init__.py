"""Search backends behind one interface: embedded SQLite FTS5 (default) and Elasticsearch."""
