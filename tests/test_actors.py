"""Actor knowledge and mention -> actor resolution (whodid.actors). Phrases here are invented for the tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from whodid.actors import ActorKB, StoryActors, resolve_actor, tokenize

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DAY = "2025-09-27"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.default()


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("the United States", "USA"),
        ("US", "USA"),
        ("the official Korean Central News Agency.", "PRKMED"),
        ("U.S.", "USA"),
        ("North Korea’s", "PRK"),
        ("the DPRK", "PRK"),
        ("Burma", "MMR"),
        ("Pyongyang", "PRKGOV"),
        ("Washington", "USAGOV"),
        ("Kiev", "UKRGOV"),
        ("US President Donald Trump", "USAGOV"),
        ("North Korean leader Kim Jong Un", "PRKGOV"),
        ("Kim Jong-un", "PRKGOV"),
        ("a Seoul Foreign Ministry official", "KORGOV"),
        ("South Korea’s Foreign Ministry", "KORGOV"),
        ("South Korea's Foreign Ministry", "KORGOV"),
        ("an official in Japan's foreign ministry", "JPNGOV"),
        ("Chinese President Xi Jinping", "CHNGOV"),
        ("Russian President Vladimir Putin", "RUSGOV"),
        ("Mr Trump", "USAGOV"),
        ("Israeli troops", "ISRMIL"),
        ("Hamas militants", "PSEREB"),
        ("the Russian Defence Ministry", "RUSMIL"),
        ("police in Nairobi", "KENCOP"),
        ("a Kenyan police officer", "KENCOP"),
        ("Malian President Assimi Goita", "MLIGOV"),
        ("protesters", "CVL"),
        ("rebels", "REB"),
        ("the opposition", "OPP"),
        ("lawmakers", "LEG"),
        ("the Supreme Court", "JUD"),
        ("an army spokesman", "MIL"),
        ("opposition lawmakers", "OPP"),
        ("rebel troops", "REB"),
        ("the European Union", "IGOEU"),
        ("Nato", "IGONATO"),
        ("the UN Security Council", "IGOUNOSC"),
        ("APEC", "IGOAPEC"),
        ("the Asia-Pacific Economic Cooperation forum", "IGOAPEC"),
        ("the IAEA", "IGOUNOIAEA"),
        ("UN officials", "IGOUNO"),
        ("Human Rights Watch", "NGOHRW"),
        ("the Kremlin", "RUSGOV"),
        ("the North Korean state media", "PRKMED"),
        ("the Trump administration", "USAGOV"),
        ("Islamic State fighters", "IMGREB"),
        ("the Taliban", "AFGGOV"),
        ("the French", "FRA"),
    ],
)
def test_brief_phrases(phrase: str, code: str) -> None:
    actor = resolve_actor(phrase, DAY)
    assert actor is not None, phrase
    assert actor.code == code, (phrase, actor, actor.why)
    assert actor.text == phrase.strip().rstrip(".") or actor.text == "U.S."


@pytest.mark.parametrize(
    "phrase",
    ["the possibility", "sanctions relief", "a dialogue", "the meeting", "June", "us", "who", "is",
     "Pyongyang’s nuclear concessions", "the Apec summit", "US-North Korea talks", "Ivanka Trump", "", "  ,  ",
     "the Washington Herald", "the nuclear programme of North Korea", "the Harvard University Asia Centre"],
)
def test_non_actors(phrase: str) -> None:
    assert resolve_actor(phrase, DAY) is None


def test_actor_fields() -> None:
    kim = resolve_actor("North Korean leader Kim Jong Un", "2019-06-30")
    assert (kim.name, kim.code, kim.country, kim.sector, kim.kb_id) == (
        "Kim Jong Un", "PRKGOV", "PRK", "GOV", "person:kim-jong-un")
    assert kim.why
    country = resolve_actor("North Korea", DAY)
    assert (country.name, country.code, country.sector, country.kb_id) == ("North Korea", "PRK", None, "country:PRK")
    un = resolve_actor("the United Nations")
    assert (un.code, un.country, un.sector, un.kb_id) == ("IGOUNO", None, "IGO", "igo:un")
    generic = resolve_actor("demonstrators")
    assert (generic.code, generic.country, generic.sector) == ("CVL", None, "CVL")
    unknown = resolve_actor("Malian President Assimi Goita", DAY)
    assert unknown.name == "Assimi Goita" and unknown.country == "MLI"


@pytest.mark.parametrize(
    "phrase, date, code",
    [
        ("Donald Trump", "2019-06-30", "USAGOV"),
        ("Donald Trump", "2021-01-19", "USAGOV"),
        ("Donald Trump", "2021-01-20", "USAELI"),  # end dates are exclusive: the successor's first day
        ("Donald Trump", "2022-03-01", "USAELI"),  # out of office: a national elite
        ("Donald Trump", "2025-01-20", "USAGOV"),
        ("Donald Trump", None, "USAGOV"),  # no date: latest role
        ("Joe Biden", "2021-01-20", "USAGOV"),
        ("Joe Biden", "2025-01-20", "USAELI"),
        ("Vladimir Putin", "2010-06-01", "RUSGOV"),  # prime minister then
        ("Antonio Guterres", "2019-01-01", "IGOUNO"),
        ("Ban Ki-moon", "2019-01-01", "KORELI"),  # only an IGO post: out of it, an elite of his own country
        ("Mark Rutte", "2020-01-01", "NLDGOV"),
        ("Mark Rutte", "2025-01-01", "IGONATO"),
        ("the Taliban", "2021-08-14", "AFGREB"),
        ("the Taliban", "2021-08-15", "AFGGOV"),
        ("Trump", "2016-01-01", "USAELI"),
        ("the North Korean leader", "2011-12-16", "PRKGOV"),
        ("the North Korean leader", "2011-12-17", "PRKGOV"),
    ],
)
def test_dated_roles(phrase: str, date: str | None, code: str) -> None:
    actor = resolve_actor(phrase, date)
    assert actor is not None and actor.code == code, (phrase, date, actor)


def test_title_holder_changes_at_the_boundary() -> None:
    assert resolve_actor("the North Korean leader", "2011-12-16").name == "Kim Jong Il"
    assert resolve_actor("the North Korean leader", "2011-12-17").name == "Kim Jong Un"
    assert resolve_actor("the Japanese prime minister", "2025-10-20").name == "Shigeru Ishiba"
    assert resolve_actor("the Japanese prime minister", "2025-10-21").name == "Sanae Takaichi"
    assert resolve_actor("the US leader", "2019-06-30").name == "Donald Trump"
    assert resolve_actor("the US leader", "2023-06-30").name == "Joe Biden"
    assert resolve_actor("the UN chief", "2015-05-05").name == "Ban Ki-moon"
    # An indefinite or plural title is not one known person.
    assert resolve_actor("a US president", "2023-06-30").name != "Joe Biden"


def test_surnames_resolve_only_when_unique() -> None:
    assert resolve_actor("Mr Lee", "2010-01-01").name == "Lee Myung-bak"
    assert resolve_actor("Mr Lee", "2025-09-27").name == "Lee Jae-myung"
    assert resolve_actor("Mr Lee", "2015-01-01") is None  # both out of office: ambiguous
    assert resolve_actor("Mr Kim", "2010-01-01").name == "Kim Jong Il"
    assert resolve_actor("President Xi", DAY).name == "Xi Jinping"


def test_story_memory() -> None:
    story = StoryActors(date=DAY)
    assert story.resolve("Mr Lee", "2015-01-01") is None
    kim = story.resolve("North Korean leader Kim Jong Un")
    assert kim.kb_id == "person:kim-jong-un"
    for phrase in ("Mr Kim", "Kim", "the North Korean leader"):
        again = story.resolve(phrase)
        assert again.kb_id == "person:kim-jong-un" and again.text == phrase
    official = story.resolve("a senior Seoul Foreign Ministry official")
    assert official.code == "KORGOV"
    assert story.resolve("the official").code == "KORGOV"
    assert resolve_actor("the official", DAY).code == "GOV"  # without memory: any government official
    # A surname seen in the story wins over the knowledge base's date rule.
    story2 = StoryActors(date="2015-01-01")
    story2.resolve("former President Lee Myung-bak")
    assert story2.resolve("Mr Lee").name == "Lee Myung-bak"
    # "the US leader" in a story that named Trump, dated during Biden's term, is still the man in the story.
    story3 = StoryActors(date="2023-03-01")
    story3.resolve("Donald Trump")
    assert story3.resolve("the US leader").name == "Donald Trump"


def test_country_of(kb: ActorKB) -> None:
    cases = {"US": "USA", "the United States": "USA", "American": "USA", "Seoul": "KOR", "North Korean": "PRK",
             "KP": "PRK", "PRK": "PRK", "Kyiv": "UKR", "Ivory Coast": "CIV", "Britain": "GBR", "British": "GBR",
             "Jerusalem": "ISR", "Taiwan": "TWN", "Kosovo": "XKX", "Hong Kong": "HKG", "Palestinian": "PSE",
             "Côte d'Ivoire": "CIV", "the possibility": None, "us": None}
    for phrase, iso3 in cases.items():
        assert kb.country_of(phrase) == iso3, phrase


def test_tokenize() -> None:
    words = [t.cased for t in tokenize("“South Korea’s” U.S.-backed Kim Jong-un")]
    assert words == ["South", "Korea", "US", "backed", "Kim", "Jong", "un"]
    assert tokenize("Élysée")[0].key == "elysee"


def test_extra_user_files(tmp_path: Path) -> None:
    people = tmp_path / "people.yaml"
    people.write_text(
        "- id: amara-testperson\n  name: Amara Testperson\n  surnames: [Testperson]\n  roles:\n"
        "    - {country: MLI, title: president, leader: true, start: 2021-05-24, end: null}\n", encoding="utf-8")
    agents = tmp_path / "agents.yaml"
    agents.write_text(
        "nouns:\n  REB: [freedom riders]\nnamed:\n"
        "  - {id: zephyr-front, name: Zephyr Front, aliases: [ZF], country: NER, sector: REB}\n", encoding="utf-8")
    igos = tmp_path / "igos.tsv"
    igos.write_text("# test IGO\nid\tcode\tsector\tname\taliases\nsahel\tIGOSAH\tIGO\tSahel Testing Union\tSTU\n",
                    encoding="utf-8")
    countries = tmp_path / "countries.tsv"
    countries.write_text("iso3\tiso2\tname\taliases\tadjectives\tcapitals\nXAA\tXA\tAtlantida\t\tAtlantidan\tPoseidonia\n",
                         encoding="utf-8")
    kb = ActorKB.load(people, agents, igos, countries)
    assert kb.lookup("Mr Testperson", DAY).code == "MLIGOV"
    assert kb.lookup("the Malian leader", DAY).name == "Amara Testperson"
    assert kb.lookup("Zephyr Front militants", DAY).code == "NERREB"
    assert kb.lookup("freedom riders").code == "REB"
    assert kb.lookup("the STU").code == "IGOSAH"
    assert kb.lookup("Atlantidan troops").code == "XAAMIL"
    assert kb.lookup("Poseidonia").code == "XAAGOV"
    assert kb.lookup("Kim Jong Un", DAY).code == "PRKGOV"  # packaged knowledge still there
    default = ActorKB.default()
    assert default.lookup("Mr Testperson", DAY) is None and default is ActorKB.default()
    bad = tmp_path / "bad.tsv"
    bad.write_text("foo\tbar\n1\t2\n", encoding="utf-8")
    with pytest.raises(ValueError):
        ActorKB.load(bad)


def test_lookup_returns_copies() -> None:
    first = resolve_actor("Washington", DAY)
    first.code = "XXX"
    assert resolve_actor("Washington", DAY).code == "USAGOV"


def test_data_integrity(kb: ActorKB) -> None:
    assert len(kb.countries) >= 195
    for iso3, country in kb.countries.items():
        assert len(iso3) == 3 and iso3.isupper() and country.name
    # No name, alias, demonym or capital points to two different countries.
    for key, entries in kb._index.items():
        isos = {e.ref.iso3 for e in entries if e.kind in ("country", "adj", "capital")}
        assert len(isos) <= 1, (key, isos)
    ids = [p.id for p in kb.people.values()]
    assert len(ids) == len(set(ids)) and len(ids) >= 100
    known_titles = {t for targets in kb.titles.values() for t in targets}
    for person in kb.people.values():
        for role in person.roles:
            assert role.start is None or role.end is None or role.start < role.end, person.id
            assert role.title in known_titles, (person.id, role.title)
            assert role.country in kb.countries or role.org in kb.igos, person.id
    for iso3 in ("USA", "CHN", "RUS", "PRK", "KOR", "JPN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PAK",
                 "TUR", "SAU"):
        for title in ("@leader", "foreign minister"):
            holder = kb._holder("leader" if title == "@leader" else title, iso3, None, "2025-09-27", None)
            assert holder is not None, (iso3, title)


@pytest.mark.skipif(not (SHARED / "plover").exists(), reason="needs ../shared/data/plover")
def test_plover_gold_actor_countries() -> None:
    """Agreement with the country (or IGO) of PLOVER gold actor mentions; most stories are from before 2009."""
    total = agree = 0
    for line in (SHARED / "plover" / "gold_with_cameo.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        for gold in record["source"] + record["target"]:
            if not gold.get("actorText") or not gold.get("code"):
                continue
            total += 1
            actor = resolve_actor(gold["actorText"], record.get("date"))
            if actor is None:
                continue
            if gold["code"] == "IGO":
                agree += actor.sector in ("IGO", "NGO")
            else:
                agree += actor.country == gold["code"][:3]
    assert total > 300
    assert agree / total >= 0.65, (agree, total)


# ---------------------------------------------------------------- wave 2: the world's leaders, collectives, memory
@pytest.mark.parametrize(
    "phrase, date, code",
    [
        ("Lula", "2005-06-01", "BRAGOV"),
        ("Lula", "2014-06-01", "BRAELI"),  # between his terms: a national elite
        ("Lula", "2024-06-01", "BRAGOV"),
        ("Vladimir Putin", "2010-01-01", "RUSGOV"),  # prime minister then
        ("Jacques Chirac", "2003-03-01", "FRAGOV"),
        ("Mr Ruto", "2024-01-01", "KENGOV"),
        ("the Kenyan president", "2010-01-01", "KENGOV"),
        ("Ursula von der Leyen", "2017-01-01", "DEUMIL"),  # German defence minister
        ("Ursula von der Leyen", "2023-01-01", "IGOEUEC"),
        ("the US defense secretary", "2025-09-27", "USAMIL"),
        ("Pope Francis", "2016-06-01", "VATREL"),
        ("Irish Taoiseach Leo Varadkar", "2018-01-01", "IRLGOV"),
    ],
)
def test_dated_roles_across_regions(phrase: str, date: str, code: str) -> None:
    actor = resolve_actor(phrase, date)
    assert actor is not None and actor.code == code, (phrase, date, actor, actor and actor.why)


def test_holder_of_a_title_changes_with_the_date(kb: ActorKB) -> None:
    assert kb.lookup("the Nigerian president", "2012-01-01").name == "Goodluck Jonathan"
    assert kb.lookup("the Nigerian president", "2020-01-01").name == "Muhammadu Buhari"
    assert kb.lookup("the Australian prime minister", "2014-01-01").name == "Tony Abbott"


def test_seed_gap_phrases(kb: ActorKB) -> None:
    scholar = kb.lookup("Dr Lee Seong-hyon, a visiting scholar and associate at the Harvard University Asia Centre", DAY)
    assert scholar.sector == "EDU" and scholar.name.startswith("Lee Seong")
    assert resolve_actor("North Korean state media", DAY).code == "PRKMED"
    assert resolve_actor("analysts", DAY).sector == "EDU"
    assert resolve_actor("a Seoul Foreign Ministry official", DAY).code == "KORGOV"
    fletcher = resolve_actor("UN aid chief Tom Fletcher", DAY)
    assert fletcher.code.startswith("IGOUNO") and fletcher.name == "Tom Fletcher"


def test_lookup_all_collectives_and_coordination(kb: ActorKB) -> None:
    assert [a.code for a in kb.lookup_all("the two Koreas", DAY)] == ["KOR", "PRK"]
    assert [a.code for a in kb.lookup_all("Israel and Hamas", DAY)] == ["ISR", "PSEREB"]
    assert [a.code for a in kb.lookup_all("Trinidad and Tobago", DAY)] == ["TTO"]  # one name with "and"
    assert [a.code for a in kb.lookup_all("Kim Jong Un", DAY)] == ["PRKGOV"]
    assert kb.lookup_all("the meeting", DAY) == []


def test_story_memory_prefers_the_story_s_own_person(kb: ActorKB) -> None:
    story = StoryActors(kb, DAY)
    story.resolve("Dr Lee Seong-hyon, a visiting scholar at a university")
    assert story.resolve("Dr Lee").sector == "EDU"  # not South Korea's President Lee Jae-myung
    story = StoryActors(kb, DAY)
    assert story.resolve("Malian army spokesman Oumar Testadiarra").code == "MLIMIL"
    assert story.resolve("Mr Testadiarra").code == "MLIMIL"


def test_people_files_load_small() -> None:
    # load time is measured in benchmarks/RESULTS.md, not here: a timed assertion fails on a busy machine
    import tracemalloc

    tracemalloc.start()
    kb = ActorKB.load()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 200 * 2**20
    assert len(kb.people) >= 1000
    # every country has a head of state or government listed for 2025 or before
    covered = {r.country for p in kb.people.values() for r in p.roles if r.country}
    assert len(covered) >= 150


def test_actors_cli_lookup(capsys: pytest.CaptureFixture[str]) -> None:
    from whodid.cli import main

    assert main(["actors", "lookup", "Kim", "Jong", "Un", "--date", "2019-06-30", "--json"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["code"] == "PRKGOV" and row["kb_id"] == "person:kim-jong-un" and row["why"]
    assert main(["actors", "lookup", "the two Koreas"]) == 0
    out = capsys.readouterr().out
    assert "KOR" in out and "PRK" in out
    assert main(["actors", "lookup", "zzqx blorp"]) == 1


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("about 200 Chilean students", "CHLEDU"),           # approximate counts before a group are skipped
        ("hundreds of thousands of Iraqi civilians", "IRQCVL"),
        ("at least 30 Kenyan police officers", "KENCOP"),
        ("some 2,000 Ukrainian troops", "UKRMIL"),         # digits with thousands separators too
    ],
)
def test_counted_groups(kb, phrase, code):
    actor = kb.lookup(phrase, "2020-05-01")
    assert actor is not None and actor.code == code


def test_long_acronym_spelt_as_a_word_is_not_read_inside_a_name(kb):
    # "Sadr" ends a cleric's name; only the capitals (or the word alone) name the Sahrawi Republic
    assert getattr(kb.lookup("Muqtada al-Sadr", "2017-03-25"), "code", None) != "ESH"
    assert kb.lookup("SADR", "2017-03-25").code == "ESH"
    assert kb.lookup("Nato", "2017-03-25").code == "IGONATO"  # British spelling of an acronym still works
    assert kb.lookup("Nato Secretary-General Jens Stoltenberg", "2017-03-25").code == "IGONATO"


def test_place_after_at_gives_the_country_not_the_institution(kb):
    day = "2017-03-25"
    assert kb.lookup("business leaders at the White House", day).code == "USABUS"  # guests, not the government
    assert kb.lookup("officials at the White House", day).code == "USAGOV"  # staff of the institution
    # where protesters stand is no affiliation at all
    assert kb.lookup("protesters outside the Russian embassy", day).code == "CVL"
    assert kb.lookup("nurses across Indonesia", day).code == "IDNHLH"  # an area gives the people's country
    assert kb.lookup("activists from the Fatah party", day).code.startswith("PSE")  # members of it


def test_national_body_named_like_an_international_one(kb):
    day = "2017-03-25"
    assert kb.lookup("the Ukrainian Security Council", day).code == "UKRGOV"
    assert kb.lookup("the American Red Cross", day).code == "USANGO"
    assert kb.lookup("the Security Council", day).code == "IGOUNOSC"  # alone, the UN's


def test_a_title_one_country_bears_names_its_holder():
    from whodid.actors import resolve_actor

    holder = resolve_actor("the Taoiseach", date="2017-03-01")
    assert holder is not None and holder.country == "IRL" and holder.name
    generic = resolve_actor("the president", date="2017-03-01")  # many countries have one
    assert generic is None or generic.country is None


def test_a_title_met_at_another_date_is_that_date_s_holder() -> None:
    story = StoryActors(date="2024-05-01")
    assert story.resolve("Chad's president").name == "Mahamat Deby"
    assert story.resolve("Chad's president", "2015-06-15").name == "Idriss Deby"


@pytest.mark.parametrize("phrase", ["the leader", "their leader", "the secretary-general", "the director-general"])
def test_generic_titles_name_no_one_in_particular(kb: ActorKB, phrase: str) -> None:
    # every country has a paramount leader, and secretaries-general head many bodies: the bare title is a post,
    # not the one person the knowledge happens to list under that exact wording
    actor = kb.lookup(phrase, "2025-03-12")
    assert actor is not None and actor.name is None and actor.country is None
    assert actor.sector == "GOV"


def test_a_country_leader_is_still_its_holder(kb: ActorKB) -> None:
    actor = kb.lookup("the North Korean leader", "2025-03-12")
    assert actor is not None and actor.kb_id == "person:kim-jong-un"


def test_a_date_names_no_office(kb: ActorKB) -> None:
    # "January 10" is a day, not Number 10 Downing Street
    assert kb.lookup("January 10", "2017-01-12") is None
    assert kb.lookup("Number 10", "2017-01-12").code == "GBRGOV"


@pytest.mark.parametrize("phrase, code", [
    ("the former Kenyan president", "KENELI"),  # not the president in office at the date
    ("Kenya's ex-minister", "KENELI"),
    ("former Ugandan lawmakers", "UGAELI"),
    ("a former UN official", "ELI"),  # no longer acts for the UN
])
def test_a_former_office_holder_is_an_elite_not_the_holder(kb: ActorKB, phrase: str, code: str) -> None:
    actor = kb.lookup(phrase, DAY)
    assert actor is not None and actor.code == code and not (actor.kb_id or "").startswith("person:")
    assert kb.lookup(phrase.replace("former ", "").replace("ex-", ""), DAY).code != code  # in office: not ELI


def test_the_former_president_is_not_the_one_the_story_named(kb: ActorKB) -> None:
    memory = StoryActors(kb)
    memory.resolve("Kenyan President William Ruto", DAY)
    assert memory.resolve("the former Kenyan president", DAY).code == "KENELI"
    assert memory.resolve("the Kenyan president", DAY).name == "William Ruto"


@pytest.mark.parametrize("phrase, code", [("Ghana's central bank", "GHAGOV"), ("the Ghanaian central bank governor", "GHAGOV"),
                                          ("a Ghanaian bank", "GHABUS")])
def test_a_central_bank_is_government_a_bank_is_business(kb: ActorKB, phrase: str, code: str) -> None:
    assert kb.lookup(phrase, DAY).code == code
