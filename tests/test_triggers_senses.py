"""Trigger senses added in round 2 of the lexicon (w8-lexicon), on sentences written for these tests: the lexicon
match of each word, and the events the coder makes of whole sentences."""
from __future__ import annotations

import pytest

from event_helpers import sense as _sense
from whodid.triggers import TriggerLexicon


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.default()


@pytest.mark.parametrize("sentence, word, expected", [
    # sexual abuse of people
    ("Guards sexually abused several detainees at the prison.", "abused", ("ASSAULT", "1821")),
    ("The militiamen abused the captives sexually.", "abused", ("ASSAULT", "1821")),
    ("The report documents sexual violence against displaced women.", "violence", ("ASSAULT", "1821")),
    # defacing or breaking into websites and networks
    ("Activists defaced the ministry's website overnight.", "defaced", ("COERCE", "176")),
    ("A hacker group breached the electoral commission's network.", "breached", ("COERCE", "176")),
    # people driven from their homes
    ("Militiamen drove the farmers from their villages.", "drove", ("COERCE", "174")),
    ("The farmers were driven from their villages by militiamen.", "driven", ("COERCE", "174")),
    ("The troops forced hundreds of families out of their homes.", "forced", ("COERCE", "174")),
    # a plot or an attempt to kill a leader
    ("Police uncovered a plot to assassinate the governor.", "plot", ("ASSAULT", "185")),
    # troops on alert, war games
    ("Border units remained on alert through the night.", "alert", ("MOBILIZE", "152")),
    ("The navy held war games near the strait.", "games", ("MOBILIZE", "150")),
    ("The army ordered more patrols along the frontier.", "patrols", ("MOBILIZE", "150")),
    ("The two armies staged joint war games in the desert.", "games", ("COOPERATE", "062")),
    ("Chile and Peru launched naval exercises off the coast.", "exercises", ("COOPERATE", "062")),
    ("Chile, Peru and Ecuador took part in war games in the Pacific.", "games", ("COOPERATE", "062")),
    # investigations and hearings
    ("Magistrates placed the mayor under investigation for bribery.", "investigation", ("ACCUSE", "090")),
    ("The senate opened hearings into the arms sale.", "hearings", ("ACCUSE", "090")),
    # demands, asylum
    ("The donors are pressuring the junta to hold elections.", "pressuring", ("REQUEST", "100")),
    ("The defector sought asylum at the embassy.", "sought", ("REQUEST", "1034")),
    ("Thousands of villagers applied for asylum in the neighbouring state.", "applied", ("REQUEST", "1034")),
    # criticism and disapproval
    ("The senator hit out at the cabinet over the cuts.", "hit", ("ACCUSE", "111")),
    ("The farmers voiced opposition to the land reform.", "opposition", ("ACCUSE", "110")),
    ("Several states expressed their opposition to the new levy.", "opposition", ("ACCUSE", "110")),
    ("Tehran questioned the legitimacy of the inquiry.", "questioned", ("ACCUSE", "110")),
    ("The opposition challenged the election results.", "challenged", ("ACCUSE", "110")),
    ("The ex-premier launched a blistering attack on the central bank.", "attack", ("ACCUSE", "111")),
    # troops sent as peacekeepers, peacekeepers deploying
    ("Ghana deployed 400 soldiers as peacekeepers in Mali.", "deployed", ("AID", "074")),
    ("Nepalese peacekeepers began deploying in the south.", "deploying", ("AID", "074")),
    # a strike called off yields
    ("The dockers called off their strike on Friday.", "called", ("CONCEDE", "080")),
    # visa-free travel ended for another country's citizens
    ("Warsaw will cancel visa-free entry for Belarusians.", "cancel", ("SANCTION", "163")),
    # cooperation
    ("The two agencies agreed to share expertise on flood defence.", "share", ("COOPERATE", "060")),
    # easing: curfews, restrictions, tariffs
    ("The governor shortened the curfew by three hours.", "shortened", ("RETREAT", "0813")),
    ("The junta relaxed the curfew in the capital.", "relaxed", ("RETREAT", "0813")),
    ("The council cancelled restrictions on street markets.", "cancelled", ("CONCEDE", "081")),
    ("Ottawa cut tariffs on Mexican steel.", "cut", ("RETREAT", "085")),
    # refugees taken in; a commitment restated; a host's welcome
    ("The island state accepted 400 refugees last year.", "accepted", ("AID", "075")),
    ("The ministers reaffirmed the truce signed in May.", "reaffirmed", ("AGREE", "030")),
    # support restated or pledged is support; money or arms pledged stay a promise of aid
    ("The premier reiterated her country's support for the plan.", "reiterated", ("SUPPORT", "051")),
    ("The ministers pledged their full backing to the new government.", "pledged", ("SUPPORT", "051")),
    ("Norway pledged financial support to the agency.", "pledged", ("AGREE", "033")),
    ("The king gave the visiting president a warm welcome.", "welcome", ("CONSULT", "043")),
    # more trades that strike
    ("The seamen's strike closed the harbour.", "strike", ("PROTEST", "143")),
    # people and ships freed, cultural property handed back
    ("The gunmen released four tourists near the border.", "released", ("RETREAT", "0841")),
    ("The two nurses were released from detention on Friday.", "released", ("RETREAT", "0841")),
    ("The navy released the impounded trawler.", "released", ("RETREAT", "0842")),
    ("The museum returned the bronzes to Nigeria.", "returned", ("RETREAT", "0842")),
    # human shields, arrest warrants, emergency rule, expulsions
    ("The gang used the hostages as human shields.", "shields", ("ASSAULT", "184")),
    ("Prosecutors issued an arrest warrant for the former minister.", "warrant", ("COERCE", "173")),
    ("The president declared a state of siege in two provinces.", "siege", ("COERCE", "1724")),
    ("The army forced the deposed leader out of the country.", "forced", ("COERCE", "174")),
    ("The regime forced the relief agency out of the country.", "forced", ("SANCTION", "1663")),
    # hunger strikes gone on, arrivals at a seat of government
    ("Detainees went on hunger strike over their conditions.", "strike", ("PROTEST", "142")),
    ("The Irish premier arrived at the White House on Monday.", "arrived", ("CONSULT", "042")),
])
def test_new_senses(lexicon, nlp, sentence, word, expected):
    assert _sense(lexicon, nlp, sentence, word) == expected


@pytest.mark.parametrize("sentence, word", [
    ("Floods forced thousands of people from their homes.", "forced"),  # no one's act
    ("Thousands have been forced from their homes during the fighting.", "forced"),  # displaced: no agent told
    ("Families forced from their homes sheltered in schools.", "forced"),
    ("The pressure of the job forced him out of the house early.", "forced"),  # no home left: moved out
    ("The opposition won three seats in the assembly.", "opposition"),  # the parties, not disapproval
    ("The leaders of the opposition met in the capital.", "opposition"),
    ("The court held a bail hearing for the activist.", "hearing"),  # a step of a trial
    ("The company hacked its prices down to win customers.", "hacked"),  # no network broken into
    ("The council accepted the proposal for a new bridge.", "accepted"),  # no refugees: not asylum
    ("The negotiators arrived at a compromise late at night.", "arrived"),  # a decision, not a place
    ("The band released a new album in May.", "released"),  # nothing freed
    ("Detectives questioned the suspect for six hours.", "questioned"),  # an interview, no disapproval
    ("The rebels launched a fierce attack on the garrison.", "attack"),  # fighting, not words
    ("Widows there must accept exile from their homes.", "accept"),  # exiled, not taken in
    ("The senator's opposition to abortion is well known.", "opposition"),  # a standing view, not an act
])
def test_new_senses_leave_other_uses_alone(lexicon, nlp, sentence, word):
    sense = _sense(lexicon, nlp, sentence, word)
    assert sense is None or sense[1] not in {"174", "110", "111", "090", "176", "075", "042", "0841"}, \
        (sentence, sense)


def _events(coder, text: str):
    return [(e.event_type, e.cameo, e.status) for e in coder.code_text(text, published="2024-03-01")]


def test_strike_governed_through_a_preposition_is_coded_with_its_subject(coder):
    # "went on strike": the governing verb reaches the noun through "on"; its subject strikes. "went" is no future
    events = coder.code_text("Kenyan teachers went on strike on Monday.", published="2024-03-01")
    strikes = [e for e in events if e.event_type == "PROTEST"]
    assert strikes and strikes[0].status == "asserted"
    assert strikes[0].actors and strikes[0].actors[0].country == "KEN"


def test_going_to_still_puts_the_act_in_the_future(coder):
    assert ("PROTEST", "143", "future") in _events(coder, "Kenyan teachers are going to strike next week.")


def test_troops_remaining_on_alert_is_a_raised_alert(coder):
    events = coder.code_text("Indian troops remained on alert near the border.", published="2024-03-01")
    assert [(e.event_type, e.cameo) for e in events] == [("MOBILIZE", "152")]
    assert events[0].actors[0].country == "IND"


def test_refugees_refused_are_a_rejection_under_the_cameo_convention(coder):
    from whodid.conventions import apply_convention

    events = coder.code_text("Poland said it will not accept refugees from the camps.", published="2024-03-01")
    assert ("AID", "075", "negated") in [(e.event_type, e.cameo, e.status) for e in events]
    assert "REJECT" in {e.event_type for e in apply_convention(events, "cameo")}


def test_words_after_and_before_load_from_yaml(tmp_path, nlp):
    body = ("triggers:\n  ASSAULT:\n    - {lemma: abuse, cameo: \"1821\", mode: sexual, before: [[sexually]]}\n"
            "  COERCE:\n    - {lemma: drive, cameo: \"174\", after: [[from, out], [home, village]]}\n")
    path = tmp_path / "extra.yaml"
    path.write_text(body, encoding="utf-8")
    lexicon = TriggerLexicon.load(path)
    drive = next(e for e in lexicon.entries if e.lemma == "drive")
    assert drive.after == (("from", "out"), ("home", "village"))
    assert _sense(lexicon, nlp, "Gunmen drove the herders from their village.", "drove") == ("COERCE", "174")
    assert _sense(lexicon, nlp, "She drove the children from school.", "drove") is None


def test_a_time_phrase_is_no_particle(lexicon, nlp):
    # "on Monday" says when: "called off the strike on Monday" is no "call on", "met the envoy in May" no "meet in"
    assert _sense(lexicon, nlp, "The truckers called off the strike on Monday.", "called") == ("CONCEDE", "080")
    assert _sense(lexicon, nlp, "The premier called the king on Tuesday.", "called") != ("REQUEST", "020")
    assert _sense(lexicon, nlp, "The UN called on both sides to stop fighting.", "called") == ("REQUEST", "020")


def test_violence_committed_is_no_commitment_and_thieves_looting_is_no_riot(coder):
    events = coder.code_text("Soldiers committed sexual violence against women in the camps.", published="2016-05-01")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert coder.code_text("Thieves looted paintings from the museum in Baghdad.", published="2016-05-01") == []


@pytest.mark.parametrize("text, event_type, cameo, status", [
    ("Rebels in Chad said they will release the former prime minister on Sunday.", "RETREAT", "0841", "future"),
    ("The militia announced it will return the weapons it took from the peacekeepers.", "RETREAT", "0842", "future"),
    ("NATO said it would tighten its sea blockade around the harbour.", "COERCE", "191", "future"),
    ("The relief agency reduced food rations to the camp in Kenya.", "SANCTION", "162", "asserted"),
])
def test_freed_officials_returned_arms_tightened_blockades_and_cut_rations(coder, text, event_type, cameo, status):
    events = coder.code_text(text, published="2016-05-01")
    assert (events[0].event_type, events[0].cameo, events[0].status) == (event_type, cameo, status), \
        [(e.event_type, e.cameo, e.trigger.text) for e in events]


@pytest.mark.parametrize("text", ["The band released a new album.", "The soldiers returned fire.",
                                  "The witness swore to tell the truth."])
def test_releases_returns_and_oaths_that_are_no_events(coder, text):
    assert [e.event_type for e in coder.code_text(text, published="2016-05-01")] in ([], ["ASSAULT"])
    assert all(e.event_type != "RETREAT" for e in coder.code_text(text, published="2016-05-01"))


def test_sworn_to_fight_is_a_threat_under_cameo_and_a_future_fight_under_whodid(coder):
    from whodid.conventions import apply_convention

    events = coder.code_text("Kurdish militiamen have sworn to fight until the valley is retaken.", published="2016-05-01")
    assert [(e.event_type, e.status) for e in events] == [("THREATEN", "asserted")] or \
        [(e.event_type, e.status) for e in events] == [("ASSAULT", "future")]
    assert [e.event_type for e in apply_convention(events, "cameo")] == ["THREATEN"]


def test_defending_oneself_backs_no_one(coder):
    assert not [e for e in coder.code_text("The Kenyan minister defended himself against charges of corruption.",
                                           published="2016-05-01") if e.event_type == "SUPPORT"]
    events = coder.code_text("The Kenyan minister defended Uganda at the summit.", published="2016-05-01")
    assert [(e.event_type, [a.country for a in e.recipients]) for e in events] == [("SUPPORT", ["UGA"])]
