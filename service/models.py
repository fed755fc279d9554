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
    language: str | None  # None: read from the text
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
    terms: str  # index terms joined by spaces
    source: Source
    reading: str = ""  # the stored reading (JSON), decoded when the passage is judged
    language: str = "de"


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
    stance: str  # supports | contradicts | related
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
    related: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Filters:
    """Which documents a search may draw from; an empty field does not filter."""

    published_from: str | None = None  # YYYY-MM-DD, inclusive
    published_to: str | None = None  # YYYY-MM-DD, inclusive
    publishers: tuple[str, ...] = ()
    document_ids: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
