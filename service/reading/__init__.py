"""One reading of a text, the same for passages and claims: `Reader.read(text, language)`."""

from __future__ import annotations

from dataclasses import replace

from service.lexicon import Lexicon
from service.reading.model import Name, Negation, Polar, Quantity, Reading, Term
from service.reading.names import Aliases, Vocabulary
from service.reading.polarity import PolarityReader
from service.reading.quantities import QuantityReader
from service.reading.terms import TermReader
from service.reading.tokens import Token, breaks_between, tokenize, visible

# Bump when reading changes what it finds: stored readings of another version are read anew.
READING_VERSION = "84"

__all__ = [
    "Name", "Negation", "Polar", "Quantity", "Reader", "Reading", "Term", "Vocabulary",
]  # fmt: skip


class Reader:
    """Reads texts: tokens once, then terms, names, quantities, negations, opposites and
    comparisons."""

    def __init__(self, lexicon: Lexicon, vocabulary: Vocabulary | None = None):
        self.lexicon = lexicon
        self.vocabulary = vocabulary or Vocabulary()
        self.aliases = Aliases(lexicon.alias_data)
        self.terms = TermReader(lexicon, self.aliases, self.vocabulary)
        self.quantities = QuantityReader(lexicon)
        self.polarity = PolarityReader(lexicon)

    def read(self, text: str, language: str = "de", previous: Reading | None = None) -> Reading:
        """Return the reading of a text; `previous` is the sentence before it, if any.

        The text is read without the characters that do not show; the reading's spans point
        into that text, its `text`.
        """
        text = visible(text)
        tokens = tokenize(text)
        stems = self.terms.stems(tokens, language)
        terms, names = self.terms.read(text, tokens, stems, language)
        # The words of speech, found once: names and pronouns next to them speak.
        speech = [i for i, t in enumerate(tokens) if t.norm in self.lexicon.speech]
        names = self._mark_speakers(text, tokens, names, speech)
        before = previous.quantities if previous is not None else ()
        supposed = tuple(self.polarity.supposed(text, tokens, language))
        return Reading(
            text=text,
            language=language,
            terms=tuple(terms),
            names=tuple(names),
            quantities=tuple(self.quantities.read(text, tokens, terms, language, before)),
            negations=tuple(self.polarity.negations(text, tokens, supposed)),
            polars=tuple(self.polarity.polars(tokens, stems, language)),
            comparisons=tuple(self.polarity.comparisons(text, tokens)),
            points_back=any(t.norm in self.lexicon.anaphora for t in tokens),
            pronoun_speaker=self._pronoun_speaker(text, tokens, speech),
            supposed=supposed,
        )

    def _pronoun_speaker(
        self, text: str, tokens: list[Token], speech: list[int]
    ) -> tuple[int, int] | None:
        """Return the span of a pronoun right next to a word of speech (token indices
        `speech`): "sagte sie", "he said"; else None."""
        for i in speech:
            tok = tokens[i]
            for k in (i + 1, i - 1):
                if 0 <= k < len(tokens) and tokens[k].norm in self.lexicon.speaking_pronouns:
                    a, b = sorted((tokens[k], tok), key=lambda t: t.start)
                    if not breaks_between(text, a, b):
                        return tokens[k].start, tokens[k].end
        return None

    def _mark_speakers(
        self, text: str, tokens: list[Token], names: list[Name], speech: list[int]
    ) -> list[Name]:
        """Return the names, those standing close to a word of speech (token indices `speech`)
        in its clause marked as speakers ("sagte BA-Vorstand Daniel Terzenbach", "Singh
        earlier announced")."""
        lex = self.lexicon
        spans: list[tuple[int, int]] = []
        for i in speech:
            first, last = _apposition_start(text, tokens, i), i
            first = _cleft_start(tokens, first, lex.clefts)
            lowest, highest = max(0, first - lex.speaker_before), i + lex.speaker_after
            while first > lowest and not breaks_between(text, tokens[first - 1], tokens[first]):
                first -= 1
            while last < min(len(tokens) - 1, highest) and not breaks_between(
                text, tokens[last], tokens[last + 1]
            ):
                last += 1
            spans.append((tokens[first].start, tokens[last].end))
        if not spans:
            return names
        return [
            replace(n, speaks=True) if any(n.start < b and a < n.end for a, b in spans) else n
            for n in names
        ]


def _cleft_start(tokens: list[Token], i: int, clefts: tuple[tuple[str, ...], ...]) -> int:
    """Return where the words that put the speaker first end before token i start ("was the
    one who" in "Garcia was the one who said"), else i."""
    for cleft in clefts:
        start = i - len(cleft)
        if start > 0 and tuple(t.norm for t in tokens[start:i]) == cleft:
            return start
    return i


def _apposition_start(text: str, tokens: list[Token], i: int) -> int:
    """Return where the speaker before the word of speech at token i starts, if it stands set
    off by commas right before it ("The head of the institute, John Corcoran, says ..."), else i.
    """
    k = i - 1
    if k < 0 or text[tokens[k].end : tokens[i].start] != ", ":
        return i
    while k >= 0 and tokens[k].capitalised:
        if k == 0 or text[tokens[k - 1].end : tokens[k].start] == ", ":
            return k
        if text[tokens[k - 1].end : tokens[k].start] != " ":
            return i
        k -= 1
    return i
