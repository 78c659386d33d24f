"""Event mentions in a parsed sentence: the trigger words, who did it, to whom, and who says so.

Two steps, so that actors can be resolved at the event's own date (a president in 2019 is not one in 2022):

1. ``find_mentions(sent, lexicon)`` (this module) reads the dependency parse and returns
   :class:`~whodid.arguments.Mention` objects that point at tokens: the trigger, the heads of the actor and
   recipient phrases, the speaker. It puts together :mod:`whodid.senses` (is the trigger word used in its
   political sense here?), :mod:`whodid.arguments` (who did it, to whom) and :mod:`whodid.directives` (what is
   demanded, wished or protested has not happened), and keeps one mention per act.
2. ``ArgumentResolver.resolve(mention, date)`` (:mod:`whodid.resolver`) turns those tokens into
   :class:`~whodid.model.Actor` lists, with story memory for pronouns ("its invasion"), pairs ("the pair met") and
   events told again ("such talks").

The argument rules cover active and passive clauses, coordination ("A and B met"), controlled verbs ("hoped to
meet"), support verbs ("held talks with"), noun events ("a meeting between A and B", "talks with X", "Russia's
invasion of Ukraine", "US-North Korea talks") and reported speech (the speaker is the attribution, never the actor).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from whodid.arguments import (ArgumentRules, Mention, area_places, cause_phrase, children, clause_verb, is_intent_head,
                              is_support_noun, noun_arguments, one_of, phrase_head, plover_type, speaker_of,
                              verb_arguments)
from whodid.directives import (aim_protests, as_demand, blamed_doers, condition_subjects, fold_demanded, given_object,
                               obligation_content, obligation_demands, wished_acts)
from whodid.senses import inside_refused_object, relative_subject, skip_trigger
from whodid.status import event_status, to_infinitive
from whodid.triggers import TriggerEntry, TriggerLexicon


def _intent_head(verb: Token, lexicon: TriggerLexicon) -> tuple[Token, str] | None:
    """The word that puts ``verb`` under an intention, and its intent lemma: a verb or adjective ("hoped [to
    meet]", "is ready [to talk]") or a noun ("willingness [to reopen]", see ``intent.nouns`` in triggers.yaml)."""
    # "have sworn to fight until ...": the small model may attach the controlled verb as a purpose clause
    controlled = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and to_infinitive(verb)
                                          and not children(verb, "nsubj", "nsubjpass"))
    if controlled:
        if any(c.dep_ == "auxpass" for c in verb.head.children):
            return None  # "is expected to attend": others expect it (a future event), no one declares an intent
        lemma = is_intent_head(verb.head, lexicon)
        return (verb.head, lemma) if lemma else None
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(c.lower_ == "to" for c in verb.children):
        lemma = lexicon.intent_nouns.get(verb.head.lemma_.lower()) or lexicon.intent_nouns.get(verb.head.lower_)
        return (verb.head, lemma) if lemma else None
    return None


def _make_mention(token: Token, entry: TriggerEntry, lexicon: TriggerLexicon, rules: ArgumentRules) -> Mention:
    """A mention for a matched trigger, lifted to an intent event where a governing word expresses intent: the
    trigger's own verb, or the support verb of a noun event ("hopes to hold talks"), unless that verb ends the
    event ("agreed to end the strike" is no intent to strike; ``ending_verbs``)."""
    first = last = token
    cameo, event_type = entry.cameo, entry.event_type
    support = is_support_noun(token, lexicon) if entry.pos == "NOUN" else None
    verb = token if token.pos_ in ("VERB", "AUX") else support
    if verb is not None and verb is not token and verb.lemma_.lower() in rules.ending_verbs:
        verb = None
    found = _intent_head(verb, lexicon) if verb is not None else None
    code = lexicon.intent_code(entry.cameo, found[1]) if found else None
    if found and code and found[0].i < token.i:
        first, cameo = found[0], code
        event_type = plover_type(code) or event_type
    particle = [c for c in token.children if c.dep_ == "prt"]
    if entry.particle and particle and particle[0].i > last.i:
        last = particle[0]
    return Mention(trigger=token, entry=entry, cameo=cameo, event_type=event_type, first=first, last=last,
                   support=support)


def _ongoing(mention: Mention, rules: ArgumentRules) -> bool:
    """Whether a noun event is the object of a verb that ends it (``ending_verbs``): it exists, whatever that verb's
    mood ("tried to end months of unrest", "agreed to end the strike")."""
    return mention.support is not None and mention.support.lemma_.lower() in rules.ending_verbs


def _intended_status(mention: Mention, lexicon: TriggerLexicon, status: str) -> str:
    """The status of an act told in the to-infinitive of an intent noun that left it its own code ("any decision to
    provide relief", "a decision that may come to lift the ban"): the act's own clause stops at the noun, so the
    noun's modality, where it has one, is the act's."""
    if status != "asserted" or mention.first.i != mention.trigger.i:
        return status
    token = mention.trigger
    verb = token if token.pos_ in ("VERB", "AUX") else mention.support
    found = _intent_head(verb, lexicon) if verb is not None else None
    if found is None or found[0].pos_ != "NOUN":
        return status
    return event_status(found[0])


def find_mentions(sent: Span, lexicon: TriggerLexicon, rules: ArgumentRules | None = None) -> list[Mention]:
    """Event mentions of one parsed sentence, with argument tokens, status and speaker."""
    rules = rules or ArgumentRules.default()
    mentions: list[Mention] = []
    for token in sent:
        entry = lexicon.match(token)
        if entry is None or skip_trigger(token, entry, rules, lexicon):
            continue
        mention = _make_mention(token, entry, lexicon, rules)
        if entry.pos == "NOUN":
            noun_arguments(mention, lexicon, rules)
        else:
            verb_arguments(mention, rules)
        mention.clause = mention.clause or clause_verb(mention.first)
        mention.status = _intended_status(mention, lexicon,
                                          event_status(mention.first, presupposed_object=given_object(mention, lexicon)))
        if _ongoing(mention, rules):
            mention.status = "asserted"  # "tried to end months of unrest": the unrest is there to be ended
        if mention.status == "negated" and entry.pos == "NOUN" and cause_phrase(token, rules):
            mention.status = "asserted"  # "the vote was called off at Germany's request": the request was made
        mention.speaker = speaker_of(mention.first, rules, sent)
        mention.sent = sent
        as_demand(mention, lexicon, rules)
        if entry.cameo in rules.area_codes:
            mention.area_targets = area_places(mention, rules)
        mention.blamed = blamed_doers(mention, lexicon, rules)
        if mention.event_type == "THREATEN":  # tried when the direct recipients name no actor
            mention.fallback_recipients = condition_subjects(mention, rules) + mention.fallback_recipients
        mentions.append(mention)
    mentions.extend(obligation_demands(sent, mentions, rules))
    mentions.extend(wished_acts(sent, mentions, rules))
    mentions.sort(key=lambda m: m.trigger.i)  # stable: the mentions found above keep their order
    obligation_content(mentions, lexicon, rules)
    mentions = aim_protests(mentions, lexicon)
    return _drop_nested(fold_demanded(mentions, lexicon), lexicon, rules)


def _lend_doers(noun_mention: "Mention", verb_mention: "Mention") -> None:
    """The verb telling the same act as a noun takes the noun's doers and its place ("an attack by X killed"); a
    noun that names none leaves the verb its subject, the noun phrase itself, which may stand for its owner ("the
    deployment of NATO troops arrived")."""
    verb_mention.modifiers = list(noun_mention.modifiers)
    if noun_mention.actors:
        verb_mention.actors = list(noun_mention.actors)
    verb_mention.fallback_actors = list(noun_mention.fallback_actors) or verb_mention.fallback_actors
    verb_mention.subject_event = noun_mention.trigger


def _undone_state(noun: Token, verb: Mention, rules: ArgumentRules) -> bool:
    """Whether a noun event is the object of an act that undoes it ("lifted the blockade", "eased sanctions"): a
    state that ended, not an act of its own (``undoing_codes`` in arguments.yaml). Only an undoing told as done:
    what is asked, promised or refused to be ended goes on ("urged X to end its attacks": the attacks are real)."""
    return noun.dep_ == "dobj" and verb.status == "asserted" and verb.first.i == verb.trigger.i and \
        any(verb.entry.cameo.startswith(p) for p in rules.undoing_codes)


def _aim_of_same_act(m: Mention, noun: Token, head: Token, mentions: list[Mention], rules: ArgumentRules) -> bool:
    """Whether a noun event is the aim phrase of another event of its type told by the same clause ("staged a
    hunger strike in protest against X": one protest, aimed at X; see directives._protest_aims)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in rules.aim_frame_preps or not one_of(noun, rules.aim_nouns):
        return False
    return any(o is not m and o.event_type == m.event_type and head.i in (o.trigger.i, getattr(o.clause, "i", -1))
               for o in mentions)


def _drop_nested(mentions: list[Mention], lexicon: TriggerLexicon, rules: ArgumentRules) -> list[Mention]:
    """One event per act: a noun event under a verb event of the same type ("met for talks"); an intent verb
    already folded into an intent event ("agreed" of "agreed to meet"); an act requested, threatened or refused
    by a governing trigger ("urged X to settle": the settling has not happened)."""
    verbs = {m.trigger.i: m for m in mentions if m.entry.pos != "NOUN"}
    by_trigger = {m.trigger.i: m for m in mentions}
    lifted = {m.first.i for m in mentions if m.first.i != m.trigger.i}
    kept = []
    for m in mentions:
        if m.trigger.i in lifted and m.first.i == m.trigger.i:
            continue
        if m.first.i == m.trigger.i and m.trigger.dep_ == "xcomp" and m.trigger.head.i in by_trigger:
            continue
        # "demanded that X withdraw", "its demand that X ease the restrictions": the act asked for has not happened
        clause = m.first if m.first.i != m.trigger.i else m.trigger  # "refuse" of "refuse to recognise"
        asker = by_trigger.get(clause.head.i) if clause.dep_ in ("ccomp", "acl") else None
        if asker is not None and asker is not m and asker.event_type.lower() in rules.unrealised_clause_types:
            continue
        if inside_refused_object(clause, m, by_trigger, rules):
            continue
        # "threatened to launch an offensive": the offensive is the threatened act, named by a support verb's object
        governor = is_support_noun(m.trigger, lexicon) if m.entry.pos == "NOUN" else None
        if m.first.i == m.trigger.i and governor is not None and governor.dep_ == "xcomp" and \
                governor.head.i in by_trigger:
            continue
        if m.entry.pos == "NOUN":
            noun = phrase_head(m.trigger)  # "earmarked 3 million euros in aid": the amount stands for the aid
            head = noun.head if noun.dep_ != "pobj" else noun.head.head
            if noun.dep_ == "pobj" and noun.head.lower_ in rules.separate_event_preps:
                head = noun  # "set fire to a school after the killing of X": an act of its own
            if _aim_of_same_act(m, noun, head, mentions, rules):
                continue
            other = verbs.get(head.i)
            if other is not None and other is not m and other.event_type.lower() in rules.unrealised_object_types \
                    and noun.dep_ in ("dobj", "pobj", "conj") and other.event_type != m.event_type:
                continue  # "demanded the release of X", "called for a ceasefire": asked for, not done
            if other is not None and other is not m and _undone_state(noun, other, rules):
                continue
            if other is not None and other.event_type == m.event_type:
                if not other.recipients:  # the noun's phrase may name the recipient ("aid for Malawi")
                    other.recipients = list(m.recipients)
                    other.fallback_recipients = other.fallback_recipients + m.fallback_recipients
                # "an attack by X killed nine", "the country was hit by jihadist attacks": the noun's doers did it
                if noun.dep_ == "nsubj" or (noun.dep_ == "pobj" and noun.head.dep_ == "agent"):
                    _lend_doers(m, other)
                continue
            # "the attack by militants that killed 20 soldiers": the relative clause tells the same act
            told = next((verbs[c.i] for c in noun.children if c.dep_ == "relcl" and c.i in verbs
                         and verbs[c.i].event_type == m.event_type and relative_subject(c)), None)
            if told is not None and told is not m:
                _lend_doers(m, told)
                continue
        kept.append(m)
    return kept
