"""German-aware sentence splitting that keeps exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from service.corpus.chrome import Span
from service.lexicon import data_path, load_toml

# A sentence ends at . ! ? (possibly several, possibly followed by closing quotes or a
# bracket) when whitespace and the start of a new sentence follow.
BOUNDARY = re.compile(r"[.!?]+[\"'“”»«)\]]*(?=\s+[\"'„“»«(\[]?[A-ZÄÖÜ0-9])")
WORD_BEFORE = re.compile(r"(?<![\w.])([\w.]+)\.$")
# How far back from a full stop the word before it is looked for: far enough for any
# abbreviation, initial or day number, and a search per stop that does not grow with the
# paragraph (a paragraph of thousands of sentences is split in linear time).
WORD_REACH = 64
NEXT_WORD = re.compile(r"\s+[\"'„“»«(]?([\wäöüÄÖÜß]+)")
WORD_BEFORE_NUMBER = re.compile(r"(?<![\w.])(\w+)\s+\d+\.$")
# An ordinal has at most this many digits ("die 107. Auflage"); four make a year.
ORDINAL_DIGITS = 3


class SentenceSplitter:
    """Splits paragraphs into sentences, guarding abbreviations and ordinal numbers."""

    def __init__(
        self,
        abbreviations: Iterable[str],
        ordinal_nouns: Iterable[str],
        ordinal_articles: Iterable[str] = (),
    ):
        self.abbreviations = frozenset(a.lower() for a in abbreviations)
        self.ordinal_nouns = frozenset(o.lower() for o in ordinal_nouns)
        self.ordinal_articles = frozenset(o.lower() for o in ordinal_articles)

    @classmethod
    def load(cls, path: Path | None = None) -> SentenceSplitter:
        """Return a splitter configured from a segmentation data file."""
        data = load_toml(path or data_path("segmentation.toml"))
        return cls(data["abbreviations"], data["ordinal_nouns"], data["ordinal_articles"])

    def split(self, text: str, spans: Iterable[Span]) -> list[Span]:
        """Return sentence spans of the given paragraphs of text, in order."""
        out: list[Span] = []
        for para in spans:
            start = para.start
            for m in BOUNDARY.finditer(text, para.start, para.end):
                if self._is_false_stop(text, m.start(), m.end(), para):
                    continue
                out.append(Span(start, m.end()))
                start = m.end() + (
                    len(text[m.end() : para.end]) - len(text[m.end() : para.end].lstrip())
                )
            if start < para.end:
                out.append(Span(start, para.end))
        return out

    def _is_false_stop(self, text: str, stop: int, end: int, para: Span) -> bool:
        """Return whether a full stop belongs to an abbreviation or an ordinal number."""
        if text[stop] != "." or end - stop != 1:
            return False
        before = WORD_BEFORE.search(text, max(para.start, stop - WORD_REACH), stop + 1)
        if not before:
            return False
        word = before.group(1)
        if word.lower().rstrip(".") in self.abbreviations:
            return True
        if len(word) == 1 and word.isalpha():  # initials such as "J. Smith"
            return True
        if word.isdecimal() and len(word) <= ORDINAL_DIGITS:
            nxt = NEXT_WORD.match(text, end, para.end)
            if nxt and nxt.group(1).lower() in self.ordinal_nouns:
                return True
            # An article before the number makes it an ordinal ("zur 112. Kieler
            # Woche"): no sentence ends in "zur 112".
            article = WORD_BEFORE_NUMBER.search(text, max(para.start, stop - WORD_REACH), end)
            return bool(article) and article.group(1).lower() in self.ordinal_articles
        return False
