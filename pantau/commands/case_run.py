"""The case stage over a file of articles (no archive): ``pantau extract --cases`` and
``pantau cases --evaluate`` both run it. Articles get near-duplicate clusters the way the
crawler gives them (``crawler.dedupe``, in memory), then the same stage as ``pantau cases``."""

from __future__ import annotations

from collections.abc import Iterable


def clusters(lines: Iterable[dict]) -> dict[str, str]:
    """Article id -> near-duplicate cluster id (the smallest member id), as at crawl time."""
    from types import SimpleNamespace

    from crawler.dedupe import DedupeIndex, text_hash

    index, out = DedupeIndex.in_memory(), {}
    for line in sorted(lines, key=lambda l: str(l["id"])):
        aid = str(line["id"])
        article = SimpleNamespace(id=aid, text=line.get("text") or "", content_hash=text_hash(line.get("text") or ""))
        index.place(article)
    for line in lines:
        aid = str(line["id"])
        out[aid] = index.conn.execute("SELECT cluster_id FROM dedupe_signatures WHERE article_id = ?",
                                      (aid,)).fetchone()[0]
    return out


def cases_for(lines: list[dict], outputs: dict[str, dict]) -> list:
    """The cases of the articles of ``lines`` given their extract outputs (by id)."""
    from pantau.cases import cases_of
    from pantau.cases.inputs import from_extract

    cluster_of = clusters(lines)
    rows = [({**line, "cluster": cluster_of[str(line["id"])]}, outputs[str(line["id"])])
            for line in lines if str(line["id"]) in outputs]
    return cases_of(from_extract(rows))


def analyse(lines: list[dict], batch_size: int = 64) -> dict[str, dict]:
    """Extract outputs by id for input lines (``pantau extract``'s item rules)."""
    from nlp.runner import analyze

    from pantau.commands.extract import _item

    return {r.output["id"]: r.output for r in analyze([_item(line) for line in lines], batch_size=batch_size)}
