"""Sentence boundaries for news text: ``pantau_sentences``.

Faster and closer to news layout than spaCy's ``sentencizer``:

- every line break is a boundary (headlines, bylines and paragraphs are separate units);
- ".", "!", "?", "…" end a sentence, together with the closing quotes and brackets glued
  to them, when the next word starts with a capital letter, a digit or an opening quote;
- ";" ends one item of a list as a sentence ("Ketiganya adalah A, camat X, yang ...; B, staf
  Y, yang ...; serta C, ..."), so each item's subject keeps its own act, when the next word
  is capitalised or opens an item ("serta", "dan");
- nor does the dot of a shortened first name ("Andi Muh. Yamin", "Moh. Lutfi");
- abbreviations the tokenizer keeps whole ("Kab.", "Dr.", "W.") never end a sentence,
  nor does "," inside a quote: ``"Kami netral," kata Ketua Bawaslu.`` is one sentence.

Besides ``is_sent_start`` it leaves the sentences' character bounds in
``doc.user_data["sentence_bounds"]`` and the text in ``doc.user_data["text"]`` (read them
with ``nlp.evidence.sentence_bounds`` and ``nlp.evidence.doc_text``: cheaper than
``doc.sents`` and ``doc.text``, which walk Python Token objects on every access), and the
token columns it read, as lists (ORTH, SPACY, IS_SPACE, IDX, sentence start as bool), in
``doc.user_data["token_columns"]`` for ``nlp.components.names.Tokens``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from nlp.word_lists import word_set

TERMINAL = word_set("sentence_terminals")
CLOSING = word_set("sentence_closing")
OPENING = word_set("sentence_opening")
SEPARATORS = word_set("list_separators")
ITEM_OPENERS = word_set("list_item_openers")
NAME_ABBREVIATIONS = word_set("name_abbreviations")


class SentenceSplitter:
    """Sets ``is_sent_start`` on every token from the rules above."""

    def __init__(self, vocab) -> None:
        self.strings = vocab.strings
        self.terminal = {self.strings.add(s) for s in TERMINAL}
        self.closing = {self.strings.add(s) for s in CLOSING}
        self.separators = {self.strings.add(s) for s in SEPARATORS}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            doc.user_data["sentence_bounds"] = []
            return doc
        arr = doc.to_array([ORTH, SPACY, IS_SPACE, IDX])  # uint64: ORTH hashes are unsigned
        orth, spacy_, space, idx = (arr[:, i].tolist() for i in range(4))
        starts = numpy.full(n, -1, dtype="int64")
        starts[0] = 1
        strings, terminal, closing, separators = self.strings, self.terminal, self.closing, self.separators
        pending = after_terminal = after_separator = glued = False
        for i in range(n):
            o = orth[i]
            if space[i]:
                if "\n" in strings[o]:
                    pending, after_terminal = True, False
                continue
            if after_terminal and glued and o in closing:
                glued = not spacy_[i]
                continue
            if pending or (after_terminal and _starts_sentence(strings[o])) \
                    or (after_separator and (strings[o][0].isupper() or strings[o].lower() in ITEM_OPENERS)):
                starts[i] = 1
            glued = not spacy_[i]
            pending = False
            after_terminal, after_separator = o in terminal, o in separators
            if after_terminal and i and not spacy_[i - 1] and strings[orth[i - 1]] in NAME_ABBREVIATIONS:
                after_terminal = False  # "Andi Muh. Yamin": a shortened name, not a sentence's end
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        if doc.user_data.get("text") is None:
            doc.user_data["text"] = "".join(strings[o] + " " * w for o, w in zip(orth, spacy_))
        is_start = starts == 1
        begins = [idx[i] for i in numpy.flatnonzero(is_start).tolist()]
        doc.user_data["sentence_bounds"] = list(zip(begins, begins[1:] + [len(doc.user_data["text"])]))
        doc.user_data["token_columns"] = (orth, spacy_, space, idx, is_start.tolist())
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def _starts_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or text in OPENING


@Language.factory("pantau_sentences", assigns=["token.is_sent_start", "doc.user_data"])
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp.vocab)
