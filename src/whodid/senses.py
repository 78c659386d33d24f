"""Whether a matched trigger is used in its political sense.

Token checks run before a mention is made (``skip_trigger``: "fired a coach", "attacked the proposal", a labour
strike, a question asked); actor checks run after the sides are resolved (an unarmed "fight", a firm's private
deal). The word lists are in ``data/arguments.yaml`` and the exclusions of ``data/triggers.yaml``.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from whodid.arguments import (ArgumentRules, Mention, children, container_head, is_venue, marked_clauses, one_of,
                              prep_objects)
from whodid.model import Actor
from whodid.status import StatusCues, to_infinitive
from whodid.triggers import TriggerEntry, TriggerLexicon, particle_child


def skip_trigger(token: Token, entry: TriggerEntry, rules: ArgumentRules, lexicon: TriggerLexicon) -> bool:
    """Words that match a trigger but do not name an event here."""
    if entry.pos == "NOUN":
        if token.dep_ == "compound" and not container_head(token, lexicon):  # "sanctions relief", "summit venue"
            return True
        if is_venue(token, rules):
            return True
        if any(c.dep_ in ("amod", "compound") and c.i < token.i and c.lower_ in rules.attributive_non_events
               for c in token.children):
            return True  # "the proposed deal", "an alleged attack": a plan or a claim, not an event
        if token.dep_ == "dobj" and token.head.lemma_.lower() in rules.descriptive_heads:
            return True  # "poses a threat to democracy": what something is, not an act
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in rules.content_holders:
            return True  # "sent a note of protest": the words sent, no act of their own (content_holders)
    if token.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "LAW") and token.pos_ == "PROPN":
        return True
    if _in_a_name(token):
        return True  # "the Defend Democracy Rally", "the old British Concession": a word of a name
    if entry.pos != "NOUN" and _non_agent_subject(token, rules):
        return True  # "the storm struck", "the scandal hit the party": no one did it
    if entry.pos != "NOUN" and _legal_text_subject(token, rules):
        return True  # "the constitution bars a third term", "the lawsuit asks the court": a text's content
    if entry.pos != "NOUN" and _imperative(token):
        return True  # "Meet the candidates", "Thank God": a headline's or a speaker's imperative, no event
    if entry.pos != "NOUN" and not entry.particle and _asserts(token, rules):
        return True  # "insisted that he would stay in the race", "suggested that it may work": a claim
    if entry.event_type == "REQUEST" and _asks_a_question(token, rules):
        return True  # "Merkel asked.", "I asked one of the guards"
    if entry.event_type == "REQUEST" and _asks_anonymity(token, rules):
        return True  # "an official who asked not to be named": a source's condition, no request to anyone
    if entry.event_type.lower() in rules.measure_blind_types and _describes_a_measure(token, rules):
        return True  # "executive orders targeting drug cartels", "a law hitting small firms": no one is attacked
    if entry.pos != "NOUN" and token.dep_ == "amod" and token.tag_ in ("VBG", "JJ"):
        return True  # "pressing questions", "the surrounding hills": a verb's present participle used as an adjective
    if entry.event_type == "AGREE" and _agrees_with_a_view(token, rules):
        return True  # "agreed that the number is no problem", "I agree with him": an opinion shared, no accord
    if entry.event_type == "ACCUSE" and _claims_no_wrong(token, rules, lexicon):
        return True  # "claimed its rocket is the fastest", "claim the remains": an assertion, no accusation
    if entry.event_type == "THREATEN" and _warns_of_a_danger(token, rules):
        return True  # "warned that the law violates the constitution": a claim about a danger, no threat
    if entry.event_type.lower() in rules.figure_blind_types and _figure_object(token, rules):
        return True  # "cut 5 percent", "slashed its forecast": numbers, not a party
    if entry.event_type == "ASSAULT" and _labour_strike(token, rules):
        return True  # "we strike for our patients", "nurses who cannot strike": a labour strike, no attack
    if entry.event_type == "AGREE" and _vows_vengeance(token, rules):
        return True  # "vowed to avenge their leader": a threat of revenge, no promise of cooperation
    if entry.particle and _particle_is_a_preposition(token, entry.particle, rules):
        return True  # "was given a warm welcome in Canberra" is no "give in"
    if entry.pos == "NOUN" and token.lower_ in rules.homograph_nouns:
        return True  # "the senator's aides": assistants, not aid
    cues = StatusCues.default()
    if token.lemma_.lower() in cues.negated_possibility and any(c.dep_ == "neg" for c in token.children):
        return True  # "cannot be ruled out" speaks of a possibility; it is not a rejection
    return False


# Nouns of time after "for" ("strike for the third time", "for two days"): no aim of a strike
_TIME_NOUNS = frozenset({"time", "times", "day", "days", "hour", "hours", "week", "weeks", "month", "months", "year",
                         "years", "night", "nights"})


def _labour_strike(verb: Token, rules: ArgumentRules) -> bool:
    """Whether the verb "strike" (labour_strike_verbs) with no object tells of a labour strike: it strikes "for" or
    "over" an aim ("we strike for our patients", "strike over pay"), or its subject is of labour_strikers (a
    relative pronoun stands for the noun it follows: "nurses who cannot strike"). An attack strikes something or
    at/on something ("jets struck rebel positions", "struck at dawn"). The noun with a length in time ("an
    18-month strike", "a week-long strike") is a labour strike: attacks are not told by their months."""
    if verb.lemma_.lower() not in rules.labour_strike_verbs:
        return False
    if verb.pos_ == "NOUN":
        return any(set(re.split(r"[-\s]", c.lower_)) & _TIME_NOUNS or c.lower_.endswith("-long")
                   for c in verb.children if c.dep_ in ("amod", "compound", "nmod"))
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if children(verb, "dobj", "nsubjpass") or prep_objects(verb, ("at", "on", "in")):
        return False
    if any(o.lower_ not in _TIME_NOUNS for o in prep_objects(verb, ("for", "over"))):
        return True
    subjects = children(verb, "nsubj") or _controller_subjects(verb)
    if verb.dep_ == "relcl" and relative_subject(verb):
        subjects.append(verb.head)
    return any(one_of(s, rules.labour_strikers) for s in subjects)


def _controller_subjects(verb: Token) -> list[Token]:
    """The subjects of the clause an infinitive with no subject of its own hangs from: "workers want to strike"
    (xcomp), "workers have the right to strike" (acl of the verb's object)."""
    if verb.dep_ not in ("xcomp", "acl"):
        return []
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ in ("dobj", "attr"):
        head = head.head
    return children(head, "nsubj") if head.pos_ in ("VERB", "AUX") else []


def _vows_vengeance(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a promise is one of revenge: the verb it controls is of vengeance_verbs ("vowed to avenge", "pledged
    to retaliate"); a threat, not an offer to cooperate."""
    return any(c.lemma_.lower() in rules.vengeance_verbs for c in children(verb, "xcomp"))


def _particle_is_a_preposition(verb: Token, particle: str, rules: ArgumentRules) -> bool:
    """Whether the particle of a phrasal verb that takes no object (adverb_phrasal_verbs: "give in") is a
    preposition with its own object here ("given a welcome in Canberra"): the phrasal sense does not hold. Verbs
    whose particle is a preposition ("arrive in", "call on") are not listed."""
    if f"{verb.lemma_.lower()} {particle}" not in rules.adverb_phrasal_verbs:
        return False
    tok = particle_child(verb, particle)
    return tok is not None and bool(children(tok, "pobj"))


def relative_subject(verb: Token) -> bool:
    """Whether a relative clause's subject is its relative pronoun ("... that killed 20")."""
    return any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children)


# Links walked up from an act to the object phrase it sits in ("a call [for peacekeepers [to be deployed]]")
_OBJECT_PHRASE_DEPS = frozenset({"acl", "prep", "pobj", "pcomp", "xcomp", "ccomp", "auxpass", "nsubjpass", "nsubj",
                                 "dobj"})


def inside_refused_object(token: Token, mention: "Mention", by_trigger: dict[int, "Mention"],
                           rules: ArgumentRules) -> bool:
    """Whether the act sits inside the object of a rejection ("rejected a Chilean offer to hold talks", "rejected
    a call for peacekeepers to be deployed"): what was offered or asked for and refused has not happened."""
    for _ in range(8):
        if token.dep_ in ("dobj", "pobj") and token.head.i in by_trigger:
            governor = by_trigger[token.head.i]
            return governor is not mention and governor.event_type.lower() in rules.refused_object_types
        infinitive = token.dep_ == "relcl" and to_infinitive(token)
        if token.head.i == token.i or not (token.dep_ in _OBJECT_PHRASE_DEPS or infinitive):
            return False
        token = token.head
    return False


def _in_a_name(token: Token) -> bool:
    """A capitalised word inside a name, not at the start of its sentence: part of an organisation's, a work's or a
    place's name ("the Defend Democracy Rally"), or a proper noun after a capitalised modifier ("the old
    British Concession"). Named events ("the Paris Agreement", "the Six-Day War") are events."""
    if not token.text[:1].isupper() or token.is_sent_start or token.i == token.sent.start or token.text.isupper():
        return False
    if token.ent_type_ in ("ORG", "WORK_OF_ART", "LAW", "FAC", "PRODUCT", "PERSON"):
        return True
    prev = token.nbor(-1)
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "GPE", "LOC", "FAC") and \
        prev.pos_ in ("PROPN", "ADJ") and prev.text[:1].isupper() and not prev.is_sent_start


def _non_agent_subject(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb's subject (or passive agent) is a force of nature or a situation ("the storm", "the
    scandal"): non_agent_subjects in arguments.yaml. A relative pronoun stands for the noun it follows ("the
    epidemic, which killed 300"); a passive with no agent that happened "in" such a thing has none either
    ("two workers were killed in a fire")."""
    subjects = _subject_nouns(verb) + [o for a in children(verb, "agent") for o in children(a, "pobj")]
    if children(verb, "auxpass") and not children(verb, "agent"):
        subjects += prep_objects(verb, ("in",))
    if verb.dep_ == "xcomp" and not subjects:  # "exports are expected to rise": the governing verb's subject
        subjects += children(verb.head, "nsubj", "nsubjpass")
    return any(one_of(s, rules.non_agent_subjects) for s in subjects)


def _subject_nouns(verb: Token) -> list[Token]:
    """A verb's subjects, a relative pronoun standing for the noun it follows ("the clause, which bars"), a verb
    coordinated with no subject of its own taking its first conjunct's ("a scandal that has rocked X and threatens
    to topple Y")."""
    for _ in range(4):
        subjects = children(verb, "nsubj")
        if verb.dep_ == "relcl" and relative_subject(verb):
            return [s for s in subjects if s.tag_ not in ("WDT", "WP")] + [verb.head]
        if subjects or verb.dep_ != "conj" or children(verb, "nsubjpass") or verb.head.pos_ not in ("VERB", "AUX"):
            return subjects
        verb = verb.head
    return []


def _legal_text_subject(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb's subject is a standing text of law or a lawsuit (legal_text_subjects in arguments.yaml):
    what it bars, requires or asks is its content, not an act of anyone."""
    return any(one_of(s, rules.legal_text_subjects) for s in _subject_nouns(verb))


def _imperative(verb: Token) -> bool:
    """A bare verb opening its sentence with no subject or auxiliary: an imperative ("Meet the new candidates")."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    return all(t.is_punct or t.is_space for t in verb.sent[: verb.i - verb.sent.start])


def _asserts(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb of assertive_demand_verbs asserts rather than demands: no clause, or a clause in the
    indicative or with a modal of future or possibility ("insisted that he would fight", "insist she is
    innocent"); a base-form clause or one of obligation demands ("insisted that X withdraw / must withdraw")."""
    if verb.lemma_.lower() not in rules.assertive_demand_verbs and verb.lower_ not in rules.assertive_demand_verbs:
        return False
    if any(o.pos_ in ("NOUN", "PROPN") for o in children(verb, "dobj")):
        return False  # "suggested a meeting", "insisted on the release": something proposed or demanded
    clauses = children(verb, "ccomp")
    if not clauses:
        return True
    clause = clauses[0]
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    if modals & {"should", "must", "shall"}:
        return False
    return bool(modals) or clause.tag_ in ("VBD", "VBZ", "VBP", "VBN")


def _asks_a_question(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb of asking asks a question rather than for an act: no one asked to do anything ("asked X to
    ..."), nothing asked for ("asked for", "asked X for"), no that-clause."""
    if verb.pos_ not in ("VERB", "AUX") or (verb.lemma_.lower() not in rules.question_verbs
                                           and verb.lower_ not in rules.question_verbs):
        return False
    if children(verb, "xcomp") or prep_objects(verb, ("for",)) or any(c.lower_ == "for" for c in verb.children):
        return False
    if marked_clauses(verb, ("ccomp",), frozenset({"that"})):
        return False
    # "asked Israel's help": something asked for as the object
    return not any(o.lemma_.lower() in ("help", "permission", "support", "aid", "assistance")
                   for o in children(verb, "dobj"))


def _asks_anonymity(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb of asking asks only not to be named ("an official, who asked not to be identified, said"):
    the passive infinitive it controls is negated and one of anonymity_verbs."""
    return any(c.lemma_.lower() in rules.anonymity_verbs and children(c, "neg") and children(c, "auxpass")
               for c in children(verb, "xcomp"))


def _describes_a_measure(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb trigger is a participle or relative clause describing a measure or a campaign noun
    (measure_heads: "orders targeting cartels", "a tax that hits small firms"), or has one as its subject: what
    the measure aims at, not an act of force."""
    heads: list[Token] = []
    if verb.dep_ == "acl" or (verb.dep_ == "relcl" and relative_subject(verb)):
        heads.append(verb.head)
    heads += children(verb, "nsubj")
    return any(one_of(h, rules.measure_heads) for h in heads)


def _agrees_with_a_view(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb of agreeing (opinion_agree_verbs) shares a view rather than makes an accord: no act agreed to
    ("agreed to withdraw"), nothing agreed on or agreed ("agreed on a truce", "agreed a deal"), and either a
    that-clause or quote ("agreed that the figures were weak"; '"It is weak," agreed Jones') or only a person
    agreed with ("I agree with him"); a clause of what shall be done is agreed ("agreed that troops would leave")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in rules.opinion_agree_verbs:
        return False
    if children(verb, "xcomp", "dobj") or prep_objects(verb, ("on", "to", "over", "upon")):
        return False
    clauses = children(verb, "ccomp", "parataxis")
    # several who agree on what should be done make an accord ("ministers agreed that the plan should be
    # expanded", "Chile agreed with Peru that the dispute should go to court"); one who agrees that something should
    # be is of an opinion ("the senator agreed that aid should ...")
    several = any(s.tag_ in ("NNS", "NNPS") or children(s, "conj") for s in children(verb, "nsubj")) or \
        any(p.pos_ == "PROPN" for p in prep_objects(verb, ("with",)))  # "X agreed with Y that ... should"
    accord_modals = ("will", "would", "shall", "'ll") + (("should", "must") if several else ())
    for clause in clauses:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in accord_modals for c in clause.children):
            return False  # "agreed that the troops would leave by May"
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.pos_ in ("VERB", "AUX"):
        clauses.append(verb.head)  # '"The figures are weak," agreed Jones': the quote heads the sentence
    partners = prep_objects(verb, ("with",))
    return bool(clauses) or (bool(partners) and all(p.pos_ == "PRON" or p.lemma_.lower() in rules.view_nouns
                                                     for p in partners))


def _warns_of_a_danger(word: Token, rules: ArgumentRules) -> bool:
    """Whether a warning (claim_warning_verbs, verb or noun) tells of a danger rather than threatens: it has a
    that-clause, with no object naming whom it is aimed at, and the clause says nothing that the warner will do
    (no modal of future with a pronoun doer, a passive or "there": "warned that they would retaliate" threatens; "warned that the
    law violates the charter", "warning that there is a risk" do not)."""
    if word.lemma_.lower() not in rules.claim_warning_verbs and word.lower_ not in rules.claim_warning_verbs:
        return False
    if any(o.pos_ in ("NOUN", "PROPN") for o in children(word, "dobj")):
        return False  # "warned Moscow that ...": aimed at someone
    clauses = children(word, "ccomp", "acl") if word.pos_ == "NOUN" else children(word, "ccomp")
    clauses = [c for c in clauses if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               or word.pos_ != "NOUN"]
    if not clauses:
        return False
    clause = clauses[0]
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in clause.children):
        return False  # "warning that the conflict should not be brought here": a demand
    modal = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "'ll", "shall")
                for c in clause.children)
    # what someone will do: a doer that is a pronoun, a name or forces ("it would retaliate", "the armed forces
    # would respond"), a passive ("any attack would be met with force") or "there will be consequences"
    act = any((c.dep_ == "nsubj" and ((c.pos_ == "PRON" and c.lower_ not in ("this", "that"))
                                      or c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                                      or c.lemma_.lower() in rules.threat_doers))
              or c.dep_ in ("auxpass", "expl") for c in clause.children)
    return not (modal and act)


# dependents of a claiming verb that say what is claimed (not who claims, or when)
_CLAIMED_DEPS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "prep", "parataxis", "advcl"})
# CAMEO roots of material conflict (15-20): a claimed act of these accuses its doer
_MATERIAL_CONFLICT_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})


def _claims_no_wrong(verb: Token, rules: ArgumentRules, lexicon: TriggerLexicon) -> bool:
    """Whether a verb that accuses only of wrongs (wrong_needing_accuse_verbs: "claim") claims no wrong: nothing it
    claims (its clause, object or phrase) holds a trigger of material conflict or a word of wrongdoing
    (wrong_words). "claimed he was targeted", "claims the vote was rigged" accuse; "claimed its rocket is the
    fastest", "claim the remains" do not."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in rules.wrong_needing_accuse_verbs:
        return False
    claimed = [t for c in verb.children if c.dep_ in _CLAIMED_DEPS for t in c.subtree]
    for word in claimed:
        if one_of(word, rules.wrong_words):
            return False
        entry = lexicon.match(word)
        if entry is not None and entry.cameo[:2] in _MATERIAL_CONFLICT_ROOTS:
            return False
    return True


def _is_figure(noun: Token, rules: ArgumentRules) -> bool:
    """An amount-like noun ("5 percent", "its forecast", "interest rates", "40%"); a bare number counts people or
    things as often as amounts ("killed 25"), so it is none."""
    return noun.lower_ in rules.figure_nouns or noun.lemma_.lower() in rules.figure_nouns


def _figure_object(verb: Token, rules: ArgumentRules) -> bool:
    """Whether a verb trigger acts on a figure: its direct object or passive subject is one, or, with neither, a
    "by"/"to" phrase is ("cut by 5 percent", "slashed to 2 percent")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    objects = children(verb, "dobj", "nsubjpass")
    if objects:
        return _is_figure(objects[0], rules)
    return any(_is_figure(o, rules) for o in prep_objects(verb, ("by", "to")))


def is_armed(actor: Actor, rules: ArgumentRules) -> bool:
    """A side that can fight: a state (a country code with no sector, not a person), or forces, rebels, police or
    militants (``armed_struggle`` sectors in arguments.yaml)."""
    code = actor.code or ""
    return (bool(actor.country) and not actor.sector and not (actor.kb_id or "").startswith("person:")) or \
        (actor.sector or "").upper() in rules.armed_sectors or any(code.endswith(s) for s in rules.armed_sectors)


def unarmed_fight(lemma: str, event_type: str, actors: list[Actor], recipients: list[Actor],
                  rules: ArgumentRules) -> bool:
    """Whether a fighting word ("fight", "battle", "clash") has no armed side: no state (a country with no sector),
    no forces, rebels, police or militants (``armed_struggle`` in arguments.yaml): a figure of speech, not an
    attack ("fought the claims", "a tight battle with her rival"), nor a siege ("the aides who surround her")."""
    if event_type not in ("ASSAULT", "COERCE") or lemma not in rules.armed_lemmas:
        return False
    return not any(is_armed(a, rules) for a in actors + recipients)


def verbal_attack(lemma: str, event_type: str, actors: list[Actor], recipients: list[Actor],
                  rules: ArgumentRules) -> bool:
    """Whether an attack is made of words: its doers all speak for a side (an official, a lawmaker, a party, a court,
    a paper: ``verbal_attack_sectors``) and no side is armed ("the president's attacks on judges", "the senator
    attacked the press"). Settlers or a mob who attack villagers are no speakers: an assault; nor is an attack on a
    target the knowledge could not name ("the government attacked rebel positions")."""
    if event_type != "ASSAULT" or lemma not in rules.verbal_attack_lemmas or not actors or not recipients:
        return False
    if any(is_armed(a, rules) for a in actors + recipients):
        return False
    return all((a.sector or "").upper() in rules.verbal_attack_sectors for a in actors)


def unarmed_flight(lemma: str, event_type: str, actors: list[Actor], rules: ArgumentRules) -> bool:
    """Whether a fleeing word names no military retreat: no one who flees is armed or a state ("the novelist fled
    Austria", "fled the war as a child", "fled to Venezuela"); the place fled from or to does not arm the flight."""
    if event_type != "RETREAT" or lemma not in rules.flight_lemmas:
        return False
    return not any(is_armed(a, rules) for a in actors)


def is_business(actor: Actor, rules: ArgumentRules) -> bool:
    """A company: an actor of a business sector ("the company", a firm known as one), or a name the knowledge
    lacks that ends like a company's ("Acme Corp", "Zorgan Holdings Ltd")."""
    if actor.sector and actor.sector.upper() in rules.firm_sectors:
        return True
    if actor.code:
        return False
    words = re.findall(r"[A-Za-z]+", actor.name or actor.text or "")
    return bool(words) and words[-1].lower() in rules.firm_suffixes


def private_act(event_type: str, actors: list[Actor], recipients: list[Actor], rules: ArgumentRules) -> bool:
    """Whether every side of an event is a private person named by a plain noun ("the man tried to flee", "a man
    sued him"): news of private lives, not political events. "Soldiers killed a man" keeps its political side, and
    an arrest is the state's act ("a man was arrested")."""
    if event_type.lower() in rules.private_act_exempt_types:
        return False
    sides = actors + recipients
    return bool(sides) and all((a.kb_id or "").split(":", 1)[-1] in rules.private_person_nouns
                               and (a.kb_id or "").startswith("agent:") for a in sides)


def commercial_act(event_type: str, actors: list[Actor], recipients: list[Actor], rules: ArgumentRules) -> bool:
    """Whether an event is a business's commercial act, not political news: a cooperative type (``firms`` in
    arguments.yaml) done by businesses to no one else with a code ("Acme Corp agreed to buy a stake in
    Zorgan", "the firm promised a new logo"). "Acme agreed to sell jets to Iran" stays, and so does a deal
    between firms of two countries (international economic cooperation: "a Kenyan firm's licence deal with a German
    firm") and one whose doer is no business ("the state water board signed a contract with Acme Corp")."""
    if event_type not in rules.firm_event_types:
        return False
    if not actors:  # "new subsidies granted to shipping firms", "offering small firms loans": to businesses only
        if event_type in rules.firm_doer_needed_types:
            return False  # "three bankers were arrested": someone unnamed acts on them
        return bool(recipients) and all(is_business(r, rules) for r in recipients) and \
            len({r.country for r in recipients if r.country}) <= 1
    if not all(is_business(a, rules) for a in actors):
        return False
    if not all(is_business(r, rules) or not r.code for r in recipients):
        return False
    countries = {a.country for a in actors + recipients if a.country}
    return len(countries) <= 1
