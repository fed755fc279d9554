"""Tokens, normalization, stemming and entity aliases, the same for passages and claims."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import Stemmer

# Thousands groups ("10.000", "10,000", "2 500" is not matched on purpose) or decimals ("1,5").
NUMBER_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?")
# Where a clause ends: punctuation, brackets, dashes.
CLAUSE_BREAK = re.compile(r"[,;:.!?()–—]|\s-\s")
TOKEN_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?")
QUOTES = str.maketrans(
    {"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "»": '"', "«": '"'}
)


def is_number(term: str) -> bool:
    """Return whether a token or index term is a number ("2500", "1.5")."""
    return term[:1].isdecimal()


def data_path(name: str) -> Path:
    """Return the path of a bundled data file."""
    return Path(str(resources.files("service") / "data" / name))


def load_toml(path: Path) -> dict:
    """Return a TOML data file as a dict."""
    with path.open("rb") as fh:
        return tomllib.load(fh)


def files_digest(paths: Iterable[Path]) -> str:
    """Return a short digest of the given files' bytes, to notice edits."""
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def number_value(token: str) -> float:
    """Return the value of a digit token, reading German and English separators."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
        return float(re.sub(r"[.,]", "", token))
    return float(token.replace(",", "."))


def normalize_number(token: str) -> str:
    """Return a digit token in one spelling: 2.500 and 2,500 -> 2500, 1,5 -> 1.5."""
    value = number_value(token)
    return str(int(value)) if value.is_integer() else f"{value:g}"


@dataclass(frozen=True, slots=True)
class Token:
    """A word or number with its span in the text it came from."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return is_number(self.norm)


def tokenize(text: str) -> list[Token]:
    """Return the words and numbers of a text, lowercased, with character spans."""
    out = []
    for m in TOKEN_RE.finditer(text.translate(QUOTES)):
        raw = m.group()
        if is_number(raw):
            norm = normalize_number(raw)
        else:
            norm = unicodedata.normalize("NFC", raw.lower())
        out.append(Token(raw, norm.removesuffix("'s"), m.start(), m.end()))
    return out


class Aliases:
    """Entity names mapped to one key per entity, matched as whole-word phrases."""

    def __init__(self, groups: dict[str, dict]):
        self._phrases: dict[tuple[str, ...], str] = {}
        self._exact: dict[tuple[str, ...], str] = {}
        for key, group in groups.items():
            for name in group.get("names", []):
                if toks := tuple(t.norm for t in tokenize(name)):
                    self._phrases[toks] = key
            for name in group.get("exact_names", []):
                if toks := tuple(t.text for t in tokenize(name)):
                    self._exact[toks] = key
        self.keys = frozenset(groups)
        self._starts = frozenset(p[0] for p in [*self._phrases, *self._exact])
        self.longest = max((len(p) for p in [*self._phrases, *self._exact]), default=1)

    def match(self, tokens: list[Token], i: int, stems: list[str]) -> tuple[str, int] | None:
        """Return (entity key, tokens used) for the longest alias starting at token i."""
        first = tokens[i]
        heads = {first.norm, stems[i], first.text, first.norm.removesuffix("s")}
        if not heads & self._starts:
            return None
        for n in range(min(self.longest, len(tokens) - i), 0, -1):
            window = tokens[i : i + n]
            norms = tuple(t.norm for t in window)
            key = (
                self._phrases.get(norms)
                or self._phrases.get(tuple(stems[i : i + n]))
                or self._exact.get(tuple(t.text for t in window))
                # A German genitive: "Putins", "Tokajews", "Kasachstans".
                or (
                    len(norms[-1]) > 4
                    and norms[-1].endswith("s")
                    and self._phrases.get((*norms[:-1], norms[-1][:-1]))
                )
            )
            if key:
                return key, n
        return None


@dataclass(frozen=True, slots=True)
class Term:
    """An index term with the tokens it came from."""

    term: str
    start: int
    end: int
    entity: bool = False


class Analyzer:
    """Turns text into index terms: stop words out, aliases to entity keys, words stemmed."""

    FILES = ("stopwords.toml", "aliases.toml", "cues.toml")

    def __init__(self, data_dir: Path | None = None):
        paths = [(data_dir / f if data_dir else data_path(f)) for f in self.FILES]
        stop = load_toml(paths[0])
        self.stopwords = {lang: frozenset(words.split()) for lang, words in stop.items()}
        self.aliases = Aliases(load_toml(paths[1]))
        cues = load_toml(paths[2])
        self.negations = frozenset(
            w
            for table in ("negation", "negation_determiner")
            for ws in cues[table].values()
            for w in ws
        )
        self.categories = {name: re.compile(rx) for name, rx in cues["counted"].items()}
        # Longest first, so "zurück" is tried before "zu".
        self.particles = tuple(sorted(cues["separable"]["particles"], key=len, reverse=True))
        self.stemmers = {"de": Stemmer.Stemmer("german"), "en": Stemmer.Stemmer("english")}
        self.digest = files_digest(paths)

    def stem(self, word: str, language: str = "de") -> str:
        """Return the stem of a lowercased word."""
        return self.stemmers[language].stemWord(word)

    def is_stopword(self, word: str) -> bool:
        """Return whether a lowercased word is a stop word or negation in any language."""
        return word in self.negations or any(word in s for s in self.stopwords.values())

    def joined(self, word: str) -> str:
        """Return a German verb form with its particle's "ge"/"zu" taken out.

        "vorgelegt" -> "vorlegt", "einzumischen" -> "einmischen", "zugelassen" -> "zulassen",
        so the forms meet the joined separable verb ("legte ... vor" -> "vorlegt").
        """
        for particle in self.particles:
            if word.startswith(particle):
                rest = word[len(particle) :]
                if rest[:2] in ("ge", "zu") and len(rest) - 2 >= 4:
                    return particle + rest[2:]
                return word
        return word

    def terms(self, text: str, language: str = "de") -> list[Term]:
        """Return the index terms of a text in order, with their character spans."""
        tokens = tokenize(text)
        german = language == "de"
        stems = [self.stem(self.joined(t.norm) if german else t.norm, language) for t in tokens]
        out: list[Term] = []
        i = 0
        while i < len(tokens):
            hit = self.aliases.match(tokens, i, stems)
            if hit:
                key, n = hit
                out.append(Term(key, tokens[i].start, tokens[i + n - 1].end, entity=True))
                i += n
                continue
            tok = tokens[i]
            if tok.is_number:
                out.append(Term(tok.norm, tok.start, tok.end))
            elif len(tok.norm) > 1 and not self.is_stopword(tok.norm):
                out.append(Term(stems[i], tok.start, tok.end))
                out.extend(Term(tag, tok.start, tok.end) for tag in self.category_tags(tok.norm))
            i += 1
        if german:
            out.extend(self._separable_verbs(text, tokens))
            out.sort(key=lambda t: t.start)
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
            end = k + 1 == len(tokens) or CLAUSE_BREAK.search(text[tok.end : tokens[k + 1].start])
            if not end:
                continue
            last = clause[-1]
            if len(clause) > 2 and last.norm in self.particles and last.text.islower():
                out.extend(
                    Term(self.stem(last.norm + t.norm), t.start, t.end)
                    for t in clause[:-1]
                    if t.text.islower() and t.text.isalpha() and not self.is_stopword(t.norm)
                )
            clause = []
        return out

    def category_tags(self, word: str) -> list[str]:
        """Return the counted-thing tags of a word ("festnahmen" -> "@arrests")."""
        return ["@" + name for name, rx in self.categories.items() if rx.search(word)]

    def term_string(self, text: str, language: str = "de") -> str:
        """Return the index terms of a text joined by spaces."""
        return " ".join(t.term for t in self.terms(text, language))
