"""One passage against one claim: supports, contradicts, related or neither, with reasons.

Small typed checks compare the claim's reading with the passage's stored reading (and the
terms of the text a reader has read before it): coverage of the claim's words, figures,
names, polarity. The decision table (`decision.RULES`) turns their findings into a stance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from service.claims.analysis import Claim, TermGroup
from service.lexicon import Lexicon
from service.models import Highlight
from service.reading import Vocabulary
from service.reading.model import Quantity, Reading
from service.stance.coverage import (
    AROUND_WEIGHT,
    CONTEXT_WEIGHT,
    Coverage,
    PassageTerms,
    Weights,
    measure,
)
from service.stance.decision import Findings, decide
from service.stance.names import NameCheck
from service.stance.numbers import DAYS, TIMES, NumberCheck, NumberFinding, NumberPair
from service.stance.polarity import PolarityCheck

# Below this coverage a passage is not even read for figures: nothing of the claim is there.
GLANCE = 0.15

VERBS = {
    "compatible": "agrees with",
    "disjoint": "conflicts with",
    "touching": "neither confirms nor refutes",
    "vaguer": "is too vague to confirm",
}


@dataclass(frozen=True, slots=True)
class Judgement:
    """The stance of one passage towards a claim."""

    stance: str  # supports | contradicts | related | neutral
    reasons: tuple[str, ...]
    highlights: tuple[Highlight, ...]
    coverage: float
    measured: bool = False  # decided on a figure: weighs by coverage, not wording
    figures: frozenset[int] = frozenset()  # where the claim figures it decided on stand

    def weight(self, score: float) -> float:
        """Return how much this judgement counts towards a verdict, given the fuzzy score.

        A figure stated for the same thing is explicit evidence however the rest is worded;
        agreement in words only counts as far as the wording matches.
        """
        return self.coverage if self.measured else self.coverage * score / 100


NEUTRAL = Judgement("neutral", (), (), 0.0)


def _label(q: Quantity, text: str) -> str:
    """Return a figure as a reader would quote it, with the words for what it counts."""
    if q.counted_span and q.counted_span[0] >= q.end:
        return f"{q.text} {text[q.counted_span[0] : q.counted_span[1]]}"
    return q.text


def describe_pair(pair: NumberPair, claim: str, source: str) -> str:
    """Return the reason a pair of figures gives."""
    return (
        f"claim: {_label(pair.claim, claim)}; source: {_label(pair.source, source)}"
        f" ({VERBS[pair.relation]} the claim)"
    )


class StanceJudge:
    """Judges passages against an analysed claim."""

    def __init__(self, lexicon: Lexicon, vocabulary: Vocabulary | None = None):
        self.lexicon = lexicon
        self.numbers = NumberCheck(lexicon)
        self.names = NameCheck(vocabulary or Vocabulary(), lexicon.place_adjective_endings)
        self.polarity = PolarityCheck(lexicon)

    def judge(
        self, claim: Claim, passage: Reading, weights: Weights, context: str = ""
    ) -> Judgement:
        """Return the stance of a passage (its stored reading) towards a claim.

        `context` holds the terms of the passage's headline, lead and the sentences before it.
        """
        same = claim.language == passage.language
        present = PassageTerms(t.term for t in passage.terms)
        around = PassageTerms(context.split())
        affixed = self.polarity.affix_opposites(claim, passage)
        paired = self.polarity.paired(claim, passage, affixed)

        def cover(groups: list[TermGroup], context: float, found=()) -> Coverage:
            return measure(groups, same, present, weights, around, context, [*paired, *found])

        # The text around a passage counts more where the passage leans on it: a sentence
        # that points back ("dafür"), or a bare figure compared with the claim's.
        lean = CONTEXT_WEIGHT if passage.points_back else AROUND_WEIGHT
        coverage = cover(claim.topic, lean)
        if coverage.value < GLANCE and not (claim.quantities and passage.quantities):
            return NEUTRAL
        numbers = self.numbers.check(claim, passage) if claim.quantities else NumberFinding()
        words = coverage.value
        unpaired = numbers.unpaired(claim.quantities)
        words_of = self._figure_words(claim, unpaired)
        uncompared = _words(claim, words_of, unpaired)
        # A year or a date places an event; an amount is what the claim says of it.
        amounts = [q for q in unpaired if q.kind not in TIMES]
        days = [q for q in unpaired if q.kind in DAYS]
        if uncompared:
            words = cover([*claim.topic, *uncompared], lean).value
        content = cover([g for g in [*claim.topic, *uncompared] if g.kind != "name"], lean).value
        predicate = coverage.value
        if numbers.compared:
            # What the figures count was compared with them; the event they are about (the
            # deaths, the arrests) was found on both sides.
            rest = [g for g in claim.topic if g not in numbers.counted]
            predicate = cover(rest, CONTEXT_WEIGHT, numbers.events).value if rest else 1.0
        # A source figure that confirms the claim's is what it says too; one that excludes it
        # may well be denied ("zwei statt drei Wochen" for "two weeks").
        figures = tuple(
            (p.source.start, p.source.end) for p in numbers.pairs if p.relation == "compatible"
        )
        polarity = self.polarity.check(claim, passage, coverage.terms, affixed, figures)
        addressed = True
        if claim.negated and not polarity.source_negated:
            # To contradict a denial, a source must assert what the claim denies.
            focus = self.polarity.denial_focus(claim, whole=True)
            addressed = all(g in coverage.matched for g in focus)
        names = self.names.check(claim, passage, coverage, around, present)
        findings = Findings(
            words=words,
            content=content,
            predicate=predicate,
            numbers=numbers,
            names=names,
            polarity=polarity,
            denial_addressed=addressed,
            figure_missing=_unstated(uncompared, unpaired, passage, present, same, around),
            amount_missing=_unstated(
                _words(claim, words_of, amounts), amounts, passage, present, same
            ),
            day_missing=_unstated(
                _words(claim, words_of, days), days, passage, present, same, around
            ),
            figure_elsewhere=self._figure_elsewhere(unpaired, passage),
            content_here=any(g.kind != "name" for g in coverage.matched)
            or all(g.kind == "name" for g in claim.topic),
            polar_said=self._polar_said(claim, passage, coverage),
            denial=any(a <= g.start < b for a, b in claim.denying_clauses for g in names.missing),
        )
        rule = decide(findings)
        if rule.stance == "none":
            return Judgement("neutral", (), (), words)
        reasons = [describe_pair(p, claim.text, passage.text) for p in numbers.pairs]
        if rule.stance == "contradicts" or rule.stance == "supports" and polarity.reasons:
            reasons.extend(polarity.reasons)
        reasons.append(rule.reason(findings))
        reasons.append(f"covers {words:.0%} of the claim's key terms")
        highlights = {Highlight(t.start, t.end, "term") for t in passage.terms
                      if t.term in coverage.terms}  # fmt: skip
        highlights |= {Highlight(p.source.start, p.source.end, "quantity") for p in numbers.pairs}
        highlights |= {Highlight(a, b, "negation") for a, b in polarity.marks}
        if rule.measured:
            strength = max(words, predicate)
        elif rule.named:
            strength = max(words, content)
        else:
            strength = words
        return Judgement(
            rule.stance,
            tuple(dict.fromkeys(r for r in reasons if r)),
            tuple(sorted(highlights, key=lambda h: (h.start, h.kind))),
            strength,
            rule.measured,
            frozenset(
                p.claim.start
                for p in numbers.pairs
                if (p.relation == "compatible") == (rule.stance == "supports")
            ),
        )

    @staticmethod
    def _polar_said(claim: Claim, passage: Reading, coverage: Coverage) -> bool:
        """Return whether the passage says each word of the claim that has an opposite
        ("embraced", "gestiegen"): such a word is the claim's side, which a passage that
        leaves it out does not take."""
        sides = {(p.pair, p.side) for p in passage.polars}
        matched = [(g.start, g.end) for g in coverage.matched]
        return all(
            (p.pair, p.side) in sides or any(a < p.end and p.start < b for a, b in matched)
            for p in claim.reading.polars
        )

    @staticmethod
    def _figure_elsewhere(unpaired: list[Quantity], passage: Reading) -> bool:
        """Return whether the passage gives an unpaired claim figure for something else: both
        say what it counts, and the number check found they count different things ("16
        Sicherheitskräfte getötet" for "16 Menschen starben")."""
        return any(
            (q.kind, q.unit, q.low, q.high) == (s.kind, s.unit, s.low, s.high)
            for q in unpaired
            if q.counted_span
            for s in passage.quantities
            if s.counted
        )

    def _figure_words(
        self, claim: Claim, unpaired: list[Quantity]
    ) -> dict[Quantity, frozenset[TermGroup]]:
        """Return, for each claim figure no source figure was compared with, its words:
        digits, words of one number ("zehn", not "Tausende") and of a share ("halben",
        "third"), not their units."""
        spelled = self.lexicon.spelled.get(claim.language)

        def figure(g: TermGroup, q: Quantity) -> bool:
            if not (q.start <= g.start and g.end <= q.end):
                return False
            word = claim.text[g.start : g.end].lower()
            share = word in self.lexicon.fractions or word in self.lexicon.half_words
            vague = tuple(word.split()) in self.lexicon.vague  # "Hunderte", "dozens"
            return (
                g.kind == "number"
                or share
                or vague
                or q.kind == "rank"
                or q.kind in DAYS
                or spelled is not None
                and any(spelled.match(w) for w in word.split())
            )

        return {q: frozenset(g for g in claim.groups if figure(g, q)) for q in unpaired}


def _words(
    claim: Claim, words_of: dict[Quantity, frozenset[TermGroup]], figures: list[Quantity]
) -> list[TermGroup]:
    """Return the words of some of the claim's figures, in the claim's order."""
    return [g for g in claim.groups if any(g in words_of[q] for q in figures)]


def _unstated(
    figure_words: list[TermGroup],
    figures: list[Quantity],
    passage: Reading,
    present: PassageTerms,
    same: bool,
    context: PassageTerms | None = None,
) -> bool:
    """Return whether the claim has figure words and the passage says none of them. A word
    that stands only in a passage figure of another size says another figure ("zwei Wochen"
    does not state "two million"). A month or a day the text around the passage
    (`context`) gives is the passage's time too."""
    if not figure_words:
        return False
    if any(_within(s, q) for s in passage.quantities for q in figures):
        return False  # "70 Schulen" states "dozens of schools"
    times = [q for q in figures if q.kind in DAYS]
    for g in figure_words:
        alternatives = g.alternatives(same)
        if context is not None and any(q.start <= g.start < q.end for q in times):
            if context.find(alternatives) is not None:
                return False
        found = present.find(alternatives)
        if found is None:
            continue
        for t in passage.terms:
            if t.term != found:
                continue
            holding = [s for s in passage.quantities if s.start <= t.start < s.end]
            if not holding or any(_overlap(s, q) for s in holding for q in figures):
                return False
    return True


def _within(source: Quantity, claim: Quantity) -> bool:
    """Return whether a source figure lies in a claim figure's interval, in its kind and unit."""
    return (
        (source.kind, source.unit) == (claim.kind, claim.unit)
        and claim.low <= source.low
        and source.high <= claim.high
    )


def _overlap(a: Quantity, b: Quantity) -> bool:
    """Return whether two figures could be the same size: their intervals meet."""
    return a.low <= b.high and b.low <= a.high


def idf_weights(frequencies: dict[str, int], terms: list[str], passages: int) -> Weights:
    """Return BM25-style inverse document frequencies; unseen terms get the highest weight."""
    n = max(passages, 1)
    out = {
        t: math.log(1 + (n - frequencies.get(t, 0) + 0.5) / (frequencies.get(t, 0) + 0.5))
        for t in terms
    }
    out[""] = math.log(1 + (n + 0.5) / 0.5)
    return Weights(out)
