"""Polarity: does the source say of the claim's words the opposite of what the claim says?

A negation counts where its scope covers words the claim and the source share; each negation
covers its own words ("nicht der erste und nicht der letzte Versuch"). A negation on both
sides is agreement ("niemand wurde verletzt" / "keine Verletzten"). Opposites are words of a
listed pair, matched whole through their stems, or a word and the same word with a negative
prefix or suffix ("begrenzt" / "unbegrenzt"). Where the source says both words of a pair,
the one next to the words it shares with the claim is what it says of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.claims.analysis import Claim, TermGroup
from service.lexicon import Lexicon, is_tag
from service.reading.model import Comparison, Negation, Polar, Reading
from service.reading.tokens import CLAUSE_BREAK, clause_spans
from service.stance.coverage import PassageTerms

# A word of an opposite pair is said of a shared word at most this many words away from it
# ("a drop in accidents").
NEAR = 2


@dataclass(frozen=True, slots=True)
class PolarityFinding:
    """How the source's polarity relates to the claim's."""

    flips: int = 0
    reasons: tuple[str, ...] = ()
    marks: tuple[tuple[int, int], ...] = ()  # spans of negations and opposite words
    source_negated: bool = False
    addresses_denial: bool = True  # for a negated claim: the source speaks of what is denied
    leaves_open: bool = False  # the source calls open what it reports; the claim does not

    @property
    def flipped(self) -> bool:
        return self.flips % 2 == 1


class PolarityCheck:
    """Compares the polarity of a claim and a passage over the words they share."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def paired(
        self, claim: Claim, passage: Reading, affixed: list[tuple[TermGroup, str]]
    ) -> list[TermGroup]:
        """Return claim groups whose word the passage states with its opposite (a listed
        pair, or the `affixed` pairs of `affix_opposites`)."""
        pairs_here = {p.pair for p in passage.polars}
        out = [
            g
            for g in claim.topic
            for p in claim.reading.polars
            if p.pair in pairs_here and g.start < p.end and p.start < g.end
        ]
        out += [g for g, _ in affixed]
        return list(dict.fromkeys(out))

    def affix_opposites(self, claim: Claim, passage: Reading) -> list[tuple[TermGroup, str]]:
        """Return (claim group, passage term) pairs that differ by a negative affix."""
        present = {t.term for t in passage.terms if t.kind in ("word", "joined")}
        claim_terms = {a for g in claim.topic for a in g.all_terms}
        negated_here = {b: t for t in present if (b := self.lex.affix_base(t))}
        said = PassageTerms(present)
        same = claim.language == passage.language
        out = []
        for g in claim.topic:
            if g.kind != "word":
                continue
            alternatives = g.alternatives(same)
            own = said.find(alternatives)
            if own is not None and self._unaffixed(own, alternatives):
                continue  # the source says the claim's own word: an opposite is of another
            for alt in alternatives:
                base = self.lex.affix_base(alt)
                if base and _has(present, base) and not _has(present, alt):
                    out.append((g, base))
                    break
                hit = next((t for b, t in negated_here.items() if _same_word(b, alt)), None)
                if hit and alt not in present and hit not in claim_terms:
                    out.append((g, hit))
                    break
        return out

    def _unaffixed(self, term: str, alternatives: tuple[str, ...]) -> bool:
        """Return whether a passage term is one of the claim word's alternatives as it is, not
        with a negative affix it lacks ("beispiellos" for "Beispiel")."""
        base = self.lex.affix_base(term)
        return base is None or any(self.lex.affix_base(a) == base for a in alternatives)

    def check(
        self,
        claim: Claim,
        passage: Reading,
        matched_terms: frozenset[str],
        affixed: list[tuple[TermGroup, str]],
        figures: tuple[tuple[int, int], ...] = (),
    ) -> PolarityFinding:
        """Return the polarity finding of a passage towards a claim; `figures` are the spans
        of the passage's figures compared with the claim's."""
        text = passage.text
        word_spans = [
            (t.start, t.end)
            for t in passage.terms
            if t.term in matched_terms and t.kind in ("word", "joined", "tag")
        ]
        shared = list(word_spans)
        word_spans += figures  # a figure compared with the claim's is what it says too
        claim_sides = {(p.pair, p.side) for p in claim.reading.polars}
        passage_sides = {(p.pair, p.side) for p in passage.polars}
        reasons: list[str] = []
        marks: list[tuple[int, int]] = []
        opposed_pairs: set[int] = set()  # one flip per pair, however many of its words
        opposed_words: list[tuple[int, int]] = []  # claim spans said the other way
        opposite = [p for p in passage.polars if (p.pair, 1 - p.side) in claim_sides]
        opposite = [p for p in opposite if (p.pair, p.side) not in claim_sides]
        # A source that also uses the claim's own word says the opposite one of something
        # else ("gewaltsame Krawalle am Hafen ... friedliche Anwohner"), unless the opposite
        # stands nearer to the words they share ("a drop in accidents, but a rise in rents").
        opposite = [
            p
            for p in opposite
            if (p.pair, 1 - p.side) not in passage_sides or _nearer(text, p, passage.polars, shared)
        ]
        for p in opposite:
            mine = next(c for c in claim.reading.polars if c.pair == p.pair)
            if p.pair not in opposed_pairs:
                reasons.append(
                    f"opposite: claim says '{claim.text[mine.start : mine.end]}',"
                    f" source says '{text[p.start : p.end]}'"
                )
            opposed_pairs.add(p.pair)
            opposed_words.append((mine.start, mine.end))
            marks.append((p.start, p.end))
        # The claim's own word counts for what is said unless the opposite is said of it:
        # then it is said of something else, and so is a negation of it.
        own = [p for p in passage.polars if (p.pair, p.side) in claim_sides]
        elsewhere = [(p.start, p.end) for p in own if p.pair in opposed_pairs]
        word_spans = [
            (a, b) for a, b in word_spans if not any(s < b and a < e for s, e in elsewhere)
        ]
        word_spans += [(p.start, p.end) for p in opposite]
        word_spans += [(p.start, p.end) for p in own if p.pair not in opposed_pairs]
        flips = len(opposed_pairs)
        turned = self.reversed_comparison(claim, passage)
        if turned:
            flips += 1
            reasons.append(turned)
        for group, term in affixed:
            if any(a < group.end and group.start < b for a, b in opposed_words):
                continue  # the same word, said the other way in a listed pair already
            flips += 1
            reasons.append(f"opposite: claim says '{group.word}', source says '{term}'")
            marks.extend((t.start, t.end) for t in passage.terms if t.term == term)
        # A shared name counts after the cue only: "keine Fahrgäste mehr in die S45" negates
        # what is said of the S45, "Putin schickte keine Truppen" nothing said of Putin.
        name_starts = [
            t.start for t in passage.terms if t.term in matched_terms and t.kind == "name"
        ]

        def covered(n: Negation) -> set[int]:
            words = {s for s, _ in word_spans if n.scope_start <= s < n.scope_end}
            return words | {s for s in name_starts if n.end <= s < n.scope_end}

        scopes = [(n, covered(n)) for n in passage.negations]
        scopes = [(n, starts) for n, starts in scopes if starts]
        negations = [n for n, _ in scopes]
        spans = set().union(*(starts for _, starts in scopes))
        denied = {s for s in spans if sum(s in starts for _, starts in scopes) % 2 == 1}
        # A word the source also states outside any negation is asserted there: "would not fly
        # over Indian airspace, and the Indian embassy will ..." does not deny "Indian".
        # (A word of an opposite pair has no term: it is denied where it is.)
        term_at = {t.start: t.term for t in passage.terms if t.term in matched_terms}
        starts = [*(s for s, _ in word_spans), *name_starts]
        asserted = {term_at[s] for s in starts if s not in denied and s in term_at}
        source_negated = any(s not in term_at or term_at[s] not in asserted for s in denied)
        marks.extend((n.start, n.end) for n in negations)
        if source_negated != claim.negated:
            flips += 1
            if source_negated:
                cue = text[negations[0].start : negations[0].end]
                reasons.append(f"negation: source says '{cue}' about what the claim asserts")
            else:
                reasons.append("negation: the claim denies what the source asserts")
        elif negations and claim.negated:
            reasons.append("both claim and source are negated")
        leaves_open = (
            any(
                text[p.start : p.end].lower().startswith(self.lex.open_words)
                for p in passage.polars
            )
            or _supposes(claim, passage, matched_terms)
        ) and not any(pair in self.lex.open_pairs for pair, _ in claim_sides)
        return PolarityFinding(
            flips, tuple(reasons), tuple(marks), source_negated, leaves_open=leaves_open
        )

    def reversed_comparison(self, claim: Claim, passage: Reading) -> str:
        """Return a reason where the passage compares the claim's two things the other way
        round ("größere eher als kleinere" for "small ones more than large ones"), else "".

        The thing after the claim's "than" must stand before the passage's in its clause, and
        the word right after the passage's "than" must be one the claim has before its own.
        """
        same = claim.language == passage.language

        def words(g: TermGroup) -> tuple[str, ...]:
            return (*g.alternatives(same), *g.near(same))  # "Stellen" / "Arbeitsplätze"

        for mine in claim.reading.comparisons:
            first = [g for g in claim.topic if mine.clause_start <= g.start < mine.start]
            second = [g for g in claim.topic if mine.end <= g.start < mine.clause_end][:1]
            if not first or not second:
                continue
            for theirs in passage.comparisons:
                before, after = _sides(passage, theirs)
                if (
                    before.find(words(second[0]))
                    and any(after.find(words(g)) for g in first)
                    and not after.find(words(second[0]))
                ):
                    return (
                        f"compares the other way round: source says"
                        f" '{passage.text[theirs.clause_start : theirs.clause_end].strip()}'"
                    )
        return ""

    def denial_focus(self, claim: Claim, whole: bool) -> list[TermGroup]:
        """Return the words a claim's negation denies, which a source must speak of to disagree.

        That is the nearest content word after the cue ("would not allow revolutions",
        "keine Beweise"), else the nearest before it ("würden nicht hingenommen"), and a
        name right after the cue. With
        `whole`, in German also the verb closing the clause ("keine Revolutionen zulassen"):
        a source asserting the opposite must assert all of it.
        """
        out = []
        content = [g for g in claim.topic if g.kind == "word"]
        for n in claim.reading.negations:
            # What is denied starts after the cue, or where its scope does ("too tired to
            # celebrate" denies "celebrate", not "tired").
            start = max(n.end, n.scope_start)
            # A name right after the cue is what is denied of ("Neither the ACT nor
            # Tasmania had a death"): a source that does not name it denies nothing of it.
            first = next((g for g in claim.topic if start <= g.start < n.scope_end), None)
            if first is not None and first.kind == "name":
                out.append(first)
            after = [g for g in content if start <= g.start < n.scope_end]
            before = [g for g in content if n.scope_start <= g.start and g.end <= n.start]
            if after:
                out.append(after[0])
            elif before:
                out.append(before[-1])
            if whole and claim.language == "de":
                verbs = [
                    g for g in content
                    if start <= g.start < _clause_end(claim.text, start) and g.word[:1].islower()
                    and g not in out
                ]  # fmt: skip
                if verbs:
                    out.append(verbs[-1])
        return out


def _nearer(text: str, polar: Polar, polars: list[Polar], spans: list[tuple[int, int]]) -> bool:
    """Return whether a word of an opposite pair stands nearer to the words the claim and
    the source share than each word of the pair's other side: in "a drop in accidents, but a
    rise in rents", "drop" is said of the claim's accidents, "rise" of something else."""
    words = [(a, b) for a, b in spans if not any(q.start < b and a < q.end for q in polars)]
    clauses = clause_spans(text)

    def distance(q: Polar) -> int | None:
        clause = next((a, b) for a, b in clauses if a <= q.start < b)
        gaps = [
            len(text[b : q.start].split()) if b <= q.start else len(text[q.end : a].split())
            for a, b in words
            if clause[0] <= a < clause[1]
        ]
        return min(gaps, default=None)

    mine = distance(polar)
    others = [q for q in polars if q.pair == polar.pair and q.side != polar.side]
    return (
        mine is not None
        and mine <= NEAR
        and all((d := distance(q)) is None or mine < d for q in others)
    )


def _sides(passage: Reading, c: Comparison) -> tuple[PassageTerms, PassageTerms]:
    """Return the terms before a passage's "than" in its clause, and the first after it."""
    before = [t.term for t in passage.terms if c.clause_start <= t.start < c.start]
    after = [t.term for t in passage.terms if c.end <= t.start < c.clause_end][:1]
    return PassageTerms(before), PassageTerms(after)


def _clause_end(text: str, position: int) -> int:
    m = CLAUSE_BREAK.search(text, position)
    return m.start() if m else len(text)


def _has(terms: set[str], word: str) -> bool:
    return any(_same_word(word, t) for t in terms)


def _same_word(a: str, b: str) -> bool:
    """Return whether two stems are one word up to a short ending ("begrenzt" / "begrenz")."""
    if is_tag(a) or is_tag(b):
        return False
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


def _supposes(claim: Claim, passage: Reading, matched_terms: frozenset[str]) -> bool:
    """Return whether the passage says most of what it shares with the claim in a condition
    ("wenn der Vertrag unterschrieben wird, ..."), where the claim supposes nothing."""
    if not passage.supposed or claim.reading.supposed:
        return False
    said = [t.start for t in passage.terms if t.term in matched_terms and t.kind != "tag"]
    inside = sum(any(a <= s < b for a, b in passage.supposed) for s in said)
    return inside * 2 > len(said)
