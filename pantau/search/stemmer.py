"""PySastrawi's stemmer with its regular expressions compiled once.

Sastrawi calls ``re.match(pattern, word)`` and ``re.sub(pattern, "", word, count=1)`` with
pattern strings each time, and passes every stripped word as the *pattern* of ``re.sub``:
the distinct words of a corpus overflow ``re``'s cache (512 patterns), so its 70-odd rule
patterns are compiled again and again, about a third of the stemmer's time. Inside
Sastrawi's modules ``re`` is replaced by ``_CompiledRe``: the same results, with rule
patterns compiled once and a pattern of letters and digits (a literal word) removed with
``str.replace``.
"""

from __future__ import annotations

import re
import sys

_MAX_PATTERNS = 10_000


class _CompiledRe:
    """Stands in for the ``re`` module: ``match`` and ``sub`` on patterns compiled once."""

    def __init__(self) -> None:
        self._patterns: dict[tuple[str, int], re.Pattern] = {}

    def __getattr__(self, name: str):
        return getattr(re, name)

    def compiled(self, pattern: str, flags: int = 0) -> re.Pattern:
        found = self._patterns.get((pattern, flags))
        if found is None:
            if len(self._patterns) >= _MAX_PATTERNS:
                self._patterns.clear()
            found = self._patterns[(pattern, flags)] = re.compile(pattern, flags)
        return found

    def match(self, pattern: str, string: str, flags: int = 0):
        return self.compiled(pattern, flags).match(string)

    def sub(self, pattern: str, repl: str, string: str, count: int = 0, flags: int = 0) -> str:
        if not flags and pattern.isalnum() and "\\" not in repl:  # a literal word
            return string.replace(pattern, repl, count or -1)
        return self.compiled(pattern, flags).sub(repl, string, count)


def create_stemmer():
    """Sastrawi's stemmer of single words (``stem_word``), its modules using ``_CompiledRe``."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer().delegatedStemmer
    shim = _CompiledRe()
    for name, module in list(sys.modules.items()):
        if name.startswith("Sastrawi.") and getattr(module, "re", None) is re:
            module.re = shim
    return stemmer
