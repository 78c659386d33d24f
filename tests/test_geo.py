"""Tests for whodid.geo: gazetteer ranking, geoparse and event location (invented sentences only)."""
from __future__ import annotations

from pathlib import Path

import pytest

from whodid.geo import Gazetteer, dateline_end, event_location, geoparse, normalize_name, resolve_spans
from whodid.model import Place


def parse(nlp, text: str):
    doc = nlp(text)
    return doc, geoparse(text, doc)


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


def names(places: list[Place]) -> list[str]:
    return [p.name for p in places]


# -- gazetteer ------------------------------------------------------------------------------------------------
def test_default_is_built_once(gaz):
    assert Gazetteer.default() is gaz


def test_candidate_ranking_prefers_country_capital_state(gaz):
    georgia = gaz.candidates("Georgia")
    assert (georgia[0].feature, georgia[0].country) == ("country", "GEO")
    assert any(p.feature == "admin1" and p.country == "USA" for p in georgia[1:])
    washington = gaz.candidates("Washington")[0]
    assert (washington.feature, washington.country, washington.admin1) == ("city", "USA", "District of Columbia")
    assert gaz.candidates("Virginia")[0].feature == "admin1"  # the state, not the small South African town
    paris = gaz.candidates("Paris")
    assert paris[0].country == "FRA" and any(p.country == "USA" for p in paris)
    assert all(p.start == p.end == 0 for p in paris)


def test_country_aliases_and_curated_places(gaz):
    assert gaz.resolve("U.S.").country == "USA"
    assert gaz.resolve("Britain").country == "GBR"
    dmz = gaz.resolve("the DMZ")
    assert dmz.feature == "landmark" and dmz.lat == pytest.approx(38.0, abs=0.5)
    assert gaz.resolve("Strait of Hormuz").feature == "water"
    seoul = gaz.resolve("Seoul")
    assert seoul.geonameid and seoul.country == "KOR" and seoul.lat == pytest.approx(37.57, abs=0.1)


def test_context_country_changes_choice(gaz):
    assert gaz.resolve("Alexandria").country == "EGY"
    assert gaz.resolve("Alexandria", context_countries=["USA"]).country == "USA"


def test_demonyms_and_organisations_are_not_names(gaz):
    for word in ("North Korean", "Korean", "Apec", "Hezbollah"):
        assert not gaz.candidates(word), word
    assert normalize_name("South Korea\u2019s") == normalize_name("south korea's")


def test_user_places_file(tmp_path: Path):
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my sites\nname\talternate_names\tfeature\tcountry\tadmin1\tlat\tlon\n"
        "Quellmark Ridge\tQuellmark Heights|the Ridge Post\tlandmark\tNOR\t\t61.50\t8.25\n",
        encoding="utf-8",
    )
    gaz = Gazetteer.load(extra)
    place = gaz.resolve("Quellmark Heights")
    assert (place.name, place.country, place.feature, place.lat, place.lon) == (
        "Quellmark Ridge", "NOR", "landmark", 61.5, 8.25)
    assert gaz.resolve("Quellmark Ridge").name == "Quellmark Ridge"
    assert Gazetteer.default().resolve("Quellmark Ridge") is None  # user files do not leak into the default
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\talternate_names\tfeature\tcountry\tadmin1\tlat\tlon\nX\t\tcastle\t\t\t1\t1\n")
    with pytest.raises(ValueError):
        gaz.add_file(bad)


# -- geoparse -------------------------------------------------------------------------------------------------
def test_possessive_is_stripped_and_offsets_exact(nlp):
    text = "Officials said South Korea\u2019s navy would patrol near Busan next month."
    doc, places = parse(nlp, text)
    korea = next(p for p in places if p.country == "KOR" and p.feature == "country")
    assert korea.text == "South Korea" and text[korea.start:korea.end] == "South Korea"
    assert all(text[p.start:p.end] == p.text for p in places)


def test_dateline_found_and_demonyms_only_on_request(nlp):
    text = "HANOI \u2013 North Korean envoys arrived for talks that Vietnamese officials called useful."
    doc = nlp(text)
    places = geoparse(text, doc, demonyms=False)  # the coder's setting
    assert names(places) == ["Hanoi"] and places[0].text == "HANOI" and places[0].start == 0
    # geoparse's default also reports a country's demonym as a mention of the country, with its own words
    found = {p.text: (p.name, p.country, p.feature) for p in geoparse(text, doc)}
    assert found["North Korean"] == ("North Korea", "PRK", "country")
    assert found["Vietnamese"][1:] == ("VNM", "country") and found["HANOI"][0] == "Hanoi"
    assert dateline_end(text) == text.index("North")
    assert dateline_end("Hanoi is a city. Then more text - and a dash.") == 0


def test_apec_is_not_a_place(nlp):
    text = "Ministers gathered for the Apec forum to discuss tariffs."
    assert parse(nlp, text)[1] == []
    text = "Hamas fighters and Seoul National University students were mentioned in the report."
    doc = nlp(text)
    # the coder's setting: a name inside an organisation's name is no place of an event
    assert geoparse(text, doc, names_in_organisations=False) == []
    # geoparse's own default reads a toponym where it stands, as geoparsers are scored (LGL)
    assert [p.text for p in geoparse(text, doc)] == ["Seoul"]


def test_adjacent_state_or_country_picks_the_city(nlp):
    doc, places = parse(nlp, "The governor later flew to Paris, Texas, for a rally.")
    paris = places[0]
    assert (paris.name, paris.country, paris.admin1) == ("Paris", "USA", "Texas")
    assert places[1].feature == "admin1"
    text = "A fire broke out in Alexandria, La., on Sunday."
    _, places = parse(nlp, text)
    assert (places[0].country, places[0].admin1) == ("USA", "Louisiana")


def test_state_named_by_its_cities(nlp):
    text = "Storms hit Atlanta and Savannah on Monday, and Georgia declared an emergency."
    _, places = parse(nlp, text)
    georgia = next(p for p in places if p.text == "Georgia")
    assert (georgia.feature, georgia.country) == ("admin1", "USA")


def test_resolve_spans_with_gold_spans():
    text = "Kyiv and Lviv reported blackouts."
    out = resolve_spans(text, [(0, 4), (9, 13), (23, 32)])
    assert [p and p.country for p in out] == ["UKR", "UKR", None]


# -- event location -------------------------------------------------------------------------------------------
def test_meeting_place_not_dateline_or_actor(nlp):
    text = "SEOUL \u2013 South Korea\u2019s Unification Ministry said the two envoys met in Panmunjom on Friday."
    doc, places = parse(nlp, text)
    assert "Seoul" in names(places) and "Panmunjom" in names(places)
    assert event_location(token(doc, "met"), places, doc).name == "Panmunjom"
    assert event_location(token(doc, "said"), places, doc) is None


def test_appositive_pair_gives_the_city(nlp):
    text = "The summit in Hanoi, Vietnam produced no agreement, a Tokyo diplomat said."
    doc, places = parse(nlp, text)
    assert event_location(token(doc, "summit"), places, doc).name == "Hanoi"
    assert event_location(token(doc, "said"), places, doc) is None  # "a Tokyo diplomat" is the actor


def test_city_of_and_sidelines(nlp):
    text = "The two presidents talked on the sidelines of a trade summit in the Japanese city of Nagoya."
    doc, places = parse(nlp, text)
    assert event_location(token(doc, "talked"), places, doc).name == "Nagoya"


def test_noun_trigger_and_light_verb(nlp):
    doc, places = parse(nlp, "The foreign ministers held talks in Oslo on Tuesday.")
    assert event_location(token(doc, "talks"), places, doc).name == "Oslo"
    assert event_location(token(doc, "held"), places, doc).name == "Oslo"
    doc, places = parse(nlp, "The signing took place in Nairobi.")
    assert event_location(token(doc, "signing"), places, doc).name == "Nairobi"


def test_actor_modifier_and_other_clause_excluded(nlp):
    doc, places = parse(nlp, "Cairo said the ceasefire held after negotiators met in Doha.")
    assert event_location(token(doc, "said"), places, doc) is None
    assert event_location(token(doc, "met"), places, doc).name == "Doha"
    doc, places = parse(nlp, "Egypt\u2019s foreign minister criticised the plan.")
    assert event_location(token(doc, "criticised"), places, doc) is None


def test_movement_objects_only_when_asked(nlp):
    doc, places = parse(nlp, "The Indian prime minister visited Japan last week.")
    visited = token(doc, "visited")
    assert event_location(visited, places, doc) is None
    assert event_location(visited, places, doc, include_objects=True).name == "Japan"
    doc, places = parse(nlp, "The delegation arrived in Ankara late on Sunday.")
    assert event_location(token(doc, "arrived"), places, doc).name == "Ankara"


def test_only_places_in_the_trigger_sentence(nlp):
    doc, places = parse(nlp, "Talks were held in Vienna. The ministers later signed the accord.")
    assert event_location(token(doc, "signed"), places, doc) is None


# -- wave 2: areas have points, small towns, caching, "outside" ---------------------------------------------------
def test_countries_and_states_have_reference_points(gaz):
    usa = gaz.resolve("United States")
    assert (usa.geonameid, round(usa.lat), round(usa.lon)) == (6252001, 40, -98)  # the centre, not a city box
    texas = gaz.candidates("Texas")[0]
    assert texas.feature == "admin1" and texas.lat == pytest.approx(31.25, abs=0.5)
    ontario = gaz.resolve("Ontario")
    assert (ontario.feature, ontario.country, ontario.lat) == ("admin1", "CAN", pytest.approx(49.25, abs=0.5))
    for name in ("China", "Russia", "Brazil", "India", "Nigeria", "North Korea", "Ukraine", "Canada", "Australia"):
        assert gaz.resolve(name).lat is not None, name
    assert all(e.lat is not None for e in gaz.entries if e.feature == "admin1")


def test_small_towns_and_counties(gaz):
    # a village of a few hundred to a few thousand people is in the 500-population list
    assert any(p.country == "USA" and p.admin1 == "Ohio" for p in gaz.candidates("Gambier"))
    county = gaz.candidates("Madison County")
    assert county and all(p.feature == "admin2" and p.lat is not None for p in county)


def test_city_rows_cache(tmp_path, monkeypatch):
    from whodid import geo

    monkeypatch.setenv("WHODID_CACHE_DIR", str(tmp_path))
    rows = geo.city_rows(15000, 15000)
    assert list(tmp_path.glob("cities-*.pickle"))  # written on first use
    again = geo.city_rows(15000, 15000)
    assert again == rows and len(rows) > 20000
    seoul = next(r for r in rows if r[0] == 1835848)
    assert seoul[1] == "Seoul" and seoul[7][0] == "seoul"


def test_home_state_admits_small_town(nlp):
    text = "Flooding closed roads in Ohio on Monday. Police in Bellville said the bridge was out."
    _, places = parse(nlp, text)
    town = next((p for p in places if p.text == "Bellville"), None)
    assert town is not None and town.admin1 == "Ohio"


def test_outside_a_country_is_not_the_place(nlp):
    doc, places = parse(nlp, "The general went on a long journey outside Iran in May.")
    assert event_location(token(doc, "journey"), places, doc) is None
    doc, places = parse(nlp, "A car bomb exploded outside Kabul on Sunday.")
    assert event_location(token(doc, "exploded"), places, doc).name == "Kabul"


def test_eval_geo_scorer_on_invented_xml(tmp_path, nlp, gaz):
    from whodid.commands.eval_geo import read_lgl, score

    xml = tmp_path / "mini.xml"
    xml.write_text(
        "<articles><article docid='1'><text>Crews met in Nairobi, Kenya on Friday.</text><toponyms>"
        "<toponym><start>13</start><end>20</end><phrase>Nairobi</phrase><gaztag geonameid='184745'>"
        "<lat>-1.28</lat><lon>36.82</lon><country geonameid='192950'>Kenya</country></gaztag></toponym>"
        "<toponym><start>22</start><end>27</end><phrase>Kenya</phrase></toponym>"
        "</toponyms></article></articles>", encoding="utf-8")
    fig = score(read_lgl(xml, {192950: "KEN"}), nlp, gaz)
    assert fig["gold"] == 2 and fig["exact"][1] == 1.0
    oracle = fig["oracle"].figures()
    assert oracle["n"] == 1 and oracle["geonameid"] == 1.0 and oracle["acc161"] == 1.0


def test_abbreviated_saint_resolves_like_the_full_word():
    from whodid.geo import Gazetteer

    gazetteer = Gazetteer.default()
    for name in ("St Vincent and the Grenadines", "St. Vincent and the Grenadines"):
        place = gazetteer.resolve(name)
        assert place is not None and place.country == "VCT"


def test_a_country_the_parser_tags_as_a_date_is_still_a_place():
    from whodid.geo import geoparse

    places = geoparse("Militants kidnapped two engineers in Niger.", names_in_organisations=False, demonyms=False)
    assert [(p.text, p.country) for p in places] == [("Niger", "NER")]
