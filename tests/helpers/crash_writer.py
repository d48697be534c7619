"""Write a deterministic workload into an archive: ``python crash_writer.py DB N``.

Item i is a source, a capture, an article and an annotation, written in one transaction;
items already complete are skipped, so the script can be killed and re-run at any point.
After each committed item it prints the item number (the crash test reads these lines).
Everything, timestamps included, depends only on i, so two complete runs store equal rows.
"""

from __future__ import annotations

import hashlib
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pantau.errors import NotFound
from pantau.ids import article_id, capture_id, content_hash
from pantau.schema import (Annotation, Article, Capture, Evidence, FieldMethod, RegionMention,
                           Source, ViolationMention)

VERSION = "crash-1"
BASE_TIME = datetime(2024, 2, 1, tzinfo=timezone.utc)


def source_id(i: int) -> str:
    return f"src-{i:05d}"


def url(i: int) -> str:
    return f"https://warta{i}.example.id/berita/{i}/asn-tidak-netral"


def item(i: int) -> tuple[Source, Capture, Article, Annotation]:
    rng = random.Random(i)
    page = url(i)
    when = BASE_TIME + timedelta(minutes=i)
    source = Source(id=source_id(i), name=f"Warta {i}", type="news",
                    base_url=f"https://warta{i}.example.id/", region_code="33",
                    config={"sitemaps": [f"https://warta{i}.example.id/sitemap.xml"]})
    text = f"Bawaslu menemukan dugaan pelanggaran netralitas ASN nomor {i}. " * (20 + i % 30)
    noise = rng.randbytes(4000 + rng.randrange(12000))  # incompressible part of the page
    body = f"<html><body><p>{text}</p>".encode() + noise + b"</body></html>"
    sha = hashlib.sha256(body).hexdigest()
    capture = Capture(id=capture_id(page, sha), source_id=source.id, url=page, final_url=page,
                      status=200, headers={"content-type": "text/html"}, body=body, sha256=sha,
                      fetched_at=when)
    article = Article(id=article_id(page), capture_id=capture.id, source_id=source.id, url=page,
                      canonical_url=page, title=f"Dugaan pelanggaran {i}", text=text,
                      published_at=when - timedelta(hours=3),
                      content_hash=content_hash(text.encode()), parser="crash-test",
                      parser_version="1", methods=[FieldMethod(field="title", method="css")],
                      parsed_at=when + timedelta(seconds=1))
    evidence = Evidence(text="ASN", start=41, end=44, sentence=text[:60])
    annotation = Annotation(article_id=article.id, pipeline_version=VERSION, doc_type="incident",
                            violation_types=[ViolationMention(type="social_media", evidence=[evidence])],
                            regions=[RegionMention(code="33", level="provinsi", name="Jawa Tengah")],
                            created_at=when + timedelta(seconds=2))
    return source, capture, article, annotation


def run(db: Path, n: int) -> None:
    from pantau.store import Archive

    with Archive.open(db) as archive:
        print("open", flush=True)
        for i in range(n):
            try:
                archive.get_annotation(article_id(url(i)), VERSION)
                continue
            except NotFound:
                pass
            with archive.transaction():
                # Built inside the transaction so that most of the time a kill lands there.
                source, capture, article, annotation = item(i)
                archive.upsert_source(source)
                archive.put_capture(capture)
                archive.upsert_article(article)
                archive.put_annotation(annotation)
            print(i, flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    run(Path(sys.argv[1]), int(sys.argv[2]))
