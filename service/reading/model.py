"""What one reading of a text finds: terms, names, quantities, negations, opposite words,
comparisons.

A `Reading` is made once per text (a passage when it is indexed, a claim per request) and
every later step reads its attributes instead of parsing the text again. Spans are character
offsets into the text that was read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Term:
    """An index term with the span of the words it came from."""

    term: str
    start: int
    end: int
    kind: str = "word"  # word | name | number | tag | joined


@dataclass(frozen=True, slots=True)
class Name:
    """A proper name: an alias key ("kasachstan"), or the index terms of a run of capitalised
    words ("jens", "spahn"), the last of which (the surname, the place) is its key."""

    key: str
    parts: tuple[str, ...]
    start: int
    end: int
    known: bool = False  # listed in aliases.toml
    speaks: bool = False  # the one who says what the text reports ("sagte X", "X said")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as an interval, with its kind, unit and the noun phrase it counts."""

    text: str
    start: int
    end: int
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    kind: str = "count"  # count | percent | points | money | measure | duration | age | year | date
    #                      | month | weekday | ordinal | rank | factor
    unit: str = ""  # euro, dollar, day, km ...
    counted: tuple[str, ...] = ()  # index terms of what it counts ("soldat", "@soldiers")
    counted_span: tuple[int, int] | None = None  # where those words stand in this text
    events: tuple[str, ...] = ()  # tags of what happened to those counted ("@deaths")
    clause: tuple[int, int] = (0, 0)  # the clause the number stands in
    elided: bool = False  # "18 weitere": what is counted was named in an earlier sentence

    @property
    def interval(self) -> str:
        """Return the interval as text: "2500", "[7200, 8000)", "(1000, inf)"."""
        if self.low == self.high:
            return f"{self.low:g}"
        left = "(" if self.low_open else "["
        right = ")" if self.high_open or math.isinf(self.high) else "]"
        high = "inf" if math.isinf(self.high) else f"{self.high:g}"
        return f"{left}{self.low:g}, {high}{right}"


@dataclass(frozen=True, slots=True)
class Negation:
    """A negation cue and the character range of what it negates."""

    cue: str
    start: int
    end: int
    scope_start: int
    scope_end: int


@dataclass(frozen=True, slots=True)
class Polar:
    """A word (or phrase) of a pair of opposites: which pair, which side, where."""

    pair: int
    side: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """A comparison's "than": what stands before it in its clause is set against what follows."""

    start: int
    end: int
    clause_start: int
    clause_end: int


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything later steps need to know about one text."""

    text: str
    language: str
    terms: tuple[Term, ...]
    names: tuple[Name, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    negations: tuple[Negation, ...] = ()
    polars: tuple[Polar, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    points_back: bool = False  # "dafür", "this": the sentence leans on the one before
    pronoun_speaker: tuple[int, int] | None = None  # "sagte sie": a speaker named before
    supposed: tuple[tuple[int, int], ...] = ()  # clauses a condition opens ("wenn ...")

    @property
    def term_string(self) -> str:
        """Return the index terms joined by spaces, as the full-text index stores them."""
        return " ".join(t.term for t in self.terms)

    def terms_within(self, start: int, end: int) -> list[Term]:
        """Return the terms whose words lie within [start, end)."""
        return [t for t in self.terms if start <= t.start and t.end <= end]
