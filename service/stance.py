"""One passage against one claim: supports, contradicts or neutral, with reasons."""

from __future__ import annotations

import math
from dataclasses import dataclass

from service.claims.analysis import ClaimAnalysis
from service.claims.polarity import PolarityReader, prefix_antonyms
from service.claims.quantities import QuantityReader, counted_span
from service.coverage import PassageTerms, measure
from service.index import Context
from service.models import Highlight, Passage, Quantity
from service.text import Analyzer, is_number

# A passage is about the claim's subject when it covers this share of the claim's
# information (IDF-weighted terms); a support by topic alone needs more than a number check.
COVERAGE_FOR_NUMBERS = 0.33
# A source figure within this share of the claim's bounds still confirms it ("rund 2500").
TOLERANCE = 0.1
COVERAGE_FOR_TOPIC = 0.5
GENERAL_GROUPS = (None, "people")


@dataclass(frozen=True, slots=True)
class Judgement:
    """The stance of one passage towards a claim."""

    stance: str  # supports | contradicts | neutral
    reasons: tuple[str, ...]
    highlights: tuple[Highlight, ...]
    coverage: float
    measured: bool = False  # judged on a claim with a number: weighs by coverage, not wording

    def weight(self, score: float) -> float:
        """Return how much this judgement counts towards a verdict, given the fuzzy score.

        A number stated for the same thing is explicit evidence however the rest is worded;
        agreement in words only counts as far as the wording matches.
        """
        return self.coverage if self.measured else self.coverage * score / 100


def overlap(a: Quantity, b: Quantity) -> str:
    """Return how a source's interval b bears on a claim's interval a.

    "compatible": b, or the bound an open-ended b reports, lies within a (give or take
    TOLERANCE), so the source confirms the claim;
    "disjoint": no value is in both; "touching": they meet only where one is open and the
    other a plain (maybe rounded) number; "vaguer": they overlap but b reaches beyond a.
    """
    if a.high < b.low or b.high < a.low:
        return "disjoint"
    for left, right in ((a, b), (b, a)):
        if left.high == right.low and left.high_open and right.low_open:
            return "disjoint"  # "fewer than 100" against "more than 100"
        if left.high == right.low and (left.high_open or right.low_open):
            if left.low == left.high or right.low == right.high:
                return "touching"  # "more than 100" against a plain, maybe rounded "100"
            return "disjoint"  # "fast 8000" (under 8000) against "mindestens 8000"
    low, high = a.low - TOLERANCE * abs(a.low), a.high + TOLERANCE * abs(a.high)
    if low <= b.low and b.high <= high:
        return "compatible"
    # A bound is the figure a source reports: "mindestens 164" confirms "rund 160".
    if (math.isinf(b.high) and low <= b.low <= high) or (b.low == 0 and low <= b.high <= high):
        return "compatible"
    return "vaguer"  # "mehr als 1000 verletzt" does not confirm "fast 8000 verletzt"


def comparable(a: Quantity, b: Quantity) -> bool:
    """Return whether two quantities measure the same thing."""
    if a.kind != b.kind:
        return False
    if a.kind == "ordinal":
        return a.counted == b.counted
    if a.kind == "factor":
        return True  # "verdoppelt", "tripled": the subject is checked by coverage
    if a.kind != "count":
        return True
    if a.counted != b.counted or a.counted is None:
        return False
    if (a.elided and a.group is None) or (b.elided and b.group is None):
        return False  # "18 weitere" of something unnamed
    return a.group == b.group or (a.group in GENERAL_GROUPS and b.group in GENERAL_GROUPS)


VERBS = {
    "compatible": "agrees with",
    "disjoint": "conflicts with",
    "touching": "neither confirms nor refutes",
    "vaguer": "is too vague to confirm",
}


def _label(q: Quantity, text: str) -> str:
    """Return a quantity as a reader would quote it, with the words for what it counts."""
    span = counted_span(q, text)
    if span:
        return f"{q.text} {text[span[0] : span[1]]}"
    return f"{q.text} {q.counted_text}" if q.counted_text else q.text


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

        Steps: how much of the claim the passage covers (settled from stored terms, so most
        candidates stop here); the numbers that count the same thing; polarity; the stance.
        """
        context = context or Context("", "")
        text = passage.text
        opposite_words = self.polarity.opposite_words(text) if claim.opposites else []
        covered, antonyms = self._coverage(claim, passage, idf, context, opposite_words)
        coverage, matched = covered.value, covered.matched
        claim_counts = claim.counted_quantities
        if coverage < (COVERAGE_FOR_NUMBERS if claim_counts else COVERAGE_FOR_TOPIC):
            return Judgement("neutral", (), (), coverage)
        if covered.missing_entities:
            # A passage that never names who or where the claim is about is not about it.
            return Judgement("neutral", (), (), coverage)
        terms = self.analyzer.terms(text)
        highlights = [Highlight(t.start, t.end, "term") for t in terms if t.term in covered.terms]

        pairs = self._quantity_pairs(claim, text, context)
        reasons = [
            f"claim: {_label(cq, claim.text)}; source: {_label(pq, text)} ({VERBS[how]} the claim)"
            for cq, pq, how in pairs
        ]
        highlights += [Highlight(pq.start, pq.end, "quantity") for _, pq, _ in pairs]

        flips, polarity_reasons, polarity_marks, passage_negated = self._polarity(
            claim, text, terms, covered.terms, opposite_words
        )
        for group, term in antonyms:
            flips += 1
            polarity_reasons.append(f"opposite: claim says '{group.word}', source says '{term}'")
            polarity_marks.extend(
                Highlight(t.start, t.end, "negation") for t in terms if t.term == term
            )
        highlights.extend(polarity_marks)
        focus = claim.negation_focus(whole=not passage_negated) if claim.negated else []
        if not all(g in matched for g in focus):
            # "Russia will not allow revolutions" against a sentence about revolutions that
            # says nothing of allowing them: the source does not address what is denied.
            return Judgement("neutral", (), (), coverage)

        outcomes = {how for _, _, how in pairs}
        if claim_counts:
            if "disjoint" in outcomes and "compatible" not in outcomes:
                stance = "contradicts"
            elif "compatible" in outcomes:
                stance = "contradicts" if flips % 2 else "supports"
                reasons.extend(polarity_reasons)
            elif (
                flips % 2
                and coverage >= COVERAGE_FOR_TOPIC
                and self._names_counted(
                    claim_counts, f"{passage.terms} {self.analyzer.term_string(context.previous)}"
                )
            ):
                # No figure to compare, but the source denies what the claim reports about
                # the same thing ("Die Meldung über 160 Tote wurde nicht gelöscht").
                stance = "contradicts"
                reasons.extend(polarity_reasons)
            else:
                stance = "neutral"
        elif coverage >= COVERAGE_FOR_TOPIC and pairs:
            stance = "contradicts"
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
            stance,
            tuple(reasons),
            tuple(sorted(set(highlights), key=lambda h: h.start)),
            coverage,
            bool(claim_counts) and stance != "neutral",
        )

    def _coverage(self, claim, passage, idf, context, opposite_words):
        """Return (coverage, prefix antonyms) of a passage, from its stored terms.

        Words of a listed pair of opposites, or differing by a negative prefix, are on the
        passage's subject whichever side it takes. Context counts for a claim with a number,
        and for a sentence that points back ("Beweise legte er dafür nicht vor").
        """
        pairs_here = {pair for pair, _, _, _ in opposite_words}
        paired = [
            g
            for g in claim.topic
            for pair, _, start, end in claim.opposites
            if pair in pairs_here and g.start < end and start < g.end
        ]
        unpaired = [g for g in claim.topic if g not in paired]  # listed pairs are judged already
        present = PassageTerms(passage.terms.split())
        antonyms = [
            (g, term)
            for g, term in prefix_antonyms(unpaired, present.exact, self.quantities.cues)
            if not any(term in other.alternatives for other in claim.topic)  # claim says it too
        ]
        paired += [g for g, _ in antonyms]
        numbers = bool(claim.counted_quantities)
        leans_back = not numbers and self.quantities.cues.anaphora.search(passage.text) is not None
        covered = measure(
            claim.topic,
            present,
            idf,
            PassageTerms(context.terms.split()),
            numbers or leans_back,
            paired,
        )
        return covered, antonyms

    def _quantity_pairs(self, claim: ClaimAnalysis, text: str, context: Context) -> list:
        """Return (claim quantity, passage quantity, how they relate) for each comparable pair."""
        sequences = [q for q in claim.quantities if q.counted == "sequence" and q.counted_text]
        if not claim.counted_quantities and not sequences:
            return []
        pairs = []
        read = self.quantities.read(text)
        for pq in self.quantities.resolve_elided(read, context.previous):
            for cq in claim.counted_quantities:
                if comparable(cq, pq):
                    pairs.append((cq, pq, overlap(cq, pq)))
            for cq in sequences:
                if self._same_sequence(claim, cq, pq) and cq.low != pq.low:
                    pairs.append((cq, pq, "disjoint"))  # "zweite" against "erste Woche"
        return pairs

    def _polarity(self, claim: ClaimAnalysis, text: str, terms, matched_terms, opposite_words):
        """Return (polarity flips, reasons, highlights, whether the passage is negated)."""
        reasons: list[str] = []
        marks: list[Highlight] = []
        word_spans = [
            (t.start, t.end)
            for t in terms
            if t.term in matched_terms
            and not is_number(t.term)
            and t.term not in self.analyzer.aliases.keys
        ]
        claim_sides = {(pair, side) for pair, side, _, _ in claim.opposites}
        passage_sides = {(pair, side) for pair, side, _, _ in opposite_words}
        flips = 0
        for pair, side, start, end in opposite_words:
            same = (pair, side) in claim_sides
            # A source that also uses the claim's own word ("gewaltsame Proteste ... friedliche
            # Demonstranten") says something else with the opposite one.
            opposed = (pair, 1 - side) in claim_sides and not same
            opposed = opposed and (pair, 1 - side) not in passage_sides
            if opposed:
                flips += 1
                reasons.append(
                    f"opposite: claim says '{self._claim_word(claim, pair)}', "
                    f"source says '{text[start:end]}'"
                )
                marks.append(Highlight(start, end, "negation"))
            if same or opposed:
                word_spans.append((start, end))
        negations = [
            n
            for n in self.polarity.negations(text)
            if any(n.scope_start <= s < n.scope_end for s, _ in word_spans)
        ]
        # Negated is what an odd number of negations covers: in "nicht der erste und nicht
        # der letzte Versuch" each negation covers its own words.
        passage_negated = any(
            sum(n.scope_start <= s < n.scope_end for n in negations) % 2 == 1 for s, _ in word_spans
        )
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
        return flips, reasons, marks, passage_negated

    @staticmethod
    def _names_counted(quantities: list[Quantity], terms: str) -> bool:
        """Return whether the terms name what one of the claim's numbers counts."""
        tags = {"@" + q.counted for q in quantities if q.kind == "count" and q.counted}
        return not tags.isdisjoint(terms.split())

    def _same_sequence(self, claim: ClaimAnalysis, a: Quantity, b: Quantity) -> bool:
        """Return whether two places in a sequence number the same thing.

        "zweiten Januarwoche" and "ersten Januarwoche" do; so do "second week" and "ersten
        Januarwoche", through the claim word's translations and the German compound's head.
        """
        if b.counted != "sequence" or not b.counted_text or not a.counted_text:
            return False
        theirs = self.analyzer.stem(b.counted_text.lower())
        ours = {self.analyzer.stem(a.counted_text.lower())}
        ours.update(alt for g in claim.groups if g.word == a.counted_text for alt in g.alternatives)
        return any(theirs == o or (len(o) >= 4 and theirs.endswith(o)) for o in ours)

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
