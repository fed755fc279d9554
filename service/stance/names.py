"""Names: a claim about someone or somewhere is only supported by a source about them.

A name the claim gives must be in the passage or in what a reader has read before it (the
headline, the lead, the sentences just before). A passage that names someone else instead,
and says what the claim says, gives the claim's statement to another name.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.claims.analysis import Claim, TermGroup
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


class NameCheck:
    """Checks a passage for the claim's names."""

    def check(self, claim: Claim, passage: Reading, coverage: Coverage) -> NameFinding:
        """Return which claim names the passage (with its context) lacks, and its other names."""
        if not coverage.missing_names:
            return NameFinding()
        same = claim.language == passage.language
        mine = PassageTerms(a for g in claim.groups for a in g.alternatives(same))
        others = []
        for name in passage.names:
            if mine.find(name.parts) is None and mine.find((name.key,)) is None:
                others.append(passage.text[name.start : name.end])
        return NameFinding(coverage.missing_names, tuple(dict.fromkeys(others)))
