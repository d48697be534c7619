"""Parse benchmark: time per page of ``crawler.parsing.parse_page`` over the fixture pages
and every page of the sample site (article pages, their next pages and AMP versions, and the
traps: the 5 MB page, the PDF, the wrong-encoding page), plus MinHash signatures; and, in the
same run on the same pages, trafilatura alone: ``trafilatura.extract`` with its defaults (text
only) and with metadata (title, date, author: the whole job Pantau's parser does).

    .venv/bin/python benchmarks/parse.py [--repeat 5] [--json]

Each page is parsed ``repeat`` times after one warm-up pass, the parsers taking turns; the
figure of a page is its fastest run (the machine is shared: the slower runs measure the
neighbours). Targets: median <= 15 ms per page; at or below trafilatura's time. No
assertions: figures only.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
FIXTURES = REPO / "tests" / "fixtures" / "pages"


def fixture_pages() -> list[tuple[str, bytes, str, dict]]:
    pages = []
    for group in ("", "text_choice"):  # the saved pages, and those of issue 16's causes
        if not (FIXTURES / group / "pages.toml").exists():
            continue
        spec = tomllib.loads((FIXTURES / group / "pages.toml").read_text(encoding="utf-8"))
        pages += [(f"fixture/{name}", (FIXTURES / group / s["file"]).read_bytes(), s["url"], s["headers"])
                  for name, s in spec.items()]
    return pages


def sample_pages() -> list[tuple[str, bytes, str, dict]]:
    from sample_site.answer_key import answer_key
    from sample_site.catalog import Catalog
    from sample_site.server import SampleSite
    from sample_site.traps import all_traps

    catalog, host = Catalog.load(), "127.0.0.1:8765"
    app, base = SampleSite(catalog), f"http://{host}"
    urls = []
    for entry in answer_key(base, catalog):
        variants = entry["variants"]
        urls += [entry["url"], *variants.get("next_pages", []), *([variants["amp"]] if "amp" in variants else [])]
    urls += [t.url for t in all_traps(base, catalog) if t.name in ("large_page", "pdf", "wrong_encoding")]
    pages = []
    for url in dict.fromkeys(urls):
        response = app.handle(url[len(base):], host)
        if response.status == 500:  # the flaky trap
            response = app.handle(url[len(base):], host)
        pages.append((f"sample{url[len(base):]}", response.data(), url,
                      {"Content-Type": response.content_type, **response.headers}))
    return pages


def pantau_parse(body: bytes, url: str, headers: dict) -> None:
    from crawler.parsing import parse_page

    parse_page(body, url, headers, "bench")


def trafilatura_default(body: bytes, url: str, headers: dict) -> None:
    import trafilatura

    trafilatura.extract(body, url=url)


def trafilatura_metadata(body: bytes, url: str, headers: dict) -> None:
    import trafilatura

    trafilatura.extract(body, url=url, with_metadata=True)


PARSERS = {"pantau": pantau_parse, "trafilatura": trafilatura_default,
           "trafilatura+metadata": trafilatura_metadata}


def time_pages(pages, repeat: int) -> dict[str, dict[str, float]]:
    """Fastest ms per page of each parser. The parsers take turns on each page, so that a
    change of the machine's load during the run weighs on all of them alike."""
    for parse in PARSERS.values():  # warm-up: imports, regex compilation, caches
        for _, body, url, headers in pages:
            parse(body, url, headers)
    result: dict[str, dict[str, float]] = {name: {} for name in PARSERS}
    for page, body, url, headers in pages:
        runs: dict[str, list[float]] = {name: [] for name in PARSERS}
        for _ in range(repeat):
            for name, parse in PARSERS.items():
                start = time.perf_counter()
                parse(body, url, headers)
                runs[name].append((time.perf_counter() - start) * 1000)
        for name in PARSERS:
            result[name][page] = min(runs[name])
    return result


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"pages": len(ordered), "median_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
            "max_ms": round(ordered[-1], 2)}


def minhash_ms(pages, repeat: int) -> float:
    from crawler.dedupe import signature
    from crawler.parsing import parse_page

    texts = [p.text for p in (parse_page(b, u, h, "bench") for _, b, u, h in pages) if p.ok]
    start = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            signature(text)
    return (time.perf_counter() - start) * 1000 / (repeat * len(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    fixtures, sample = fixture_pages(), sample_pages()
    report = {}
    timed = time_pages(fixtures + sample, args.repeat)
    for parser_name, times in timed.items():
        report[parser_name] = {
            "median_page_ratio": round(statistics.median(
                times[page] / timed["trafilatura"][page] for page in times), 2),
            "fixtures": summary([v for k, v in times.items() if k.startswith("fixture/")]),
            "sample_site": summary([v for k, v in times.items() if k.startswith("sample/")]),
            "all": summary(list(times.values())),
            "total_ms": round(sum(times.values()), 1),
            "slowest": {k: round(v, 1) for k, v in sorted(times.items(), key=lambda kv: -kv[1])[:3]},
        }
    report["minhash_signature_ms"] = round(minhash_ms(fixtures + sample, args.repeat), 2)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for parser_name in PARSERS:
        print(f"{parser_name} (total {report[parser_name]['total_ms']} ms, "
              f"{report[parser_name]['total_ms'] / report['trafilatura']['total_ms']:.2f}x trafilatura; "
              f"a page's time over trafilatura's: median {report[parser_name]['median_page_ratio']}x)")
        for group in ("fixtures", "sample_site", "all"):
            s = report[parser_name][group]
            print(f"  {group:12} {s['pages']:4} pages   median {s['median_ms']:6.2f} ms   "
                  f"p95 {s['p95_ms']:7.2f} ms   max {s['max_ms']:7.2f} ms")
        print("  slowest:     " + ", ".join(f"{k} {v} ms" for k, v in report[parser_name]["slowest"].items()))
    print(f"minhash:     {report['minhash_signature_ms']} ms per article signature (target median parse <= 15 ms)")


if __name__ == "__main__":
    main()
