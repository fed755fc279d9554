"""Numbers: which source figures speak of what a claim's figure speaks of, and how they relate.

Two figures are compared when they are of one kind and unit, count the same noun phrase (in
any words the term matching connects: stems, compound parts, dictionary senses, synonym
groups), and stand in clauses that share the claim's words. A claim figure no source figure
speaks of leaves the stance to the words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from service.claims.analysis import Claim, TermGroup
from service.lexicon import Lexicon, is_tag
from service.reading.model import Quantity, Reading
from service.reading.quantities import SUM
from service.stance.coverage import PassageTerms, claim_terms

# A source figure within this share of the claim's bounds still confirms it ("rund 2500").
TOLERANCE = 0.1
# A claim's bound this many times off the source's figure misstates it, though the figure lies
# beyond it: "more than 80,000" is not what a source saying 800,000 reports.
MISSTATED = 10
# Figures that say when: a figure for another time is no figure against the claim's.
TIMES = frozenset({"year", "month", "date", "weekday"})
# Times that place an event within a year: a source must give them, or the text around it.
DAYS = frozenset({"month", "date", "weekday"})
# Figures that say which one ("the first units", "ninth-largest"): with a time, they name the
# event the time is of, and a time against the claim's stays against it.
WHICH = frozenset({"ordinal", "rank"})


def overlap(a: Quantity, b: Quantity) -> str:
    """Return how a source's interval b bears on a claim's interval a.

    "compatible": b, or the bound an open-ended b reports, lies within a (give or take
    TOLERANCE), so the source confirms the claim; of two maxima, the bounds must agree;
    "disjoint": no value is in both; "touching": they meet only where one is open and the
    other a plain (maybe rounded) number; "vaguer": they overlap but b reaches beyond a.
    """
    if a.low == b.low == 0 < min(a.high, b.high) and not (a.high_open or b.high_open):
        # Two maxima ("bis zu zehn Meter", "up to five metres"): each reports its bound.
        return "compatible" if abs(a.high - b.high) <= TOLERANCE * a.high else "disjoint"
    if a.high < b.low or b.high < a.low or _misstated(a, b):
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


def _misstated(a: Quantity, b: Quantity) -> bool:
    """Return whether a claim's one-sided bound a is an order of magnitude off the source's b:
    "mehr als 80.000" against 800.000, "fewer than 30,000" against 600. A bound that is a power
    of ten ("more than a thousand", "at least one") speaks of a magnitude, which any larger
    figure has. Of two such bounds, each is the figure its side reports."""
    if math.isinf(a.high) and math.isinf(b.high) and 0 < b.low * MISSTATED <= a.low:
        return True  # "more than 50,000" against "more than 5,000": the bound is its figure
    if math.isinf(a.high) and not _power_of_ten(a.low):
        return b.low >= MISSTATED * a.low > 0
    if a.low == 0 and not math.isinf(b.high) and not _power_of_ten(a.high):
        return 0 < b.high * MISSTATED <= a.high
    return False


def _power_of_ten(value: float) -> bool:
    return value > 0 and math.isclose(math.log10(value), round(math.log10(value)))


@dataclass(frozen=True, slots=True)
class NumberPair:
    """A claim figure, a source figure that speaks of the same thing, and how they relate."""

    claim: Quantity
    source: Quantity
    relation: str  # compatible | disjoint | touching | vaguer


@dataclass(frozen=True, slots=True)
class NumberFinding:
    """What the source's figures say of the claim's."""

    pairs: tuple[NumberPair, ...] = ()
    counted: tuple[TermGroup, ...] = ()  # claim words the figures' noun phrases matched
    events: tuple[TermGroup, ...] = ()  # claim words naming the event both figures are about

    @property
    def compared(self) -> bool:
        return bool(self.pairs)

    def _by_claim(self) -> dict[int, tuple[str, set[str]]]:
        """Return per claim figure (by its place) its kind and how the source figures relate."""
        by_claim: dict[int, tuple[str, set[str]]] = {}
        for p in self.pairs:
            by_claim.setdefault(p.claim.start, (p.claim.kind, set()))[1].add(p.relation)
        return by_claim

    def _outcomes(self) -> list[set[str]]:
        return [relations for _, relations in self._by_claim().values()]

    def unpaired(self, claim_figures: Sequence[Quantity]) -> list[Quantity]:
        """Return the claim's figures that no source figure was compared with."""
        compared = {p.claim.start for p in self.pairs}
        return [q for q in claim_figures if q.start not in compared]

    @property
    def agrees(self) -> bool:
        """Every compared claim figure has a source figure that confirms it."""
        outcomes = self._outcomes()
        return bool(outcomes) and all("compatible" in o for o in outcomes)

    @property
    def disagrees(self) -> bool:
        """Some compared claim figure has only source figures that exclude it."""
        return any(o == {"disjoint"} for o in self._outcomes())

    @property
    def only_times(self) -> bool:
        """Only figures that say when were compared: the claim's other figures were not."""
        return self.compared and all(p.claim.kind in TIMES for p in self.pairs)

    @property
    def another_time(self) -> bool:
        """The source gives another time than the claim, which gives an amount for its time:
        "6,7 Millionen im Mai" is no figure against "3 million in July", nor "3 Millionen im
        Mai" one for it."""
        found = self._by_claim().values()
        return any(k in TIMES and r == {"disjoint"} for k, r in found) and any(
            k not in TIMES | WHICH for k, _ in found
        )

    @property
    def its_figure_elsewhen(self) -> bool:
        """The source gives the claim's own figure, one too exact to recur by chance, for
        another time: the claim puts that figure at the wrong time ("3.127 Wohnungen bis zum
        15. November" against "bis Oktober")."""
        return self.another_time and any(
            p.relation == "compatible" and _exact_figure(p.claim, p.source)
            for p in self.pairs
            if p.claim.kind not in TIMES
        )


# The shortest head of a compound that names what a place in a sequence numbers ("woch").
HEAD = 4
# A figure this large stated the same on both sides is the same figure, whatever words the
# two use for what it counts ("163.000 Asylwerber" / "163.000 Asylbewerbern").
DISTINCT = 100


def in_unit(quantity: Quantity, unit: str, measures: dict[str, tuple[str, float]]) -> Quantity:
    """Return a quantity in another unit of its measure ("72 Stunden" in days), or as it is
    where the two units measure different things."""
    mine, theirs = measures.get(quantity.unit), measures.get(unit)
    if quantity.unit == unit or not mine or not theirs or mine[0] != theirs[0]:
        return quantity
    factor = mine[1] / theirs[1]
    return replace(quantity, low=quantity.low * factor, high=quantity.high * factor, unit=unit)


# Per claim figure: the claim words its noun phrase holds, and the source figures that speak of
# the same thing, each with its alignment and the claim figure in the source figure's unit.
Candidates = dict[Quantity, tuple[list[TermGroup], list[tuple[float, Quantity, Quantity]]]]


def _in_order(found: Candidates) -> dict[Quantity, Quantity]:
    """Return, for claim figures of one kind that the same source figures speak of, as many
    of them as of those, the source figure in the same place in order: "von 518,4 Mio. auf
    172 Mio." against "from 518.4 million to 172 million" pairs first with first."""
    out: dict[Quantity, Quantity] = {}
    by_kind: dict[tuple[str, str], list[Quantity]] = {}
    for cq in found:
        by_kind.setdefault((cq.kind, cq.unit), []).append(cq)
    for mine in by_kind.values():
        if len(mine) < 2:
            continue
        sources = [{pq for _, pq, _ in found[cq][1]} for cq in mine]
        if any(s != sources[0] for s in sources) or len(sources[0]) != len(mine):
            continue
        theirs = sorted(sources[0], key=lambda q: q.start)
        out.update(zip(sorted(mine, key=lambda q: q.start), theirs, strict=True))
    return out


def _as_sum(source: Quantity, claim: Quantity) -> Quantity:
    """Return a source figure as a sum in the claim figure's currency where it is one (see
    SUM), else as it is."""
    if (
        claim.kind == "money"
        and source.kind == "count"
        and not source.counted
        and not source.events
        and source.low >= SUM
        and any(c.isalpha() for c in source.text)
    ):
        return replace(source, kind="money", unit=claim.unit)
    return source


def _month_of_year(q: Quantity) -> int | None:
    """Return the month of the year a date or a month of this or a given year names."""
    if q.kind == "date" and q.low == q.high:
        return int(q.low) // 100
    if q.kind == "month" and q.low == q.high and q.unit in ("", "this"):
        return int(q.low) % 100
    return None


def _months_of(claim: Quantity, source: Quantity) -> tuple[Quantity, Quantity]:
    """Return a claim's month and a source's date (or the other way round) as months of the
    year, to be compared: "im Oktober" is not "am 15. November", and holds "am 3. Oktober".
    A claim's date in the source's month is not confirmed by it, so left uncompared."""
    if {claim.kind, source.kind} != {"month", "date"}:
        return claim, source
    mine, theirs = _month_of_year(claim), _month_of_year(source)
    if mine is None or theirs is None or claim.kind == "date" and mine == theirs:
        return claim, source
    return (
        replace(claim, kind="month", unit="this", low=mine, high=mine),
        replace(source, kind="month", unit="this", low=theirs, high=theirs),
    )


def _same_distinct_figure(a: Quantity, b: Quantity) -> bool:
    return a.low == a.high == b.low == b.high and a.low >= DISTINCT and not a.low_open


# A figure of this many significant digits stated the same on both sides is the same figure.
EXACT_DIGITS = 3


def _exact_figure(a: Quantity, b: Quantity) -> bool:
    """Return whether two figures are the same exact value of at least three significant
    digits (3,127; 218.5 billion; not 3 million or 100)."""
    if not _same_distinct_figure(a, b) or a.high_open:
        return False
    digits = f"{a.low:.6g}".replace(".", "").rstrip("0").lstrip("0")
    return len(digits) >= EXACT_DIGITS


class NumberCheck:
    """Compares the figures of a claim with those of a passage."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def check(self, claim: Claim, passage: Reading) -> NumberFinding:
        """Return the pairs of claim and source figures that speak of the same thing."""
        if not claim.quantities or not passage.quantities:
            return NumberFinding()
        same = claim.language == passage.language
        pairs: list[NumberPair] = []
        counted: list[TermGroup] = []
        events: list[TermGroup] = []
        theirs = self._of_claim_names(claim, passage, same)
        found: Candidates = {}
        for cq in claim.quantities:
            np_groups = self._np_groups(claim, cq)
            candidates = []
            for pq in theirs:
                pq = _as_sum(pq, cq)
                mine = in_unit(cq, pq.unit, self.lex.measures)
                mine, pq = _months_of(mine, pq)
                match = self._comparable(claim, mine, np_groups, pq, passage, same)
                if match is not None:
                    candidates.append((match, pq, mine))
            found[cq] = (np_groups, candidates)
        in_order = _in_order(found)
        for cq, (np_groups, candidates) in found.items():
            if cq in in_order:
                candidates = [c for c in candidates if c[1] == in_order[cq]]
            if not candidates:
                continue
            best = max(score for score, _, _ in candidates)
            for score, pq, mine in candidates:
                if score == best:
                    pairs.append(NumberPair(mine, pq, overlap(mine, pq)))
                    # The event both figures are about is checked by the comparison too.
                    shared = set(pq.events) | {t for t in pq.counted if t in self.lex.events}
                    events.extend(
                        g for g in claim.topic if shared & set(g.native) and g not in np_groups
                    )
            counted.extend(np_groups)
        return NumberFinding(
            tuple(pairs), tuple(dict.fromkeys(counted)), tuple(dict.fromkeys(events))
        )

    @staticmethod
    def _of_claim_names(claim: Claim, passage: Reading, same: bool) -> list[Quantity]:
        """Return the source figures that may speak of the claim's names: in a list of
        figures for several names ("sieben in Bayern, fünf in Hessen"), those that stand
        with another name while one of the others stands with the claim's are of that name."""
        names = [g for g in claim.groups if g.kind == "name"]
        if not names or len(passage.quantities) < 2:
            return list(passage.quantities)
        mine = claim_terms(claim, same)

        def clause_names(q: Quantity) -> tuple[bool, bool]:
            """Return whether the figure's clause names one of the claim's names, and
            whether it names another."""
            lo, hi = q.clause
            here = PassageTerms(t.term for t in passage.terms_within(lo, hi))
            ours = any(here.find(g.alternatives(same)) for g in names)
            other = any(
                lo <= n.start < hi and mine.find(n.parts) is None and mine.find((n.key,)) is None
                for n in passage.names
            )
            return ours, other

        named = {q: clause_names(q) for q in passage.quantities}
        listed = {q.kind for q, (ours, _) in named.items() if ours}
        return [
            q for q, (ours, other) in named.items() if ours or not other or q.kind not in listed
        ]

    def _np_groups(self, claim: Claim, q: Quantity) -> list[TermGroup]:
        if not q.counted_span:
            return []
        a, b = q.counted_span
        return [g for g in claim.groups if a <= g.start and g.end <= b and g.kind != "number"]

    def _comparable(
        self,
        claim: Claim,
        cq: Quantity,
        np_groups: Sequence[TermGroup],
        pq: Quantity,
        passage: Reading,
        same: bool,
    ) -> float | None:
        """Return how well a source figure aligns with a claim figure, or None if it does not
        speak of the same thing."""
        if cq.kind != pq.kind or cq.unit != pq.unit:
            return None
        if cq.kind == "ordinal":
            # Places in a sequence number the same thing when their nouns match, a compound
            # by its head too ("second week" / "ersten Januarwoche").
            if not (cq.counted_span and pq.counted_span):
                return None
            noun = claim.text[cq.counted_span[0] : cq.counted_span[1]]
            alternatives = [a for g in claim.groups if g.word == noun for a in g.alternatives(same)]
            theirs = [t.term for t in passage.terms_within(*pq.counted_span)]
            found = PassageTerms(theirs).find(alternatives) or any(
                t.endswith(a) for t in theirs for a in alternatives if len(a) >= HEAD
            )
            return 1.0 if found else None
        if cq.kind == "count" and not self._same_counted(np_groups, cq, pq, same):
            if not _same_distinct_figure(cq, pq):
                return None
            return 0.5 * self._alignment(claim, cq, pq, passage, same)
        counted = np_groups if cq.kind == "count" else ()
        score = self._alignment(claim, cq, pq, passage, same, counted)
        # A bare number says no more of what it counts than a sum or a share does.
        bare = cq.kind == "count" and not np_groups and not pq.counted
        if (cq.kind != "count" or bare) and score == 0:
            alike = [
                q
                for q in passage.quantities
                if q.kind == pq.kind and q.unit == pq.unit and (cq.kind != "count" or not q.counted)
            ]
            if len(alike) > 1:
                return None  # several such figures, none in a clause about the claim's words
        return score

    def _same_counted(
        self, np_groups: Sequence[TermGroup], cq: Quantity, pq: Quantity, same: bool
    ) -> bool:
        """Return whether two counts count the same thing (see the module docstring)."""
        if (cq.elided and not np_groups) or (pq.elided and not pq.counted):
            return False  # "18 weitere" of something unnamed
        mine = [g for g in np_groups if self._specific(g.native)]
        if cq.counted and not any(self._specific((t,)) for t in cq.counted):
            mine = []  # the words name an event only: "the flood claimed 40 lives"
        theirs_terms = [t for t in pq.counted if self._specific((t,))]
        claim_events = {a for g in np_groups for a in g.native if a in self.lex.events}
        claim_events |= set(cq.events)
        source_events = {t for t in pq.counted if t in self.lex.events} | set(pq.events)
        if claim_events and source_events and not claim_events & source_events:
            return False  # "16 getötet" and "16 verletzt" count different things
        if mine and theirs_terms:
            theirs = PassageTerms(theirs_terms)
            return any(
                theirs.find(g.alternatives(same))
                or theirs.find_part(g.alternatives(same))
                or theirs.find(g.near(same))
                for g in mine
            )
        if theirs_terms and not mine and self._both_general(np_groups, cq, pq):
            return True  # "2000 people" / "2000 Menschen aus dem Umland": the source says more
        if mine or theirs_terms:
            return False  # one side counts somebody in particular, the other anybody
        return bool(claim_events & source_events) or not (claim_events or source_events)

    def _both_general(self, np_groups: Sequence[TermGroup], cq: Quantity, pq: Quantity) -> bool:
        """Return whether both figures count anybody by the same general word ("people",
        "Menschen"), whatever else the source's noun phrase says of them."""
        mine = {a for g in np_groups for a in g.native} | set(cq.counted)
        return bool(mine & set(pq.counted) & self.lex.general)

    def _specific(self, alternatives: Sequence[str]) -> bool:
        """Return whether a word names somebody in particular, not anybody or an event."""
        tags = [a for a in alternatives if is_tag(a)]
        if any(t in self.lex.general for t in tags):
            return False
        return not (tags and all(t in self.lex.events for t in tags))

    @staticmethod
    def _alignment(
        claim: Claim,
        cq: Quantity,
        pq: Quantity,
        passage: Reading,
        same: bool,
        counted: Sequence[TermGroup] = (),
    ) -> float:
        """Return the share of the claim clause's words found in the source figure's clause,
        but for what the figures count (`counted`), compared already: a figure whose noun is
        left out ("knapp 3 Millionen ohne Job") lacks it in its clause."""
        lo, hi = cq.clause
        mine = [
            g for g in claim.groups
            if lo <= g.start and g.end <= hi and g.kind != "number"
            and not (cq.start <= g.start and g.end <= cq.end) and g not in counted
        ]  # fmt: skip
        if not mine:
            return 1.0
        theirs = PassageTerms(t.term for t in passage.terms_within(*pq.clause))
        found = sum(1 for g in mine if theirs.find(g.alternatives(same)))
        return found / len(mine)
