"""A reading stored beside its passage: compact JSON, read back without reading the text."""

from __future__ import annotations

import json
import math

from service.reading.model import Comparison, Name, Negation, Polar, Quantity, Reading, Term


def dumps(reading: Reading) -> str:
    """Return a reading as compact JSON (its text is stored apart)."""
    data = {
        "l": reading.language,
        "t": [[t.term, t.start, t.end, t.kind] for t in reading.terms],
        "n": [[n.key, list(n.parts), n.start, n.end, n.known, n.speaks] for n in reading.names],
        "q": [_quantity(q) for q in reading.quantities],
        "g": [[n.cue, n.start, n.end, n.scope_start, n.scope_end] for n in reading.negations],
        "p": [[p.pair, p.side, p.start, p.end] for p in reading.polars],
        "c": [[c.start, c.end, c.clause_start, c.clause_end] for c in reading.comparisons],
        "b": reading.points_back,
        "s": list(reading.pronoun_speaker) if reading.pronoun_speaker else None,
        "h": [list(span) for span in reading.supposed],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def loads(text: str, stored: str) -> Reading:
    """Return the reading of a text from its stored JSON."""
    data = json.loads(stored)
    return Reading(
        text=text,
        language=data["l"],
        terms=tuple(Term(*t) for t in data["t"]),
        names=tuple(Name(k, tuple(p), s, e, *rest) for k, p, s, e, *rest in data["n"]),
        quantities=tuple(_load_quantity(text, q) for q in data["q"]),
        negations=tuple(Negation(*n) for n in data["g"]),
        polars=tuple(Polar(*p) for p in data["p"]),
        comparisons=tuple(Comparison(*c) for c in data["c"]),
        points_back=data["b"],
        pronoun_speaker=tuple(data["s"]) if data.get("s") else None,
        supposed=tuple(tuple(span) for span in data.get("h", ())),
    )


def _quantity(q: Quantity) -> list:
    high = None if math.isinf(q.high) else q.high
    return [
        q.start, q.end, q.low, high, q.low_open, q.high_open, q.kind, q.unit, list(q.counted),
        list(q.counted_span) if q.counted_span else None, list(q.events), list(q.clause), q.elided,
    ]  # fmt: skip


def _load_quantity(text: str, q: list) -> Quantity:
    (
        start,
        end,
        low,
        high,
        low_open,
        high_open,
        kind,
        unit,
        counted,
        span,
        events,
        clause,
        elided,
    ) = q
    return Quantity(
        text[start:end], start, end, low, math.inf if high is None else high, low_open, high_open,
        kind, unit, tuple(counted), tuple(span) if span else None, tuple(events), tuple(clause),
        elided,
    )  # fmt: skip
