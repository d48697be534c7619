"""Search backends behind one interface: embedded tantivy (default) and Elasticsearch."""
