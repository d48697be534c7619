"""Tables: a layout table (the page's columns, the article in one cell) is unwrapped into
plain blocks before extraction; a data table (counts per kabupaten, standings) is kept and
written as text, one row a line with its cells separated by `` | ``, so that the rows stay
apart (every line is a sentence boundary for the NLP) and each count stays beside its region.

    unwrap_layout_tables(tree)     # in place; returns how many tables were unwrapped
    table_rows(table_element)      # ["Kabupaten/Kota | Laporan", "Kabupaten Magelang | 4", ...]
"""

from __future__ import annotations

CELL_SEPARATOR = " | "
TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col")
BLOCKS_IN_CELL = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                  "article", "section", "form", "iframe")
LONG_CELL = 300  # characters: a cell this long holds prose, not a value
MIN_BREAKS = 3  # <br> in one cell: lines of prose


def _own_cells(table) -> list:
    """The cells of ``table`` itself (not of tables nested in its cells)."""
    return [c for c in table.iter("td", "th") if _nearest_table(c) is table]


def _nearest_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _holds_prose(cell) -> bool:
    """A cell with another table, a long text, lines broken with <br>, or several blocks of
    text (a cell of a data table may wrap its value in one <p>)."""
    text = cell.text_content()
    if len(text) > LONG_CELL or next(cell.iter("table"), cell) is not cell:
        return True
    if sum(1 for _ in cell.iter("br")) >= MIN_BREAKS:
        return True
    blocks = [b for b in cell.iter(*BLOCKS_IN_CELL) if b is not cell and b.text_content().strip()]
    return len(blocks) >= 2 and len(text) > 150


def is_layout_table(table) -> bool:
    """Whether a table arranges the page rather than data: a cell holds prose (see
    ``_holds_prose``), or the table has a single column."""
    cells = _own_cells(table)
    if not cells or any(_holds_prose(cell) for cell in cells):
        return True
    rows = [r for r in table.iter("tr") if _nearest_table(r) is table]
    return all(len([c for c in r if c.tag in ("td", "th")]) <= 1 for r in rows)


def unwrap_layout_tables(tree) -> int:
    """Turn every layout table into ``div`` blocks (outermost first), in place."""
    count = 0
    for table in list(tree.iter("table")):
        if table.tag != "table" or not is_layout_table(table):
            continue
        parts = [e for e in table.iter(*TABLE_PARTS)
                 if e.tag != "table" and _nearest_table(e) is table]
        for element in [table, *parts]:
            element.tag = "div"
        count += 1
    return count


def _cell_text(cell) -> str:
    return " ".join("".join(cell.itertext()).split())


def table_rows(table) -> list[str]:
    """The rows of an extracted table (trafilatura's ``row``/``cell``, or HTML ``tr``/``td``)
    as lines, cells joined by `` | ``; empty rows are left out."""
    rows = []
    for row in table.iter("row", "tr"):
        cells = [_cell_text(c) for c in row if c.tag in ("cell", "td", "th")]
        if any(cells):
            rows.append(" ".join(CELL_SEPARATOR.join(cells).split()))
    return rows
