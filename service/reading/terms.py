"""Index terms of a text: stop words out, aliases to entity keys, words stemmed, synonym tags,
German separable verbs joined. The same for passages and claims."""

from __future__ import annotations

from service.lexicon import Lexicon, tag
from service.reading.model import Name, Term
from service.reading.names import Aliases, Vocabulary, is_name
from service.reading.tokens import CLAUSE_BREAK, Token, possessive

# Sentence ends inside a text read as one passage (a headline and its lead, a claim of two
# sentences): the word after one starts a sentence.
SENTENCE_END = frozenset(".!?:")
STEM_CACHE = 500_000  # words whose stems are kept: news vocabulary repeats


class TermReader:
    """Turns tokens into index terms and names."""

    def __init__(self, lexicon: Lexicon, aliases: Aliases, vocabulary: Vocabulary):
        self.lexicon = lexicon
        self.aliases = aliases
        self.vocabulary = vocabulary
        self._stems: dict[str, dict[str, str]] = {}

    def joined(self, word: str) -> str:
        """Return a German verb form with its particle's "ge"/"zu" taken out.

        "vorgelegt" -> "vorlegt", "einzumischen" -> "einmischen", "zugelassen" -> "zulassen",
        so the forms meet the joined separable verb ("legte ... vor" -> "vorlegt").
        """
        for particle in self.lexicon.particles:
            if word.startswith(particle):
                rest = word[len(particle) :]
                if rest[:2] in ("ge", "zu") and len(rest) - 2 >= 4:
                    return particle + rest[2:]
                return word
        return word

    def stems(self, tokens: list[Token], language: str) -> list[str]:
        """Return the stem of each token (German verb forms joined first)."""
        return [self.stem_of(t.norm, language) if t.kind == "word" else t.norm for t in tokens]

    def stem_of(self, word: str, language: str, keep: bool = True) -> str:
        """Return the index term of a lower-case word; `keep` it for the next time (the
        words of texts, not those of a word list read once)."""
        cache = self._stems.setdefault(language, {})
        stem = cache.get(word)
        if stem is None:
            stem = self.lexicon.stem(self.joined(word) if language == "de" else word, language)
            if keep and len(cache) < STEM_CACHE:
                cache[word] = stem
        return stem

    def read(
        self, text: str, tokens: list[Token], stems: list[str], language: str
    ) -> tuple[list[Term], list[Name]]:
        """Return the index terms of a text in order, and its names."""
        out: list[Term] = []
        names: list[Name] = []
        run: list[Term] = []  # consecutive capitalised name words

        def close_run() -> None:
            if run:
                names.append(
                    Name(run[-1].term, tuple(t.term for t in run), run[0].start, run[-1].end)
                )
                run.clear()

        i = 0
        while i < len(tokens):
            tok = tokens[i]
            starts = i == 0 or self._sentence_starts(text, tokens[i - 1], tok)
            hit = self.aliases.match(tokens, i, stems)
            if hit:
                close_run()
                key, n = hit
                end = tokens[i + n - 1].end
                out.append(Term(key, tok.start, end, "name"))
                names.append(Name(key, (key,), tok.start, end, known=True))
                i += n
                continue
            if tok.is_number:
                close_run()
                out.append(Term(tok.norm, tok.start, tok.end, "number"))
            elif len(tok.norm) > 1 and (
                not self.lexicon.is_stopword(tok.norm, language)
                or self._hyphened_capital(text, tokens, i)
            ):
                if tok.norm not in self.lexicon.cue_words and (
                    self._continues_name(text, tokens, i, language, self._names_one(run))
                    or is_name(tokens, i, language, self.vocabulary, starts)
                    or self._given_name(text, tokens, i, language)
                    or self._before_hyphened_name(text, tokens, i, language)
                ):
                    if run and (
                        CLAUSE_BREAK.search(text, tokens[i - 1].end, tok.start)
                        or possessive(tokens[i - 1])
                    ):
                        close_run()
                    # Names are not stemmed: "Siemens" is no plural, "Paris" no genitive.
                    term = Term(tok.norm, tok.start, tok.end, "name")
                    run.append(term)
                    out.append(term)
                else:
                    close_run()
                    out.append(Term(stems[i], tok.start, tok.end))
            else:
                close_run()
            i += 1
        close_run()
        out.extend(self._tags(tokens))
        out.extend(self._hyphened_words(text, tokens, language))
        if language == "de":
            out.extend(self._separable_verbs(text, tokens))
            out.extend(self._elided_heads(text, tokens))
        out.sort(key=lambda t: (t.start, t.kind == "tag"))
        return out, names

    def _continues_name(
        self, text: str, tokens: list[Token], i: int, language: str, in_name: bool
    ) -> bool:
        """Return whether a capitalised word continues a name: after a title ("Mr Bush") or a
        name particle ("bin Laden"), or, in English, right after a name word ("Brett Dempsey"),
        where it is also a common word.

        German capitalises every noun, and a noun often follows a name ("dass Putin Truppen
        schickt"), so there only a title or a particle makes the next word a name.
        """
        tok = tokens[i]
        if i == 0 or not tok.capitalised:
            return False
        before = tokens[i - 1]
        gap = text[before.end : tok.start]
        if before.text in self.lexicon.name_particles and gap == " ":
            return True  # "bin Laden"
        if before.norm in self.lexicon.titles and gap in (" ", ". "):
            # Another title goes on with the titles ("royal commissioner Justice Neville Owen").
            return (
                tok.norm not in self.lexicon.calendar_words and tok.norm not in self.lexicon.titles
            )
        if language == "de":
            # After a given name that is no German word, a surname that is a noun ("Thomas
            # Schneider").
            return (
                in_name
                and gap == " "
                and before.norm in self.vocabulary.given_names
                and not self.vocabulary.is_german_word(before.norm)
                and tok.norm not in self.lexicon.calendar_words
                and not self.vocabulary.is_place(tok.norm)
            )
        return in_name and gap == " " and not possessive(before)

    def _given_name(self, text: str, tokens: list[Token], i: int, language: str) -> bool:
        """Return whether a capitalised word that is a common word too is a given name: one
        right before a name ("Rose Kovacic", "Grant Whitfield"), but not a month ("im Juli
        Kovacic traf ...") nor before a place ("die Lage Syriens")."""
        tok = tokens[i]
        if not tok.capitalised or tok.norm not in self.vocabulary.given_names:
            return False
        if tok.norm in self.lexicon.calendar_words or i + 1 >= len(tokens):
            return False
        after = tokens[i + 1]
        # English capitalises names only: any capitalised word after it goes on naming.
        return (
            text[tok.end : after.start] == " "
            and after.capitalised
            and (language == "en" or is_name(tokens, i + 1, language, self.vocabulary, False))
            and not self.vocabulary.is_place(after.norm)
        )

    def _before_hyphened_name(self, text: str, tokens: list[Token], i: int, language: str) -> bool:
        """Return whether a capitalised word is joined by a hyphen to a name after it: the
        last part of a compound says what it is, so the whole names one place or body
        ("Baden-Württemberg", "Ost-Timor"); a common noun last makes a common noun of it
        ("SPD-Chef")."""
        tok = tokens[i]
        if not tok.capitalised or i + 1 >= len(tokens):
            return False
        after = tokens[i + 1]
        return (
            text[tok.end : after.start] == "-"
            and after.capitalised
            and is_name(tokens, i + 1, language, self.vocabulary, False)
        )

    @staticmethod
    def _hyphened_capital(text: str, tokens: list[Token], i: int) -> bool:
        """Return whether a capitalised word is joined by a hyphen to a capitalised word next
        to it: as part of a compound title it is no stop word ("Heute-Show", "Vor-Ort")."""
        tok = tokens[i]
        if not tok.capitalised:
            return False
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        before = tokens[i - 1] if i > 0 else None
        return (after is not None and after.capitalised and text[tok.end : after.start] == "-") or (
            before is not None and before.capitalised and text[before.end : tok.start] == "-"
        )

    def _names_one(self, run: list[Term]) -> bool:
        """Return whether a run of name words names one thing that words after it may go on
        naming ("Brett Dempsey"): a place before a title ("Indian Foreign Minister Jaswant
        Singh") says only where the one named is from."""
        return bool(run) and not all(self.vocabulary.is_place(t.term) for t in run)

    @staticmethod
    def _sentence_starts(text: str, before: Token, tok: Token) -> bool:
        gap = text[before.end : tok.start]
        return any(c in SENTENCE_END for c in gap) or gap.count('"') == 1 and "." in gap

    def _tags(self, tokens: list[Token]) -> list[Term]:
        """Return a tag term for each run of words a synonym group names ("ums Leben")."""
        if not tokens:
            return []
        words, starts = [], []
        pos = 0
        for t in tokens:
            starts.append(pos)
            words.append(t.norm)
            pos += len(t.norm) + 1
        joined = " ".join(words)
        out = []
        for group in self.lexicon.synonyms:
            for m in group.pattern.finditer(joined):
                first = next(k for k in range(len(tokens)) if starts[k] + len(words[k]) > m.start())
                last = next(k for k in range(len(tokens) - 1, -1, -1) if starts[k] < m.end())
                out.append(Term(tag(group.name), tokens[first].start, tokens[last].end, "tag"))
        return out

    def _hyphened_words(self, text: str, tokens: list[Token], language: str) -> list[Term]:
        """Return the one word that two lower-case words joined by a hyphen spell
        ("co-owners" -> coowner), for a dictionary or a source may write it so.
        The term takes the first word's place: a claim keeps both words and their senses."""
        out: list[Term] = []
        for a, b in zip(tokens, tokens[1:], strict=False):
            if (
                text[a.end : b.start] == "-"
                and a.kind == b.kind == "word"
                and a.text.islower()
                and b.text.islower()
            ):
                word = self.stem_of(a.norm + b.norm, language)
                out.append(Term(word, a.start, a.end, "joined"))
        return out

    def _elided_heads(self, text: str, tokens: list[Token]) -> list[Term]:
        """Return the whole compound for a first part whose head is left out ("Kriegs- zu einer
        Friedenswirtschaft" -> kriegswirtschaft), as a term of the first part's span."""
        out: list[Term] = []
        for i, tok in enumerate(tokens[:-2]):
            if (
                tok.kind != "word"
                or text[tok.end : tok.end + 2] not in ("- ", "-\n")
                or tokens[i + 1].norm not in self.lexicon.ellipsis_links
            ):
                continue
            rest = [t for t in tokens[i + 2 : i + 5] if t.norm not in self.lexicon.articles]
            if not rest or rest[0].kind != "word":
                continue
            head = self.vocabulary.noun_head(rest[0].norm)
            if head is not None:
                word = tok.norm + head
                out.append(Term(self.lexicon.stem(word, "de"), tok.start, tok.end, "joined"))
        return out

    def _separable_verbs(self, text: str, tokens: list[Token]) -> list[Term]:
        """Return joined terms for a particle that closes a clause ("legte ... vor" -> vorlegt).

        Which word is the verb is not known, so each lower-case content word of the clause
        is joined with the particle; the one that is not a verb yields a term nobody asks for.
        """
        out: list[Term] = []
        clause: list[Token] = []
        for k, tok in enumerate(tokens):
            clause.append(tok)
            end = k + 1 == len(tokens) or CLAUSE_BREAK.search(text, tok.end, tokens[k + 1].start)
            if not end:
                continue
            last = clause[-1]
            if len(clause) > 2 and last.norm in self.lexicon.particles and last.text.islower():
                out.extend(
                    Term(self.lexicon.stem(last.norm + t.norm), t.start, t.end, "joined")
                    for t in clause[:-1]
                    if t.text.islower()
                    and t.text.isalpha()
                    and not self.lexicon.is_stopword(t.norm, "de")
                )
            clause = []
        return out
