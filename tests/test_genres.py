"""Story genres left uncoded (whodid.genres, data/genres.yaml): a match report tells of no political events. Stories
written for these tests."""
from __future__ import annotations

import copy

import pytest

from whodid.genres import GenreRules, story_genre

MATCH_REPORT = (
    "Northfield Rovers beat Eastbay United 3-1 on Saturday to climb to second in the league. "
    "The home striker scored twice before half-time, and the visiting goalkeeper was beaten again after the break "
    "when the Rovers midfielder curled a free kick into the top corner. Eastbay's coach said his team had attacked "
    "well but left gaps at the back. The fans in the stadium sang through the final minutes of the match. "
    "Rovers play in the cup quarter-final next week, and their coach said the club would rest two players. "
    "The referee sent off an Eastbay defender in stoppage time. The French president congratulated the Rovers. "
    "The season ends in May, and the league leaders "
    "have a game in hand. Rovers have now scored 40 goals this season, more than any other club in the league."
)

POLITICAL_STORY = (
    "The foreign ministers of Ghana and Togo met in Lome on Tuesday to discuss a dispute over their shared border, "
    "officials said. Ghana's minister urged Togo to reopen two crossings closed since March, and the two sides agreed "
    "to set up a joint commission. Protesters gathered outside the ministry, and police arrested six of them. The "
    "talks came a week after Togo accused Ghanaian troops of crossing the border. In the evening the delegations "
    "watched a football match at the national stadium, where fans of both countries cheered their teams. The two "
    "governments are to meet again in Accra next month, when a draft agreement on the border is expected."
)


def test_a_match_report_reads_as_sports():
    assert story_genre(MATCH_REPORT) == "sports"


def test_a_political_story_that_mentions_a_match_is_no_sports_story():
    assert story_genre(POLITICAL_STORY) is None


def test_a_short_text_is_never_given_a_genre():
    assert story_genre("The striker scored two goals as the club won the cup final in the stadium.") is None


def test_the_headline_counts_with_the_body():
    # four different sports words, often enough, but one short of min_distinct; the headline brings the fifth
    body = " ".join(["The coach told fans after the match that the league was tough for everyone involved."] * 8)
    assert story_genre(body) is None
    assert story_genre(body, "Cup dreams end") == "sports"


def test_sports_is_skipped_by_default():
    assert "sports" in GenreRules.default().skipped


def test_the_coder_leaves_a_sports_story_uncoded(coder):
    assert coder.code_text(MATCH_REPORT, published="2024-05-02") == []


def test_the_coder_codes_a_political_story_with_a_match_in_it(coder):
    assert coder.code_text(POLITICAL_STORY, published="2024-05-02")


@pytest.fixture(scope="module")
def coder_of_all_genres(coder):
    all_genres = copy.copy(coder)  # the session's pipeline and knowledge, another setting
    all_genres.skip_genres = frozenset()
    return all_genres


def test_a_coder_told_to_code_every_genre_codes_the_match_report(coder_of_all_genres):
    events = coder_of_all_genres.code_text(MATCH_REPORT, published="2024-05-02")
    assert [e.trigger.text for e in events] == ["congratulated"]
