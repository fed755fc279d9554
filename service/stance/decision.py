"""The decision table: findings of the checks -> a stance and its reason.

Rows are tried in order; the first whose condition holds decides. A new rule is a row here
and a test on an invented sentence, not a new branch somewhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from service.stance.names import NameFinding
from service.stance.numbers import NumberFinding
from service.stance.polarity import PolarityFinding

# A passage is on the claim's subject when it covers this share of the claim's information
# (IDF-weighted words); below it, it is not shown at all.
RELATED = 0.3
# A passage states the claim (or its opposite) in words when it covers this share of it,
# and this share of what the claim says besides its names: a sentence that names the same
# country and party says nothing yet of what the claim says they did. A paraphrase in other
# words rarely carries half of a claim; two fifths held on the dev splits of three corpora.
TOPIC = 0.4
CONTENT = 0.4
# Figures are compared when the passage covers this share of what the claim says besides
# its figures: "three workers were poisoned" is not confirmed by "three workers were taken
# to hospital". A little over a third held on the dev splits of six corpora (two fifths before).
PREDICATE = 0.35
# A figure that agrees confirms from a little less: a source's other figures of the same unit
# are often of something else, the claim's own figure seldom is (dev splits of nine corpora).
CONFIRM = 0.3
# A passage gives the claim's statement to another name when it covers this share of what
# the claim says besides its names, and its figures: who won a prize says nothing of who won
# it in the year the claim names. (Another name standing right where the claim's stands
# needs less, see the row.)
SWAP = 0.6


@dataclass(frozen=True, slots=True)
class Findings:
    """What the checks found about one passage and one claim."""

    words: float  # coverage with the figures' words, where no source figure was compared
    content: float  # coverage of the claim's words that are not names
    predicate: float  # coverage of what the claim says besides its figures and what they count
    numbers: NumberFinding
    names: NameFinding
    polarity: PolarityFinding
    denial_addressed: bool
    figure_missing: bool = False  # the claim gives a figure the passage neither states nor compares
    amount_missing: bool = False  # ... and that figure is no time (a year, a date)
    day_missing: bool = False  # the claim's month, day or weekday goes unsaid, around too
    figure_elsewhere: bool = False  # the passage gives a claim figure, for something else
    content_here: bool = True  # the passage itself holds one of the claim's words besides names
    denial: bool = False  # the claim denies something of the names the passage lacks
    polar_said: bool = True  # the passage has each word of an opposite pair the claim uses

    @property
    def figures_decide(self) -> bool:
        """Return whether the compared figures speak for the claim's: the passage says what
        the claim says besides them, and more than a time was compared where the claim's
        other figure goes unsaid ("im Juli", "2015" alone do not)."""
        return self._figures_speak(PREDICATE)

    @property
    def figures_confirm(self) -> bool:
        """Return whether the compared figures, where they agree, confirm the claim's (see
        CONFIRM)."""
        return self._figures_speak(CONFIRM)

    def _figures_speak(self, share: float) -> bool:
        # A figure the source asks about or supposes ("ob die Brücke bis Mai fertig wird",
        # "wenn die Miete um 5 Prozent steigt") it does not report.
        return (
            self.predicate >= share
            and not (self.numbers.only_times and self.figure_missing)
            and not self.day_missing
            and not self.polarity.leaves_open
        )

    @property
    def said(self) -> float:
        """Return how much of the claim the passage says in words: with a figure compared,
        what the claim says besides the figure and what it counts."""
        return self.predicate if self.numbers.compared else self.words

    @property
    def said_besides_names(self) -> float:
        return min(self.predicate, self.content) if self.numbers.compared else self.content

    @property
    def says_it_in_words(self) -> bool:
        """Return whether the passage says enough of the claim, and of more than its names,
        in its own words: what the claim says of its names, found only in the text around,
        is context, not this sentence's statement."""
        return self.said >= TOPIC and self.said_besides_names >= CONTENT and self.content_here


@dataclass(frozen=True, slots=True)
class Rule:
    """One row: when it applies, the stance it gives and why."""

    name: str
    applies: Callable[[Findings], bool]
    stance: str  # supports | contradicts | related | none
    reason: Callable[[Findings], str]
    measured: bool = False  # decided on figures: weighs by coverage, not by wording
    named: bool = False  # decided on who: weighs by what is said of them, names aside


def _names(f: Findings) -> str:
    return ", ".join(g.word for g in f.names.missing)


RULES = (
    Rule(
        "off the subject",
        lambda f: (
            f.words < RELATED
            and (not f.numbers.compared or f.numbers.only_times and f.predicate < PREDICATE)
        ),
        "none",
        lambda f: "",
    ),
    Rule(
        "name given to another",
        lambda f: (
            f.names.swapped
            and not f.denial
            and (
                (f.content >= SWAP and not f.figure_missing)
                or (f.names.in_place and f.words >= TOPIC and not f.amount_missing)
            )
            and not f.polarity.flipped
        ),
        "contradicts",
        lambda f: f"says this of {', '.join(f.names.others[:3])}, not of {_names(f)}",
        named=True,
    ),
    Rule(
        "said by another",
        # What was said is measured without the names: the speaker is what differs.
        lambda f: (
            bool(f.names.speaker) and max(f.words, f.content) >= TOPIC and not f.polarity.flipped
        ),
        "contradicts",
        lambda f: f"gives these words to {f.names.speaker}, not to {f.names.claim_speaker}",
        named=True,
    ),
    Rule(
        "name missing",
        lambda f: bool(f.names.missing),
        "related",
        lambda f: f"does not name {_names(f)}",
    ),
    Rule(
        "denial not addressed",
        lambda f: not f.denial_addressed,
        "related",
        lambda f: "does not speak of what the claim denies",
    ),
    Rule(
        "the figure at another time",
        lambda f: f.numbers.its_figure_elsewhen and f.figures_decide,
        "contradicts",
        lambda f: "gives the claim's figure for another time",
        measured=True,
    ),
    Rule(
        "figure for another time",
        lambda f: f.numbers.another_time,
        "related",
        lambda f: "gives a figure for another time",
    ),
    Rule(
        "figure disagrees",
        lambda f: f.numbers.disagrees and f.figures_decide,
        "contradicts",
        lambda f: "a figure for the same thing excludes the claim's",
        measured=True,
    ),
    Rule(
        "figure agrees, stated the other way",
        lambda f: f.numbers.agrees and f.figures_decide and f.polarity.flipped,
        "contradicts",
        lambda f: "the same figure, said of the opposite",
        measured=True,
    ),
    Rule(
        "figure agrees",
        lambda f: f.numbers.agrees and f.figures_confirm,
        "supports",
        lambda f: "a figure for the same thing confirms the claim's",
        measured=True,
    ),
    Rule(
        "figure undecided",
        lambda f: f.numbers.compared and not f.numbers.agrees,
        "related",
        lambda f: "the source's figure for the same thing does not settle the claim",
    ),
    Rule(
        "states the opposite",
        lambda f: f.polarity.flipped and f.says_it_in_words,
        "contradicts",
        lambda f: "says the opposite of the claim",
    ),
    Rule(
        "figure not stated",
        lambda f: f.figure_missing,
        "related",
        lambda f: "does not state the claim's figure",
    ),
    Rule(
        "figure of something else",
        lambda f: f.figure_elsewhere,
        "related",
        lambda f: "gives the claim's figure, but for something else",
    ),
    Rule(
        "left open",
        lambda f: f.polarity.leaves_open and f.says_it_in_words,
        "related",
        lambda f: "calls open what the claim states",
    ),
    Rule(
        "states the claim",
        lambda f: f.says_it_in_words and f.polar_said,
        "supports",
        lambda f: "states the claim's content",
    ),
    Rule(
        "on the subject",
        lambda f: True,
        "related",
        lambda f: (
            f"on the claim's subject, but says only {f.said_besides_names:.0%} of what the"
            " claim says besides its names"
            if f.said >= TOPIC and f.said_besides_names < CONTENT
            else f"on the claim's subject, but covers only {f.words:.0%} of it"
        ),
    ),
)


def decide(findings: Findings) -> Rule:
    """Return the first rule that applies."""
    return next(rule for rule in RULES if rule.applies(findings))
