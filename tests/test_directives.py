"""What a directive asks for has not happened: the content of a demand, an appeal or a "must" is hypothetical
(whodid's convention) and no event of its own (CAMEO's); the directive is the event, aimed at the one asked.
Conjuncts of an alleged act are alleged too."""
from __future__ import annotations

import pytest

from whodid.conventions import apply_convention
from whodid.status import event_status

PUBLISHED = "2024-03-04"


def _status(nlp, sentence: str, trigger: str) -> str:
    doc = nlp(sentence)
    return event_status(next(t for t in doc if t.text == trigger))


def _events(coder, text: str, convention: str = "whodid"):
    return apply_convention(coder.code_text(text, published=PUBLISHED), convention)


def _by_trigger(coder, text: str, trigger: str):
    return next(e for e in _events(coder, text) if e.trigger.text.endswith(trigger))


@pytest.mark.parametrize(
    "sentence, trigger, expected",
    [
        # a verb's that-clause, infinitive and the conjuncts of it
        ("Paris demanded that Borduria withdraw its troops and pay damages.", "pay", "hypothetical"),
        ("The council urged the army to protect civilians and to open the roads.", "protect", "hypothetical"),
        ("The council urged the army to protect civilians and to open the roads.", "open", "hypothetical"),
        # a noun's clause, also where the parse hangs it on the noun's verb
        ("The agency renewed its demand that Ruritania ease restrictions on workers.", "ease", "hypothetical"),
        ("Aid groups renewed calls for the rebels to free the hostages.", "free", "hypothetical"),
        # a thing asked for and what it is for
        ("Villagers are demanding a peacekeeping force to protect them.", "protect", "hypothetical"),
        # the directive itself is told as done
        ("Paris demanded that Borduria withdraw its troops.", "demanded", "asserted"),
        # reporting is not asking: "said that" and an indicative "insisted that" tell what happened
        ("Madrid said that Borduria attacked the border post.", "attacked", "asserted"),
        ("The ministry insisted that Borduria had withdrawn its troops.", "withdrawn", "asserted"),
        ("The ministry insisted that Borduria withdraw its troops.", "withdraw", "hypothetical"),
        # a subject's own wish is no directive; a wish of another's act is
        ("The Ruritanian army wants to capture the town.", "capture", "asserted"),
        ("Ruritania wants Borduria to release the prisoners.", "release", "hypothetical"),
        # what a stopping presupposes is going on
        ("The council urged the army to stop shelling the town.", "shelling", "asserted"),
        # a participle on the thing asked for tells what is given
        ("The union demanded the release of prisoners held since 2019.", "held", "asserted"),
        # a phone call is no call for anything, nor is "called X on Saturday to ..." a "call on"
        ("The two leaders held a phone call to discuss trade.", "discuss", "asserted"),
        ("On Monday the chancellor called the Ruritanian president to apologize for the incident.", "apologize",
         "asserted"),
        # conjuncts of an alleged act are alleged; a new clause of the accuser's is not
        ("Ghana accused Togo of arming the rebels and attacking border posts.", "attacking", "alleged"),
        ("The watchdog accused the ministry of violating rights, ignoring the law and attacking protesters.",
         "attacking", "alleged"),
        ("Ghana accused Togo of shelling border villages and recalled its ambassador.", "recalled", "asserted"),
    ],
)
def test_directive_content_status(nlp, sentence, trigger, expected):
    assert _status(nlp, sentence, trigger) == expected


def test_an_act_asked_for_is_neither_done_nor_refused(coder):
    # "cancel" negates the plan only in what is demanded: no rejection by Ruritania under CAMEO's rules
    text = "Officials in Paris demanded that Ruritania cancel plans to sell rifles to Borduria."
    own = _by_trigger(coder, text, "sell")
    assert own.status == "hypothetical"
    cameo = _events(coder, text, "cameo")
    assert [e.event_type for e in cameo] == ["REQUEST"]


def test_an_event_noun_object_of_the_act_asked_for_is_given(coder):
    # the attacks go on; ending them is what is asked
    text = "Germany urged Iran to release the prisoners and to end its attacks on shipping."
    assert _by_trigger(coder, text, "attacks").status == "asserted"
    assert _by_trigger(coder, text, "end").status == "hypothetical"


def test_acts_inside_an_obligation_demand_are_hypothetical(coder):
    text = "The rebels said the Ruritanian president must agree to reforms before they demobilize."
    events = _events(coder, text)
    demand = next(e for e in events if e.event_type == "REQUEST")
    assert demand.status == "asserted"
    assert _by_trigger(coder, text, "demobilize").status == "hypothetical"
    assert [e.event_type for e in _events(coder, text, "cameo")] == ["REQUEST"]


def test_a_cause_given_for_an_obligation_is_told_as_done(coder):
    text = "The rebels said the Ruritanian president must resign because the army attacked protesters."
    assert _by_trigger(coder, text, "attacked").status == "asserted"


def test_the_act_asked_of_a_noun_directive_names_its_recipient(coder):
    for text in ("The European Union repeated its demand on Monday that Ruritania ease restrictions on workers.",
                 "The European Union renewed its demand that Ruritania ease restrictions on workers."):
        events = _events(coder, text, "cameo")
        assert [(e.event_type, [r.text for r in e.recipients]) for e in events] == [("REQUEST", ["Ruritania"])]
    text = "Amnesty International renewed calls for Ruritania to free the detained journalists."
    request = next(e for e in _events(coder, text) if e.event_type == "REQUEST")
    assert [r.text for r in request.recipients] == ["Ruritania"]


def test_the_act_asked_of_a_verb_directive_names_its_recipient(coder):
    cases = [("France demanded that Ruritania withdraw its troops from Borduria.", "Ruritania"),
             ("The European Union called for Ruritania to withdraw its troops.", "Ruritania"),
             ("Britain called on Israel to lift the blockade of Gaza.", "Israel")]
    for text, recipient in cases:
        events = _events(coder, text, "cameo")
        assert [(e.event_type, [r.text for r in e.recipients]) for e in events] == [("REQUEST", [recipient])], text


def test_a_demand_for_a_release_stays_the_event(coder):
    text = "The union demanded the release of prisoners held since 2019."
    assert [e.event_type for e in _events(coder, text, "cameo")] == ["REQUEST"]


def test_possible_acts_are_no_events_under_cameo(coder):
    text = "The two leaders could meet in Oslo next month."
    assert [e.status for e in _events(coder, text)] == ["hypothetical"]
    assert _events(coder, text, "cameo") == []


def test_a_wish_of_another_s_act_is_an_appeal(coder):
    text = "The United States wants Ruritania to release the detained journalists."
    events = _events(coder, text, "cameo")
    assert [(e.event_type, [a.code for a in e.actors], [r.text for r in e.recipients]) for e in events] == \
        [("REQUEST", ["USA"], ["Ruritania"])]
    # the subject's own wish is no appeal, nor is a speaker's "I want you to"
    for text in ("The Ruritanian army wants to capture the town.", "I want you to know the truth."):
        assert not any(e.event_type == "REQUEST" for e in _events(coder, text)), text


@pytest.mark.parametrize("text", ["Rebels in Chad insisted on their demand that the Nigerien government free the hostages.",
                                  "Rebels in Chad stood by their demand that the Nigerien government free the hostages."])
def test_a_demand_held_to_is_aimed_at_the_subject_of_its_clause(coder, text):
    # "insisted on its demand that X ...": one request, by the insisters, of X (not an act asked for and dropped)
    [request] = [e for e in _events(coder, text) if e.event_type == "REQUEST"]
    assert [a.country for a in request.actors] == ["TCD"] and [r.country for r in request.recipients] == ["NER"]
