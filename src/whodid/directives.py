"""Directives and their content: what is demanded, urged, wished for or protested has not happened.

An obligation put on someone ("X must withdraw", "urged Y to end its raids") is a demand on them; the act asked for
is hypothetical, its subject the directive's recipient; the target of a protest or criticism is the doer of the act
criticised. The cues are in ``data/arguments.yaml`` and ``data/status.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from whodid.arguments import (ArgumentRules, Mention, children, entry_governor, is_support_noun, left_modifiers,
                              marked_clauses, one_of, participation_verb, plover_type, prep_objects, speaker_of,
                              subject_of, with_conjuncts)
from whodid.status import HYPOTHETICAL, clause_directive, to_infinitive, within_content
from whodid.triggers import TriggerEntry, TriggerLexicon


def given_object(mention: Mention, lexicon: TriggerLexicon) -> bool:
    """Whether the mention is an event noun whose verb, if any, does not name it ("urged X to end [its attacks]":
    the attacks are given; "demanded that X hold [talks]": the talks are asked for)."""
    return mention.entry.pos == "NOUN" and mention.first.i == mention.trigger.i and \
        is_support_noun(mention.trigger, lexicon) is None


def obligation_content(mentions: list[Mention], lexicon: TriggerLexicon, rules: ArgumentRules) -> None:
    """"The rebels said the president must agree to reforms before they demobilize": where the modal is the coded
    demand, the acts inside what it asks for (its verb's conjuncts, infinitives and clauses of
    directive_clause_marks) are hypothetical, as a directive's content is (whodid.status)."""
    verbs = [m.first.head for m in mentions if m.event_type == "REQUEST" and m.first.dep_ == "aux"
             and m.first.lower_ in rules.obligation_modals]
    for mention in mentions:
        if mention.first.dep_ == "aux" or mention.status == HYPOTHETICAL:
            continue
        presupposed = given_object(mention, lexicon)
        if any(within_content(mention.first, verb, presupposed_object=presupposed) for verb in verbs):
            mention.status = HYPOTHETICAL


def aim_protests(mentions: list[Mention], lexicon: TriggerLexicon) -> list[Mention]:
    """"held a sit-in to demand lower fares", "marched through the town, calling for a referendum": a
    protest whose own phrase names no target is aimed at the target of its purpose or participle clause (tried
    after its own candidates). A demand or a complaint made that way ("gathered for a rally to protest the tax")
    is the protest's content, not an event of its own (CAMEO codes the protest, 14x): it is dropped."""
    content: set[int] = set()
    for protest in (m for m in mentions if m.event_type == "PROTEST"):
        anchors = {protest.trigger.i} | ({protest.clause.i} if protest.clause is not None else set())
        for act in mentions:
            if act is protest or not _purpose_of(act.trigger, anchors, lexicon):
                continue
            protest.fallback_recipients = protest.fallback_recipients + act.recipients + act.fallback_recipients
            if act.event_type in _PROTEST_CONTENT and act.entry.pos != "NOUN" and \
                    not children(act.trigger, "nsubj", "nsubjpass"):  # "after police demanded": not theirs
                content.add(id(act))
                if act.event_type == "REQUEST":
                    protest.cameo = _protest_for(protest.cameo, act.cameo)
    # and so is what the demand asks for ("calling on the president to step down"): it has not happened
    asked = {t.i for m in mentions if id(m) in content for t in m.trigger.subtree}
    return [m for m in mentions if id(m) not in content and (m.event_type == "PROTEST" or m.trigger.i not in asked)]


# what protesters say in a purpose or participle clause of their protest, or the protest named again ("gathered
# to protest"): its content, not an event of its own
_PROTEST_CONTENT = ("REQUEST", "ACCUSE", "PROTEST")


def _purpose_of(act: Token, anchors: set[int], lexicon: TriggerLexicon) -> bool:
    """Whether ``act`` is a purpose or participle clause of the protest at ``anchors``: on its trigger or clause
    ("marched to demand"), or on a demonstration noun the protest verb governs ("gathered for a rally to
    protest the law")."""
    if act.dep_ not in ("xcomp", "advcl", "acl", "relcl"):
        return False
    head = act.head
    if head.i in anchors:
        return act.dep_ != "relcl"
    governed = head.head.head if head.dep_ == "pobj" else head.head
    entry = lexicon.match(head) if head.pos_ == "NOUN" and governed.i in anchors else None
    return entry is not None and plover_type(entry.cameo) == "PROTEST"


def _is_criticism(mention: Mention, rules: ArgumentRules) -> bool:
    return any(mention.cameo.startswith(code) for code in rules.criticism_codes)


def _is_act_noun(noun: Token, lexicon: TriggerLexicon, rules: ArgumentRules) -> bool:
    """Whether a noun names a thing done (an event noun of the lexicon, or ``criticised_acts``), not a party."""
    if noun.pos_ != "NOUN":
        return False
    if one_of(noun, rules.criticised_acts):
        return True
    return any(True for _ in lexicon.candidates(noun))


def _act_doers(noun: Token, rules: ArgumentRules) -> list[Token]:
    """Who did an act, as its own phrase names it, in this order: its possessor ("Uganda's crackdown"; not "his
    arrest"), its "by" phrase or that of a participle on it ("raids carried out by X"), a name or nationality
    before it ("Indian air raids", "US strikes"). The first found is the doer: a "by" phrase after a possessor
    belongs to another word ("a complaint against Japan's ban by the millers")."""
    patient = one_of(noun, rules.patient_possessive_nouns) and not prep_objects(noun, ("of",))
    owners = [] if patient else children(noun, "poss")
    agents = prep_objects(noun, ("by",)) + [a for p in children(noun, "acl") for a in prep_objects(p, ("by",))]
    named = [m for m in left_modifiers(noun) if m.ent_type_ == "NORP" or m.pos_ == "PROPN"]
    return owners or agents or named


def blamed_doers(mention: Mention, lexicon: TriggerLexicon, rules: ArgumentRules) -> list[Token]:
    """The doers of the act a criticism or protest is about (its object, or the object of "over", "about",
    "against" ... on its word or its support verb), for when they name someone: the target of "complained to the
    UN over two Indian air raids" is India. None where the words name a target that is no act (the object of
    "accused Norway of ...", "criticised Kenya for ...") or the act's phrase names no doer."""
    if not _is_criticism(mention, rules):
        return []
    word = mention.trigger
    aimed = _protest_aims(mention, lexicon, rules)
    if aimed and not mention.recipients:
        return aimed
    hosts = [word]
    if mention.entry.pos == "NOUN":
        governor = is_support_noun(word, lexicon) or entry_governor(word, mention.entry)
        hosts.extend([governor] if governor is not None else [])
        acts = prep_objects(word, rules.criticised_act_preps | {"of"})
    else:
        acts = [o for c in children(word, "dobj") for o in with_conjuncts(c)]
    acts.extend(o for host in hosts for o in prep_objects(host, rules.criticised_act_preps))
    acts.extend(p for a in list(acts) for p in children(a, "appos"))  # "denounced as a crime [X's crackdown]"
    acts = [a for a in {a.i: a for a in acts}.values() if _is_act_noun(a, lexicon, rules)]
    addressees = {t.i for host in hosts for t in prep_objects(host, rules.addressee_preps)}
    named = [r for r in mention.recipients if r.i not in addressees and all(r.i != a.i for a in acts)]
    if not acts or named:
        return []
    return [d for act in acts for d in _act_doers(act, rules)]


def _protest_aims(mention: Mention, lexicon: TriggerLexicon, rules: ArgumentRules) -> list[Token]:
    """Whom a protest is aimed at, by a phrase of aim on its word ("marched in protest at the council's fees",
    "rallied in defiance of the authorities") or a purpose clause ("blocked roads to show their anger at X's
    policy"): the doer of the act aimed at when its phrase names one, else what is aimed at itself."""
    if mention.event_type != "PROTEST":
        return []
    words = [mention.trigger]  # and the verb of "went on strike to ..."
    words += [mention.clause] if mention.clause is not None and mention.clause.i != mention.trigger.i else []
    aims = [o for word in words for o in prep_objects(word, rules.aim_frame_preps)]
    aims += [o for word in words for clause in children(word, "advcl", "xcomp") if to_infinitive(clause)
             and one_of(clause, rules.aim_verbs) for o in children(clause, "dobj")]
    out: list[Token] = []
    for aim in (a for a in aims if one_of(a, rules.aim_nouns)):
        # "a strike in protest at X", the "at" phrase sometimes hung on the strike beside "in protest"
        host = aim.head.head if aim.dep_ == "pobj" else None
        targets = prep_objects(aim, rules.aim_target_preps) or \
            ([o for o in prep_objects(host, rules.aim_target_preps) if o.i > aim.i] if host is not None else [])
        for target in targets:
            act = _is_act_noun(target, lexicon, rules) or bool(children(target, "poss"))
            out.extend((_act_doers(target, rules) if act else []) or with_conjuncts(target))
    return out


def _protest_for(protest: str, demand: str) -> str:
    """A protest made specific by what it demands: a march for a leader's removal (demand 1041, appeal 0241) is
    1411, a hunger strike for rights (1043) 1423 (CAMEO's 14x subcodes share those codes' last digit)."""
    if len(protest) == 3 and len(demand) == 4 and demand[:3] in ("104", "024"):
        specific = protest + demand[3]
        if plover_type(specific) is not None:
            return specific
    return protest


def condition_subjects(mention: Mention, rules: ArgumentRules) -> list[Token]:
    """Whom a threat is aimed at: the subject of its condition ("threatened to attack unless Baghdad accepted",
    "... should Washington press on"), on the threat or on the act threatened."""
    words = [mention.first, mention.trigger, *children(mention.first, "xcomp")]
    for word in words:
        for clause in marked_clauses(word, ("advcl",), rules.threat_conditions):
            subject, passive = subject_of(clause)
            if subject and not passive:
                return subject
    return []


def fold_demanded(mentions: list[Mention], lexicon: TriggerLexicon) -> list[Mention]:
    """"demanded that the government release the prisoners", "its demand that Ruritania scrap its missiles", "called
    for X to withdraw": the act in the clause has not happened; the request is the event, made specific by the act
    (the demand or appeal table of triggers.yaml: 1041 ...), and the clause's subject is its recipient."""
    by_head: dict[int, Mention] = {m.trigger.i: m for m in mentions if m.event_type == "REQUEST"}
    folded: set[int] = set()
    for act in mentions:
        if act.entry.pos == "NOUN" or act.first.i != act.trigger.i:
            continue
        request = _asking_request(act.trigger, by_head)
        if request is None or act is request:
            continue
        table = "demand" if request.cameo.startswith("10") else "appeal"
        code = lexicon.intent_code(act.cameo, table)
        if code:
            request.cameo, request.event_type = code, plover_type(code) or request.event_type
        if not request.recipients:
            subject, passive = subject_of(act.trigger)
            request.recipients = [] if passive else subject
        folded.add(id(act))
    for request in by_head.values():  # the clause's act need not be a trigger: "demand that X give up ..."
        if request.recipients or request.sent is None:
            continue
        clauses = [c for c in marked_clauses(request.trigger, ("ccomp", "acl"), frozenset({"that"}))
                   if c.pos_ in ("VERB", "AUX")]
        clauses += [c for c in request.sent if c.pos_ in ("VERB", "AUX") and children(c, "nsubj")
                    and _same_token(clause_directive(c), request.trigger)]
        if clauses:
            subject, passive = subject_of(clauses[0])
            request.recipients = [] if passive else subject
    return [m for m in mentions if id(m) not in folded]


def _asking_request(verb: Token, by_head: dict[int, Mention]) -> Mention | None:
    """The request whose clause ``verb`` heads: a that-clause or relative of the request's word ("demanded that X
    [withdraw]"), or a clause with a subject of its own that a directive asks of that subject ("called for X to
    [withdraw]", "repeated its demand on Monday that X [ease] ...": whodid.status.clause_directive)."""
    if verb.dep_ in ("ccomp", "acl") and verb.head.i in by_head:
        return by_head[verb.head.i]
    if not children(verb, "nsubj"):
        return None
    word = clause_directive(verb)
    return by_head.get(word.i) if word is not None else None


def _same_token(token: Token | None, other: Token) -> bool:
    """Whether two tokens of one doc are the same word (spaCy makes a new Token object on every access)."""
    return token is not None and token.i == other.i


def _obligation(verb: Token, rules: ArgumentRules, sent: Span) -> tuple[Token, Token, list[Token]] | None:
    """(modal, speaker, subject) when ``verb``'s clause puts an obligation on someone other than its speaker:
    "Greece said Turkey must withdraw", "addressed a note to Chad that it must comply"; else None. Not "we
    must" (a resolve), not a passive ("must be punished": no one named to act), not "must not" (left to the act),
    nor a bare "it/they must" with no one addressed (the speaker speaks of itself)."""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "must be willing to reopen talks": the modal is on the copula
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in rules.obligation_modals), None)
    if modal is None or modal.i > verb.i or any(c.dep_ in ("nsubjpass", "auxpass", "neg") for c in verb.children):
        return None
    speaker = speaker_of(verb, rules, sent) or _that_clause_owner(verb)
    subject, passive = subject_of(verb)
    if speaker is None or not subject or passive:
        return None
    if verb.lemma_.lower() in rules.obligation_state_verbs or subject[0].lemma_.lower() in rules.non_agent_subjects:
        return None  # "support should depend on spending", "the deficit should start to decline": no one to act
    pronoun = subject[0].pos_ == "PRON"  # "US" is no "us"
    if pronoun and subject[0].lower_ in rules.speaker_pronouns:
        return None
    if pronoun and subject[0].lower_ in rules.pronouns and not _addressed(_statement_verb(verb)):
        return None
    return modal, speaker, subject


def _statement_verb(clause: Token) -> Token:
    """The verb that states a clause: its head ("said that ..."), or the verb of the noun it completes ("addressed a
    note that ...")."""
    head = clause.head
    if clause.dep_ == "acl" and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return head


def _that_clause_owner(verb: Token) -> Token | None:
    """The subject of the verb stating a that-clause ("concluded that ...", "addressed a note that ..."): the
    one who states it, where the verb is no reporting verb."""
    if verb.dep_ not in ("ccomp", "acl") or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    stating = _statement_verb(verb)
    if stating.pos_ not in ("VERB", "AUX"):
        return None
    subject, passive = subject_of(stating)
    return subject[0] if subject and not passive else None


def _addressed(verb: Token) -> bool:
    """Whether a statement verb names whom it is told to ("told Chad", "a note to Chad", "a message to
    Serbia"; not "said to reporters"): a pronoun in its clause then stands for that addressee, not the speaker."""
    def named(token: Token) -> bool:
        return token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")

    return any(c.dep_ == "dative" for c in verb.children) or any(
        named(c) for c in verb.children if c.dep_ == "dobj") or any(named(o) for o in prep_objects(verb, ("to",)))


def as_demand(mention: Mention, lexicon: TriggerLexicon, rules: ArgumentRules) -> None:
    """"Russia said Sudan must return the helicopter": what happened is the speaker's demand of the act's subject
    (CAMEO 10x; "should": an appeal, 02x), not the act, which may never happen."""
    verb: Token | None = mention.first
    if mention.entry.pos == "NOUN":  # "must reach an agreement": the noun's support verb; not "must respect it"
        verb = is_support_noun(mention.trigger, lexicon) or participation_verb(mention.trigger, rules)
    if verb is None or mention.sent is None or mention.status == "negated":
        return
    found = _obligation(verb, rules, mention.sent)
    if found is None:
        return
    modal, speaker, subject = found
    table, generic = rules.obligation_modals[modal.lower_]
    code = lexicon.intent_code(mention.cameo, table) or generic
    event_type = plover_type(code) if code else None
    if not code or not event_type:
        return
    mention.cameo, mention.event_type, mention.first = code, event_type, modal
    mention.recipients, mention.actors = list(mention.actors or subject), [speaker]
    mention.speaker, mention.participants, mention.fallback_recipients = None, [], []
    mention.status = "asserted"
    mention.needs_recipient = True  # "said the new law should provide relief": no one is asked


def obligation_demands(sent: Span, mentions: list[Mention], rules: ArgumentRules) -> list[Mention]:
    """"The envoy stated that Chad must dismantle its roadblocks": an obligation put on another whose act is no
    trigger is the speaker's generic demand (or appeal, for "should") of the clause's subject."""
    taken = {m.trigger.i for m in mentions} | {m.first.i for m in mentions}
    out: list[Mention] = []
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.i in taken:
            continue
        found = _obligation(verb, rules, sent)
        if found is None or found[0].i in taken:
            continue
        modal, speaker, subject = found
        code = rules.obligation_modals[modal.lower_][1]
        event_type = plover_type(code)
        if event_type is None:
            continue
        # no act named: a lower confidence than a trigger's (0.7 by default)
        entry = TriggerEntry(lemma=modal.lower_, pos="VERB", cameo=code, event_type=event_type, confidence=0.6)
        out.append(Mention(trigger=verb, entry=entry, cameo=code, event_type=event_type, first=modal, last=verb,
                           actors=[speaker], recipients=list(subject), clause=verb, sent=sent, needs_recipient=True))
    return out


def wished_acts(sent: Span, mentions: list[Mention], rules: ArgumentRules) -> list[Mention]:
    """"Ruritania wants Borduria to release the prisoners": a wish of another's act (wish_verbs) is the wisher's
    appeal to the one who is to act (the act itself is folded into it by ``fold_demanded``). Not "wants to visit"
    (the subject's own intent), not a negated or passive wish, nor one of a speaker's pronoun ("I want you to")."""
    taken = {m.trigger.i for m in mentions} | {m.first.i for m in mentions}
    out: list[Mention] = []
    for verb in sent:
        generic = rules.wish_verbs.get(verb.lemma_.lower())
        if generic is None or verb.pos_ != "VERB" or verb.i in taken or children(verb, "neg", "auxpass"):
            continue
        subject, passive = subject_of(verb)
        clause = next((c for c in children(verb, "ccomp", "xcomp")
                       if to_infinitive(c)), None)
        if clause is None or passive or not subject or subject[0].lower_ in rules.speaker_pronouns:
            continue
        asked = children(clause, "nsubj") or children(verb, "dobj")
        if not asked or asked[0].lower_ in rules.speaker_pronouns or asked[0].i == subject[0].i:
            continue
        code = generic[1]
        event_type = plover_type(code)
        if event_type is None:
            continue
        entry = TriggerEntry(lemma=verb.lemma_.lower(), pos="VERB", cameo=code, event_type=event_type, confidence=0.5)
        out.append(Mention(trigger=verb, entry=entry, cameo=code, event_type=event_type, first=verb, last=verb,
                           actors=list(subject), recipients=list(asked), clause=verb, sent=sent,
                           speaker=speaker_of(verb, rules, sent), needs_recipient=True))
    return out
