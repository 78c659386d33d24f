"""Checks on the actor knowledge files themselves (data/people*.yaml): dated roles are consistent, the G20 foreign and
defence ministers since 2015 are complete, and heads of state/government since 2000 have no new gaps."""
from __future__ import annotations

import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from whodid.actors import ActorKB, Person, Role

G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF",
       "TUR", "GBR", "USA")
SINCE = "2015-01-01"
TODAY = "2026-11-28"  # the knowledge's "now": an open-ended role lasts until this day
SECTORS = {"GOV", "MIL", "COP", "REB", "OPP", "LEG", "JUD", "CVL", "BUS", "MED", "EDU", "REL", "SPY", "HLH", "LAB", "ELI",
           "IGO", "NGO"}
# Offices that two people really claimed at once (contested transfers of power), the only overlaps allowed.
CONTESTED = {("KGZ", "president", "kurmanbek-bakiyev", "roza-otunbayeva"),
             ("MDG", "president", "didier-ratsiraka", "marc-ravalomanana")}
# Titles that are a country's head of state or of government (besides roles marked leader: true).
HEAD_TITLES = {"president", "prime minister", "king", "queen", "chancellor", "emir", "sultan", "leader", "supreme leader",
               "taoiseach", "general secretary", "state counsellor", "chief adviser", "first secretary", "prince",
               "pope", "chief executive", "head of state", "president of the council of ministers"}
# Periods a country had no government of its own (not a gap in the knowledge): UN administration, not yet independent,
# dissolved, or under occupation authority.
NOT_SOVEREIGN = {"SSD": ("2000-01-01", "2011-07-09"), "XKX": ("2000-01-01", "2002-03-04"),
                 "TLS": ("2000-01-01", "2002-05-20"), "YUG": ("2006-06-03", TODAY), "IRQ": ("2003-04-09", "2004-06-28")}
# Gaps of more than a year in head-of-state/government coverage since 2000 (see heads_gaps); may only go down.
MAX_HEAD_GAPS = 3  # BIH before 2012, NRU before mid-2004, TUV before mid-2002 (18 before this file was written)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.default()


def _end(role: Role) -> str:
    return role.end or TODAY


def _office_roles(kb: ActorKB, where: str, title: str) -> list[tuple[Role, Person]]:
    """Every (role, person) for one office, by start date."""
    found = [(r, p) for p in kb.people.values() for r in p.roles
             if (r.country == where or r.org == where) and r.title == title]
    return sorted(found, key=lambda rp: rp[0].start or "")


def overlaps(kb: ActorKB) -> set[tuple[str, str, str, str]]:
    """Pairs of people holding the same office (country or org, title) on some same day."""
    offices: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for person in kb.people.values():
        for role in person.roles:
            where = role.country or f"org:{role.org}"
            offices.setdefault((where, role.title), []).append((role.start or "", _end(role), person.id))
    out = set()
    for (where, title), terms in offices.items():
        terms.sort()
        for i, (start, end, pid) in enumerate(terms):
            for start2, _, pid2 in terms[i + 1:]:
                if start2 >= end:
                    break
                out.add((where, title, pid, pid2))
    return out


def uncovered(terms: list[tuple[str, str]], since: str, until: str, min_days: int) -> list[tuple[str, str]]:
    """Stretches of [since, until) longer than ``min_days`` that no (start, end) term covers."""
    gaps, cursor = [], since
    for start, end in sorted(terms):
        if start > cursor and (date.fromisoformat(start) - date.fromisoformat(cursor)).days > min_days:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if (date.fromisoformat(until) - date.fromisoformat(cursor)).days > min_days:
        gaps.append((cursor, until))
    return gaps


def heads_gaps(kb: ActorKB) -> list[tuple[str, str, str]]:
    """(country, from, to): more than a year since 2000 with no head of state or government known, for every country
    that has any; the periods in NOT_SOVEREIGN count as covered."""
    terms: dict[str, list[tuple[str, str]]] = {}
    for person in kb.people.values():
        for role in person.roles:
            if role.country and (role.leader or role.title in HEAD_TITLES or role.title.startswith("chairman")):
                terms.setdefault(role.country, []).append((role.start or "1900-01-01", _end(role)))
    for iso3, period in NOT_SOVEREIGN.items():
        terms.setdefault(iso3, []).append(period)
    return [(iso3, a, b) for iso3 in sorted(terms) for a, b in uncovered(terms[iso3], "2000-01-01", TODAY, 365)]


def test_every_role_is_well_formed(kb: ActorKB) -> None:
    """Dates are real days in a plausible range, the office's country/organisation and sector exist."""
    for person in kb.people.values():
        for role in person.roles:
            for day in (role.start, role.end):
                if day is not None:
                    assert "1940-01-01" <= date.fromisoformat(day).isoformat() <= TODAY, (person.id, day)
            assert role.start is not None or role.end is not None, person.id
            assert (role.country in kb.countries) != (role.org in kb.igos), (person.id, role)
            assert role.sector in SECTORS, (person.id, role.sector)
            actor = kb._person_actor(person, role.start or role.end, "test")
            assert actor.code and (actor.code.startswith("IGO") or actor.code[:3] in kb.countries), (person.id, actor)


def test_no_two_people_hold_one_office_at_once(kb: ActorKB) -> None:
    assert overlaps(kb) == CONTESTED


def test_no_person_listed_twice_under_two_ids(kb: ActorKB) -> None:
    """An office line whose name differs from the people.yaml entry would create a second person: catch it."""
    by_name: dict[str, list[str]] = {}
    for person in kb.people.values():
        for name in {person.name, *person.aliases}:
            by_name.setdefault(" ".join(name.casefold().replace("-", " ").split()), []).append(person.id)
    twice = {name: ids for name, ids in by_name.items() if len(set(ids)) > 1}
    # Two kings of two countries may share a regnal name; persons with roles in one country must not.
    clashes = {n: ids for n, ids in twice.items()
               if len({r.country or r.org for i in ids for r in kb.people[i].roles}) == 1}
    assert not clashes


@pytest.mark.parametrize("iso3", G20)
@pytest.mark.parametrize("title", ["foreign minister", "defence minister"])
def test_g20_ministers_since_2015_are_complete(kb: ActorKB, iso3: str, title: str) -> None:
    """Every day from 2015-01-01 to now has a holder, except short interim spells (acting deputies, a new cabinet
    being formed) of at most 8 months (South Korea's acting defence minister from Dec 2024 to July 2025 is the longest)."""
    roles = _office_roles(kb, iso3, title)
    assert roles, (iso3, title)
    terms = [(r.start or "1900-01-01", _end(r)) for r, _ in roles]
    assert uncovered(terms, SINCE, TODAY, 240) == []
    assert any(r.end is None for r, _ in roles), f"{iso3} {title}: nobody in office now"
    sector = "MIL" if title == "defence minister" else "GOV"
    for role, person in roles:
        assert role.sector == sector, (person.id, role)


def test_eu_high_representative_since_2015(kb: ActorKB) -> None:
    roles = _office_roles(kb, "eu", "high representative")
    assert uncovered([(r.start or "", _end(r)) for r, _ in roles], SINCE, TODAY, 0) == []
    assert kb.lookup("EU foreign policy chief Kaja Kallas", "2025-03-01").code == "IGOEU"


@pytest.mark.parametrize(
    "phrase, day, code",
    [
        # invented mentions, as news writes them
        ("Defence Minister Ash Carter", "2016-04-02", "USAMIL"),
        ("Ashton Carter", "2016-04-02", "USAMIL"),
        ("acting Defense Secretary Patrick Shanahan", "2019-03-01", "USAMIL"),
        ("Secretary of War Pete Hegseth", "2025-10-01", "USAMIL"),
        ("the US secretary of war", "2025-10-01", "USAMIL"),
        ("Mr Hagel", "2015-01-10", "USAMIL"),
        ("Mr Hagel", "2016-01-10", "USAELI"),  # out of office: a former official
        ("Sir Michael Fallon", "2016-05-05", "GBRMIL"),
        ("Japanese Defence Minister Shinjiro Koizumi", "2025-12-01", "JPNMIL"),
        ("Shinjiro Koizumi", "2025-12-01", "JPNMIL"),
        ("Mr Koizumi", "2004-01-01", "JPNGOV"),  # the prime minister of the time, not the later minister
        ("Indian External Affairs Minister S Jaishankar", "2020-01-01", "INDGOV"),
        ("Arun Jaitley", "2017-06-01", "INDMIL"),
        ("Defence Minister Prabowo Subianto", "2021-05-01", "IDNMIL"),
        ("Prabowo Subianto", "2025-05-01", "IDNGOV"),
        ("Mohammed bin Salman", "2016-06-01", "SAUMIL"),
        ("Mohammed bin Salman", "2019-06-01", "SAUGOV"),  # crown prince: the government role comes first
        ("Prince Khalid bin Salman", "2023-02-01", "SAUMIL"),
        ("Prince Saud al-Faisal", "2015-02-01", "SAUGOV"),
        ("Ernesto Araújo", "2020-01-01", "BRAGOV"),
        ("Mr Araujo", "2020-01-01", "BRAGOV"),
        ("Jose Mucio", "2024-01-01", "BRAMIL"),
        ("Felipe Solá", "2020-06-01", "ARGGOV"),
        ("Luis Petri", "2024-06-01", "ARGMIL"),
        ("Marcelo Ebrard", "2020-06-01", "MEXGOV"),
        ("Luis Cresencio Sandoval", "2020-06-01", "MEXMIL"),
        ("Mr Sandoval", "2020-06-01", "MEXMIL"),
        ("Naledi Pandor", "2020-06-01", "ZAFGOV"),
        ("Thandi Modise", "2022-06-01", "ZAFMIL"),
        ("Hulusi Akar", "2020-06-01", "TURMIL"),
        ("Feridun Sinirlioğlu", "2015-10-01", "TURGOV"),
        ("Luigi Di Maio", "2020-06-01", "ITAGOV"),
        ("Mr Di Maio", "2020-06-01", "ITAGOV"),
        ("Guido Crosetto", "2024-06-01", "ITAMIL"),
        ("Harjit Sajjan", "2018-06-01", "CANMIL"),
        ("Francois-Philippe Champagne", "2020-06-01", "CANGOV"),
        ("Anita Anand", "2022-06-01", "CANMIL"),
        ("Anita Anand", "2025-06-01", "CANGOV"),
        ("Christopher Pyne", "2019-01-01", "AUSMIL"),
        ("Han Min-koo", "2016-01-01", "KORMIL"),
        ("Yun Byung Se", "2016-01-01", "KORGOV"),
        ("Chang Wanquan", "2016-01-01", "CHNMIL"),
        ("the Chinese defence minister", "2024-06-01", "CHNMIL"),
        ("Jean-Yves Le Drian", "2016-01-01", "FRAMIL"),
        ("Jean-Yves Le Drian", "2019-01-01", "FRAGOV"),
        ("Annegret Kramp-Karrenbauer", "2020-06-01", "DEUMIL"),
        ("Sergei Shoigu", "2016-01-01", "RUSMIL"),
        # heads filled in the same files
        ("Vladimir Putin", "1999-10-01", "RUSGOV"),  # prime minister before his first presidency
        ("Muammar Gaddafi", "2005-01-01", "LBYGOV"),
        ("the Libyan leader", "2005-01-01", "LBYGOV"),
        ("Mr Costa", "2016-06-01", "PRTGOV"),  # not Manuel Pinto da Costa, in office on the same day
        ("Mr Harris", "2021-06-01", "USAGOV"),  # not Timothy Harris of Saint Kitts and Nevis
        ("Prime Minister Gaston Browne", "2020-01-01", "ATGGOV"),
        ("Macau's chief executive", "2020-01-01", "MACGOV"),
    ],
)
def test_people_resolve_at_their_dates(kb: ActorKB, phrase: str, day: str, code: str) -> None:
    actor = kb.lookup(phrase, day)
    assert actor is not None and actor.code == code, (phrase, day, actor)


def test_heads_of_state_and_government_gaps_do_not_grow(kb: ActorKB) -> None:
    gaps = heads_gaps(kb)
    assert len(gaps) <= MAX_HEAD_GAPS, "\n".join(" ".join(g) for g in gaps)


def test_every_country_has_a_head_since_2000(kb: ActorKB) -> None:
    """San Marino's two captains regent change every six months; Western Sahara's status is disputed."""
    have = {r.country for p in kb.people.values() for r in p.roles
            if r.country and (r.leader or r.title in HEAD_TITLES or r.title.startswith("chairman"))}
    assert set(kb.countries) - have <= {"SMR", "ESH"}


def test_uncovered_finds_gaps() -> None:
    """The helper the completeness checks rely on."""
    assert uncovered([("2015-01-01", "2016-01-01"), ("2016-03-01", "2017-01-01")], "2015-01-01", "2017-01-01", 30) \
        == [("2016-01-01", "2016-03-01")]
    assert uncovered([("2014-01-01", "2020-01-01")], "2015-01-01", "2017-01-01", 0) == []
    day = (date(2016, 1, 1) + timedelta(days=400)).isoformat()
    assert uncovered([], "2016-01-01", day, 365) == [("2016-01-01", day)]


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CROSSCHECK = Path(__file__).resolve().parents[1] / "benchmarks" / "petrarch_crosscheck.py"


@pytest.mark.skipif(not (SHARED / "petrarch-validation").exists(), reason="needs ../shared/data/petrarch-validation")
def test_petrarch_dictionaries_agree_with_ours(kb: ActorKB) -> None:
    """People both know get the same code where both define one; every country disagreement is an old TABARI code
    (JAP, UAR, INS ...) that is not an ISO3 code, not a different country."""
    spec = importlib.util.spec_from_file_location("petrarch_crosscheck", CROSSCHECK)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("petrarch_crosscheck", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    comparisons = module.crosscheck(kb, [p for p in module.DICTIONARIES if p.exists()])
    people = [c for c in comparisons if c.kind == "person"]
    assert people and all(c.exact for c in people), [c for c in people if not c.exact]
    countries = [c for c in comparisons if c.kind == "country" and not c.same_country]
    assert all(c.theirs[:3] not in kb.countries for c in countries), countries
