"""Negation scopes and words of opposite pairs: which words of a text are said not to hold."""

from __future__ import annotations

from collections.abc import Sequence

from service.lexicon import Lexicon
from service.reading.model import Comparison, Negation, Polar
from service.reading.tokens import Token, breaks_between, clause_spans, phrase_at

# The words of a noun phrase between a negation and a privative word that cancels it.
MAX_NOUN_WORDS = 2


class PolarityReader:
    """Finds negations with their scope, and words that belong to pairs of opposites."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def negations(
        self, text: str, tokens: list[Token], supposed: Sequence[tuple[int, int]] = ()
    ) -> list[Negation]:
        """Return the negations of a text with the spans they cover; one in a `supposed`
        clause (see `supposed`) denies nothing."""
        clauses = clause_spans(text)
        out = []
        skip = 0
        lex = self.lex
        for i, tok in enumerate(tokens):
            if skip:
                skip -= 1
                continue
            cue = "n't" if tok.norm.endswith("n't") else tok.norm
            if cue in lex.negations_after and i > 0 and not skip:
                before = tokens[i - 1]
                if (
                    before.kind == "word"
                    and before.norm not in lex.not_negated_after
                    and not lex.is_stopword(before.norm)
                    and not breaks_between(text, before, tok)
                ):
                    out.append(Negation(cue, tok.start, tok.end, before.start, before.end))
                    continue
            refuses = self._refuses(tokens, i)
            if not (
                refuses
                or cue in lex.clause_negations
                or cue in lex.determiner_negations
                or any(p[0] == cue for p in lex.negation_phrases)
            ):
                continue
            if self._in_idiom(tokens, i):
                continue
            clause = next(((a, b) for a, b in clauses if a <= tok.start < b), (0, len(text)))
            if any(a <= tok.start < b for a, b in supposed):
                continue  # "wenn der Vertrag nicht unterschrieben ist": supposed, not said
            if refuses:  # denies its clause, as a negation before the verb does
                out.append(
                    Negation(cue, tok.start, tok.end, *self._subordinate_bounds(tokens, i, clause))
                )
                continue
            rest = [t for t in tokens[i + 1 :] if t.start < clause[1]]
            phrase = phrase_at(tokens, i, self.lex.negation_phrases)
            if phrase:
                skip = len(phrase) - 1
                end = tokens[i + skip].end
                scope_end = _phrase_end(rest[skip:], clause[1], self.lex, coordinated=True)
                cue = " ".join(phrase)
                if cue in self.lex.negation_pronouns:
                    scope_end = clause[1]
                out.append(Negation(cue, tok.start, end, end, scope_end))
            elif cue in self.lex.determiner_negations:
                end = _phrase_end(rest, clause[1], self.lex, coordinated=True)
                if cue in self.lex.negation_pronouns:
                    end = clause[1]  # a pronoun: what is said of nobody is denied
                else:
                    end = self._infinitive_end(text, tokens, end, clause, clauses)
                out.append(Negation(cue, tok.start, tok.end, tok.end, end))
            elif cue in self.lex.clause_negations:
                if (
                    out
                    and out[-1].cue in self.lex.paired_negations
                    and cue in (self.lex.paired_negations[out[-1].cue])
                ):
                    continue  # "neither ... nor" is one negation
                start, bound = self._subordinate_bounds(tokens, i, clause)
                if any(t.start == bound and t.norm in lex.negation_until for t in rest):
                    continue  # "will not open until Monday": it opens on Monday
                if self._negates_a_phrase(rest):
                    # "nicht dauerhaft", "nicht der erste": the negated phrase follows.
                    end = min(_phrase_end(rest, clause[1], self.lex), bound)
                    out.append(Negation(cue, tok.start, tok.end, tok.end, end))
                else:
                    # Otherwise a negation denies its clause: German sentence negation ("ist
                    # nicht auf die Krise zurückzuführen"), English negation before the verb.
                    out.append(Negation(cue, tok.start, tok.end, start, bound))
        out = self._without_double(text, out)
        out.extend(self._excesses(tokens, clauses))
        out.extend(self._replaced(tokens))
        answer = self._answered_no(text, tokens, clauses)
        return [*out, answer] if answer else out

    def _refuses(self, tokens: list[Token], i: int) -> bool:
        """Return whether token i refuses the infinitive after it ("refused to say")."""
        return (
            tokens[i].norm in self.lex.refusals
            and i + 1 < len(tokens)
            and tokens[i + 1].norm in self.lex.refused_before
        )

    def _replaced(self, tokens: list[Token]) -> list[Negation]:
        """Return a negation for each figure another replaces ("20 statt 30 Minuten"): it
        denies the figure."""
        out = []
        firsts = self.lex.replacement_starts
        for i in range(len(tokens)):
            cue = phrase_at(tokens, i, self.lex.replacements) if tokens[i].norm in firsts else None
            if cue is None:
                continue
            n = len(cue)
            after = tokens[i + n : i + n + 1 + self.lex.replaced_gap]
            number = next((t for t in after if t.is_number or self.lex.spells_number(t.norm)), None)
            if number is not None:
                cue_end = tokens[i + n - 1].end
                out.append(Negation(" ".join(cue), tokens[i].start, cue_end, cue_end, number.end))
        return out

    def _excesses(self, tokens: list[Token], clauses: list[tuple[int, int]]) -> list[Negation]:
        """Return a negation for each excess ("too tired to celebrate"): it denies the clause
        from the word that opens what it is too much for ("to", "um") to its end, or to a
        subordinate clause or a question ("too early to say whether")."""
        out = []
        for i, tok in enumerate(tokens[:-2]):
            purpose = self.lex.excess_negations.get(tok.norm)
            adjective, opener = tokens[i + 1], tokens[i + 2]
            if (
                purpose is None
                or opener.norm != purpose
                or adjective.kind != "word"
                or not adjective.text.islower()
                or self.lex.is_stopword(adjective.norm)
            ):
                continue
            end = next((b for a, b in clauses if a <= opener.start < b), opener.end)
            # What it is too early to say ("whether ...") is asked, not denied.
            ends = self.lex.negation_clause_ends.union(self.lex.open_words)
            end = next((t.start for t in tokens[i + 3 :] if t.start < end and t.norm in ends), end)
            out.append(Negation(tok.norm, tok.start, tok.end, opener.start, end))
        return out

    def _without_double(self, text: str, negations: list[Negation]) -> list[Negation]:
        """Return the negations less those that cancel in pairs: a negation followed by a
        privative one right after its cue ("nicht ohne Grund") or, for a negated noun, after
        the noun ("keine Straße ohne Baum", "no single day without rain")."""
        privative = self.lex.privative_negations
        cancelled: set[int] = set()
        for k in range(len(negations) - 1):
            first, second = negations[k], negations[k + 1]
            if k in cancelled or first.cue in privative or second.cue not in privative:
                continue
            between = text[first.end : second.start].split()
            noun = first.cue in self.lex.determiner_negations and len(between) <= MAX_NOUN_WORDS
            reaches = (
                first.scope_end >= second.start or not text[first.scope_end : second.start].strip()
            )
            if not between or (noun and reaches):
                cancelled.update((k, k + 1))
        return [n for k, n in enumerate(negations) if k not in cancelled]

    def _answered_no(
        self, text: str, tokens: list[Token], clauses: list[tuple[int, int]]
    ) -> Negation | None:
        """Return the denial of a question answered "no": 'Asked if he rang the park, he
        said: "No"' denies that he rang it; the question runs up to the answer's clause."""
        words = [t for t in tokens if t.kind == "word"]
        if not words or words[-1].norm not in self.lex.answers_no:
            return None
        answer = words[-1]
        for i in range(len(words) - 1):
            pair = (words[i].norm, words[i + 1].norm)
            if pair in self.lex.question_openers:
                starts = [a for a, _ in clauses if words[i + 1].end < a <= answer.start]
                if starts:
                    end = starts[-1]
                    if text[:end].rstrip().endswith(":") and len(starts) > 1:
                        end = starts[-2]  # 'he said: "No"': the words of speech are no part
                    return Negation(answer.norm, answer.start, answer.end, words[i + 1].end, end)
        return None

    def _infinitive_end(
        self,
        text: str,
        tokens: list[Token],
        end: int,
        clause: tuple[int, int],
        clauses: list[tuple[int, int]],
    ) -> int:
        """Return where a denied noun's infinitive ends, if one follows it: "no plans to raise
        taxes", "keinen Plan, eine Armee aufzustellen" deny the raising and the setting up too.
        Without one, the noun's own end."""
        k = next((n for n, t in enumerate(tokens) if t.start >= end), len(tokens))
        if (
            k + 1 < len(tokens)
            and tokens[k].norm in self.lex.infinitive_markers
            and tokens[k].start < clause[1]
            and tokens[k + 1].kind == "word"
            and tokens[k + 1].norm not in self.lex.articles
        ):
            return self._subordinate_bounds(tokens, k, clause)[1]
        if text[end : clause[1]].strip(" ,") or clause[1] >= len(text):
            return end
        following = next(((a, b) for a, b in clauses if a == clause[1]), None)
        if following is None:
            return end
        words = [t for t in tokens if following[0] <= t.start < following[1] and t.kind == "word"]
        if len(words) >= 2 and self._infinitive(words[-2], words[-1]):
            return words[-1].end
        return end

    def _infinitive(self, before: Token, last: Token) -> bool:
        """Return whether the last words of a German clause are a zu-infinitive: "zu bauen",
        "aufzustellen" (a particle, "zu", the verb)."""
        if not last.norm.endswith(("en", "ern", "eln")):
            return False
        if before.norm in self.lex.infinitive_markers:
            return True
        return any(
            last.norm.startswith(p + "zu") and len(last.norm) > len(p) + 4
            for p in self.lex.particles
        )

    def _subordinate_bounds(
        self, tokens: list[Token], i: int, clause: tuple[int, int]
    ) -> tuple[int, int]:
        """Return the part of a clause that the negation at token i denies: from the last
        subordinating conjunction before it, up to the first one after it that follows a word
        of its own ("not as big as" keeps its first "as")."""
        ends = self.lex.negation_clause_ends
        start, end = clause
        for tok in reversed(tokens[:i]):
            if tok.start < clause[0]:
                break
            if tok.norm in ends:
                start = tok.start
                break
        said = False
        for tok in tokens[i + 1 :]:
            if tok.start >= clause[1]:
                break
            if said and tok.norm in ends:
                end = tok.start
                break
            said = said or not self.lex.is_stopword(tok.norm)
        return start, end

    def supposed(self, text: str, tokens: list[Token], language: str) -> list[tuple[int, int]]:
        """Return the spans of the clauses a condition opens ("wenn der Vertrag nicht
        unterschrieben ist", "if it is signed"): from the conditional word to the clause's
        end, or to the next subordinating word. A conceding one ("auch wenn", "even if")
        opens what is said, and one that asks ("asked if") a question."""
        lex = self.lex
        conditionals = lex.conditionals.get(language, frozenset())
        if not any(t.norm in conditionals for t in tokens):
            return []  # most sentences
        clauses = clause_spans(text)
        ends = lex.negation_clause_ends | conditionals
        out = []
        for i, tok in enumerate(tokens):
            if tok.norm not in conditionals:
                continue
            before = tokens[i - 1].norm if i > 0 else ""
            after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            if before in lex.conceding or after in lex.conceding:
                continue
            if (before, tok.norm) in lex.question_openers:
                continue  # "asked if": a question, see `_answered_no`
            end = next((b for a, b in clauses if a <= tok.start < b), len(text))
            end = next((t.start for t in tokens[i + 1 :] if t.start < end and t.norm in ends), end)
            out.append((tok.start, end))
        return out

    def _in_idiom(self, tokens: list[Token], i: int) -> bool:
        """Return whether the negation word at token i belongs to a phrase that negates
        nothing ("nicht nur", "wie noch nie")."""
        for phrase in self.lex.not_negations:
            for k, word in enumerate(phrase):
                start = i - k
                if word == tokens[i].norm and start >= 0:
                    if tuple(t.norm for t in tokens[start : start + len(phrase)]) == phrase:
                        return True
        return False

    def _negates_a_phrase(self, rest: list[Token]) -> bool:
        """Return whether a German negation denies only the word or phrase right after it:
        an adverb or adjective ("nicht dauerhaft") or a place in a sequence ("nicht der erste")."""
        if len(rest) <= 2 or not rest[0].text.islower():
            return False
        first = rest[1] if rest[0].norm in self.lex.articles else rest[0]
        if self.lex.ordinal_word.match(first.norm):
            return True
        return rest[0].norm not in self.lex.articles and not self.lex.is_stopword(rest[0].norm)

    def polars(self, tokens: list[Token], stems: list[str], language: str) -> list[Polar]:
        """Return the words (or phrases) of the text that belong to a pair of opposites."""
        out = []
        longest = self.lex.longest_opposite
        i = 0
        while i < len(tokens):
            used = 1
            if self._refuses(tokens, i):
                i += 1  # a negation here, not the opposite of an acceptance
                continue
            widest = min(longest, len(tokens) - i) if stems[i] in self.lex.opposite_starts else 1
            for n in range(widest, 0, -1):
                sides = self.lex.opposite_sides(tuple(stems[i : i + n]), language)
                if not sides and n == 1:
                    sides = self.lex.opposite_sides((tokens[i].norm,), language)
                if sides:
                    end = tokens[i + n - 1].end
                    out.extend(Polar(pair, side, tokens[i].start, end) for pair, side in sides)
                    used = n
                    break
            i += used
        return out

    def comparisons(self, text: str, tokens: list[Token]) -> list[Comparison]:
        """Return the "than"s of a text that set two things against each other ("mehr
        Touristen als Bergführer"), not a figure's qualifier ("mehr als 100") or another
        sense of the word ("als Vertreter")."""
        lex = self.lex
        markers = [i for i, tok in enumerate(tokens) if tok.norm in lex.comparison_markers]
        if not markers:
            return []  # most sentences: no clauses to find
        clauses = clause_spans(text)
        out = []
        for i in markers:
            tok = tokens[i]
            start, end = next(((a, b) for a, b in clauses if a <= tok.start < b), (0, len(text)))
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after is None or after.start >= end or after.kind == "number":
                continue
            if tok.norm in lex.ambiguous_markers and not self._after_comparative(tokens, i, start):
                continue
            out.append(Comparison(tok.start, tok.end, start, end))
        return out

    def _after_comparative(self, tokens: list[Token], i: int, clause_start: int) -> bool:
        """Return whether a degree word stands before token i in its clause, or a comparative
        form right before it ("später als", "größere eher als")."""
        before = [t for t in tokens[:i] if t.start >= clause_start]
        if any(t.norm in self.lex.degree_words for t in before):
            return True
        return any(
            t.kind == "word"
            and t.text[:1].islower()
            and not self.lex.is_stopword(t.norm)
            and t.norm.endswith(self.lex.comparative_endings)
            for t in before[-2:]
        )


def _phrase_end(rest: list[Token], clause_end: int, lex: Lexicon, coordinated: bool = False) -> int:
    """Return where a negated phrase ends: at its noun (a capitalised word) or a coordinator.

    With `coordinated`, nouns joined by "oder"/"und" share the negation ("keine X oder Y");
    words joined by "or" always do ("not sell or rent").
    """
    end = clause_end
    for i, tok in enumerate(rest):
        if tok.norm in lex.coordinators and tok.norm not in lex.disjunctions:
            return tok.start
        end = tok.end
        if tok.capitalised:
            following = rest[i + 1].norm if i + 1 < len(rest) else ""
            if following in lex.attached and i + 2 < len(rest):
                # "ohne Angabe von Gründen": the noun's complement is part of the phrase.
                return _phrase_end(rest[i + 2 :], clause_end, lex)
            if not (coordinated and following in lex.sharing):
                return end
            return _phrase_end(rest[i + 2 :], clause_end, lex) if i + 2 < len(rest) else end
    return end
