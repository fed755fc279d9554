"""One passage against one claim: supports, contradicts or neutral, with reasons."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from service.claims.analysis import ClaimAnalysis, TermGroup
from service.claims.polarity import PolarityReader
from service.claims.quantities import QuantityReader
from service.index import Context
from service.models import Highlight, Passage, Quantity
from service.text import Analyzer

# A passage is about the claim's subject when it covers this share of the claim's
# information (IDF-weighted terms); a support by topic alone needs more than a number check.
COVERAGE_FOR_NUMBERS = 0.4
COVERAGE_FOR_TOPIC = 0.6
GENERAL_GROUPS = (None, "people")
# A claim term found only in the sentence before a passage, or in its headline, counts this
# much: the passage's number is about what the text around it is about.
CONTEXT_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class Judgement:
    """The stance of one passage towards a claim."""

    stance: str  # supports | contradicts | neutral
    reasons: tuple[str, ...]
    highlights: tuple[Highlight, ...]
    coverage: float


def overlap(a: Quantity, b: Quantity) -> str:
    """Return "compatible", "disjoint" or "touching" for two intervals."""
    if a.high < b.low or b.high < a.low:
        return "disjoint"
    for left, right in ((a, b), (b, a)):
        if left.high == right.low and left.high_open and right.low_open:
            return "disjoint"  # "fewer than 100" against "more than 100"
        if left.high == right.low and (left.high_open or right.low_open):
            return "touching"  # "more than 100" against a plain "100": the source does not say
    return "compatible"


def comparable(a: Quantity, b: Quantity) -> bool:
    """Return whether two quantities measure the same thing."""
    if a.kind != b.kind:
        return False
    if a.kind != "count":
        return True
    if a.counted != b.counted or a.counted is None:
        return False
    if (a.elided and a.group is None) or (b.elided and b.group is None):
        return False  # "18 weitere" of something unnamed
    return a.group == b.group or (a.group in GENERAL_GROUPS and b.group in GENERAL_GROUPS)


def _in_quantity(group: TermGroup, quantities: list[Quantity], text: str) -> bool:
    """Return whether a claim group belongs to a quantity, so the number comparison checks it.

    That is a number, the words of a quantity ("weniger als 20") and a general noun between
    the number and what it counts ("100 people died": a source says "100 Tote").
    """
    if group.kind == "number":
        return True
    for q in quantities:
        if q.start <= group.start and group.end <= q.end:
            return True
        counted_end = _counted_end(q, text)
        tagged = any(a.startswith("@") and a[1:] != q.counted for a in group.alternatives)
        if tagged and q.end <= group.start and group.end <= counted_end:
            return True
    return False


def _counted_end(q: Quantity, text: str) -> int:
    """Return where the words naming what a quantity counts end in the text."""
    if not q.counted_text:
        return q.end
    m = re.search(re.escape(q.counted_text), text[q.end :], re.IGNORECASE)
    return q.end + m.end() if m else q.end


def _label(q: Quantity, text: str) -> str:
    """Return a quantity as a reader would quote it, with the words for what it counts."""
    label = q.text
    if q.counted_text:
        m = re.search(re.escape(q.counted_text), text[q.end :], re.IGNORECASE)
        label += " " + (m.group() if m else q.counted_text)
    return label


class StanceJudge:
    """Judges passages against an analysed claim."""

    def __init__(self, analyzer: Analyzer, quantities: QuantityReader, polarity: PolarityReader):
        self.analyzer = analyzer
        self.quantities = quantities
        self.polarity = polarity

    def judge(
        self,
        claim: ClaimAnalysis,
        passage: Passage,
        idf: dict[str, float],
        context: Context | None = None,
    ) -> Judgement:
        """Return the stance of a passage towards a claim, with reasons and highlights.

        The terms of the sentences around the passage (its `context`) count, at a discount,
        towards a claim with numbers; the sentence before tells what "18 weitere" counts.
        """
        context = context or Context("", "")
        # Coverage comes from the stored terms, so most candidates are settled without
        # analysing their text again.
        present = set(passage.terms.split())
        claim_counts = claim.counted_quantities
        weighed = [
            g
            for g in claim.groups
            if not (claim_counts and _in_quantity(g, claim_counts, claim.text))
        ]
        matched = [g for g in weighed if present.intersection(g.alternatives)]
        total = sum(self._idf(g.alternatives, idf) for g in weighed) or 1.0
        coverage = sum(self._idf(g.alternatives, idf) for g in matched) / total
        around = set(context.terms.split()) if claim_counts else set()
        in_context = [
            g for g in weighed if g not in matched and around.intersection(g.alternatives)
        ]
        coverage += CONTEXT_WEIGHT * sum(self._idf(g.alternatives, idf) for g in in_context) / total
        if coverage < (COVERAGE_FOR_NUMBERS if claim_counts else COVERAGE_FOR_TOPIC):
            return Judgement("neutral", (), (), coverage)
        text = passage.text
        terms = self.analyzer.terms(text)
        matched_terms = {a for g in matched for a in g.alternatives}
        spans = [(t.start, t.end) for t in terms if t.term in matched_terms]
        highlights = [Highlight(s, e, "term") for s, e in spans]

        # Quantities that count the same thing.
        pairs = []
        if claim_counts and coverage >= COVERAGE_FOR_NUMBERS:
            read = self.quantities.read(text)
            for pq in self.quantities.resolve_elided(read, context.previous):
                for cq in claim_counts:
                    if comparable(cq, pq):
                        pairs.append((cq, pq, overlap(cq, pq)))
        reasons: list[str] = []
        for cq, pq, how in pairs:
            highlights.append(Highlight(pq.start, pq.end, "quantity"))
            verb = {
                "compatible": "agrees with",
                "disjoint": "conflicts with",
                "touching": "neither confirms nor refutes",
            }[how]
            reasons.append(
                f"claim: {_label(cq, claim.text)}; source: {_label(pq, text)} ({verb} the claim)"
            )

        # Polarity: negations over matched words, and opposite words.
        flips, polarity_reasons, polarity_marks = self._polarity(
            claim, text, spans, terms, matched_terms
        )
        highlights.extend(polarity_marks)

        outcomes = {how for _, _, how in pairs}
        if claim_counts:
            if "disjoint" in outcomes and "compatible" not in outcomes:
                stance = "contradicts"
            elif "compatible" in outcomes:
                stance = "contradicts" if flips % 2 else "supports"
                reasons.extend(polarity_reasons)
            else:
                stance = "neutral"
        elif coverage >= COVERAGE_FOR_TOPIC:
            stance = "contradicts" if flips % 2 else "supports"
            reasons.extend(polarity_reasons)
            if stance == "supports" and not polarity_reasons:
                reasons.append(f"states the claim's content: {', '.join(g.word for g in matched)}")
        else:
            stance = "neutral"
        if stance != "neutral":
            reasons.append(f"covers {coverage:.0%} of the claim's key terms")
        return Judgement(
            stance, tuple(reasons), tuple(sorted(set(highlights), key=lambda h: h.start)), coverage
        )

    @staticmethod
    def _idf(alternatives: tuple[str, ...], idf: dict[str, float]) -> float:
        return max((idf.get(a, idf.get("", 1.0)) for a in alternatives), default=1.0)

    def _polarity(self, claim: ClaimAnalysis, text: str, spans, terms, matched_terms):
        """Return (number of polarity flips, reasons, highlights) of a passage against a claim."""
        reasons: list[str] = []
        marks: list[Highlight] = []
        word_spans = [
            (t.start, t.end)
            for t in terms
            if t.term in matched_terms
            and not t.term[:1].isdigit()
            and t.term not in self.analyzer.aliases.keys
        ]
        opposite_words = self.polarity.opposite_words(text)
        claim_sides = {(pair, side) for pair, side, _, _ in claim.opposites}
        flips = 0
        for pair, side, start, end in opposite_words:
            if (pair, 1 - side) in claim_sides and (pair, side) not in claim_sides:
                flips += 1
                reasons.append(
                    f"opposite: claim says '{self._claim_word(claim, pair)}', "
                    f"source says '{text[start:end]}'"
                )
                marks.append(Highlight(start, end, "negation"))
            if (pair, 1 - side) in claim_sides or (pair, side) in claim_sides:
                word_spans.append((start, end))
        negations = [
            n
            for n in self.polarity.negations(text)
            if any(n.scope_start <= s < n.scope_end for s, _ in word_spans)
        ]
        passage_negated = len(negations) % 2 == 1
        for n in negations:
            marks.append(Highlight(n.start, n.end, "negation"))
        if passage_negated != claim.negated:
            flips += 1
            if passage_negated:
                reasons.append(
                    f"negation: source says '{text[negations[0].start : negations[0].end]}'"
                    " about what the claim asserts"
                )
            else:
                reasons.append("negation: the claim denies what the source asserts")
        elif negations and claim.negated:
            reasons.append("both claim and source are negated")
        return flips, reasons, marks

    @staticmethod
    def _claim_word(claim: ClaimAnalysis, pair: int) -> str:
        return next((claim.text[s:e] for p, _, s, e in claim.opposites if p == pair), "")


def idf_weights(frequencies: dict[str, int], terms: list[str], passages: int) -> dict[str, float]:
    """Return BM25-style inverse document frequencies; unseen terms get the highest weight."""
    n = max(passages, 1)
    out = {
        t: math.log(1 + (n - frequencies.get(t, 0) + 0.5) / (frequencies.get(t, 0) + 0.5))
        for t in terms
    }
    out[""] = math.log(1 + (n + 0.5) / 0.5)
    return out
