"""Evidence -> verdict and confidence."""

from __future__ import annotations

import math
from collections.abc import Sequence

from service.models import Evidence

# The weaker side must reach this share of the stronger side for sources to be in conflict:
# about two thirds; at a half, a loosely worded passage against a clear one made conflicts the
# sources do not have.
CONFLICT_RATIO = 0.65


def _side_strength(evidence: Sequence[Evidence]) -> float:
    """Return the summed weight of the best passage per document: each source counts once."""
    best: dict[str, float] = {}
    for ev in evidence:
        doc = ev.passage.source.document_id
        best[doc] = max(best.get(doc, 0.0), ev.weight)
    return sum(best.values())


def decide(supporting: Sequence[Evidence], contradicting: Sequence[Evidence]) -> tuple[str, float]:
    """Return (verdict, confidence in 0..1) for the evidence on each side."""
    s, c = _side_strength(supporting), _side_strength(contradicting)
    if s == 0 and c == 0:
        return "not_enough_info", 0.9
    documents = {e.passage.source.document_id for e in [*supporting, *contradicting]}
    strength = 1 - math.exp(-1.5 * (s + c))  # more independent evidence, more certainty
    # Sources conflict when the best passage of each side is credible next to the other's,
    # however many sources repeat the majority figure.
    best_s = max((e.weight for e in supporting), default=0.0)
    best_c = max((e.weight for e in contradicting), default=0.0)
    if (
        best_s
        and best_c
        and min(best_s, best_c) >= CONFLICT_RATIO * max(best_s, best_c)
        and len(documents) > 1
    ):
        return "conflicting", round(strength * min(s, c) / max(s, c), 3)
    if s >= c:
        return "supported", round(strength * s / (s + c), 3)
    return "refuted", round(strength * c / (s + c), 3)
