"""Removing page chrome (consent notices, captions, teasers, sign-offs) from an article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from service.lexicon import data_path, load_toml
from service.reading.tokens import INVISIBLE

SENTENCE_END = re.compile(r"[.!?…:][\"'“”»«)]*$")
# A sentence's end inside a line: a lower-case word and a full stop, then a capital.
INNER_END = re.compile(r"[a-zäöüß]{2}[.!?][\"'“”»«)]* +[A-ZÄÖÜ]")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the source text, as [start, end) character offsets."""

    start: int
    end: int


# A line from its first to its last character that shows: a byte order mark or a stray soft
# hyphen at either end stays out of the span.
_SHOWN = rf"[^\s{INVISIBLE}]"
LINE = re.compile(rf"{_SHOWN}(?:[^\n]*{_SHOWN})?")


def paragraphs(text: str, run_on: frozenset[str] = frozenset()) -> list[Span]:
    """Return the paragraphs of a text as spans, trimmed to the characters that show.

    A paragraph is a non-blank line, or several where text was wrapped at a fixed width: a
    line that ends without a sentence's end runs on into the next line where that line
    starts in lower case or with a figure, or where the line ends with a comma, a hyphen or
    one of the `run_on` words (articles, prepositions, conjunctions: no heading ends with
    "des"), or where a sentence of the line ended before its last words (no heading holds
    one: the line is running text).
    """
    out: list[Span] = []
    last_line = ""
    for m in LINE.finditer(text):
        line = m.group()
        if out and _runs_on(last_line, text[out[-1].end : m.start()], line, run_on):
            out[-1] = Span(out[-1].start, m.end())
        else:
            out.append(Span(m.start(), m.end()))
        last_line = line
    return out


def _runs_on(line: str, gap: str, following: str, run_on: frozenset[str]) -> bool:
    """Return whether a line breaks off a sentence that the following line goes on with."""
    if gap.count("\n") != 1 or SENTENCE_END.search(line):
        return False  # a blank line, or the end of a sentence, ends the paragraph
    if following[:1].islower() or following[:1].isdigit() or line.endswith((",", "-")):
        return True
    if INNER_END.search(line):
        return True
    return line.rsplit(None, 1)[-1].lower() in run_on


class ChromeRules:
    """Rules that tell article text from page chrome, loaded from a data file."""

    def __init__(self, rules: dict):
        self.drop = [re.compile(p) for p in rules.get("drop", [])]
        self.strip = [re.compile(p) for p in rules.get("strip", [])]
        self.end = [re.compile(p) for p in rules.get("end", [])]
        self.credit = [re.compile(p) for p in rules.get("credit", [])]
        self.captions = rules.get("captions", {})
        self.run_on = frozenset(rules.get("run_on", ()))

    @classmethod
    def load(cls, path: Path | None = None) -> ChromeRules:
        """Return the rules of a chrome data file (the bundled one by default), with the
        words a wrapped line runs on after (from the segmentation data)."""
        rules = load_toml(path or data_path("chrome.toml"))
        run_on = load_toml(data_path("segmentation.toml")).get("run_on", [])
        return cls({"run_on": run_on, **rules})

    def content(self, text: str, publisher: str | None = None) -> list[Span]:
        """Return the spans of a document's text that are article content, in order."""
        kept: list[Span] = []
        caption_words = self.captions.get(publisher or "", {}).get("min_words")
        for span in paragraphs(text, self.run_on):
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
