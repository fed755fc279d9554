"""Negation and opposites: which words of a text are said not to hold."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from service.claims.cues import Cues
from service.text import CLAUSE_BREAK, Token, tokenize

if TYPE_CHECKING:
    from service.claims.analysis import TermGroup

COORDINATORS = frozenset({"und", "oder", "sondern", "aber", "and", "or", "but"})
# Words that attach a complement to a noun ("Angabe von Gründen", "evidence of interference").
ATTACHED = frozenset({"von", "vom", "des", "der", "of"})


@dataclass(frozen=True, slots=True)
class Negation:
    """A negation cue and the character range of what it negates."""

    cue: str
    start: int
    end: int
    scope_start: int
    scope_end: int


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds = [0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


class PolarityReader:
    """Finds negations with their scope, and words that belong to pairs of opposites."""

    def __init__(self, cues: Cues):
        self.cues = cues

    def negations(self, text: str) -> list[Negation]:
        """Return the negations of a text with the spans they cover."""
        tokens = tokenize(text)
        clauses = _clauses(text)
        out = []
        for i, tok in enumerate(tokens):
            clause = next(((a, b) for a, b in clauses if a <= tok.start < b), (0, len(text)))
            rest = [t for t in tokens[i + 1 :] if t.start < clause[1]]
            cue = "n't" if tok.norm.endswith("n't") else tok.norm
            if self.cues.negating_word.fullmatch(cue) and cue not in self.cues.not_negating:
                out.append(Negation(cue, tok.start, tok.end, tok.start, tok.end))
            elif cue in self.cues.determiner_negations:
                end = _phrase_end(rest, clause[1], coordinated=True)
                out.append(Negation(cue, tok.start, tok.end, tok.end, end))
            elif cue in self.cues.clause_negations:
                if len(rest) <= 2 or cue in self.cues.english_negations:
                    # German sentence negation stands late and covers its clause;
                    # English negation precedes the verb phrase, so the clause is its scope.
                    out.append(Negation(cue, tok.start, tok.end, clause[0], clause[1]))
                else:
                    # "nicht dauerhaft", "nicht der erste": the negated phrase follows.
                    out.append(
                        Negation(cue, tok.start, tok.end, tok.end, _phrase_end(rest, clause[1]))
                    )
        return out

    def opposite_words(self, text: str) -> list[tuple[int, int, int, int]]:
        """Return (pair, side, start, end) for each word of the text in a pair of opposites."""
        out = []
        for tok in tokenize(text):
            for pair, side in self.cues.opposite_side(tok.norm):
                out.append((pair, side, tok.start, tok.end))
        return out


def prefix_antonyms(
    groups: Sequence[TermGroup], terms: Iterable[str], cues: Cues, min_rest: int = 5
) -> list[tuple[TermGroup, str]]:
    """Return (claim group, passage term) pairs that differ by a negative prefix.

    "unbegrenzt" in a claim against "begrenzt" in a passage, or "stabil" against "instabil".
    """

    def base(word: str) -> str | None:
        if word.startswith(cues.prefix_exceptions):
            return None
        for prefix in cues.negative_prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= min_rest:
                return word[len(prefix) :]
        return None

    present = {t for t in terms if t.isalpha()}
    negated_here = {b: t for t in present if (b := base(t))}
    out = []
    for g in groups:
        if g.kind != "word":
            continue
        for alt in g.alternatives:
            rest = base(alt)
            if rest and rest in present and alt not in present:
                out.append((g, rest))
                break
            if alt in negated_here and alt not in present:
                out.append((g, negated_here[alt]))
                break
    return out


def _phrase_end(rest: list[Token], clause_end: int, coordinated: bool = False) -> int:
    """Return where a negated phrase ends: at its noun (a capitalised word) or a coordinator.

    With `coordinated`, nouns joined by "oder"/"und" share the negation ("keine X oder Y").
    """
    end = clause_end
    for i, tok in enumerate(rest):
        if tok.norm in COORDINATORS:
            return tok.start
        end = tok.end
        if tok.text[:1].isupper():
            following = rest[i + 1].norm if i + 1 < len(rest) else ""
            if following in ATTACHED and i + 2 < len(rest):
                # "ohne Angabe von Gründen": the noun's complement is part of the phrase.
                return _phrase_end(rest[i + 2 :], clause_end)
            if not (coordinated and following in COORDINATORS - {"sondern", "aber", "but"}):
                return end
            return _phrase_end(rest[i + 2 :], clause_end) if i + 2 < len(rest) else end
    return end
