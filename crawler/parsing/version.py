"""The parser's version: a release number plus a hash of everything that turns captures into
articles, so that any change of the parsing code or of the data it reads gives a new version.

    PARSER_VERSION                  # "1.0.0+3f9c0a7be21d"
    parser_files()                  # the files hashed (relative to the repository root)

Hashed: every module of ``crawler/parsing``, the crawler's parse path around it
(``crawler/parse_bridge.py``; ``crawler/dedupe.py`` for the text hash), the core modules it
calls (``pantau/ids.py`` for canonical URLs and ids, ``pantau/timezones.py``,
``pantau/calendar.py`` and its table ``pantau/data/calendar.toml``), and the versions of the
HTML libraries it uses. Each file is hashed with its path relative to the root, so an
installed copy has the same version as the checkout it came from.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from pantau.ids import files_digest

RELEASE = "1.0.0"  # raise on a change of the article fields' meaning
ROOT = Path(__file__).resolve().parents[2]
OTHER_FILES = ("crawler/parse_bridge.py", "crawler/dedupe.py", "pantau/ids.py", "pantau/timezones.py",
               "pantau/calendar.py", "pantau/data/calendar.toml")
LIBRARIES = ("trafilatura", "htmldate", "lxml")


def parser_files(root: Path = ROOT) -> list[Path]:
    """The code and data files the parser's output depends on."""
    return sorted([*(root / "crawler" / "parsing").glob("*.py"), *(root / f for f in OTHER_FILES)])


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def parser_version(root: Path = ROOT) -> str:
    """``RELEASE+<12 hex digits>``: the sha256 of the parser's files and libraries."""
    h = files_digest(parser_files(root), root)
    for name in LIBRARIES:
        h.update(f"{name}=={_library_version(name)}\0".encode())
    return f"{RELEASE}+{h.hexdigest()[:12]}"


PARSER_VERSION = parser_version()
