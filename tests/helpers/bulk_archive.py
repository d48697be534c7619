"""A synthetic archive of N articles written through the store (for fault tests that need a
stage to run long enough to be killed half-way). Texts are assembled from our own sentences."""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pantau.ids import article_id, capture_id
from pantau.schema import (Annotation, Article, Capture, Evidence, IncidentMention, OfficialMention,
                           RegionMention, Source, ViolationMention)
from pantau.store import Archive

WIB = timezone(timedelta(hours=7))
SENTENCES = [
    "Bawaslu Kabupaten Demak menemukan seorang camat mengunggah dukungan kepada pasangan calon.",
    "Kepala desa itu hadir dalam kampanye terbuka di lapangan kecamatan pada Sabtu sore.",
    "Panitia pengawas menyatakan akan meneruskan temuan tersebut kepada Badan Kepegawaian Negara.",
    "Seorang guru berstatus ASN terlihat memakai atribut partai saat jam dinas berlangsung.",
    "Pemerintah kabupaten mengimbau seluruh pegawai menjaga netralitas selama tahapan pilkada.",
    "Warga melaporkan penggunaan mobil dinas untuk mengangkut alat peraga kampanye.",
    "Sekretaris daerah mengingatkan sanksi disiplin bagi aparatur yang terlibat politik praktis.",
    "Klarifikasi terhadap terlapor dijadwalkan pekan depan di kantor pengawas pemilu.",
]
REGIONS = [("33.21", "kabupaten", "Demak"), ("33.74", "kota", "Semarang"), ("35.07", "kabupaten", "Malang")]
VIOLATIONS = ["social_media", "campaign_attendance", "state_resources", "partisan_decision"]
FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hesti", "Imam", "Joko"]
LAST = ["Santoso", "Lestari", "Harahap", "Siregar", "Wibowo", "Saputra", "Rahman", "Nasution"]
ROLES = ["Camat", "Kepala Desa", "Sekretaris Daerah", "Kepala Dinas"]


def _officials(rng: random.Random, n: int, code: str, ev: Evidence) -> list[OfficialMention]:
    """``n`` mentions drawn from a few hundred people (so the registry merges across articles)."""
    out = []
    for _ in range(n):
        k = rng.randrange(400)
        name = f"{FIRST[k % 10]} {LAST[(k // 10) % 8]}"
        out.append(OfficialMention(name=name, role=ROLES[k % 4], org=f"Dinas {k % 7}" if k % 3 else None,
                                   region_code=code if k % 5 else None, evidence=[ev]))
    return out


STAGES = ["reported", "examined", "recommended", "sanctioned"]


def _incidents(i: int, officials: list[OfficialMention], ev: Evidence) -> list[IncidentMention]:
    """One incident sentence per official mention (for the case stage)."""
    return [IncidentMention(subject=f"{o.name} ({o.role})", act="hadir dalam kampanye",
                            stage=STAGES[(i + k) % 4], violation_type=VIOLATIONS[i % 4], evidence=ev)
            for k, o in enumerate(officials)]


def fill(path: Path, n: int, seed: int = 7, sentences: int = 30, officials: int = 0) -> None:
    """``officials``: 0 gives one fixed mention per article; more gives that many drawn
    from a few hundred people."""
    rng = random.Random(seed)
    t0 = datetime(2024, 1, 1, 8, tzinfo=WIB)
    with Archive.open(path) as archive, archive.transaction():
        archive.upsert_source(Source(id="warta-uji", name="Warta Uji", type="news",
                                     base_url="https://warta-uji.example/"))
        for i in range(n):
            url = f"https://warta-uji.example/berita/{i}"
            text = " ".join(rng.choice(SENTENCES) for _ in range(sentences))
            body = f"<html><body><h1>Berita {i}</h1><p>{text}</p></body></html>".encode()
            sha = hashlib.sha256(body).hexdigest()
            when = t0 + timedelta(hours=i)
            capture = Capture(id=capture_id(url, sha), source_id="warta-uji", url=url, final_url=url,
                              status=200, headers={"content-type": "text/html"}, body=body, sha256=sha,
                              fetched_at=when)
            archive.put_capture(capture)
            article = Article(id=article_id(url), capture_id=capture.id, source_id="warta-uji", url=url,
                              canonical_url=url, title=f"Berita netralitas ASN nomor {i}", text=text,
                              published_at=when, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                              parser="test-parser", parser_version="1")
            archive.upsert_article(article)
            ev = Evidence(text="camat", start=0, end=5, sentence=SENTENCES[0])
            code, level, name = REGIONS[i % len(REGIONS)]
            named = _officials(rng, officials, code, ev) if officials else [
                OfficialMention(name="Budi Santoso", role="Camat", org=None, region_code=code, evidence=[ev])]
            archive.put_annotation(Annotation(
                article_id=article.id, pipeline_version="test-1", doc_type="incident",
                violation_types=[ViolationMention(type=VIOLATIONS[i % 4], evidence=[ev])],
                regions=[RegionMention(code=code, level=level, name=name, parents=[code[:2]], evidence=[ev])],
                officials=named, incidents=_incidents(i, named, ev), created_at=when))
