"""Numbers in text as intervals: their kind and unit, and the noun phrase they count.

"fast 8000 Menschen wurden festgenommen" is a count in [7200, 8000) of people, with the event
"arrests"; "218,5 Milliarden Euro" is money; "6,5 Prozent" a percentage; "2000 bis 3000" one
range; "2019/20" a span of years; "A380" no quantity at all. What a number counts is the noun
phrase it stands with, in any words: the stance compares two counts only when their noun
phrases match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from text_to_num import text2num

from service.lexicon import Lexicon, Qualifier
from service.reading.model import Quantity, Term
from service.reading.tokens import (
    CLAUSE_BREAK,
    LARGEST,
    ORDINAL_DIGITS,
    ORDINAL_STOP,
    Token,
    breaks_between,
    number_value,
    phrase_at,
    tokenize,
)

DATE_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b")
TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:Uhr|h\b|a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b", re.I)
WINDOW = 12  # German puts the verb last: "5000 Menschen wurden im Zuge ... festgenommen"
NP_WORDS = 4  # at most this many words make the noun phrase after a number
# "One in N" and "every n-th" read as a share for N in this range ("jeder zweite" to "one in
# 1000"); "one in 2020" is no share.
MIN_ONE_IN, MAX_ONE_IN = 2, 1000
# The endings of a German ordinal word after its stem ("fünft-e", "dritt-en").
ORDINAL_ENDINGS = ("", "e", "en", "er", "es", "em")
YEARS = (1000, 2100)
# A figure this large with a scale word and nothing counted ("156 Milliarden") is a sum of
# money: news leaves the currency out once it is known.
SUM = 1_000_000
YEARS_UNASKED = 1900  # below this, a four-digit number is a year only where a word asks for one
YEAR_DIGITS = re.compile(r"1\d\d\d|20\d\d")


@dataclass(frozen=True, slots=True)
class _Found:
    """A number found at a token: its value range and the tokens it used."""

    low: float
    high: float
    used: int
    vague: bool = False
    unit: str = ""  # the unit written into the number word ("dreijährig": year)


class QuantityReader:
    """Finds quantities in German or English text."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.holidays = {
            tuple(t.norm for t in tokenize(name)): day for name, day in lexicon.holidays.items()
        }
        self.longest_holiday = max((len(k) for k in self.holidays), default=0)
        self.holiday_starts = frozenset(k[0] for k in self.holidays)

    def read(
        self,
        text: str,
        tokens: list[Token],
        terms: Sequence[Term],
        language: str = "de",
        previous: Sequence[Quantity] = (),
    ) -> list[Quantity]:
        """Return the quantities, dates and ordinals of a text, in order.

        `previous` are the quantities of the sentence before: a count whose noun is left out
        ("18 weitere") counts what the last of them counted.
        """
        out: list[Quantity] = []
        taken: set[int] = set()
        for m in DATE_NUMERIC.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            if 1 <= day <= 31 and 1 <= month <= 12:
                out.append(_point(text, m.start(), m.end(), month * 100.0 + day, "date"))
                taken.update(i for i, t in enumerate(tokens) if m.start() <= t.start < m.end())
        for m in TIME.finditer(text):  # clock times are no quantities
            taken.update(i for i, t in enumerate(tokens) if m.start() <= t.start < m.end())
        # The base of a rate ("50 Fälle pro 100.000 Einwohner") is no figure of its own.
        taken.update(
            i + 1
            for i, t in enumerate(tokens[:-1])
            if t.norm in self.lex.rate_words and tokens[i + 1].is_number
        )
        i = 0
        while i < len(tokens):
            if i in taken:
                i += 1
                continue
            tok = tokens[i]
            if (
                tok.kind == "word"
                and tok.norm not in self.holiday_starts
                and not self.lex.quantity_start.match(tok.norm)
            ):
                i += 1
                continue
            found = self._at(text, tokens, terms, i, language)
            if found is None:
                i += 1
                continue
            quantity, used = found
            out.append(quantity)
            i += used
        out = self._gapped(text, self._shared_units(text, sorted(out, key=lambda q: q.start)))
        out = self._partitive(text, out)
        out = self._compound_durations(text, out)
        if previous and any(q.elided and not q.counted for q in out):
            out = self._resolve_elided(out, previous)
        return out

    def _compound_durations(self, text: str, quantities: list[Quantity]) -> list[Quantity]:
        """Return the quantities with a span of time in two units read as one, in the smaller
        unit: "two years and three months" is 27 months, "einem Jahr und sechs Monaten" 18."""
        out: list[Quantity] = []
        for q in quantities:
            merged = None
            if q.kind == "duration" and q.low == q.high and q.unit in self.lex.measures:
                before = out[-1] if out else None
                words = text[before.end : q.start].split() if before is not None else []
                if (
                    before is not None
                    and before.kind == "duration"
                    and before.low == before.high
                    and len(words) == 1
                    and words[0].lower() in self.lex.duration_joiners
                ):
                    merged = self._joined(before.start, before.low, before.unit, q, text)
                    if merged is not None:
                        out[-1] = merged
                        continue
                words = text[: q.start].split()[-3:]
                if len(words) == 3 and words[2].lower() in self.lex.duration_joiners:
                    unit = self.lex.units_after.get((words[1].lower(),))
                    if words[0].lower() in self.lex.duration_one and unit:
                        start = text.rindex(words[0], 0, q.start)
                        merged = self._joined(start, 1.0, unit, q, text)
            out.append(merged or q)
        return out

    def _joined(
        self, start: int, value: float, unit: str, part: Quantity, text: str
    ) -> Quantity | None:
        """Return a duration of `value` units and then `part`, in the part's smaller unit."""
        big, small = self.lex.measures.get(unit), self.lex.measures[part.unit]
        if big is None or big[0] != small[0] or big[1] <= small[1]:
            return None
        total = value * big[1] / small[1] + part.low
        return replace(part, text=text[start : part.end], start=start, low=total, high=total)

    def _shared_units(self, text: str, quantities: list[Quantity]) -> list[Quantity]:
        """Return the quantities with a bare number before an alternative ("oder", "statt")
        and a figure in that figure's unit or noun: "zwei oder drei Wochen" is two weeks or
        three, "two or three people" two people or three.
        (A figure with a scale word, "2 oder 3 Millionen Euro", is left as it is.)"""
        out = list(quantities)
        for i, (bare, figure) in enumerate(zip(quantities, quantities[1:], strict=False)):
            gap = " ".join(text[bare.end : figure.start].lower().split())
            noun = bare.counted_span
            if (
                gap not in self.lex.alternatives
                or bare.kind != "count"
                or (noun is not None and noun[0] < bare.end)  # "die Zahl der ..." before it
                or figure.kind in ("year", "date", "ordinal")
                or any(w.lower().rstrip(".") in self.lex.scale for w in figure.text.split())
            ):
                continue
            if figure.kind == "count":  # "zwei oder drei Menschen"
                out[i] = replace(bare, counted=figure.counted, counted_span=figure.counted_span)
            else:
                out[i] = replace(
                    bare, kind=figure.kind, unit=figure.unit, counted=(), counted_span=None
                )
        return out

    def _gapped(self, text: str, quantities: list[Quantity]) -> list[Quantity]:
        """Return the quantities with a count that opens a clause or a conjunct without a noun
        counting what the count before it counts: "6,7 Millionen Menschen in Kurzarbeit,
        knapp 3 Millionen ohne Job", "twelve people were killed and 30 injured"."""
        out: list[Quantity] = []
        before: Quantity | None = None
        for q in quantities:
            if q.kind == "count" and not q.counted and not q.elided and before is not None:
                gap = text[before.end : q.start]
                if before.counted and self._opens_conjunct(gap):
                    q = replace(q, counted=before.counted, counted_span=before.counted_span)
            if q.kind == "count":
                before = q
            out.append(q)
        return out

    def _partitive(self, text: str, quantities: list[Quantity]) -> list[Quantity]:
        """Return the quantities with a part of a whole counting the whole's noun, and the
        whole counting nothing in particular: in "three of the four crew members" three
        crew members did what the sentence says; four is how many there were. A share is a
        part too ("two thirds of the 65 animals")."""
        out = list(quantities)
        for i, (part, whole) in enumerate(zip(quantities, quantities[1:], strict=False)):
            # A German noun phrase read after the part may hold the whole ("zwei der drei").
            span = part.counted_span
            holds_whole = span is not None and span[0] <= whole.start < span[1]
            if whole.kind != "count" or not whole.counted or part.counted and not holds_whole:
                continue
            if part.kind not in ("count", "percent"):
                continue
            gap = " ".join(text[part.end : whole.start].lower().split())
            if gap not in self.lex.partitive_words:
                continue
            if part.kind == "count":
                out[i] = replace(part, counted=whole.counted, counted_span=whole.counted_span)
            out[i + 1] = replace(whole, counted=(), counted_span=None)
        return out

    def _opens_conjunct(self, gap: str) -> bool:
        """Return whether the text between two figures ends where a clause or a conjunct
        begins (a comma, a semicolon, "und", "and"), within the sentence."""
        if any(c in gap for c in ".!?:"):
            return False
        rest = gap.rstrip()
        if rest.endswith((",", ";")):
            return True
        words = rest.split()
        return bool(words) and words[-1].lower() in self.lex.conjunct_words

    @staticmethod
    def _resolve_elided(quantities: list[Quantity], previous: Sequence[Quantity]) -> list[Quantity]:
        named = [q for q in previous if q.kind == "count" and q.counted]
        if not named:
            return quantities
        last = named[-1]
        return [
            replace(q, counted=last.counted, events=q.events or last.events)
            if q.elided and not q.counted
            else q
            for q in quantities
        ]

    # One quantity starting at token i ---------------------------------------------------

    def _at(self, text: str, tokens: list[Token], terms: Sequence[Term], i: int, language: str):
        tok = tokens[i]
        if tok.kind == "code":
            return None
        share = self._one_in(text, tokens, terms, i, language)
        if share:
            return share
        specials = (self._holiday, self._date, self._month, self._weekday, self._ordinal)
        for special in (*specials, self._factor):
            hit = special(text, tokens, i, language)
            if hit:
                return hit
        fused = self._fused(tok)
        found = fused or self._number(text, tokens, i, language) or self._vague(tokens, i)
        if found is None:
            return None
        j = i + found.used  # the first token after the number
        # "thousands of euros", "Hunderte von Menschen": the unit or noun after the link.
        linked = found.vague and j + 1 < len(tokens) and tokens[j].norm in self.lex.attached
        j += linked
        low, high = found.low, found.high
        rng = None if fused else self._range_end(text, tokens, i, j, language)
        if rng is not None:
            high_found, j = rng
            high = high_found.high
        if found.unit:
            unit, kind = found.unit, _kind_of(found.unit, self.lex)
        else:
            unit, kind, j = self._unit_after(text, tokens, j)
        if unit == "year" and j < len(tokens) and tokens[j].norm in self.lex.age_after:
            unit, kind, j = "age", "age", j + 1  # "17 Jahre alt", "45 years old"
        elif kind == "duration" and j < len(tokens) and tokens[j].norm in self.lex.duration_words:
            j += 1  # "acht Tage lang"
        elif kind == "duration" and j < len(tokens) and tokens[j].norm in self.lex.ago_after:
            kind, j = "elapsed", j + 1  # "four years ago"
        if unit in ("", "year") and self._is_age(text, tokens, i, j, low, high):
            unit, kind = "age", "age"
        before_unit, sign_at = self._unit_before(text, tok)
        if before_unit and not unit:
            unit, kind = before_unit, "money"
        if kind == "clock":
            return None
        end = tokens[j - 1 - (linked and j == i + found.used + 1)].end
        clause = _clause_of(text, tok.start)
        if clause[1] < end:  # the figure's own full stop ("518,4 Mio. Euro") ends no clause
            clause = (clause[0], _clause_of(text, end)[1])
        year = self._year(text, tokens, i, j, low, high, unit, language)
        if year is not None:
            return year
        qual, qstart = (None, tok.start) if rng else self._qualifier(text, tokens, i)
        if qual and self._amount_of(text, tokens, qstart, j, kind, low):
            qual, qstart = None, tok.start
        low, high, low_open, high_open = _bounded(None if found.vague else qual, low, high)
        start = qstart if qual else tok.start
        if kind == "duration" and self._after_ago_word(tokens, i, start):
            kind = "elapsed"  # "vor (mehr als) vier Jahren"
        if before_unit:
            start = min(start, sign_at)
        counted_span, counted = self._counted(text, tokens, terms, j, language)
        if not counted and kind == "count":
            counted_span, counted = self._counted_before(text, tokens, terms, i, language)
        elided = kind == "count" and not counted and self._elided(text, tokens, j, language)
        return Quantity(
            text=text[start:end],
            start=start,
            end=end,
            low=low,
            high=high,
            low_open=low_open,
            high_open=high_open,
            kind=kind,
            unit=unit,
            counted=counted,
            counted_span=counted_span,
            events=self._events(text, tokens, terms, i, j),
            clause=clause,
            elided=elided,
        ), j - i

    def _after_ago_word(self, tokens: list[Token], i: int, start: int) -> bool:
        """Return whether the figure at token i, with its qualifier from `start`, follows a
        word that makes a span back from now ("vor")."""
        k = i
        while k > 0 and tokens[k].start > start:
            k -= 1
        return k > 0 and tokens[k - 1].norm in self.lex.ago_before

    # Values -------------------------------------------------------------------------------

    def _number(self, text: str, tokens: list[Token], i: int, language: str) -> _Found | None:
        """Return a number written in digits or words, with a scale word ("1,5 Millionen")."""
        tok = tokens[i]
        if tok.is_number:
            value = number_value(tok.text)
            used = 1
        else:
            value, used = self._spelled(tokens, i, language)
            if value is None:
                return self._fraction(tokens, i)
        j = i + used
        value, j = self._and_a_share(tokens, j, value)
        if j + 1 < len(tokens) and tokens[j].norm in self.lex.fractions and value >= 1:
            if tokens[j + 1].norm in self.lex.share_after:  # "zwei Drittel der Stimmen"
                share = round(value * self.lex.fractions[tokens[j].norm] * 100, 1)
                return _Found(share, share, j + 1 - i, unit="percent")
        if j < len(tokens):
            nxt = tokens[j]
            attached = nxt.start == tokens[j - 1].end  # "2.5k", "3m", "10bn"
            scale = self.lex.scale.get(nxt.norm.rstrip("."))
            if scale and (len(nxt.norm) > 2 or attached or nxt.norm in ("mio", "mrd", "tsd")):
                value = min(value * scale, LARGEST)
                j += 1
                if (
                    j < len(tokens)
                    and tokens[j].norm == "."
                    and tokens[j].start == tokens[j - 1].end
                ):
                    j += 1
        return _Found(value, value, j - i)

    def _and_a_share(self, tokens: list[Token], j: int, value: float) -> tuple[float, int]:
        """Return a whole number with the share joined to it at token j ("six and a half"),
        and the token after them; else the number and j as they are."""
        if j >= len(tokens) or tokens[j].norm not in self.lex.share_joiners:
            return value, j
        k = j + 1 + (j + 1 < len(tokens) and tokens[j + 1].norm in self.lex.articles)
        if k < len(tokens) and tokens[k].norm in self.lex.fractions:
            return value + self.lex.fractions[tokens[k].norm], k + 1
        return value, j

    def _fused(self, tok: Token) -> _Found | None:
        """Return the number of a German number word fused with a unit ("dreijährig")."""
        m = self.lex.fused.match(tok.norm) if tok.kind == "word" else None
        if m is None:
            return None
        try:
            value = float(text2num(m[1], "de"))
        except ValueError:
            return None
        return _Found(value, value, 1, unit=self.lex.fused_units[m[2]])

    def _spelled(self, tokens: list[Token], i: int, language: str) -> tuple[float | None, int]:
        word = tokens[i].norm
        if word in self.lex.half_words:
            return self.lex.half_words[word], 1
        if word.endswith(self.lex.half_suffix) and len(word) > len(self.lex.half_suffix):
            whole = word[: -len(self.lex.half_suffix)]
            try:
                return float(text2num(whole, "de")) + 0.5, 1
            except ValueError:
                return None, 1
        for lang in (language, "de" if language == "en" else "en"):
            rx = self.lex.spelled.get(lang)
            if rx is None:
                continue
            n = 0
            while i + n < len(tokens) and rx.match(tokens[i + n].norm) and (lang == "en" or n == 0):
                n += 1
            if tokens[i].norm in self.lex.not_numbers:
                if self._opens_range(tokens, i, lang):
                    try:  # "ein bis zwei Tage", "one to two weeks": a number after all
                        return float(text2num(tokens[i].norm, lang)), 1
                    except ValueError:
                        pass
                continue
            # The longest run that is one number: "two and four" is two numbers. A word seldom
            # a number ends one only after another ("twenty-one").
            for size in range(n, 0, -1):
                if tokens[i + size - 1].norm in self.lex.not_numbers and (
                    size == 1 or tokens[i + size - 1].norm in self.lex.number_joiners
                ):
                    continue
                phrase = " ".join(t.norm for t in tokens[i : i + size])
                try:
                    return float(text2num(phrase, lang)), size
                except ValueError:
                    continue
        return None, 1

    def _opens_range(self, tokens: list[Token], i: int, language: str) -> bool:
        """Return whether a word that is seldom a number ("ein", "one") begins a range of
        numbers ("ein bis zwei", "one to three")."""
        if i + 2 >= len(tokens) or tokens[i + 1].norm not in self.lex.range_joiners:
            return False
        after = tokens[i + 2]
        return after.is_number or self.lex.spells_number(after.norm, language)

    def _fraction(self, tokens: list[Token], i: int) -> _Found | None:
        """Return "half a million", "eine halbe Stunde" as a value, and "die Hälfte der
        Stellen", "um die Hälfte", "by half" as a share (a percentage)."""
        fused = self._fused_fraction(tokens, i)
        if fused is not None:
            return fused
        k = i + (tokens[i].norm in self.lex.articles)
        if k >= len(tokens) or tokens[k].norm not in self.lex.fractions:
            return None
        if k > 0 and self.lex.ordinal_word.match(tokens[k - 1].norm):
            return None  # "the first half of the year" is a time, no share
        share = self.lex.fractions[tokens[k].norm]
        k += 1
        nxt = tokens[k].norm if k < len(tokens) else ""
        after = k + (nxt in self.lex.articles)
        if after < len(tokens) and tokens[after].norm in self.lex.scale:
            value = share * self.lex.scale[tokens[after].norm]
            return _Found(value, value, after + 1 - i)
        if after < len(tokens) and (tokens[after].norm,) in self.lex.units_after:
            return _Found(share, share, after - i)  # "half an hour": the unit follows
        unit_at = (
            after + 1 + (after + 1 < len(tokens) and tokens[after + 1].norm in self.lex.articles)
        )
        if (
            nxt in self.lex.share_after
            and unit_at < len(tokens)
            and tokens[unit_at].norm in self.lex.time_units
        ):
            return _Found(share, share, unit_at - i)  # "a quarter of an hour": a duration
        if nxt in self.lex.share_after or (i > 0 and tokens[i - 1].norm in self.lex.share_before):
            # "half of the staff": what the share is of follows "of" (an article is skipped
            # anyway: "die Hälfte der Stellen").
            k += nxt in self.lex.share_after and nxt not in self.lex.articles
            return _Found(share * 100, share * 100, k - i, unit="percent")
        return None

    def _fused_fraction(self, tokens: list[Token], i: int) -> _Found | None:
        """Return a share of a unit of time said as one word ("Vierteljahr" is a quarter of a
        year, "Dreiviertelstunde" three quarters of an hour); after an ordinal it is a period ("im
        ersten Halbjahr"), no length."""
        tok = tokens[i]
        m = self.lex.fused_fraction.match(tok.norm) if tok.kind == "word" else None
        if m is None or i > 0 and self.lex.ordinal_word.match(tokens[i - 1].norm):
            return None
        try:
            times = float(text2num(m[1], "de")) if m[1] else 1.0
        except ValueError:
            return None
        value = times * self.lex.fractions[m[2]]
        return _Found(value, value, 1, unit=self.lex.time_units[m[3]])

    def _vague(self, tokens: list[Token], i: int) -> _Found | None:
        """Return a vague amount: a vague word before a round number ("mehrere hundert", "a
        few thousand": two to nine of it), or a word for one ("Hunderte", "dozens"); times the
        scale word after it."""
        found = self._vague_round(tokens, i) or self._vague_word(tokens, i)
        return found and self._scaled(tokens, i, found)

    def _vague_round(self, tokens: list[Token], i: int) -> _Found | None:
        determiner = phrase_at(tokens, i, self.lex.vague_determiners)
        n = len(determiner) if determiner else 0
        if not determiner or i + n >= len(tokens):
            return None
        unit = self._scale_word(tokens[i + n].norm)
        return None if unit is None else _Found(2 * unit, 10 * unit - 1, n + 1, vague=True)

    def _vague_word(self, tokens: list[Token], i: int) -> _Found | None:
        for n in (3, 2, 1):
            key = tuple(t.norm for t in tokens[i : i + n])
            if len(key) == n and key in self.lex.vague:
                low, high = self.lex.vague[key]
                return _Found(low, high, n, vague=True)
        return None

    def _scaled(self, tokens: list[Token], i: int, found: _Found) -> _Found:
        """Return a vague amount times the scale word after it ("Hunderte Millionen",
        "several hundred million", "hundreds of millions")."""
        j = i + found.used
        j += j < len(tokens) and tokens[j].norm in self.lex.attached  # "of"
        scale = self._scale_word(tokens[j].norm) if j < len(tokens) else None
        if scale is None:
            return found
        return _Found(found.low * scale, found.high * scale, j + 1 - i, vague=True)

    def _scale_word(self, word: str) -> float | None:
        """Return what a scale word after a vague amount multiplies by ("hundert", "Millionen",
        "Mio."); a letter or two ("m", "bn") after one is rather a unit."""
        word = word.rstrip(".")
        if len(word) <= 2:
            return None
        return self.lex.scale.get(word) or self.lex.scale.get(word.removesuffix("s"))

    def _range_end(self, text, tokens, i: int, j: int, language: str):
        """Return (the second number, the token after it) of "2000 bis 3000", "20-30",
        "zwischen 20 und 30"."""
        if j >= len(tokens) - 1:
            return None
        if text[tokens[j - 1].end : tokens[j].start].strip() in self.lex.range_dashes:
            k = j  # "20-30", "20 – 30"
        else:
            word = tokens[j].norm
            opened = i > 0 and tokens[i - 1].norm in self.lex.range_openers
            if not (word in self.lex.range_joiners or opened and word in self.lex.range_closers):
                return None
            if CLAUSE_BREAK.search(text, tokens[j - 1].end, tokens[j + 1].start):
                return None
            k = j + 1
        second = self._number(text, tokens, k, language)
        if second is None:
            return None
        if tokens[i].is_number and tokens[k].is_number:
            if second.low < number_value(tokens[i].text):
                return None  # "2019-20", "3-1": no range of values
        return second, k + second.used

    def _is_age(self, text: str, tokens: list[Token], i: int, j: int, low: float, high: float):
        """Return whether a number is a person's age: after "aged", "im Alter von", or set off
        by commas or brackets right after a name ("Brett Dempsey, 31, of Ravenshoe")."""
        if not (low == high and low.is_integer() and 0 < low <= self.lex.oldest):
            return False
        before = tuple(t.norm for t in tokens[max(0, i - 3) : i])
        if any(before[len(before) - len(p) :] == p for p in self.lex.age_before):
            return True
        if i == 0 or j > i + 1 or not tokens[i - 1].capitalised:
            return False
        opened = text[tokens[i - 1].end : tokens[i].start].strip()
        closed = text[tokens[i].end : tokens[j].start if j < len(tokens) else len(text)].strip()
        return (opened, closed[:1]) in ((",", ","), ("(", ")"))

    def _year(
        self, text, tokens, i: int, j: int, low: float, high: float, unit: str, language: str
    ):
        """Return a year ("2019", "2019/20", "2015 bis 2017") when the number is one.

        A four-digit number from 1900 to 2100 (from 1000 where a word before it asks for a
        year: "von 1689") is a year unless a qualifier or a counted noun marks it as a count
        ("mehr als 2000", "2000 Soldaten", "2000 soldiers").
        """
        tok = tokens[i]
        if not tok.is_number or unit or not YEAR_DIGITS.fullmatch(tok.text):
            return None
        if not (YEARS[0] <= low <= YEARS[1] and high <= YEARS[1]):
            return None
        nxt = tokens[j] if j < len(tokens) else None
        # "von 1689", "im Dezember 2020": a word or a month before it asks for a year.
        asked = i > 0 and (
            tokens[i - 1].norm in self.lex.year_words or tokens[i - 1].norm in self.lex.months
        )
        if low < YEARS_UNASKED and not asked:
            return None  # "1500" is a year where a word asks for one: "von 1689", "in 1500"
        if self._qualifier(text, tokens, i)[0] is not None:
            return None  # "mehr als 2000": a count
        decade = (
            nxt is not None
            and nxt.start == tok.end
            and nxt.norm in self.lex.decade_endings
            and low == high
            and low % 10 == 0
        )
        if (
            nxt is not None
            and not decade
            and not asked
            and not CLAUSE_BREAK.search(text, tokens[j - 1].end, nxt.start)
        ):
            if language == "de":  # "2000 Tote"; a verb after it does not count ("2020 starben")
                counts = nxt.capitalised
            else:  # "2000 people", "2000 killed"
                counts = nxt.norm.endswith("s") or bool(self.lex.tags(nxt.norm))
            if counts and not nxt.is_number and nxt.norm not in self.lex.months:
                return None
        end = j
        if decade:  # "the 1960s", "die 1980er"
            high = low + 9
            end += 1
        elif (
            end < len(tokens)
            and text[tokens[end - 1].end : tokens[end].start] in ("/", *self.lex.range_dashes)
            and tokens[end].is_number
        ):
            nxt_norm = tokens[end].norm
            later = (
                float(nxt_norm) if len(nxt_norm) == 4 else float(tok.norm[:2] + nxt_norm.zfill(2))
            )
            if later > high:
                high = later
            end += 1
        return Quantity(
            text[tok.start : tokens[end - 1].end],
            tok.start,
            tokens[end - 1].end,
            low,
            high,
            kind="year",
            clause=_clause_of(text, tok.start),
        ), end - i

    # Units --------------------------------------------------------------------------------

    def _unit_after(self, text: str, tokens: list[Token], j: int) -> tuple[str, str, int]:
        """Return (unit, kind, the token after it) for a unit right after a number."""
        sign = text[tokens[j - 1].end : tokens[j - 1].end + 2].strip()
        if sign[:1] in ("%", "€", "$", "£"):
            unit = self.lex.units_after.get((sign[:1],), "")
            return unit, _kind_of(unit, self.lex), j
        for n in range(self.lex.longest_unit, 0, -1):
            key = tuple(t.norm for t in tokens[j : j + n])
            if len(key) < n:
                continue
            if n == 1 and key[0] in self.lex.clock:
                return "", "clock", j + 1
            unit = self.lex.units_after.get(key)
            if unit:
                gap = text[tokens[j - 1].end : tokens[j].start]
                if len(key[0]) <= 2 and gap not in ("", " "):
                    continue  # a lone "m" or "t" must follow the figure
                if len(key[0]) == 1 and key[0] not in ("%",) and gap == " " and n == 1:
                    if j + 1 < len(tokens) and tokens[j + 1].kind == "word":
                        continue  # "3 m" is metres only when a word does not follow it
                return unit, _kind_of(unit, self.lex), j + n
        return "", "count", j

    def _unit_before(self, text: str, tok: Token) -> tuple[str, int]:
        """Return the currency written right before a number ("$10 million", "€ 5"), and
        where its sign stands."""
        window = max(0, tok.start - 4)
        before = text[window : tok.start].rstrip().lower()
        for sign, unit in self.lex.units_before.items():
            if before.endswith(sign):
                return unit, window + len(before) - len(sign)
        return "", tok.start

    # What a number counts -----------------------------------------------------------------

    def _counted(self, text, tokens, terms, j: int, language: str):
        """Return (span, terms) of the noun phrase right after a number (and its unit)."""
        words: list[Token] = []
        k = j
        attached = False
        while k < len(tokens) and len(words) < NP_WORDS:
            tok = tokens[k]
            if CLAUSE_BREAK.search(text, tokens[k - 1].end, tok.start) and k > 0:
                break
            norm = tok.norm
            if tok.is_number:
                break
            if norm in self.lex.articles and words and tokens[k - 1].norm not in self.lex.attached:
                break  # "Minuten steht das Ergebnis": an article starts another phrase
            if norm in self.lex.articles or norm in self.lex.elided and not words:
                k += 1
                continue
            if norm in self.lex.attached and words:
                if attached:
                    break
                attached = True
                k += 1
                continue
            stop = self.lex.is_stopword(norm, language)
            if stop and not words and self._adverb_in_phrase(tokens, k, language):
                k += 1  # "die 300 zuvor entlassenen Arbeiter": an adverb before the adjective
                continue
            if stop or self.lex.tags(norm) and _event_only(self.lex, norm):
                # An English noun of an event is what is counted ("50 new infections"); a
                # verb says what happened to those counted ("12 killed").
                noun = language == "en" and not stop and not norm.endswith(self.lex.verb_endings)
                if not (language == "de" and tok.capitalised) and not noun:
                    break
            if language == "de":
                words.append(tok)
                k += 1
                if tok.capitalised:  # the noun closes a German noun phrase
                    if k < len(tokens) and tokens[k].norm in self.lex.attached:
                        continue
                    if k < len(tokens) and text[tok.end : tokens[k].start] == "-":
                        continue  # ... at its head: "Huber-Masken" counts masks
                    break
                continue
            if words and norm.endswith(self.lex.verb_endings) and not attached:
                break  # "six aircraft carrying ...": a verb after the noun
            words.append(tok)
            k += 1
        if language == "de" and words and not any(w.capitalised for w in words):
            words = []  # lower-case words after a German number are its verb, not its noun
        if not words:
            return None, ()
        span = (words[0].start, words[-1].end)
        found = self._np_terms(terms, span)
        return (span, found) if found else (None, ())

    def _adverb_in_phrase(self, tokens: list[Token], k: int, language: str) -> bool:
        """Return whether the lower-case word at token k stands before an adjective and the
        noun it qualifies, in German ("zuvor entlassenen Arbeiter", "bereits geimpfte Pfleger")."""
        if language != "de" or tokens[k].capitalised or k + 2 >= len(tokens):
            return False
        adjective, noun = tokens[k + 1], tokens[k + 2]
        return (
            adjective.kind == "word"
            and not adjective.capitalised
            and adjective.norm.endswith(tuple(e for e in self.lex.word_endings if e[:1] == "e"))
            and not self.lex.is_stopword(adjective.norm, language)
            and noun.kind == "word"
            and noun.capitalised
        )

    def _np_terms(self, terms: Sequence[Term], span: tuple[int, int]) -> tuple[str, ...]:
        """Return the terms of a noun phrase; a general word ("Menschen") keeps only its tag,
        so that what remains besides tags says who in particular is counted."""
        inside = [t for t in terms if span[0] <= t.start and t.end <= span[1]]
        # A word whose groups all count anybody ("Menschen") or name an event ("Festnahmen",
        # "claimed ... lives") keeps only its tags.
        tags: dict[int, set[str]] = {}
        for t in terms:
            if t.kind == "tag":
                for w in inside:
                    if t.start <= w.start and w.end <= t.end:
                        tags.setdefault(w.start, set()).add(t.term)
        unspecific = self.lex.general | self.lex.events
        vague = {start for start, found in tags.items() if found <= unspecific}
        kept = [t.term for t in inside if t.kind == "tag" or t.start not in vague]
        covering = [tag for start in vague for tag in sorted(tags[start])]
        return tuple(dict.fromkeys([*kept, *covering]))

    def _counted_before(self, text, tokens, terms, i: int, language: str):
        """Return the noun phrase of "die Zahl der Toten ... 164", "the death toll ... 20"."""
        k, end = i - 1, i
        while k >= 0:
            if CLAUSE_BREAK.search(text, tokens[k].end, tokens[k + 1].start):
                if end < i or not self._relative_opens(text, tokens, k + 1):
                    break
                end = k + 1  # the clause before, up to the relative pronoun
            if tokens[k].norm in self.lex.counted_before:
                after = k + 1
                while after < end and tokens[after].norm in self.lex.attached | self.lex.articles:
                    after += 1
                if after > k + 1 and after < end:
                    span = (tokens[after].start, tokens[after].end)
                elif k > 0:
                    span = (tokens[k - 1].start, tokens[k].end)  # "death toll"
                else:
                    return None, ()
                found = self._np_terms(terms, span)
                return (span, found) if found else (None, ())
            k -= 1
        return None, ()

    def _relative_opens(self, text: str, tokens: list[Token], k: int) -> bool:
        """Return whether the clause that opens at token k (a number's, which the caller has
        walked back to) opens with a relative pronoun after a comma ("die Zahl der Toten, die
        auf 12 stieg"): it speaks of the noun before the comma."""
        return (
            text[tokens[k - 1].end : tokens[k].start].strip() == ","
            and tokens[k].norm in self.lex.relative_pronouns
        )

    def _events(self, text, tokens, terms, i: int, j: int) -> tuple[str, ...]:
        """Return the event tag nearest the number in its clause (after it first)."""
        lo, hi = _clause_of(text, tokens[i].start)
        window_end = tokens[min(len(tokens), j + WINDOW) - 1].end
        window_start = tokens[max(0, i - WINDOW)].start
        events = [
            t
            for t in terms
            if t.kind == "tag"
            and t.term in self.lex.events
            and max(lo, window_start) <= t.start
            and t.end <= min(hi, window_end)
        ]
        after = [t for t in events if t.start >= tokens[i].end]
        before = [t for t in events if t.end <= tokens[i].start]
        # An event said around the number: "the flood claimed 40 lives".
        around = [t for t in events if t.start < tokens[i].start and t.end > tokens[i].end]
        chosen = after[:1] or before[-1:] or around[:1]
        return tuple(t.term for t in chosen)

    def _elided(self, text: str, tokens: list[Token], j: int, language: str) -> bool:
        """Return whether the noun after a number is left out ("18 weitere wurden verletzt")."""
        if j >= len(tokens) or tokens[j].norm not in self.lex.elided:
            return False
        if j + 1 == len(tokens) or CLAUSE_BREAK.search(text, tokens[j].end, tokens[j + 1].start):
            return True
        if language == "en":
            return tokens[j + 1].norm in self.lex.elided_followers
        # German nouns are capitalised: "vier weitere frühere Sowjetrepubliken" names its noun.
        return not any(t.capitalised for t in tokens[j + 1 : j + 3])

    def _amount_of(
        self, text: str, tokens: list[Token], qstart: int, j: int, kind: str, low: float
    ) -> bool:
        """Return whether a qualifier after a noun gives the noun's amount, not a bound: "ein
        Nachtragshaushalt über 156 Milliarden", "ein Scheck über 100 Euro" (but "Städte über
        eine Million Einwohner" are bigger ones). Only for sums of money or of millions."""
        k = next((n for n, t in enumerate(tokens) if t.start == qstart), 0)
        if k == 0 or tokens[k].norm not in self.lex.amount_words:
            return False
        noun = tokens[k - 1]
        if not noun.capitalised or noun.kind != "word" or breaks_between(text, noun, tokens[k]):
            return False
        if kind == "money":
            return True
        counted_after = j < len(tokens) and tokens[j].capitalised
        return kind == "count" and low >= SUM and not counted_after

    def _qualifier(self, text: str, tokens: list[Token], i: int) -> tuple[Qualifier | None, int]:
        k = i - 1 if i > 0 and tokens[i - 1].norm in self.lex.articles else i
        for n in range(self.lex.longest_qualifier, 0, -1):
            if k - n < 0:
                continue
            phrase = tuple(t.norm for t in tokens[k - n : k])
            if phrase in self.lex.qualifiers and not CLAUSE_BREAK.search(
                text, tokens[k - 1].end, tokens[k].start
            ):
                # "less than about five": the outer qualifier decides.
                outer, start = self._qualifier(text, tokens, k - n) if k - n > 0 else (None, 0)
                if outer is not None:
                    return outer, start
                return self.lex.qualifiers[phrase], tokens[k - n].start
        return None, 0

    # Dates, weekdays, ordinals, factors ---------------------------------------------------

    def _date(self, text: str, tokens: list[Token], i: int, language: str):
        """Return a (day, month) date at token i: "19. Januar", "19 January", "January 19"."""
        months = self.lex.months
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and "," in text[tok.end : nxt.start]:
            return None  # "In July, 3 million ...": a comma parts the month from the number
        if tok.is_number and nxt is not None and nxt.norm in months:
            day, month = number_value(tok.text), months[nxt.norm]
        elif (
            language == "en"  # "January 19"; German writes the day first
            and tok.norm in months
            and nxt is not None
            and nxt.is_number
            and tok.capitalised
        ):
            day, month = number_value(nxt.text), months[tok.norm]
        else:
            return None
        if not (1 <= day <= 31 and day.is_integer()):
            return None
        value = month * 100.0 + day
        # "26. April 2011": the month token is read again, as the month of that year.
        year_follows = tok.is_number and i + 2 < len(tokens) and tokens[i + 2].is_number
        return _point(text, tok.start, nxt.end, value, "date"), 1 if year_follows else 2

    def _month(self, text: str, tokens: list[Token], i: int, language: str):
        """Return a month of a year at token i ("im Jänner 2012", "in April 2011"), as
        year * 100 + month. Only the month is taken: the year is read as a year too, so a
        claim's year still meets a source that gives the year alone."""
        tok = tokens[i]
        month = self.lex.months.get(tok.norm)
        if month is None or not tok.capitalised:
            return None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or text[tok.end : nxt.start] != " ":
            return self._month_alone(text, tokens, i, month)
        if not (nxt.is_number and YEAR_DIGITS.fullmatch(nxt.text)):
            relative = self._month_of_relative_year(text, tokens, i, month)
            return relative or self._month_alone(text, tokens, i, month)
        value = int(nxt.text) * 100.0 + month
        return _point(text, tok.start, nxt.end, value, "month"), 1

    def _month_alone(self, text: str, tokens: list[Token], i: int, month: int):
        """Return a month without a year after a word that places something in time ("im
        Juli", "in March"), as a month of the year the text speaks in."""
        token = tokens[i]
        for n in self.lex.month_opener_lengths:
            if i >= n and tuple(t.norm for t in tokens[i - n : i]) in self.lex.month_openers:
                return _point(text, token.start, token.end, month, "month", unit="this"), 1
        return None

    def _month_of_relative_year(self, text: str, tokens: list[Token], i: int, month: int):
        """Return a month of a year said relative to the text's time ("Juni des vergangenen
        Jahres", "December last year"), in that relative year as its unit."""
        for n in self.lex.relative_year_lengths:
            phrase = tuple(t.norm for t in tokens[i + 1 : i + 1 + n])
            when = self.lex.relative_years.get(phrase)
            if when is not None:
                end = tokens[i + n].end
                return _point(text, tokens[i].start, end, month, "month", unit=when), n + 1
        return None

    def _holiday(self, text: str, tokens: list[Token], i: int, language: str):
        """Return the date of a feast at token i ("Heiligabend", "New Year's Eve")."""
        if tokens[i].norm not in self.holiday_starts:
            return None
        for n in range(min(self.longest_holiday, len(tokens) - i), 0, -1):
            day = self.holidays.get(tuple(t.norm for t in tokens[i : i + n]))
            if day is not None:
                return _point(text, tokens[i].start, tokens[i + n - 1].end, day, "date"), n
        return None

    def _weekday(self, text: str, tokens: list[Token], i: int, language: str):
        tok = tokens[i]
        day = self.lex.weekdays.get(tok.norm)
        if day is None or not tok.capitalised:
            return None
        return _point(text, tok.start, tok.end, day, "weekday"), 1

    def _one_in(self, text: str, tokens: list[Token], terms: Sequence[Term], i: int, language: str):
        """Return a share said as one of a number ("one in four", "einer von fünf") or as
        every n-th ("jeder fünfte", "every third") at token i, as a percentage."""
        tok = tokens[i]
        k = i + 1
        if tok.norm in self.lex.share_one:
            for phrase in self.lex.share_one_of:
                if tuple(t.norm for t in tokens[k : k + len(phrase)]) == phrase:
                    k += len(phrase)
                    break
            else:
                return None
            if k >= len(tokens):
                return None
            value, used = self._spelled(tokens, k, language)
            if tokens[k].is_number:
                value, used = number_value(tokens[k].text), 1
        elif tok.norm in self.lex.share_every and k < len(tokens):
            value, used = self._ordinal_value(tokens[k].norm), 1
        else:
            return None
        if not value or not value.is_integer() or not MIN_ONE_IN <= value <= MAX_ONE_IN:
            return None
        j = k + used
        span, counted = self._counted(text, tokens, terms, j, language)
        share = round(100 / value, 1)
        # "rund jedes achte Kind", "more than one in three": the qualifier bounds the share.
        qual, start = self._qualifier(text, tokens, i)
        low, high, low_open, high_open = _bounded(qual, share, share)
        found = _point(text, start if qual else tok.start, tokens[j - 1].end, share, "percent")
        return replace(
            found,
            low=low,
            high=high,
            low_open=low_open,
            high_open=high_open,
            unit="percent",
            counted=counted,
            counted_span=span,
        ), j - i

    def _ordinal_value(self, word: str) -> float | None:
        """Return the place an ordinal word names ("fünfte", "third"), if it is one."""
        for stem, value in self.lex.ordinals.items():
            if word.startswith(stem) and word[len(stem) :] in ORDINAL_ENDINGS:
                return float(value)
        return None

    def _factor(self, text: str, tokens: list[Token], i: int, language: str):
        tok = tokens[i]
        factor = next((v for k, v in self.lex.factors.items() if tok.norm.startswith(k)), None)
        if factor is None:
            return None
        return _point(text, tok.start, tok.end, factor, "factor"), 1

    def _ordinal(self, text: str, tokens: list[Token], i: int, language: str):
        """Return an ordinal at token i: "neuntgrößten", "ninth largest", "second week"."""
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.is_number and nxt is not None and nxt.start == tok.end:
            return self._digit_ordinal(text, tokens, i)
        if (
            language == "de"
            and tok.text.isdigit()
            and len(tok.text) <= ORDINAL_DIGITS
            and nxt is not None
            and ORDINAL_STOP.fullmatch(text, tok.end, nxt.start + 1)
        ):  # "im 3. Quartal"
            return _point(text, tok.start, tok.end + 1, int(tok.text), "ordinal",
                          counted_span=(nxt.start, nxt.end)), 1  # fmt: skip
        for stem, value in self.lex.ordinals.items():
            if not tok.norm.startswith(stem):
                continue
            rest = tok.norm[len(stem) :]
            if not rest and self._spelled([tok], 0, language)[0] is not None:
                continue  # German "acht" is eight; the eighth is "achte"
            superlative = re.fullmatch(r"\w*[sß]t(e[nrms]?)?", rest) and len(rest) > 3
            noun_follows = nxt is not None and (
                nxt.capitalised  # German nouns are capitalised
                or (
                    language == "en"
                    and nxt.text.isalpha()
                    and nxt.norm not in self.lex.ordinal_not_nouns
                )
            )
            english_superlative = nxt is not None and re.fullmatch(
                r"\w+est|most|largest|biggest", nxt.norm
            )
            if superlative or (rest in ORDINAL_ENDINGS and (noun_follows or english_superlative)):
                end = nxt.end if english_superlative and not superlative else tok.end
                # A rank by size ("neuntgrößte", "ninth largest") is not a place in a sequence
                # ("erste Einheiten").
                kind = "rank" if superlative or english_superlative else "ordinal"
                noun = nxt if kind == "ordinal" and noun_follows else None
                span = (noun.start, noun.end) if noun else None
                return _point(text, tok.start, end, value, kind, counted_span=span), 1
        return None

    def _digit_ordinal(self, text: str, tokens: list[Token], i: int):
        """Return an ordinal written in digits at token i ("the 65th government")."""
        tok, suffix = tokens[i], tokens[i + 1]
        value = number_value(tok.text)
        if suffix.norm not in self.lex.ordinal_suffixes or not value or not value.is_integer():
            return None
        noun = tokens[i + 2] if i + 2 < len(tokens) else None
        if noun is not None and noun.text.isalpha() and noun.norm not in self.lex.ordinal_not_nouns:
            span = (noun.start, noun.end)
        else:
            span = None
        return _point(text, tok.start, suffix.end, value, "ordinal", counted_span=span), 2


def _bounded(qual: Qualifier | None, low: float, high: float) -> tuple[float, float, bool, bool]:
    """Return an interval as a qualifier before it bounds it ("fast 8000": [7200, 8000)), and
    whether each bound is open; without one, as it is."""
    if qual is None:
        return low, high, False, False
    return round(low * qual.low, 6), round(high * qual.high, 6), qual.low_open, qual.high_open


def _point(text: str, start: int, end: int, value: float, kind: str, **extra) -> Quantity:
    """Return a quantity of one value (a date, a weekday, a rank, a factor) with its clause."""
    clause = _clause_of(text, start)
    return Quantity(text[start:end], start, end, value, value, kind=kind, clause=clause, **extra)


def _clause_of(text: str, position: int) -> tuple[int, int]:
    """Return the span of the clause around a character position.

    An aside in brackets with no other break inside ("laut dem Institut (RKI) starben") leaves
    the clause around it whole, and a figure inside one ("ein Preis für Debüts (10.000 Euro)")
    belongs to that clause.
    """
    breaks = list(CLAUSE_BREAK.finditer(text))
    asides = {
        k
        for a, b in zip(breaks, breaks[1:], strict=False)
        if a.group() == "(" and b.group() == ")"
        for k in (a.start(), b.start())
    }
    start, end = 0, len(text)
    for m in breaks:
        if m.start() in asides:
            continue
        if m.end() <= position:
            start = m.end()
        elif m.start() >= position:
            end = m.start()
            break
    return start, end


def _kind_of(unit: str, lexicon: Lexicon) -> str:
    return lexicon.unit_kinds.get(unit, "measure") if unit else "count"


def _event_only(lexicon: Lexicon, word: str) -> bool:
    """Return whether a word names only an event ("getötet"), no one counted."""
    tags = lexicon.tags(word)
    return bool(tags) and all(t in lexicon.events for t in tags) and not word[:1].isupper()
