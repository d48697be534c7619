"""trafilatura, run in its precision and its balanced (recall) mode on the cleaned tree, each
result as blocks: one paragraph a block, a table one block with a row a line.

    blocks = trafilatura_blocks(tree, "precision")   # ["First paragraph.", "A | 1\\nB | 2", ...]

The options objects are built once (building them costs about as much as a small page's
extraction). Tables are included; ``crawler.parsing.tables`` has already unwrapped the
layout tables, so what remains is data.
"""

from __future__ import annotations

from functools import cache

from crawler.parsing.tables import table_rows

TABLE_MARK = "pantautablexq"  # a placeholder line for a table in trafilatura's text (kept as is)


@cache
def _options(focus: str):
    from trafilatura.settings import Extractor

    return Extractor(output_format="txt", fast=True, precision=focus == "precision",
                     recall=focus == "recall", comments=False, formatting=False, links=False,
                     images=False, tables=True, dedup=False, with_metadata=False)


def _lines_of(body) -> list[str]:
    """The blocks of trafilatura's result tree, in order."""
    from lxml import etree
    from trafilatura.xml import xmltotxt

    tables = []
    for table in list(body.iter("table")):
        if any(a.tag == "table" for a in table.iterancestors()):
            continue
        rows = table_rows(table)
        stand_in = etree.Element("p")
        stand_in.text = f"{TABLE_MARK}{len(tables)}" if rows else ""
        stand_in.tail = table.tail
        tables.append("\n".join(rows))
        table.getparent().replace(table, stand_in)
    blocks = []
    for line in xmltotxt(body, False).splitlines():
        line = line.strip()
        number = line[len(TABLE_MARK):]
        if line.startswith(TABLE_MARK) and number.isdigit() and int(number) < len(tables):
            blocks.append(tables[int(number)])
        elif line:
            blocks.append(line)
    return blocks


def trafilatura_blocks(tree, focus: str = "precision") -> list[str]:
    """The blocks trafilatura extracts from ``tree`` (not modified) in ``focus`` mode
    ("precision" or "balanced")."""
    from trafilatura import bare_extraction

    document = bare_extraction(tree, options=_options(focus), as_dict=False)
    if document is None or document.body is None:
        return []
    return _lines_of(document.body)
