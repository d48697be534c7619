"""Data of the officials component: role titles, organisation words and acronyms, honorifics,
name particles and stop words (``nlp/data``), and a gazetteer of region names (``lokal``).

Everything is loaded once, when the component is built, into a :class:`Lexicon` of plain
dicts and sets keyed by lowercase words, so the component itself only does lookups. The
lexicon of the package's own data, and the village index, are kept in ``nlp.cache`` (keyed
by the package's code and data and by ``lokal``'s tables); ``lokal``'s tables are read from
its package directory without importing ``lokal`` (whose import compiles ~200 regexes)."""

from __future__ import annotations

import gzip
import importlib.util
import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.lang.id.stop_words import STOP_WORDS

from nlp.cache import cached, code_fingerprint
from nlp.word_lists import word_list, word_set
from pantau.terms import resolve

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LEVELS = ("provinsi", "kabupaten", "kota", "kecamatan", "desa")
# spaCy stop words that are also common given names: they may stand in a name
NAME_LIKE_STOP_WORDS = word_set("name_like_stop_words")


def norm_word(text: str) -> str:
    """Lowercase, dots dropped: "Kab." -> "kab", "S.Sos." -> "ssos"."""
    return text.lower().replace(".", "")


def _phrase_index(phrases: dict[str, object]) -> dict[str, list[tuple[tuple[str, ...], object]]]:
    """{first word: [(words, value), ...]} with the longest phrases first."""
    index: dict[str, list] = {}
    for phrase, value in phrases.items():
        words = phrase.lower().replace(".", "").split()
        if words:
            entry = (tuple(words), value)
            got = index.get(words[0])
            if got is None:
                index[words[0]] = [entry]
            else:
                got.append(entry)
    for entries in index.values():
        if len(entries) > 1:
            entries.sort(key=lambda e: -len(e[0]))
    return index


@dataclass
class Title:
    text: str
    standalone: bool
    expand: str | None = None
    place: str | None = None
    gov: str | None = None


@dataclass
class Lexicon:
    titles: dict = field(default_factory=dict)        # phrase index -> Title
    title_words: set = field(default_factory=set)     # first words of titles
    name_like_titles: set = field(default_factory=set)  # of those, words that are family names too
    anchors: set = field(default_factory=set)         # first words of titles and modifiers
    modifiers: dict = field(default_factory=dict)     # phrase index -> full form
    negators: set = field(default_factory=set)
    appositive: dict = field(default_factory=dict)    # phrase index -> True
    before_name: dict = field(default_factory=dict)
    private: set = field(default_factory=set)
    acronyms: dict = field(default_factory=dict)      # phrase index -> (kind, expansion)
    acronym_levels: dict = field(default_factory=dict)  # acronym -> region level after it
    org_words: dict = field(default_factory=dict)     # phrase index -> public (bool)
    levels: dict = field(default_factory=dict)        # phrase index -> level name
    places: dict = field(default_factory=dict)        # phrase index -> True
    honorifics_before: set = field(default_factory=set)
    honorifics_after: set = field(default_factory=set)
    particles: set = field(default_factory=set)
    stopwords: set = field(default_factory=set)
    verbs: set = field(default_factory=set)           # verbs as headlines write them ("ajak")
    verb_stems: set = field(default_factory=set)      # stems of derived verbs ("memimpin")
    gazetteer: dict = field(default_factory=dict)     # level -> phrase index -> True
    region_levels: dict = field(default_factory=dict)  # lowercase kab/kota/prov name -> {levels}


def _lines(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _load_roles(lex: Lexicon, path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    titles = {}
    for kind in ("standalone", "needs_org"):
        data["titles"][kind] = _shared_titles(data["titles"][kind])
        for entry in data["titles"][kind]:
            titles[entry["t"]] = Title(entry["t"], kind == "standalone", entry.get("expand"),
                                       entry.get("place"), entry.get("gov"))
    _misspelt(titles, data.get("misspellings", {}))
    for entry in data["titles"]["standalone"]:  # "kepala desanya, Budi": his village's head
        owned = entry["t"] + "nya"
        titles.setdefault(owned, Title(owned, True, None, None, entry.get("gov")))
    lex.titles = _phrase_index(titles)
    lex.title_words = set(lex.titles)
    lex.name_like_titles = set(data["titles"].get("name_like", ()))
    lex.modifiers = _phrase_index(data["modifiers"])
    lex.anchors = set(lex.titles) | set(lex.modifiers)
    lex.negators = set(data["negators"]["words"])
    lex.appositive = _phrase_index({m: True for m in data["appositive"]["markers"]})
    lex.before_name = _phrase_index({m: True for m in data["appositive"]["before_name"]})
    lex.private = set(data["private"]["words"])


def _misspelt(titles: dict[str, Title], spellings: dict[str, str]) -> None:
    """Every title with a correctly spelt word also under each misspelling of it."""
    for wrong, right in spellings.items():
        if wrong == right:
            continue
        for text, title in list(titles.items()):
            words = text.split()
            if right in words:
                variant = " ".join(wrong if w == right else w for w in words)
                titles.setdefault(variant, Title(variant, title.standalone, title.expand, title.place, title.gov))


def _shared_titles(entries: list[dict]) -> list[dict]:
    """``{ t = "@village_heads", place = "desa" }``: one entry per term of the shared list,
    with the same fields, where the file gives the term no entry of its own."""
    own = {e["t"] for e in entries if not e["t"].startswith("@")}
    out = []
    for entry in entries:
        if entry["t"].startswith("@"):
            out += [{**entry, "t": t} for t in resolve([entry["t"]]) if t not in own]
        else:
            out.append(entry)
    return out


def _load_acronyms(lex: Lexicon, path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    table = {}
    for kind in ("expand", "keep", "nonpublic"):
        for key, expansion in data[kind].items():
            table[key] = (kind, expansion)
            if "-" in key:  # the tokenizer splits "KemenPAN-RB" at the hyphen
                table.setdefault(key.replace("-", " - "), (kind, expansion))
    lex.acronyms = _phrase_index(table)
    lex.acronym_levels = dict(data.get("levels", {}))


def _load_org_words(lex: Lexicon, path: Path) -> None:
    words, levels, places = {}, {}, {}
    for line in _lines(path):
        if line.startswith("@level "):
            phrase = line[7:].strip()
            levels[phrase] = _level_of(phrase)
        elif line.startswith("@place "):
            places[line[7:].strip()] = True
        elif line.startswith("+"):
            words[line[1:]] = True
        else:
            words.setdefault(line, False)
    lex.org_words = _phrase_index(words)
    lex.levels = _phrase_index(levels)
    lex.places = _phrase_index(places)


def _level_of(word: str) -> str:
    if word.startswith(("kab",)):
        return "kabupaten"
    if word.startswith("kota"):
        return "kota"
    if word.startswith(("prov", "prop")):
        return "provinsi"
    if word.startswith(("kec", "distrik")):
        return "kecamatan"
    return "desa"


def _load_honorifics(lex: Lexicon, path: Path) -> None:
    section = None
    for line in _lines(path):
        if line in ("[before]", "[after]"):
            section = line
        elif section == "[before]":
            lex.honorifics_before.add(line)
        elif section == "[after]":
            lex.honorifics_after.add(line)


def _load_verbs(lex: Lexicon, path: Path) -> None:
    if not path.is_file():  # a custom data_dir without the file
        return
    for line in _lines(path):
        word = line.lstrip("~")
        if word == line:
            lex.verbs.add(word)
        if len(word) >= 3:
            lex.verb_stems.add(word)


_PREFIXES = word_list("verb_prefixes")  # (prefix, the letter it replaced)


def is_verb(low: str, lex: Lexicon) -> bool:
    """Is the lowercase word an Indonesian verb of the lexicon: a headline verb ("ajak",
    "hadiri"), a stem + -kan/-i ("jatuhkan"), or a prefixed stem ("memimpin", "menegaskan",
    "diserahkan")? Names that start like a prefix ("Mega", "Dina", "Bernard") are not, since
    what is left is no known stem."""
    if low in lex.verbs:
        return True
    stems = lex.verb_stems
    bases = [low]
    for suffix in ("kan", "i"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            bases.append(low[:-len(suffix)])
    if any(b in stems for b in bases[1:]):
        return True
    for base in bases:
        for prefix, restore in _PREFIXES:
            if base.startswith(prefix):
                rest = restore + base[len(prefix):]
                if len(rest) >= 3 and rest in stems:
                    return True
    return False


def _lokal_file(name: str) -> Path | None:
    """A data file of ``lokal``, found without importing the package."""
    spec = importlib.util.find_spec("lokal")
    for loc in (spec.submodule_search_locations or []) if spec else []:
        path = Path(loc) / "data" / name
        if path.is_file():
            return path
    return None


def _read_gz(name: str) -> dict:
    path = _lokal_file(name)
    if path is None:  # not a plain directory install: let importlib.resources find it
        from importlib import resources

        with resources.as_file(resources.files("lokal") / "data" / name) as p:
            return _load_gz(p)
    return _load_gz(path)


def _load_gz(path: Path) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _gz_inputs(name: str) -> list:
    """Cache inputs for a ``lokal`` table: its bytes (or its name, if not found)."""
    path = _lokal_file(name)
    return [name, path if path is not None else "resources"]


class Gazetteer(dict):
    """Region-name phrase indexes by level; village names (80,000) are read on first use."""

    def get(self, level, default=None):
        if level == "desa" and "desa" not in self:
            self["desa"] = _desa_index()
        return super().get(level, default)


@lru_cache(maxsize=1)
def _desa_index() -> dict:
    return cached("officials-desa", [code_fingerprint(), *_gz_inputs("desa.json.gz")], _build_desa_index)


def _build_desa_index() -> dict:
    return _phrase_index({name: True for name in _read_gz("desa.json.gz").values()})


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[Gazetteer, dict]:
    """Region names by level, from the Kemendagri table shipped with ``lokal``."""
    names: dict[str, dict] = {level: {} for level in LEVELS if level != "desa"}
    region_levels: dict[str, set] = {}
    for code, name in _read_gz("wilayah.json.gz").items():
        parts = code.count(".")
        if parts == 0:
            level, bare = "provinsi", name
        elif parts == 1:
            level = "kota" if name.startswith("Kota ") else "kabupaten"
            bare = name
            for prefix in ("Kota Administrasi ", "Kabupaten Administrasi ", "Kota ", "Kabupaten "):
                if bare.startswith(prefix):
                    bare = bare[len(prefix):]
                    break
        elif parts == 2:
            level, bare = "kecamatan", name
        else:
            continue
        names[level][bare] = True
        if parts < 2:
            region_levels.setdefault(bare.lower(), set()).add(level)
            if bare.startswith("Kepulauan "):  # "Dinas Sosial Sula": Kepulauan Sula
                region_levels.setdefault(bare[len("Kepulauan "):].lower(), set()).add(level)
    return Gazetteer({level: _phrase_index(n) for level, n in names.items()}), region_levels


def load_lexicon(data_dir: str | Path | None = None, use_gazetteer: bool = True) -> Lexicon:
    if data_dir:
        return build_lexicon(data_dir, use_gazetteer)
    inputs = [code_fingerprint(), "\n".join(sorted(STOP_WORDS)), str(use_gazetteer)]
    if use_gazetteer:
        inputs += _gz_inputs("wilayah.json.gz")
    return cached("officials-lexicon", inputs, lambda: _lean(build_lexicon(None, use_gazetteer)))


def _lean(lex: Lexicon) -> Lexicon:
    """The lexicon without village names (read on first use) for the cache file."""
    if "desa" in lex.gazetteer:
        lex.gazetteer = Gazetteer({k: v for k, v in lex.gazetteer.items() if k != "desa"})
    return lex


def build_lexicon(data_dir: str | Path | None = None, use_gazetteer: bool = True) -> Lexicon:
    root = Path(data_dir) if data_dir else DATA_DIR
    lex = Lexicon()
    _load_roles(lex, root / "roles.toml")
    _load_acronyms(lex, root / "org_acronyms.toml")
    _load_org_words(lex, root / "org_words.txt")
    _load_honorifics(lex, root / "honorifics.txt")
    lex.particles = set(_lines(root / "name_particles.txt"))
    lex.stopwords = set(_lines(root / "name_stopwords.txt"))
    lex.stopwords |= {w for w in STOP_WORDS if w not in NAME_LIKE_STOP_WORDS}
    _load_verbs(lex, root / "name_verbs.txt")
    if use_gazetteer:
        lex.gazetteer, lex.region_levels = _gazetteer()
    return lex
