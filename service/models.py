"""Typed records that travel through the pipeline; no Flask here."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One source article with its metadata and cleaned text."""

    document_id: str
    publisher: str | None
    title: str | None
    url: str | None
    published: str | None
    language: str
    content_hash: str
    raw_text: str


@dataclass(frozen=True, slots=True)
class Source:
    """Where a passage comes from, down to character offsets in the source file."""

    document_id: str
    publisher: str | None
    title: str | None
    url: str | None
    published: str | None
    sentence_index: int
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """One indexed sentence."""

    passage_id: str
    text: str
    terms: str
    source: Source


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, as an interval, with what it counts."""

    text: str
    start: int
    end: int
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    kind: str = "count"  # count | date | ordinal | year
    counted: str | None = None  # category such as "soldiers", "arrests"
    group: str | None = None  # who is counted, when stated ("security_forces")
    counted_text: str | None = None
    elided: bool = False  # "18 weitere": what is counted was named in an earlier sentence


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span of an evidence text worth marking for a reader."""

    start: int
    end: int
    kind: str  # quantity | negation | term


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage judged against a claim."""

    passage: Passage
    score: float
    stance: str  # supports | contradicts
    reasons: tuple[str, ...]
    highlights: tuple[Highlight, ...] = ()
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer to one claim."""

    claim: str
    verdict: str
    confidence: float
    supporting: list[Evidence]
    contradicting: list[Evidence]
    analysis: dict[str, object]
    corpus_version: str
    extra: dict[str, object] = field(default_factory=dict)
