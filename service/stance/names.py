"""Names: a claim about someone or somewhere is only supported by a source about them.

A name the claim gives must be in the passage or in the text a reader reads it with (the
headline, the lead, the sentences around it). A passage that names someone else instead,
and says what the claim says, gives the claim's statement to another name.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.claims.analysis import Claim, TermGroup
from service.reading import Vocabulary
from service.reading.model import Reading
from service.stance.coverage import Coverage, PassageTerms


@dataclass(frozen=True, slots=True)
class NameFinding:
    """The claim's names the passage lacks, and the names it gives instead."""

    missing: tuple[TermGroup, ...] = ()
    others: tuple[str, ...] = ()  # names in the passage the claim does not give, as written

    @property
    def swapped(self) -> bool:
        return bool(self.missing and self.others)


def _first_name(claim: Claim, group: TermGroup, coverage: Coverage) -> bool:
    """Return whether a name is a first name whose surname the passage gives ("Antony
    Blinken" / "Außenminister Blinken")."""
    following = [g for g in claim.groups if g.start > group.end]
    if not following:
        return False
    surname = following[0]
    adjacent = claim.text[group.end : surname.start] == " " and surname.word[:1].isupper()
    return adjacent and surname in coverage.matched


class NameCheck:
    """Checks a passage for the claim's names."""

    def __init__(self, vocabulary: Vocabulary):
        self.places = vocabulary.places

    def check(
        self, claim: Claim, passage: Reading, coverage: Coverage, around: PassageTerms
    ) -> NameFinding:
        """Return which claim names the passage (with its context) lacks, and its other names.

        A country or city the claim names may go unsaid where the text names no other place:
        a national news item rarely repeats its country. A first name may go unsaid where the
        surname is given.
        """
        if not coverage.missing_names:
            return NameFinding()
        same = claim.language == passage.language
        mine = PassageTerms(a for g in claim.groups for a in g.alternatives(same))
        others = [
            name
            for name in passage.names
            if mine.find(name.parts) is None and mine.find((name.key,)) is None
        ]
        places_here = any(n.key in self.places for n in passage.names) or any(
            t in self.places for t in around.exact
        )
        missing = tuple(
            g
            for g in coverage.missing_names
            if (places_here or not any(a in self.places for a in g.all_terms))
            and not _first_name(claim, g, coverage)
        )
        if not missing:
            return NameFinding()
        written = dict.fromkeys(passage.text[n.start : n.end] for n in others)
        return NameFinding(missing, tuple(written))
