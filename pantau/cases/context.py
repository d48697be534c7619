"""Where a sentence of an article points away from the case at hand: to others of the role
("dua pangulu lain", "laporan serupa"), to another holder ("Kepala Desa Karangrejo" beside the
kades of Tegalsari), to another kabupaten/kota, or to the authority that takes a step
("Pj Bupati ... Tegur ..."). Used by ``pantau.cases.reports``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pantau.cases.inputs import CaseInput, Mention
from pantau.cases.rules import Rules

if TYPE_CHECKING:
    from pantau.cases.reports import _Group

RECEIVING = frozenset(("kena", "dapat", "mendapat", "terima", "menerima", "diberi"))
CAPITALISED_RE = re.compile(r"\s+((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+){0,2})")
SIMILAR_RE = re.compile(r"\b(?:kasus|laporan|perkara|dugaan|temuan) serupa\b|\bsimilar (?:case|report)")
# "kepala desa lain", "perbekel desa lain" (a unit word between), "another ..."
OTHERS_RE = re.compile(r"\s+(?:(?:desa|kelurahan|kecamatan|nagari|gampong|kampung|sekolah|dinas|puskesmas|"
                       r"daerah|kabupaten|kota)\s+)?(?:lain|lainnya|other|others)\b", re.IGNORECASE)


def others(m: Mention) -> bool:
    """The subject is said to be others ("dua pangulu lain", "seorang ASN lainnya")."""
    at = m.sentence.lower().find(m.subject.lower())
    return at >= 0 and bool(OTHERS_RE.match(m.sentence, at + len(m.subject)))


def of_others(sentence: str, r: Rules) -> bool:
    """The sentence tells of others of a role ("kepala desa lain", "another village head")."""
    low = sentence.lower()
    return bool(SIMILAR_RE.search(low)) or any(OTHERS_RE.match(low, m.end()) for m in r.role_re.finditer(low))


def another_holder(sentence: str, g: "_Group", r: Rules) -> bool:
    """The sentence names the role with another place or name than the subject's ("laporan
    terhadap Kepala Desa Karangrejo ... dihentikan" in an article on the kades of Tegalsari)."""
    own = [CAPITALISED_RE.match(g.label, m.end()) for m in r.role_re.finditer(g.label.lower())]
    if not any(own):
        return False  # the subject's own place is not known: nothing to tell another by
    known = " ".join([g.label, *g.names]).lower()
    for m in r.role_re.finditer(sentence.lower()):
        if r.compatible_roles(g.role, r.role_words[m.group(0)]) != "specific":
            continue
        after = CAPITALISED_RE.match(sentence, m.end())
        if after and not any(w.lower() in known for w in after.group(1).split()):
            return True
    return False


def acts_on_others(low: str, end: int, r: Rules) -> bool:
    """The role is the one who takes the step ("Pj Bupati Mamuju Tegur Tertulis Sebelas Guru",
    "Pj Bupati Kampar Copot Kadisdik"): an active stage or sanction word within three words
    after it (a passive one, "Camat X Diperiksa", keeps the role the subject)."""
    for word in low[end:].split()[:3]:
        if word.startswith(("di", "ter")) or word in RECEIVING:
            return False  # "Camat Terancam Sanksi", "Kades Kena Teguran", "Camat X Dicopot"
        if any(p.fullmatch(word) for _, p in (*r.headline, *r.sanctions)):
            return not word.startswith("pe")  # "pemeriksaan" names the step, not its doer
    return False


def elsewhere(item: CaseInput, sentence: str, regency: str | None) -> bool:
    """The sentence is set in another kabupaten/kota only ("Di Jember, kasus serupa yang
    melibatkan seorang kepala puskesmas justru dihentikan"): another case of the role."""
    if regency is None:
        return False
    named = {code[:5] for code, _, _, sents in item.regions if len(code) >= 5 and sentence in sents}
    return bool(named) and regency not in named
