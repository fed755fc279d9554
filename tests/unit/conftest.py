"""Core fixtures: the word data, a reader and a judge, without an app.

The dictionary is a small file in the Ding format, parsed by the real parser, so the core is
tested with real translations but without the full dictionary.
"""

from __future__ import annotations

import pytest

from service.claims.analysis import ClaimAnalyzer
from service.claims.dictionary import Dictionary
from service.engine import vocabulary_of
from service.lexicon import Lexicon
from service.reading import Reader, Reading
from service.stance import StanceJudge
from service.stance.coverage import Weights

DING = """\
Soldat {m} | Soldaten {pl} :: soldier | soldiers
Truppe {f} | Truppen {pl} :: troop | troops
schicken; senden {vt} | schickte; sandte | geschickt; gesandt :: to send | sent | sent
Festnahme {f} | Festnahmen {pl} :: arrest | arrests
festnehmen {vt} | festgenommen :: to arrest | arrested
Mensch {m} | Menschen {pl} :: person | people
Stelle {f}; Arbeitsplatz {m} | Stellen {pl}; Arbeitsplätze {pl} :: job | jobs
streichen {vt} | gestrichen :: to cut | cut
Arbeiter {m} | Arbeiter {pl} :: worker | workers
vergiften {vt} | vergiftet :: to poison | poisoned
Krankenhaus {n} :: hospital
Preis {m} | Preise {pl} :: price | prices
Gas {n} :: gas
steigen {vi} | steigend | gestiegen | steigt | stieg :: to rise {rose; risen} | rising | risen \
| rises | rose
Partei {f} :: party
Umfrage {f} :: poll
führen {vt} | führt :: to lead | leads
Stadt {f} | Städte {pl} :: city | cities
Hafen {m} :: port
schließen {vt} | geschlossen :: to close | closed
Regierung {f} :: government
Minister {m} :: minister
Polizist {m} | Polizisten {pl} :: police officer | police officers
Verletzte {m,f} | Verletzten {pl} :: injured person | injured
verletzt {adj} :: injured
niemand :: nobody
Zeit {f} :: time
Jahr {n} | Jahre {pl} :: year | years
Woche {f} | Wochen {pl} :: week | weeks
Kontrolle {f} :: control
verlieren {vt} | verlor | verloren :: to lose | lost | lost
Polizei {f} :: police
Gerechtigkeit {f} :: justice
Frage {f} | Fragen {pl} :: question | questions
vergangen {adj} :: last
begrenzt {adj} :: limited
unbegrenzt {adj} :: unlimited
unbeständig; instabil {adj} :: volatile
stabil {adj} :: stable
Erfolg {m} | Erfolge {pl} :: success | successes
Wien {n} [geogr.] :: Vienna
Österreich {n} [geogr.] :: Austria
March {f} [geogr.] :: March
Nordau {n} [geogr.] :: Northdale
Südmark {f} [geogr.] :: the Southmark
Nordauer {m} :: northdale
Grüne {pl} [pol.] :: Greens; green
Green {n} [geogr.] :: Green
melden {vt} | meldete | gemeldet :: to report | reported | reported
Tod {m} | Tode {pl} :: death | deaths
auflösen {vt} | löste auf | aufgelöst :: to break up | broke up | broken up
Kurzarbeit {f} :: short-time work
Welle {f} | Wellen {pl} :: wave | waves
Infektion {f} | Infektionen {pl} :: infection | infections
Ungarn {n} [geogr.] :: Hungary
ungarisch {adj} [geogr.] :: Hungarian
österreichisch {adj} [geogr.] :: Austrian
Firma {f} | Firmen {pl} :: company | companies
klein {adj} :: small
Erwachsene {m,f} | Erwachsenen {pl} :: adult | adults
erwachsen {adj} :: adult
technisch {adj} :: technical
Unfall {m} | Unfälle {pl} :: accident | accidents
Miete {f} | Mieten {pl} :: rent | rents
sinken {vi} | gesunken :: to fall | fallen
Zahl {f} :: number
Kundgebung {f} :: rally
friedlich {adj} :: peaceful
gewaltsam {adj} :: violent
Bürger {m} | Bürger {pl} :: citizen | citizens
Subunternehmer {m} | Subunternehmer {pl} :: subcontractor | subcontractors
Geld {n} :: money
beschäftigen {vt} | beschäftigt :: to employ | employs
Nische {f} | Nischen {pl} :: niche | niches
groß {adj} :: large
beteiligen {vt} | beteiligt :: to involve | involved
Benzinpreis {m} | Benzinpreise {pl} :: gas price | gas prices
gelten {vi} | geltend | gegolten | es gilt | es galt :: to apply | applying | applied | it applies \
| it applied
beginnen {vi} | beginnend | begonnen :: to begin {began; begun} | beginning | begun
drei {num} :: three
Arbeit {f} :: work
arbeitslos {adj} :: unemployed; out of work
keine Arbeit :: no work
hauptsächlich {adv} :: for the main; mainly
Feuerwehrleute {pl} :: firefighters; firemen
Feuer {n} :: fire
Stoßzeit {f} :: peak hour
"""


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon()


@pytest.fixture(scope="session")
def dictionary(tmp_path_factory) -> Dictionary:
    folder = tmp_path_factory.mktemp("ding")
    source = folder / "de-en"
    source.write_text(DING, "utf-8")
    return Dictionary.open(source, folder)


@pytest.fixture(scope="session")
def reader(lexicon, dictionary) -> Reader:
    vocabulary = vocabulary_of(dictionary, lexicon)
    return Reader(lexicon, vocabulary)


@pytest.fixture(scope="session")
def claims(reader, dictionary) -> ClaimAnalyzer:
    return ClaimAnalyzer(reader, dictionary)


@pytest.fixture(scope="session")
def judge(reader, claims, lexicon):
    """Return judge(claim, passage, context="", previous=None) -> Judgement."""
    stance = StanceJudge(lexicon, reader.vocabulary)

    def run(claim: str, passage: str, context: str = "", previous: str | None = None):
        before: Reading | None = None
        language = claims.detect_language(passage)
        if previous is not None:
            before = reader.read(previous, language)
        read = reader.read(passage, language, before)
        around = reader.read(context, language).term_string if context else ""
        return stance.judge(claims.analyse(claim), read, Weights({"": 1.0}), around)

    return run
