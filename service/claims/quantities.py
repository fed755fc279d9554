"""Numbers in text as intervals, tied to what they count; dates and ordinals kept apart."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from text_to_num import text2num

from service.claims.cues import Cues
from service.models import Quantity
from service.text import CLAUSE_BREAK, Token, number_value, tokenize

EVENTS = ("deaths", "injured", "arrests")
DATE_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
WINDOW = 12  # German puts the verb last: "5000 Menschen wurden im Zuge ... festgenommen"
ARTICLES = frozenset({"a", "an", "ein", "eine", "einen"})
# English words after an ordinal that are not what it numbers ("the first of", "second to").
NOT_NOUNS = frozenset({"of", "and", "or", "to", "in", "on", "at", "the", "a", "an", "time"})


def _interval(q: Quantity) -> str:
    if q.low == q.high:
        return f"{q.low:g}"
    left = "(" if q.low_open else "["
    right = ")" if q.high_open or math.isinf(q.high) else "]"
    return f"{left}{q.low:g}, {'inf' if math.isinf(q.high) else f'{q.high:g}'}{right}"


def counted_span(q: Quantity, text: str) -> tuple[int, int] | None:
    """Return where the words naming what a quantity counts stand in its text, if anywhere."""
    if not q.counted_text:
        return None
    m = re.search(re.escape(q.counted_text), text[q.end :], re.IGNORECASE)
    return (q.end + m.start(), q.end + m.end()) if m else None


def describe(q: Quantity) -> dict:
    """Return a quantity as a JSON-ready dict for `analysis`."""
    return {
        "text": q.text,
        "kind": q.kind,
        "low": q.low,
        "high": None if math.isinf(q.high) else q.high,
        "interval": _interval(q),
        "counted": q.counted,
        "group": q.group,
        "start": q.start,
        "end": q.end,
    }


class QuantityReader:
    """Finds quantities in German or English text."""

    def __init__(self, cues: Cues):
        self.cues = cues
        self.max_qualifier = max(len(k) for k in cues.qualifiers)

    def read(self, text: str, language: str = "de") -> list[Quantity]:
        """Return the quantities, dates and ordinals of a text, in order."""
        tokens = tokenize(text)
        out: list[Quantity] = []
        taken: set[int] = set()
        for m in DATE_NUMERIC.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            out.append(
                Quantity(m.group(), m.start(), m.end(), *(2 * [month * 100.0 + day]), kind="date")
            )
            taken.update(i for i, t in enumerate(tokens) if m.start() <= t.start < m.end())
        for m in TIME.finditer(text):  # clock times are neither counts nor dates
            taken.update(i for i, t in enumerate(tokens) if m.start() <= t.start < m.end())
        i = 0
        while i < len(tokens):
            if i in taken:
                i += 1
                continue
            found = self._at(text, tokens, i, language)
            if found is None:
                i += 1
                continue
            quantity, used = found
            out.append(quantity)
            i += used
        return sorted(out, key=lambda q: q.start)

    def resolve_elided(self, quantities: list[Quantity], previous: str) -> list[Quantity]:
        """Return the quantities with a left-out noun given the group the text before names.

        "...26 bewaffnete Kriminelle getötet. 18 weitere seien verletzt worden": 18 criminals.
        """
        if not any(q.elided for q in quantities):
            return quantities
        named = [q.group for q in self.read(previous) if q.kind == "count" and q.group]
        if not named:
            return quantities
        return [replace(q, group=named[-1]) if q.elided else q for q in quantities]

    # One quantity starting at token i -----------------------------------------------------

    def _at(self, text: str, tokens: list[Token], i: int, language: str):
        tok = tokens[i]
        date = self._date(text, tokens, i)
        if date:
            return date
        ordinal = self._ordinal(text, tokens, i, language)
        if ordinal:
            return ordinal, 1
        factor = next((v for k, v in self.cues.factors.items() if tok.norm.startswith(k)), None)
        if factor is not None:
            return Quantity(tok.text, tok.start, tok.end, factor, factor, kind="factor"), 1
        value, used = self._number(tokens, i, language)
        vague = None
        if value is None:
            vague, used = self._vague(tokens, i)
            if vague is None:
                return None
        end_tok = tokens[i + used - 1]
        after = self._words_after(text, tokens, i + used)
        if after[:1] and after[0] in self.cues.not_counts:
            return None
        if value is not None and tok.is_number and not after and 1900 <= value <= 2100:
            return Quantity(tok.text, tok.start, tok.end, value, value, kind="year"), used
        if value is not None and re.fullmatch(r"(19|20)\d\d", tok.norm) and not self._counts(after):
            return Quantity(tok.text, tok.start, tok.end, value, value, kind="year"), used
        qual, qstart = self._qualifier(text, tokens, i)
        if vague is not None:
            low, high, low_open, high_open = vague[0], vague[1], False, False
        elif qual:
            low, high = round(value * qual.low, 6), round(value * qual.high, 6)
            low_open, high_open = qual.low_open, qual.high_open
        else:
            low = high = value
            low_open = high_open = False
        counted, group, counted_text = self._counted(text, tokens, i, i + used, after)
        start = qstart if qual else tok.start
        return Quantity(
            text[start : end_tok.end],
            start,
            end_tok.end,
            low,
            high,
            low_open,
            high_open,
            "count",
            counted,
            group,
            counted_text,
            self._elided(text, tokens, i + used, language) and group is None,
        ), used

    def _elided(self, text: str, tokens: list[Token], j: int, language: str) -> bool:
        """Return whether the noun after a number is left out ("18 weitere wurden verletzt")."""
        if j >= len(tokens) or tokens[j].norm not in self.cues.elided:
            return False
        if j + 1 == len(tokens) or CLAUSE_BREAK.search(text[tokens[j].end : tokens[j + 1].start]):
            return True
        if language == "en":
            return tokens[j + 1].norm in self.cues.elided_followers
        # German nouns are capitalised: "vier weitere frühere Sowjetrepubliken" names its noun.
        return not any(t.text[:1].isupper() for t in tokens[j + 1 : j + 3])

    def _number(self, tokens: list[Token], i: int, language: str) -> tuple[float | None, int]:
        tok = tokens[i]
        if tok.is_number:
            value = number_value(tok.text)
            nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            if nxt in self.cues.multipliers:
                return value * self.cues.multipliers[nxt], 2
            return value, 1
        for lang in (language, "de" if language == "en" else "en"):
            rx = self.cues.spelled.get(lang)
            if rx is None:
                continue
            n = 0
            while i + n < len(tokens) and rx.match(tokens[i + n].norm) and (lang == "en" or n == 0):
                n += 1
            while n and tokens[i + n - 1].norm in self.cues.not_numbers:
                n -= 1
            if n and tokens[i].norm not in self.cues.not_numbers:
                phrase = " ".join(t.norm for t in tokens[i : i + n])
                try:
                    return float(text2num(phrase, lang)), n
                except ValueError:
                    continue
        return None, 1

    def _vague(self, tokens: list[Token], i: int) -> tuple[tuple[float, float] | None, int]:
        for n in (3, 2, 1):
            key = tuple(t.norm for t in tokens[i : i + n])
            if len(key) == n and key in self.cues.vague:
                return self.cues.vague[key], n
        return None, 1

    def _qualifier(self, text: str, tokens: list[Token], i: int):
        if i > 0 and tokens[i - 1].norm in ARTICLES:
            i -= 1  # "more than a thousand"
        for n in range(self.max_qualifier, 0, -1):
            if i - n < 0:
                continue
            phrase = tuple(t.norm for t in tokens[i - n : i])
            gap = text[tokens[i - 1].end : tokens[i].start]
            if phrase in self.cues.qualifiers and not CLAUSE_BREAK.search(gap):
                return self.cues.qualifiers[phrase], tokens[i - n].start
        return None, 0

    def _words_after(self, text: str, tokens: list[Token], j: int) -> list[str]:
        """Return up to WINDOW words after token j-1, stopping at the end of the clause."""
        words = []
        prev_end = tokens[j - 1].end if j > 0 else 0
        for tok in tokens[j : j + WINDOW]:
            if CLAUSE_BREAK.search(text[prev_end : tok.start]) or tok.is_number:
                break  # the next number has words of its own
            words.append(tok.norm)
            prev_end = tok.end
        return words

    def _counts(self, words: list[str]) -> bool:
        return any(rx.search(" ".join(words)) for rx in self.cues.counted.values())

    def _counted(self, text: str, tokens: list[Token], i: int, j: int, after: list[str]):
        """Return (category, group, the words naming it) for a number at tokens[i:j].

        An event after the number wins, then an event before it in the same clause
        ("starben ... nur 16 Menschen"), then any other category, nearest first.
        """
        before = []
        k = i - 1
        while (
            k >= 0
            and len(before) < WINDOW
            and not CLAUSE_BREAK.search(text[tokens[k].end : tokens[k + 1].start])
        ):
            before.insert(0, tokens[k].norm)
            k -= 1
        after_hits = self._categories(" ".join(after))
        before_hits = self._categories(" ".join(before))
        events_after = [h for h in after_hits if h[1] in EVENTS]
        events_before = [h for h in before_hits if h[1] in EVENTS]
        if events_after:
            chosen = events_after[0]
        elif events_before:
            chosen = events_before[-1]
        elif after_hits:
            chosen = after_hits[0]
        elif before_hits:
            chosen = before_hits[-1]
        else:
            return None, None, None
        group = self._group(" ".join(after), first=True) or self._group(" ".join(before[-3:]))
        if group is None and chosen[1] in EVENTS:
            others = [h[1] for h in after_hits + before_hits if h[1] not in EVENTS]
            group = next((name for name in others if name != "people"), None)
        return chosen[1], group, chosen[2]

    def _categories(self, words: str) -> list[tuple[int, str, str]]:
        """Return (position, category, matched words) for each counted category, in order."""
        return sorted(
            (m.start(), name, m.group())
            for name, rx in self.cues.counted.items()
            for m in [rx.search(words)]
            if m
        )

    def _group(self, words: str, first: bool = False) -> str | None:
        """Return the group named nearest the number: the first one after it, or the last before.

        "26 bewaffnete Kriminelle von Sicherheitskräften getötet" counts criminals.
        """
        found = [
            (m.start(), name) for name, rx in self.cues.groups.items() for m in rx.finditer(words)
        ]
        if not found:
            return None
        return (min(found) if first else max(found))[1]

    def _date(self, text: str, tokens: list[Token], i: int):
        """Return a (day, month) date at token i: "19. Januar", "19 January", "January 19"."""
        months = self.cues.months
        tok = tokens[i]
        if tok.is_number and i + 1 < len(tokens) and tokens[i + 1].norm in months:
            day, month, used = int(number_value(tok.text)), months[tokens[i + 1].norm], 2
        elif tok.norm in months and i + 1 < len(tokens) and tokens[i + 1].is_number:
            day, month, used = int(number_value(tokens[i + 1].text)), months[tok.norm], 2
        else:
            return None
        if not 1 <= day <= 31:
            return None
        end = tokens[i + used - 1]
        value = month * 100.0 + day
        return Quantity(
            text[tok.start : end.end], tok.start, end.end, value, value, kind="date"
        ), used

    def _ordinal(self, text: str, tokens: list[Token], i: int, language: str) -> Quantity | None:
        """Return an ordinal at token i: "neuntgrößten", "ninth largest", "second week"."""
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        for stem, value in self.cues.ordinals.items():
            if not tok.norm.startswith(stem):
                continue
            rest = tok.norm[len(stem) :]
            superlative = re.fullmatch(r"\w*[sß]t(e[nrms]?)?", rest) and len(rest) > 3
            noun_follows = nxt is not None and (
                nxt.text[:1].isupper()  # German nouns are capitalised
                or (language == "en" and nxt.text.isalpha() and nxt.norm not in NOT_NOUNS)
            )
            english_superlative = nxt is not None and re.fullmatch(
                r"\w+est|most|largest|biggest", nxt.norm
            )
            if superlative or (
                rest in ("", "e", "en", "er", "es", "em") and (noun_follows or english_superlative)
            ):
                end = nxt.end if english_superlative and not superlative else tok.end
                # A rank by size ("neuntgrößte", "ninth largest") is not a place in a sequence
                # ("erste Einheiten"): `counted` keeps the two apart.
                ranks = "rank" if superlative or english_superlative else "sequence"
                noun = nxt.text if ranks == "sequence" and noun_follows else None
                return Quantity(
                    text[tok.start : end],
                    tok.start,
                    end,
                    value,
                    value,
                    kind="ordinal",
                    counted=ranks,
                    counted_text=noun,  # what is numbered: "ersten Januarwoche"
                )
        return None
