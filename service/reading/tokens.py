r"""Tokens with exact spans: words, numbers and codes, in one spelling for both languages.

Characters that do not show (soft hyphens, zero-width spaces and joiners, the byte order
mark) are taken out of a text before it is read (`visible`): "Sol\u00addaten" is "Soldaten" and
"25\u200b00" is 2500 to every step that looks at the text, not only to the tokens.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))
# Spaces that may group thousands: "2 500", "30 000".
_THIN = "[ \u00a0\u202f]"
NUMBER = (
    r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)"  # 10.000, 10,000
    rf"|(?<![\d.,])\d{{1,3}}(?:{_THIN}\d{{3}})+(?![\d.,]*\d)"  # 10 000
    r"|\d+(?:[.,]\d+)?"  # 2500, 1,5, 2.5
)
# A code carries digits but is no quantity: "A380", "COVID-19", "H5N1", "U6", "CO2".
CODE = r"[^\W\d_]+(?:-?\d+[^\W\d_]*)+"
WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)?"
TOKEN_RE = re.compile(rf"(?P<code>{CODE})|(?P<number>{NUMBER})|(?P<word>{WORD})")
QUOTES = str.maketrans(
    {"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "»": '"', "«": '"'}
)
# A number wider than a float reads as the largest float: it stays a number larger than any a
# source gives, and JSON can carry it (it has no infinity).
LARGEST = sys.float_info.max
# A German ordinal in digits: a number of up to three digits, its full stop and the noun it
# numbers ("im 3. Quartal", "das 19. Jahrhundert"). Within a sentence that full stop ends
# nothing.
ORDINAL_DIGITS = 3
ORDINAL_NOUN = r"\s+[A-ZÄÖÜ]"
# The full stop and the noun after an ordinal's digits, as the quantity reader matches them.
ORDINAL_STOP = re.compile(rf"\.{ORDINAL_NOUN}")
# Lookbehinds have a fixed width: one per number of digits.
_ORDINAL_BEFORE = "|".join(rf"(?<=(?<![\d.,])\d{{{n}}}\.)" for n in range(1, ORDINAL_DIGITS + 1))
# Where a clause ends: punctuation (not inside a number: "8,000", "2.5", nor an ordinal's full
# stop), brackets, dashes.
CLAUSE_BREAK = re.compile(
    r"(?<!\d)[,.:]|[,:](?!\d)"
    rf"|\.(?!\d)(?!(?:{_ORDINAL_BEFORE}){ORDINAL_NOUN})"
    r"|[;!?()–—]|\s-\s"
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or code with its span in the text it came from."""

    text: str
    norm: str  # lower case, NFC; numbers as "2500" or "1.5"
    start: int
    end: int
    kind: str  # word | number | code

    @property
    def is_number(self) -> bool:
        return self.kind == "number"

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def visible(text: str) -> str:
    """Return a text without the characters that do not show."""
    return text.translate(_DROP_INVISIBLE)


def number_value(token: str) -> float:
    """Return the value of a digit token, reading German and English separators."""
    digits = re.sub(rf"{_THIN}", "", token)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        return min(float(re.sub(r"[.,]", "", digits)), LARGEST)
    return min(float(digits.replace(",", ".")), LARGEST)


def number_norm(value: float, raw: str = "") -> str:
    """Return a number in one spelling: 2500, 1.5 (a number too wide for a float: its digits)."""
    if not math.isfinite(value) or abs(value) >= 1e18:
        return re.sub(r"\D", "", raw) or "0"
    return str(int(value)) if value.is_integer() else f"{value:g}"


def is_number(term: str) -> bool:
    """Return whether an index term is a number ("2500", "1.5")."""
    return term[:1].isdecimal()


def possessive(tok: Token) -> bool:
    """Return whether a word is an English possessive ("Australia's"): a name ends there."""
    return tok.text.replace("’", "'").lower().endswith("'s")


def without_possessive(word: str) -> str:
    """Return an English word without its possessive ending ("government's", "workers'")."""
    plain = word.replace("’", "'")
    for ending in ("'s", "'"):
        if plain.endswith(ending) and len(plain) > len(ending):
            return plain[: -len(ending)]
    return word


def tokenize(text: str) -> list[Token]:
    """Return the words, numbers and codes of a text, normalised, with character spans."""
    out = []
    for m in TOKEN_RE.finditer(text.translate(QUOTES)):
        raw = m.group()
        kind = m.lastgroup or "word"
        if kind == "number":
            norm = number_norm(number_value(raw), raw)
        else:
            norm = unicodedata.normalize("NFC", raw.lower())
            norm = norm.replace("’", "'").removesuffix("'s")
        out.append(Token(raw, norm, m.start(), m.end(), kind))
    return out


def phrase_at(
    tokens: list[Token], i: int, phrases: Iterable[tuple[str, ...]]
) -> tuple[str, ...] | None:
    """Return the first of the phrases (normalised words) that the tokens from i on spell."""
    return next((p for p in phrases if tuple(t.norm for t in tokens[i : i + len(p)]) == p), None)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Return the clauses of a text as spans, split at punctuation and dashes."""
    bounds = [0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def breaks_between(text: str, a: Token, b: Token) -> bool:
    """Return whether a clause ends between two tokens."""
    return CLAUSE_BREAK.search(text, a.end, b.start) is not None
