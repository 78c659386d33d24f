"""Tests for whodid.venues: a gathering's venue told in one sentence places events held at it (invented text)."""
from __future__ import annotations

import pytest

from whodid.geo import geoparse
from whodid.model import Place
from whodid.nlp import load_pipeline
from whodid.venues import StoryVenues


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _apec(phrase: str) -> str | None:
    return "IGOAPEC" if "apec" in phrase.lower() else None


def test_venue_named_later_refines_country(nlp):
    text = ("Officials hope for a meeting at the Apec forum in Japan. "
            "The forum, which will take place in the Japanese city of Nagoya, opens in November.")
    doc = nlp(text)
    places = geoparse(text, doc)
    venues = StoryVenues(resolve_name=_apec)
    sents = list(doc.sents)
    summit = next(t for t in sents[0] if t.text == "forum")
    assert venues.key(summit) == "IGOAPEC"
    for sent in sents:
        venues.observe(sent, places)
    assert venues.places["IGOAPEC"].name == "Nagoya"
    japan = next(p for p in places if p.feature == "country")
    assert venues.refine(japan, ["IGOAPEC"]).name == "Nagoya"  # the venue's country named: the city wins
    assert venues.refine(None, ["IGOAPEC"]).name == "Nagoya"
    # a venue told in another sentence is a weaker attachment than the event's own locative phrase
    nagoya = venues.places["IGOAPEC"]
    assert venues.refine(None, ["IGOAPEC"]).confidence == pytest.approx(0.8 * nagoya.confidence, abs=0.001)
    elsewhere = Place(text="Lima", start=0, end=4, name="Lima", country="PER", feature="city")
    assert venues.refine(elsewhere, ["IGOAPEC"]) is elsewhere  # a place of its own is kept
    assert venues.refine(None, ["IGOG20"]) is None


def test_first_summit_is_another_gathering(nlp):
    doc = nlp("The Apec summit opened. The first summit was held in Sydney.")
    venues = StoryVenues(resolve_name=_apec)
    nouns = [t for t in doc if t.text == "summit"]
    assert venues.key(nouns[0]) == "IGOAPEC"
    assert venues.key(nouns[1]) is None  # "the first summit" does not point back to the Apec one
