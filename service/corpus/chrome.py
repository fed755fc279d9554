"""Removing page chrome (consent notices, captions, teasers, sign-offs) from an article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from service.lexicon import data_path, load_toml
from service.reading.tokens import INVISIBLE

SENTENCE_END = re.compile(r"[.!?…:][\"'“”»«)]*$")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the source text, as [start, end) character offsets."""

    start: int
    end: int


# A line from its first to its last character that shows: a byte order mark or a stray soft
# hyphen at either end stays out of the span.
_SHOWN = rf"[^\s{INVISIBLE}]"
LINE = re.compile(rf"{_SHOWN}(?:[^\n]*{_SHOWN})?")


def paragraphs(text: str) -> list[Span]:
    """Return the non-blank lines of a text as spans, trimmed to the characters that show."""
    return [Span(m.start(), m.end()) for m in LINE.finditer(text)]


class ChromeRules:
    """Rules that tell article text from page chrome, loaded from a data file."""

    def __init__(self, rules: dict):
        self.drop = [re.compile(p) for p in rules.get("drop", [])]
        self.strip = [re.compile(p) for p in rules.get("strip", [])]
        self.end = [re.compile(p) for p in rules.get("end", [])]
        self.credit = [re.compile(p) for p in rules.get("credit", [])]
        self.captions = rules.get("captions", {})

    @classmethod
    def load(cls, path: Path | None = None) -> ChromeRules:
        """Return the rules of a chrome data file (the bundled one by default)."""
        return cls(load_toml(path or data_path("chrome.toml")))

    def content(self, text: str, publisher: str | None = None) -> list[Span]:
        """Return the spans of a document's text that are article content, in order."""
        kept: list[Span] = []
        caption_words = self.captions.get(publisher or "", {}).get("min_words")
        for span in paragraphs(text):
            para = text[span.start : span.end]
            if any(p.search(para) for p in self.end):
                break
            credit = next((p for p in self.credit if p.search(para)), None)
            if credit:
                self._drop_caption_before(text, kept, para)
                continue
            if any(p.search(para) for p in self.drop):
                continue
            span = self._strip(text, span)
            para = text[span.start : span.end]
            if not para:
                continue
            if (
                caption_words
                and len(para.split()) >= caption_words
                and not SENTENCE_END.search(para)
            ):
                continue
            kept.append(span)
        return kept

    def _strip(self, text: str, span: Span) -> Span:
        """Return the span narrowed by the strip rules (prefixes and suffixes only)."""
        for pattern in self.strip:
            para = text[span.start : span.end]
            m = pattern.search(para)
            if not m:
                continue
            if m.start() == 0:
                span = Span(span.start + m.end(), span.end)
            elif m.end() == len(para):
                span = Span(span.start, span.start + m.start())
            para = text[span.start : span.end]
            lead = len(para) - len(para.lstrip())
            span = Span(span.start + lead, span.start + len(para.rstrip()))
        return span

    @staticmethod
    def _drop_caption_before(text: str, kept: list[Span], credit_para: str) -> None:
        """Drop the paragraph before a credit when it is the credit's caption."""
        if not kept:
            return
        previous = text[kept[-1].start : kept[-1].end]
        head = previous[: min(len(previous), 30)]
        if credit_para.startswith("©") or credit_para.startswith(head):
            kept.pop()
