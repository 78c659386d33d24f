"""The trigger lexicon: matching parsed tokens of invented sentences, intent codes, loading and validation."""
from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from whodid.triggers import LexiconError, TriggerEntry, TriggerLexicon, surface_lemmas


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.default()


def _token(doc, word: str):
    """The first token whose text is ``word``."""
    for token in doc:
        if token.text == word:
            return token
    raise AssertionError(f"{word!r} not in {doc.text!r}")


def _match(lexicon, nlp, sentence: str, word: str):
    return lexicon.match(_token(nlp(sentence), word))


def _assert_senses(lexicon, nlp, cases) -> None:
    """Each (sentence, word, event type, CAMEO code): the word's matched sense in the sentence."""
    for sentence, word, event_type, cameo in cases:
        entry = _match(lexicon, nlp, sentence, word)
        assert entry is not None, sentence
        assert (entry.event_type, entry.cameo) == (event_type, cameo), sentence


# --- the lexicon as data -------------------------------------------------------------------------------------
def test_lexicon_size_and_shape(lexicon):
    assert len(lexicon.entries) >= 300
    assert TriggerLexicon.default() is lexicon
    entry = lexicon.entries[0]
    assert isinstance(entry, TriggerEntry)
    with pytest.raises(FrozenInstanceError):
        entry.cameo = "999"  # type: ignore[misc]
    assert {"hold", "make", "pay", "launch", "impose", "carry out", "stage", "take"} <= lexicon.support_verbs
    assert {"hope", "want", "plan", "intend", "seek", "offer", "promise", "agree", "vow", "pledge", "propose",
            "expect", "aim", "ready", "willing", "eager"} <= lexicon.intent_verbs


def test_surface_lemmas():
    assert "hope" in surface_lemmas("hoped")
    assert "stage" in surface_lemmas("staged")
    assert "ban" in surface_lemmas("banned")
    assert "ally" in surface_lemmas("allies")
    assert "talk" in surface_lemmas("talks")
    assert surface_lemmas("go") == []


# --- verbs ---------------------------------------------------------------------------------------------------
def test_verb_meet_is_reciprocal_consult(lexicon, nlp):
    entry = _match(lexicon, nlp, "The two foreign ministers met in Oslo on Tuesday.", "met")
    assert (entry.event_type, entry.cameo, entry.reciprocal) == ("CONSULT", "040", True)
    assert "with" in entry.recipient_preps


def test_meet_a_target_is_no_meeting(lexicon, nlp):
    assert _match(lexicon, nlp, "The utility will meet its emission targets next year.", "meet") is None


def test_verb_senses(lexicon, nlp):
    cases = [
        ("Police detained four journalists in the capital.", "detained", "COERCE", "173"),
        ("The envoy condemned the shelling of the harbour.", "condemned", "ACCUSE", "111"),
        ("The cabinet rejected the proposal on Friday.", "rejected", "REJECT", "125"),
        ("The militia abducted two engineers.", "abducted", "ASSAULT", "181"),
        ("Militants assassinated the provincial governor.", "assassinated", "ASSAULT", "186"),
        ("The minister visited Ankara last week.", "visited", "CONSULT", "042"),
        ("The council vetoed the resolution.", "vetoed", "REJECT", "129"),
        ("The senators praised the negotiators.", "praised", "SUPPORT", "051"),
        ("The rebels threatened the garrison.", "threatened", "THREATEN", "130"),
    ]
    _assert_senses(lexicon, nlp, cases)


# --- nouns ---------------------------------------------------------------------------------------------------
def test_noun_senses(lexicon, nlp):
    cases = [
        ("The summit between the two leaders ended early.", "summit", "CONSULT", "040"),
        ("Negotiators resumed talks with the union.", "talks", "CONSULT", "046"),
        ("The ceasefire held through the night.", "ceasefire", "RETREAT", "0871"),
        ("The crackdown on bloggers intensified.", "crackdown", "COERCE", "170"),
        ("A large demonstration filled the square.", "demonstration", "PROTEST", "141"),
        ("The ultimatum expires at noon.", "ultimatum", "THREATEN", "139"),
        ("The president paid a visit to the port city.", "visit", "CONSULT", "042"),
    ]
    _assert_senses(lexicon, nlp, cases)


def test_noun_modifier_constraints(lexicon, nlp):
    assert _match(lexicon, nlp, "A troop deployment along the frontier worried the villagers.",
                  "deployment").event_type == "MOBILIZE"
    drone = _match(lexicon, nlp, "The drone strike destroyed a fuel depot.", "strike")
    assert (drone.event_type, drone.cameo, drone.mode) == ("ASSAULT", "1952", "drone")
    air = _match(lexicon, nlp, "An air strike hit the bridge at dawn.", "strike")
    assert (air.event_type, air.cameo) == ("ASSAULT", "195")
    hunger = _match(lexicon, nlp, "The detainees began a hunger strike on Monday.", "strike")
    assert (hunger.event_type, hunger.cameo) == ("PROTEST", "142")
    phone = _match(lexicon, nlp, "The chancellor held a phone call with the premier.", "call")
    assert (phone.event_type, phone.mode) == ("CONSULT", "phone")


def test_labour_strike_versus_military_strike(lexicon, nlp):
    labour = _match(lexicon, nlp, "Dockworkers went on strike over pay.", "strike")
    assert (labour.event_type, labour.mode) == ("PROTEST", "strike")
    assert _match(lexicon, nlp, "Nurses struck for a second day.", "struck").event_type == "PROTEST"
    assert _match(lexicon, nlp, "Two missiles struck the depot overnight.", "struck").event_type == "ASSAULT"
    deal = _match(lexicon, nlp, "The two parties struck a deal on water rights.", "struck")
    assert deal.event_type == "AGREE"


def test_modifier_nouns_are_not_events(lexicon, nlp):
    doc = nlp("The protest leader was arrested for war crimes.")
    assert lexicon.match(_token(doc, "protest")) is None
    assert lexicon.match(_token(doc, "war")) is None
    assert lexicon.match(_token(doc, "arrested")).event_type == "COERCE"


def test_month_march_is_no_protest(lexicon, nlp):
    doc = nlp("The elections were held in March.")
    assert lexicon.match(_token(doc, "March")) is None


def test_hyphenated_nouns(lexicon, nlp):
    doc = nlp("Farmers staged a sit-in at the depot after the cease-fire.")
    sit_in = [e for t, e in lexicon.matches(doc) if e.event_type == "PROTEST"]
    ceasefire = [e for t, e in lexicon.matches(doc) if e.cameo == "0871"]
    assert sit_in and ceasefire


# --- phrasal verbs -------------------------------------------------------------------------------------------
def test_phrasal_verbs(lexicon, nlp):
    pulled = _match(lexicon, nlp, "The battalion pulled out of the valley.", "pulled")
    assert (pulled.event_type, pulled.mode, pulled.particle) == ("RETREAT", "withdraw", "out")
    cracked = _match(lexicon, nlp, "Police cracked down on the student union.", "cracked")
    assert (cracked.event_type, cracked.particle) == ("COERCE", "down")
    called = _match(lexicon, nlp, "The bishops called for an immediate truce.", "called")
    assert (called.event_type, called.cameo) == ("REQUEST", "0256")
    assert _match(lexicon, nlp, "The farmer pulled the cart.", "pulled") is None


def test_particle_blocks_the_plain_verb(lexicon, nlp):
    backed_down = _match(lexicon, nlp, "The coalition backed down after a week.", "backed")
    assert backed_down.event_type == "CONCEDE"
    backed = _match(lexicon, nlp, "The senators backed the plan.", "backed")
    assert backed.event_type == "SUPPORT"


def test_withdraw_from_a_treaty_is_a_sanction(lexicon, nlp):
    entry = _match(lexicon, nlp, "The government withdrew from the arms treaty.", "withdrew")
    assert (entry.event_type, entry.mode) == ("SANCTION", "withdraw")
    troops = _match(lexicon, nlp, "The government withdrew its troops from the island.", "withdrew")
    assert (troops.event_type, troops.mode) == ("RETREAT", "withdraw")


# --- object constraints --------------------------------------------------------------------------------------
def test_send_depends_on_what_is_sent(lexicon, nlp):
    aid = _match(lexicon, nlp, "Norway sent medicine and tents to the camps.", "sent")
    assert (aid.event_type, aid.cameo) == ("AID", "073")
    arms = _match(lexicon, nlp, "Poland sent howitzers to its neighbour.", "sent")
    assert (arms.event_type, arms.cameo) == ("AID", "072")
    passive = _match(lexicon, nlp, "Rifles and ammunition were sent to the militia.", "sent")
    assert passive is not None and passive.cameo == "072"
    assert _match(lexicon, nlp, "She sent a letter to the editor.", "sent") is None


def test_fire_depends_on_what_is_fired(lexicon, nlp):
    mortars = _match(lexicon, nlp, "The rebels fired mortars at the garrison.", "fired")
    assert (mortars.event_type, mortars.cameo) == ("ASSAULT", "194")
    gas = _match(lexicon, nlp, "Officers fired tear gas at the crowd.", "fired")
    assert gas.mode == "crowd-control"
    opened = _match(lexicon, nlp, "The soldiers opened fire on the convoy.", "fire")
    assert opened.event_type == "ASSAULT"
    assert _match(lexicon, nlp, "The board fired the manager.", "fired") is None


def test_release_needs_captives(lexicon, nlp):
    freed = _match(lexicon, nlp, "The junta released forty political prisoners.", "released")
    assert (freed.event_type, freed.cameo, freed.mode) == ("RETREAT", "0841", "release")
    assert _match(lexicon, nlp, "The ministry released a report.", "released") is None


def test_giving_money_goods_and_training_is_aid(lexicon, nlp):
    money = _match(lexicon, nlp, "Canada contributed $20 million to the refugee agency.", "contributed")
    assert (money.event_type, money.cameo) == ("AID", "071")
    earmarked = _match(lexicon, nlp, "Finland earmarked 3 million euros for the clinics.", "earmarked")
    assert earmarked is not None and earmarked.cameo == "071"
    handed = _match(lexicon, nlp, "Norway handed over forty ambulances to the health ministry.", "handed")
    assert (handed.event_type, handed.cameo) == ("AID", "073")
    guns = _match(lexicon, nlp, "The navy handed over 300 firearms to the coast guard.", "handed")
    assert guns.cameo == "072"
    trained = _match(lexicon, nlp, "The embassy provided training to the border police.", "provided")
    assert (trained.event_type, trained.cameo) == ("AID", "070")
    # handing over a suspect stays an extradition; handing over a letter or contributing ideas is no aid
    suspect = _match(lexicon, nlp, "Spain handed over the suspect to French police.", "handed")
    assert suspect.cameo == "063"
    assert _match(lexicon, nlp, "The clerk handed over a letter to the judge.", "handed") is None
    assert _match(lexicon, nlp, "Students contributed ideas to the debate.", "contributed") is None


def test_stopping_work_is_a_strike_only_for_workers(lexicon, nlp):
    stopped = _match(lexicon, nlp, "Dockworkers stopped work on Monday over pay.", "stopped")
    assert (stopped.event_type, stopped.cameo, stopped.mode) == ("PROTEST", "143", "strike")
    assert _match(lexicon, nlp, "The builders stopped work on the bridge because of rain.", "stopped") is None


def test_burning_a_flag_or_effigy_is_a_protest(lexicon, nlp):
    flag = _match(lexicon, nlp, "Villagers burned the national flag in the square.", "burned")
    assert (flag.event_type, flag.cameo) == ("PROTEST", "141")
    effigy = _match(lexicon, nlp, "Farmers burned an effigy of the minister.", "burned")
    assert effigy is not None and effigy.event_type == "PROTEST"
    assert _match(lexicon, nlp, "The cook burned the bread.", "burned") is None


def test_deadline_given_to_a_party_is_an_ultimatum(lexicon, nlp):
    given = _match(lexicon, nlp, "Officials gave the militia a 48-hour deadline to leave the town.", "deadline")
    assert (given.event_type, given.cameo) == ("THREATEN", "139")
    assert _match(lexicon, nlp, "The ministry set a deadline for submissions to the tender.", "deadline") is None
    assert _match(lexicon, nlp, "The deadline passed quietly.", "deadline") is None


def test_military_operation_legal_action_and_closed_borders(lexicon, nlp):
    operation = _match(lexicon, nlp, "The army launched a military operation against the insurgents.",
                       "operation")
    assert (operation.event_type, operation.cameo) == ("ASSAULT", "190")
    joint = _match(lexicon, nlp, "The two navies held a joint military operation in the gulf.", "operation")
    assert joint.event_type == "COOPERATE"
    assert _match(lexicon, nlp, "The surgeon finished the operation at noon.", "operation") is None
    legal = _match(lexicon, nlp, "The agency launched legal action against the city council.", "action")
    assert (legal.event_type, legal.cameo) == ("ACCUSE", "115")
    assert _match(lexicon, nlp, "The council launched an action plan on housing.", "action") is None
    closed = _match(lexicon, nlp, "Ruritania closed its borders with two neighbours.", "closed")
    assert (closed.event_type, closed.cameo) == ("COERCE", "191")
    assert _match(lexicon, nlp, "The shop closed its doors at six.", "closed") is None


def test_peacekeepers_sent_are_protection_not_a_build_up(lexicon, nlp):
    blue = _match(lexicon, nlp, "Ghana deployed 400 peacekeepers to the mission in Sudan.", "deployed")
    assert (blue.event_type, blue.cameo) == ("AID", "074")
    noun = _match(lexicon, nlp, "The deployment of peacekeepers to the border began in May.", "deployment")
    assert noun.cameo == "074"
    troops = _match(lexicon, nlp, "The army deployed troops along the border.", "deployed")
    assert (troops.event_type, troops.cameo) == ("MOBILIZE", "154")


def test_ending_sanctions_and_suspending_aid_as_nouns(lexicon, nlp):
    removed = _match(lexicon, nlp, "The treasury removed sanctions on two banks.", "removed")
    assert (removed.event_type, removed.cameo) == ("RETREAT", "085")
    rolled = _match(lexicon, nlp, "Washington rolled back tariffs on steel.", "rolled")
    assert rolled.cameo == "085"
    assert _match(lexicon, nlp, "The ministry removed the statue from the square.", "removed") is None
    suspension = _match(lexicon, nlp, "Denmark announced a suspension of aid to the regime.", "suspension")
    assert (suspension.event_type, suspension.cameo) == ("SANCTION", "162")
    assert _match(lexicon, nlp, "The school announced a suspension of classes.", "suspension") is None


def test_object_and_particle_object_refinements(lexicon, nlp):
    accused = _match(lexicon, nlp, "The monitors accused the army of torture.", "accused")
    assert (accused.event_type, accused.cameo) == ("ACCUSE", "1122")
    rejected = _match(lexicon, nlp, "The junta rejected calls for talks.", "rejected")
    assert rejected.cameo == "125"
    lifted = _match(lexicon, nlp, "Washington lifted sanctions on the airline.", "lifted")
    assert (lifted.event_type, lifted.cameo) == ("RETREAT", "085")
    froze = _match(lexicon, nlp, "The bloc froze the assets of nine officials.", "froze")
    assert froze.event_type == "SANCTION"
    expelled = _match(lexicon, nlp, "Lisbon expelled three diplomats.", "expelled")
    assert (expelled.event_type, expelled.cameo) == ("SANCTION", "161")


def test_subject_constraints(lexicon, nlp):
    marched = _match(lexicon, nlp, "Hundreds of nurses marched to the ministry.", "marched")
    assert marched.event_type == "PROTEST"
    assert _match(lexicon, nlp, "The chef marched into the kitchen.", "marched") is None
    assert _match(lexicon, nlp, "A storm struck the coast.", "struck") is None


# --- lemma errors and governing verbs ------------------------------------------------------------------------
def test_mislemmatised_intent_and_support_verbs(lexicon, nlp):
    doc = nlp("The mayor hoped to visit the port. The students staged a sit-in.")
    assert lexicon.intent_lemma(_token(doc, "hoped")) == "hope"
    assert lexicon.support_verb(_token(doc, "staged")) == "stage"
    assert lexicon.match(_token(doc, "visit")).event_type == "CONSULT"
    ready = nlp("Tokyo is ready to resume negotiations.")
    assert lexicon.intent_lemma(_token(ready, "ready")) == "ready"
    assert lexicon.intent_lemma(_token(ready, "resume")) is None
    carried = nlp("Insurgents carried out an ambush near the pass.")
    assert lexicon.support_verb(_token(carried, "carried")) == "carry out"
    assert lexicon.match(_token(carried, "ambush")).event_type == "ASSAULT"


def test_surface_form_fallback_finds_verbs(lexicon, nlp):
    # whatever lemma the model gives "staged", the surface form leads to the protest sense
    entry = _match(lexicon, nlp, "Hundreds of teachers rallied outside parliament.", "rallied")
    assert entry is not None and entry.event_type == "PROTEST"


@pytest.mark.parametrize("cameo, intent, expected", [
    ("040", "hope", "036"),      # "hoped to meet"
    ("042", "hoped", "036"),     # inflected form
    ("042", "hop", "036"),       # the model's lemma for "hoped"
    ("046", "ready", "036"),     # "is ready to negotiate"
    ("190", "plan", "138"),      # "plans to attack"
    ("195", "vow", "138"),
    ("070", "agree", "033"),     # "agreed to provide aid"
    ("072", "pledge", "0332"),
    ("0841", "promise", "0353"),
    ("163", "threaten", "1312"),  # "threatened to impose sanctions"
    ("0841", "refuse", "1243"),  # "refused to free"
    ("040", "decline", "125"),
    ("087", "urge", "0256"),     # "urged them to withdraw"
    ("087", "demand", "1056"),
    ("111", "hope", None),       # no intent form of criticism: keep the base code
    ("040", "eat", None),
])
def test_intent_code(lexicon, cameo, intent, expected):
    assert lexicon.intent_code(cameo, intent) == expected


def test_intent_codes_exist_in_ontology(lexicon):
    from whodid.ontology import Ontology

    onto = Ontology.default()
    for table in lexicon.intent_tables():
        for prefix, code in table["map"].items():
            assert onto.is_code(prefix) and onto.is_code(code), (table["name"], prefix, code)


# --- loading -------------------------------------------------------------------------------------------------
def test_load_extra_file(tmp_path, nlp):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "support_verbs: [undertake]\n"
        "triggers:\n"
        "  CONSULT:\n"
        "    - {lemma: parley, cameo: '046', recipient_preps: [with], reciprocal: true}\n",
        encoding="utf-8",
    )
    from whodid.resources import data_path

    merged = TriggerLexicon.load(data_path("triggers.yaml"), extra)
    assert "undertake" in merged.support_verbs
    entry = merged.match(_token(nlp("The envoys parleyed with the chiefs."), "parleyed"))
    assert entry is not None and (entry.event_type, entry.cameo) == ("CONSULT", "046")
    alone = TriggerLexicon.load(extra)
    assert len(alone.entries) == 1 and alone.match(_token(nlp("The rebels attacked."), "attacked")) is None


@pytest.mark.parametrize("body, message", [
    ("  CONSULT:\n    - {lemma: chat, cameo: '999'}\n", "unknown CAMEO code"),
    ("  ASSAULT:\n    - {lemma: chat, cameo: '040'}\n", "filed under ASSAULT"),
    ("  CONSULT:\n    - {lemma: chat, cameo: '040', mode: drone}\n", "not a mode"),
    ("  CONSULT:\n    - {lemma: chat, cameo: '040', colour: red}\n", "unknown field"),
])
def test_load_rejects_inconsistent_entries(tmp_path, body, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text("triggers:\n" + body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        TriggerLexicon.load(bad)


def test_appeals_pledges_and_bans_turned_down(lexicon, nlp):
    cases = [
        # a political appeal or plea turned down is a rejection; a court's ruling on an appeal is not
        ("Tehran on Monday rejected an appeal by the European Union.", "rejected", "REJECT", "120"),
        ("The trade unions dismissed a plea from the finance ministry.", "dismissed", "REJECT", "120"),
        # going back on one's word
        ("Two coalition parties reneged on the budget deal.", "reneged", "REJECT", "120"),
        # breaking an order or a ban is defiance (128)
        ("Shop owners in Kano violated the curfew order of the police.", "violated", "REJECT", "128"),
    ]
    _assert_senses(lexicon, nlp, cases)
    assert _match(lexicon, nlp, "The Supreme Court of Kenya rejected the appeal of the candidate.", "rejected") is None


@pytest.mark.parametrize("sentence, word", [
    ("We are executing on the governor's agenda at speed.", "executing"),
    ("The treasurer rose to party chairman in 2011.", "rose"),
])
def test_career_and_agenda_senses_are_no_events(lexicon, nlp, sentence, word):
    assert _match(lexicon, nlp, sentence, word) is None
