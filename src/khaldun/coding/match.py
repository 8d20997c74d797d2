"""Match stage: find event triggers in a parsed sentence and make candidate events.

Each verb or noun of the lexicon fires its most specific rule; its source and
target come from :mod:`khaldun.coding.arguments`. Then the sentence's candidates are
weighed against each other: an event that is the content of another ("threatened
to shell", "bombarded the city, killing eight") yields to it, a scene-setting
trigger ("after the attack") yields to the news, an event with an unknown side
yields to a complete one, and duplicates go.

The result is a list of :class:`Candidate` events, to which later stages
add modality, date, place and amount.
"""

from __future__ import annotations

from dataclasses import replace

from khaldun.coding.arguments import (
    NOT_AN_ACTOR,
    Argument,
    MentionIndex,
    argument,
    child_of,
    is_passive,
    loads_carried,
    mediator_of,
    named_by_what,
    noun_source,
    object_words,
    prepositional_objects,
    targets,
    verb_source,
)
from khaldun.coding.candidate import Candidate
from khaldun.coding.mentions import done_by_nature, names_people
from khaldun.coding.modality import condition_clause, reported_obligation
from khaldun.coding.resolve.countries import placed_by_the_story
from khaldun.coding.resolve.earlier import party, release_without_holder
from khaldun.knowledge import Knowledge
from khaldun.knowledge.actors.coded import sector_actor
from khaldun.knowledge.lexicon import Lexicon, TriggerRule
from khaldun.model import ActorKind, ActorMention, Mention, Modality
from khaldun.nlp.base import ParsedDoc, Token
from khaldun.nlp.fixed_phrases import is_fixed_phrase


def match_sentence(
    kn: Knowledge,
    doc: ParsedDoc,
    sent_index: int,
    mentions: MentionIndex,
    *,
    misses: list[str] | None = None,
) -> list[Candidate]:
    """All candidate events of one sentence, without duplicates.

    Triggers that give no event append the reason to ``misses`` when given.
    """
    misses = misses if misses is not None else []
    lexicon = kn.lexicon
    sent = doc.sentences[sent_index]
    used_objects: set[int] = set()
    found: list[Candidate] = []
    for tok in doc.tokens[sent.start : sent.end]:
        rules = _verb_rules(lexicon, tok) if tok.pos in ("VERB", "AUX") or _headline_verb(doc, tok) else ()
        if rules:
            found.extend(_match_verb(kn, doc, tok, rules, mentions, used_objects, misses))
    for tok in doc.tokens[sent.start : sent.end]:
        rule = lexicon.adjectives.get(_adjective_lemma(tok))
        if rule and _predicate_adjective(kn, doc, tok):
            found.extend(_match_adjective(kn, doc, tok, rule, mentions, misses))
    for tok in doc.tokens[sent.start : sent.end]:
        rule = lexicon.nouns.get(tok.lemma.lower())
        if rule and tok.pos in ("NOUN", "PROPN") and tok.i not in used_objects:
            found.extend(_match_noun(kn, doc, tok, rule, mentions, misses))
    found.extend(_obligations(kn, doc, sent_index, lexicon, mentions))
    found = _drop_embedded(kn, doc, found)
    complete = [c for c in found if c.source is not None and c.target is not None]
    # An event with an unknown side is a weaker reading; a sentence that has an
    # event with both sides does not need it.
    # A verb joined to a complete event's verb by "and" is an act of its own when its rule
    # needs no target ("lifted the curfew and released the detained protesters").
    borrowed = _targets_from_conjuncts(kn, doc, [c for c in found if c not in complete], complete)
    borrowed += _holders_in_the_sentence(kn, doc, [c for c in found if c not in complete], complete)
    lenders = {b.trigger.i for b in borrowed}
    # Only a complete event of the news itself makes the partial ones unneeded: "drivers went
    # on strike after gangs shot dead several drivers" reports the strike.
    told = any(not _background(kn, doc, c.trigger) for c in complete)
    found = (
        complete
        + [
            c
            for c in found
            if c not in complete
            and c.trigger.i not in lenders
            and (
                not told
                or _conjoined_act(kn, doc, c, complete)
                or _doer_known_by_place(kn, doc, c, complete)
                or _protest_before_the_news(kn, doc, c)
            )
        ]
        + borrowed
        or found
    )
    foreground = [c for c in found if not _background(kn, doc, c.trigger)]
    # A complete event outside the news stays when the news has only partial ones.
    causes = [
        c
        for c in found
        if c not in foreground
        and (_cause_of_the_news(kn, doc, c, foreground) or (not told and c in complete))
    ]
    return _dedupe(foreground + causes or found)


def _cause_of_the_news(kn: Knowledge, doc: ParsedDoc, cand: Candidate, foreground: list[Candidate]) -> bool:
    """A complete event in an "after" clause with doers of its own is the act the news
    answers, news too: "Sri Lanka lodged a protest with Oman after Omani authorities
    deported 240 workers" (not "arrived after meeting the king": the same doer's step)."""
    if cand.source is None or cand.trigger.pos != "VERB" or not _after_clause(kn, doc, cand.trigger):
        return False
    if not foreground:
        return False
    if cand.code[:2] in kn.words["protest_roots"]:
        # "Police detained 12 activists after they blocked a road in protest": the protest is
        # news of its own when it is another side's than the news's doers.
        return party(kn, cand.source.actor) not in {party(kn, c.source.actor) for c in foreground if c.source}
    own = {c.source.actor.country for c in foreground if c.source is not None}
    return cand.target is not None and cand.source.actor.country not in own


def _after_clause(kn: Knowledge, doc: ParsedDoc, verb: Token) -> bool:
    marks = [c.lower for c in doc.children(verb.i) if c.dep == "mark"]
    return verb.dep == "advcl" and len(marks) == 1 and marks[0] in kn.words["cause_marks"]


def _protest_before_the_news(kn: Knowledge, doc: ParsedDoc, cand: Candidate) -> bool:
    """A protest with its doers in an "after" clause, whose target is inferred later."""
    protest = cand.code[:2] in kn.words["protest_roots"]
    return (
        protest
        and cand.source is not None
        and cand.trigger.pos == "VERB"
        and _after_clause(kn, doc, cand.trigger)
    )


def _doer_known_by_place(kn: Knowledge, doc: ParsedDoc, cand: Candidate, complete: list[Candidate]) -> bool:
    """Coercion with no doer named joined by "and" to a complete event ("police fired tear
    gas and 66 people were detained"): an act of its own, whose doer the place or the story
    tells (khaldun.coding.inferred)."""
    if cand.source is not None or cand.target is None:
        return False
    if cand.code[:2] not in kn.words["place_authority_roots"]:
        return False
    return any(_conjoined_verbs(doc, cand.trigger, other.trigger) for other in complete)


def _targets_from_conjuncts(
    kn: Knowledge, doc: ParsedDoc, partial: list[Candidate], complete: list[Candidate]
) -> list[Candidate]:
    """Acts whose target is only their conjunct's: in "summoned China's ambassador and
    lodged a protest" the protest is lodged with China, in "condemned and rejected the
    decision by Kyiv" both acts are Kyiv's. A verb with a source and no target, joined by
    "and" to a complete event's verb with the same source, takes that target; a verb whose
    rule may go without a target only when it has no object of its own ("lifted the curfew
    and released the protesters" lifts no protester)."""
    out = []
    for cand in partial:
        verb = cand.trigger
        if verb.pos != "VERB" or cand.source is None or cand.target is not None:
            continue
        dobj = child_of(doc, verb, "dobj")
        them = dobj is not None and dobj.lower == "them"  # "met both delegations and urged them to ..."
        if dobj is not None and not them and (cand.rule.target_optional or dobj.i != cand.trigger_end.i):
            continue  # "attacked Ukraine and blamed the West": its own object, not an actor
        if any(c.dep == "dative" or (c.dep == "prep" and c.lower == "to") for c in doc.children(verb.i)):
            continue  # "... and denied entry to all foreigners": its own addressee
        if _own_addressee(kn, doc, verb, cand.rule):
            continue  # "... and called on Western allies to send air defences"
        lenders = [
            other
            for other in complete
            if _conjoined_verbs(doc, verb, other.trigger)
            and other.source is not None
            and other.source.actor.id == cand.source.actor.id
        ]
        # Every target of the first conjoined act ("met both delegations and urged them").
        first = lenders[0].trigger.i if lenders else None
        for other in (o for o in lenders if o.trigger.i == first):
            out.append(
                _with_borrowed_target(cand, other.target, f"that of the conjoined {other.trigger.text!r}")
            )
    return out


def _with_borrowed_target(cand: Candidate, target: ActorMention | None, how: str) -> Candidate:
    """``cand`` made complete with a target another event of the sentence gives it."""
    notes = (*cand.notes[:1], f"target: {how}")
    return replace(cand, target=target, partial=False, inferred=cand.inferred + 1, notes=notes)


def _holders_in_the_sentence(
    kn: Knowledge, doc: ParsedDoc, partial: list[Candidate], complete: list[Candidate]
) -> list[Candidate]:
    """Calls for a release aimed at whoever the same sentence says holds the people ("police
    detained a journalist, prompting Berlin to demand her release": the police), as a call
    in a later sentence is aimed at the latest holder before it (khaldun.coding.resolve.earlier)."""
    holders = [c for c in complete if c.code.startswith(tuple(kn.words["holding_codes"]))]
    out = []
    for cand in partial:
        if cand.source is None or cand.target is not None or not holders:
            continue
        if not any(release_without_holder(kn, doc, t) for t in _objects_of(doc, cand.trigger)):
            continue
        holder = next((h for h in holders if h.source.actor.id != cand.source.actor.id), None)
        if holder is not None:
            how = f"who holds them, by the {holder.trigger.text!r} before"
            out.append(_with_borrowed_target(cand, holder.source, how))
    return out


def _objects_of(doc: ParsedDoc, verb: Token) -> list[Token]:
    """The verb's object and the objects of its prepositions ("demanded her release", "called
    for the release of")."""
    kids = doc.children(verb.i)
    return [k for k in kids if k.dep == "dobj"] + [
        pobj for k in kids if k.dep == "prep" for pobj in doc.children(k.i) if pobj.dep == "pobj"
    ]


def _own_addressee(kn: Knowledge, doc: ParsedDoc, verb: Token, rule: TriggerRule) -> bool:
    """True when one of the rule's target prepositions on the verb holds people the
    knowledge base does not know ("called on Western allies"), not a thing ("called for
    sanctions")."""
    return any(
        names_people(kn, pobj)
        for prep in doc.children(verb.i)
        if prep.dep == "prep" and prep.lower in rule.target
        for pobj in doc.children(prep.i)
        if pobj.dep == "pobj"
    )


def _headline_verb(doc: ParsedDoc, tok: Token) -> bool:
    """A present-tense verb of a headline the tagger took for a plural noun ("Sudan army
    rejects ceasefire plan"): the root, with a subject and an object of its own."""
    if tok.tag != "NNS" or tok.dep != "ROOT" or not tok.lower.endswith("s"):
        return False
    deps = {c.dep for c in doc.children(tok.i)}
    return "nsubj" in deps and "dobj" in deps


def _conjoined_act(kn: Knowledge, doc: ParsedDoc, cand: Candidate, complete: list[Candidate]) -> bool:
    """True when the candidate's verb, whose rule needs no target, and a complete event's
    verb are two acts, not two readings of one act: conjuncts, or an act and the
    circumstance clause of another doer ("the president resigned as the opposition
    threatened to storm his residence")."""
    verb = cand.trigger
    if cand.source is None:
        return False
    if not cand.rule.target_optional:
        verb = doc.governing_verb(verb.i)  # "provide 10 million yuan in aid": provide
        # Aid or a reaction that names no one, by a doer of its own in a clause of its own
        # ("the EU released aid, and a Japanese team arrived in Kathmandu"), is another
        # party's act: its target is left to the story (khaldun.coding.inferred).
        return cand.code.startswith(tuple(kn.words["story_target_roots"])) and any(
            _conjoined_verbs(doc, _reporting_verb(doc, verb), other.trigger)
            and other.source is not None
            and other.source.actor.id != cand.source.actor.id
            for other in complete
        )
    if verb.pos != "VERB":
        return False
    return any(
        _conjoined_verbs(doc, verb, other.trigger)
        or _another_doers_circumstance(kn, doc, cand, other)
        or _main_act_over(doc, verb, other.trigger)
        for other in complete
    )


def _reporting_verb(doc: ParsedDoc, verb: Token) -> Token:
    """The verb that reports ``verb``'s clause ("said it would provide aid": said), else
    ``verb`` itself."""
    return doc.head(verb.i) if verb.dep == "ccomp" and doc.head(verb.i).pos == "VERB" else verb


def _main_act_over(doc: ParsedDoc, main: Token, other: Token) -> bool:
    """True when ``main`` is the sentence's root and ``other`` sits below it in a
    participle's phrase ("declared a state of emergency, giving the army powers to detain
    suspects"): what the sentence reports is the root's act, whatever the phrase adds."""
    if main.head != main.i or other.i == main.i or other.sent != main.sent:
        return False
    return _below_a_participle(doc, main, other)


def _below_a_participle(doc: ParsedDoc, main: Token, other: Token) -> bool:
    """True when the branch of ``main`` that holds ``other`` is a participle clause."""
    current = other
    while current.head != current.i and current.head != main.i:
        current = doc.head(current.i)
    return current.dep == "advcl" and current.tag == "VBG"


def _another_doers_circumstance(kn: Knowledge, doc: ParsedDoc, one: Candidate, other: Candidate) -> bool:
    """True when one event's verb heads an adverbial clause of the other's verb (either
    way), introduced by a conjunction that is no condition ("as", "after", not "unless"),
    and their doers differ."""
    a, b = one.trigger, other.trigger
    if b.pos != "VERB" or one.source is None or other.source is None:
        return False
    if one.source.actor.id == other.source.actor.id:
        return False  # "attacked the town, killing ...": one act and its outcome
    if a.dep == "advcl" and a.head == b.i:
        clause = a
    elif b.dep == "advcl" and b.head == a.i:
        clause = b
    else:
        return False
    marks = [m.lower for m in doc.children(clause.i) if m.dep == "mark"]
    return bool(marks) and not set(marks) & set(kn.modality.condition)


def _conjoined_verbs(doc: ParsedDoc, one: Token, other: Token) -> bool:
    """True when two verbs are conjuncts of each other ("summoned ... and lodged"), or one
    is the complement of the other's conjunct ("lifted the curfew, and the army began
    pulling out")."""
    if other.pos != "VERB" or other.i == one.i:
        return False
    one, other = _governing_verb(doc, one), _governing_verb(doc, other)
    return (one.dep == "conj" and one.head == other.i) or (other.dep == "conj" and other.head == one.i)


def _governing_verb(doc: ParsedDoc, verb: Token) -> Token:
    """The verb whose complement ``verb`` is ("began" of "began pulling"), else itself."""
    return doc.head(verb.i) if verb.dep == "xcomp" else verb


def _verb_rules(lexicon: Lexicon, verb: Token) -> tuple[TriggerRule, ...]:
    """The rules of a verb by its lemma, or by a stem of the word where the tagger's lemma
    is not a verb of the lexicon ("staged" lemmatised as "stag")."""
    lemma = verb.lemma.lower()
    if lemma in lexicon.verbs:
        return lexicon.verbs[lemma]
    word = verb.lower
    for stem in (word[:-1], word[:-2], word[:-3]):
        if len(stem) > 2 and stem in lexicon.verbs and word.endswith(("s", "d", "ed", "ing")):
            return lexicon.verbs[stem]
    return ()


def _obligations(
    kn: Knowledge, doc: ParsedDoc, sent_index: int, lexicon: Lexicon, mentions: MentionIndex
) -> list[Candidate]:
    """Demands reported as obligations: in "Straw said Sudan must reach an agreement" Straw
    demands of Sudan; the demand takes the lexicon's "demand" rule and its refinements."""
    rule = next((r for r in lexicon.verbs.get("demand", ()) if not r.object_nouns and not r.particle), None)
    if rule is None:
        return []
    sent = doc.sentences[sent_index]
    out: list[Candidate] = []
    for verb in doc.tokens[sent.start : sent.end]:
        clause = reported_obligation(kn, doc, verb) if verb.pos == "VERB" else None
        if clause is None:
            continue
        speaker = verb_source(kn, doc, verb, mentions)
        obliged = argument(doc, child_of(doc, clause, "nsubj"), mentions, "who must act")
        if speaker is None or speaker is NOT_AN_ACTOR or obliged is None:
            continue
        code = _refined_code(kn, doc, clause, rule)
        notes = (f"source: the speaker, {speaker.how}", f"target: {obliged.how}")
        out += [
            Candidate(verb, clause, rule, code, src, tgt, 1, notes)
            for src in speaker.mentions
            for tgt in obliged.mentions
            if not _same_party(src, tgt)
        ]
    return out


def _drop_embedded(kn: Knowledge, doc: ParsedDoc, candidates: list[Candidate]) -> list[Candidate]:
    """Drop events that are the content of another event's trigger: in "threatened to
    shell Iraqi towns" or "bombarded the city, killing eight", one event is coded."""
    clause_events = {c.trigger.i for c in candidates}
    candidates = [c for c in candidates if not _gives_way_to_its_clause(kn, doc, c, clause_events)]
    fired = {c.trigger.i for c in candidates if c.target is not None}
    obliged = {
        c.trigger_end.i for c in candidates if c.trigger_end.dep == "ccomp" and c.trigger_end.i != c.trigger.i
    }
    # A noun event under a light verb ("kept up their sit-in to demand ...")
    # governs what the verb's clause says next, as the verb itself would.
    fired |= {doc.head(c.trigger.i).i for c in candidates if c.trigger.dep == "dobj"}
    # So does one the subject is engaged on: "went on strike demanding ..." is the strike.
    fired |= {v.i for c in candidates if (v := _engaged_on(kn, doc, c.trigger)) is not None}
    fired |= {c.trigger.i for c in candidates if c.trigger.pos in ("NOUN", "PROPN")}
    # A protest governs what is done in it: "rioted, setting fire to their mattresses" is
    # one violent protest (145), whether or not the protest has a target yet.
    fired |= {c.trigger.i for c in candidates if c.code[:2] in kn.words["protest_roots"]}
    # What a demand, appeal, promise, refusal or threat asks or offers has not happened:
    # "urged its allies to shun the new junta" is one event, the appeal.
    content = [c for c in candidates if c.code[:2] in kn.words["content_roots"]]
    # ... on the verb or on its object noun ("expressed hope that talks would resume").
    content_heads = {c.trigger.i for c in content} | {c.trigger_end.i for c in content}
    demands = {c.trigger.i for c in content if c.code[:2] in kn.words["appeal_codes"]}
    triggers = {c.trigger.i for c in candidates}
    # A noun event's verb holds its conditions: "would not take part in talks unless ...".
    triggers |= {doc.governing_verb(c.trigger.i).i for c in candidates if c.trigger.pos in ("NOUN", "PROPN")}
    codes = {c.trigger.i: c.code for c in candidates}
    kept = []
    for cand in candidates:
        asked = cand.code[:2] in kn.words["asked_for_roots"]
        if (
            _inside_content(doc, cand.trigger, content_heads, asked=asked)
            or (asked and _what_is_demanded(cand.trigger, demands))
            or _what_a_protest_does(kn, doc, cand)
            or _a_condition_of(kn, doc, cand.trigger, triggers)
        ):
            continue
        current, governed = cand.trigger, False
        # "..., waving flags and demanding a rerun": a participle joined to another by "and"
        # hangs where the first one does.
        while current.dep == "conj" and current.tag == "VBG" and doc.head(current.i).tag == "VBG":
            current = doc.head(current.i)
        for _ in range(3):
            if current.dep not in ("xcomp", "advcl", "acl", "acomp", "ccomp") or current.head == current.i:
                break
            if current.dep == "ccomp" and current.i not in obliged:
                break
            if current.dep == "advcl" and any(
                c.dep in ("nsubj", "nsubjpass", "agent") for c in doc.children(current.i)
            ):
                # A clause with its own subject, or a participle with its own doer, is news of
                # its own ("..., while Fidan pledged", "... after talks mediated by the AU").
                break
            if current.dep == "xcomp" and _done_by_the_object(doc, doc.head(current.i), fired):
                break  # "..., prompting Berlin to demand her release": Berlin's act, news of its own
            came_from, current = current, doc.head(current.i)
            if current.i in fired and not _reason_given_for(kn, came_from, cand, codes.get(current.i, "")):
                governed = True
                break
        if not governed:
            kept.append(cand)
    return kept


def _done_by_the_object(doc: ParsedDoc, verb: Token, fired: set[int]) -> bool:
    """True for a verb that is no event and whose object does what follows ("prompting
    Berlin to demand", "forcing the army to withdraw"): its clause has a doer of its own."""
    return verb.i not in fired and any(c.dep == "dobj" for c in doc.children(verb.i))


def _gives_way_to_its_clause(kn: Knowledge, doc: ParsedDoc, cand: Candidate, triggers: set[int]) -> bool:
    """True for a that-clause verb that also denies the clause's event ("denied that its
    police had attacked the protesters"): a clause that tells an event is
    coded as that event, with the modality the verb gives it (the attack, denied); only a
    clause that tells none is the verb's own event ("denied that she was mistreated", 016)."""
    denies = kn.modality.lemmas.get(cand.trigger.lemma.lower()) is Modality.DENIED
    if cand.rule.requires_child != ("ccomp",) or not denies:
        return False
    clauses = [c for c in doc.children(cand.trigger.i) if c.dep == "ccomp"]
    return any(t.i in triggers for c in clauses for t in doc.subtree(c.i))


def _reason_given_for(kn: Knowledge, clause: Token, cand: Candidate, deed: str) -> bool:
    """True for an accusation in a participle on a deed: "expelled two diplomats, accusing
    them of spying" is a sanction and an accusation, where "shelled the city, killing
    eight" is one attack."""
    words = kn.words
    return (
        clause.dep == "advcl"
        and clause.tag == "VBG"
        and cand.code[:2] in words["reason_roots"]
        and deed[:2] in words["deed_roots"]
    )


def _a_condition_of(kn: Knowledge, doc: ParsedDoc, trigger: Token, triggers: set[int]) -> bool:
    """True for a trigger in an "if"/"unless" clause of another event's verb ("will not end
    the strike unless their demands are met"): the condition is not news of its own."""
    clause = doc.governing_verb(trigger.i)
    return clause.head in triggers and condition_clause(kn.modality, doc, clause)


def _what_a_protest_does(kn: Knowledge, doc: ParsedDoc, cand: Candidate) -> bool:
    """True for a participle on a protest noun ("a demonstration calling for the minister's
    removal"): what the protest demands is the protest's (CAMEO 14), not an event of its own."""
    if cand.trigger.dep != "acl" or cand.code[:2] in kn.words["protest_roots"]:
        return False
    rule = kn.lexicon.nouns.get(doc.head(cand.trigger.i).lemma.lower())
    return rule is not None and rule.code[:2] in kn.words["protest_roots"]


def _engaged_on(kn: Knowledge, doc: ParsedDoc, noun: Token) -> Token | None:
    """The verb of "went on strike", "remain on hunger strike" for the noun, else None."""
    return _verb_of_phrase(doc, noun, "on", kn.words["engaged_on_verbs"])


def _suffered_under(kn: Knowledge, doc: ParsedDoc, noun: Token) -> Token | None:
    """The verb of "came under attack", "was under fire" for the noun, else None."""
    return _verb_of_phrase(doc, noun, "under", kn.words["suffered_under_verbs"])


def _verb_of_phrase(doc: ParsedDoc, noun: Token, preposition: str, verbs: frozenset[str]) -> Token | None:
    """The verb (one of ``verbs``) whose ``preposition`` phrase the noun is, else None."""
    if noun.dep != "pobj":
        return None
    prep = doc.head(noun.i)
    verb = doc.head(prep.i)
    found = prep.lower == preposition and verb.lemma.lower() in verbs
    return verb if found and verb.i != prep.i else None


def _inside_content(doc: ParsedDoc, trigger: Token, heads: set[int], *, asked: bool) -> bool:
    """True when the trigger sits in a clause that is the content of one of ``heads``, or,
    for cooperative events (``asked``), is what an appeal calls for ("called for the
    withdrawal of foreign forces"). A call for sanctions against X stays an event against X,
    as the codebooks read it."""
    current = trigger
    for _ in range(6):
        if current.head == current.i:
            return False
        if current.dep in ("ccomp", "xcomp") and current.head in heads and current.head != trigger.i:
            return True
        if current.dep == "pcomp" and _stance_preposition(doc, doc.head(current.i), heads):
            return True  # "optimistic about reaching a deal": what the stance is about
        if asked and current.dep == "pobj" and _asked_for(doc, doc.head(current.i), heads):
            return True  # "called for the pullout of Kenyan troops": what the appeal asks
        current = doc.head(current.i)
    return False


def _what_is_demanded(trigger: Token, demands: set[int]) -> bool:
    """True for a noun event that is the object of a demand or appeal ("marched to demand
    the release of a judge"): asked for, not done, even where the demand is the march's."""
    return trigger.pos in ("NOUN", "PROPN") and trigger.dep == "dobj" and trigger.head in demands


def _stance_preposition(doc: ParsedDoc, prep: Token, heads: set[int]) -> bool:
    """The preposition of a stance adjective among ``heads`` ("optimistic about")."""
    return prep.dep == "prep" and prep.head in heads and doc.tokens[prep.head].pos == "ADJ"


def _asked_for(doc: ParsedDoc, prep: Token, heads: set[int]) -> bool:
    return prep.lower == "for" and prep.dep == "prep" and prep.head in heads


def _background(kn: Knowledge, doc: ParsedDoc, trigger: Token) -> bool:
    """A trigger that sets the scene rather than reports the news: a noun under a
    preposition ("in response to a border raid"), or a clause opened by "after",
    "since", "because"..."""
    if trigger.pos in ("NOUN", "PROPN") and trigger.dep == "pobj":
        if _engaged_on(kn, doc, trigger) is not None or _suffered_under(kn, doc, trigger) is not None:
            return False  # what the subject is doing or suffering: "went on strike", "came under fire"
        if mediator_of(kn, doc, trigger) is not None:
            return False  # how the news came about: "agreed on a truce under the mediation of Qatar"
        prep = doc.head(trigger.i)
        # A purpose is news too: "arrived in Baghdad for talks with Iraqi leaders".
        return not (prep.lower == "for" and doc.head(prep.i).pos == "VERB")
    if trigger.dep == "pcomp" and doc.head(trigger.i).lower in kn.words["reason_prepositions"]:
        # "arrested for collaborating with Israel": why, not what happened; but "expelled three
        # diplomats after accusing them of spying" is the subject's own accusation, news too.
        accusing = trigger.lemma.lower() in kn.words["accusing_verbs"]
        return not (accusing and doc.head(trigger.i).lower != "for")
    if trigger.dep == "relcl" and any(c.lower in ("where", "when") for c in doc.children(trigger.i)):
        return True  # "Darfur, where thousands have died": what the place is known for
    if trigger.dep == "advcl":
        return any(
            c.dep == "mark" and c.lower in kn.words["background_marks"] for c in doc.children(trigger.i)
        )
    return False


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for cand in candidates:
        key = (
            cand.source.actor.id if cand.source else "",
            cand.target.actor.id if cand.target else "",
            cand.code,
        )
        if key not in seen:
            seen.add(key)
            out.append(cand)
    return out


# -- verbs -------------------------------------------------------------------


def _match_verb(
    kn: Knowledge,
    doc: ParsedDoc,
    verb: Token,
    rules: tuple[TriggerRule, ...],
    mentions: MentionIndex,
    used: set[int],
    misses: list[str],
) -> list[Candidate]:
    if _workers_on_strike(kn, doc, verb, mentions):
        misses.append(f"{verb.text!r}: workers on strike, no blow struck")
        return []
    # In the passive the object is the subject: "sanctions were imposed on Iran by the US".
    dobj = child_of(doc, verb, "dobj")
    if dobj is None and is_passive(kn, doc, verb):
        dobj = child_of(doc, verb, "nsubjpass")
    if dobj is None:
        dobj = _infinitive_subject(doc, verb) or _what_it_is_called(kn, doc, verb)
    words = object_words(kn, doc, dobj) if dobj is not None else {}
    if dobj is not None and verb.lemma.lower() in kn.words["supply_with_verbs"]:
        # "provided the Philippines with patrol boats": what is given is in the "with"; what a
        # carrier sent carries ("a Hercules carrying tarpaulins", "loaded with medicine").
        carried = [
            o
            for load in loads_carried(kn, doc, verb, dobj)
            for o in [child_of(doc, load, "dobj"), *prepositional_objects(doc, load, "with")]
            if o is not None
        ]
        for given in (
            prepositional_objects(doc, verb, "with") + prepositional_objects(doc, dobj, "with") + carried
        ):
            for word, token in object_words(kn, doc, given).items():
                words.setdefault(word, token)
    # "declined to comment", "is considering sending aid", "ordered the troops to leave":
    # the verb of the clause the verb complements is an object word too.
    clause = child_of(doc, verb, "xcomp")
    if clause is not None and clause.pos == "VERB":
        words.setdefault(clause.lemma.lower(), clause)
        dobj = dobj if dobj is not None else clause
    # "called the strike a war crime", "called the sanctions illegal": what the object is
    # called says the verdict; the object stays what is judged.
    verdict = _predicate_words(doc, verb) if dobj is not None else {}
    for word, token in verdict.items():
        words.setdefault(word, token)
    predicates = {t.i for t in verdict.values()}
    attached = _particles(kn, doc, verb)
    children = {c.dep for c in doc.children(verb.i)}
    measures = kn.words["measure_words"]
    for rule in rules:
        if rule.particle and not set(rule.particle) <= attached:
            continue
        if rule.requires_child and not children & set(rule.requires_child):
            continue  # the sense that needs a frame the verb lacks ("agreed that ..." is accord)
        if children & set(rule.excludes_child):
            continue  # a frame of another sense: "called the deal historic" names, not phones
        if rule.object_nouns:
            said = words
            held = _particle_object(doc, verb, rule.particle) if rule.particle else None
            if held is not None:
                # "engaged in fierce fighting", "engaged the peacekeepers in a firefight": the
                # object of the preposition the verb needs names the act too.
                said = {**object_words(kn, doc, held), **words}
                dobj = dobj if dobj is not None else held
            # What an amount is of comes before the amount ("500 million euros in aid": aid).
            named = sorted((w for w in said if w in rule.object_nouns), key=lambda w: w in measures)
            hit = said[named[0]] if named else None
            if dobj is None or hit is None:
                continue
            judged = dobj if hit.i in predicates else hit
            dobj = hit
            used.update((dobj.i, judged.i))
            target, filler = targets(kn, doc, verb, rule, mentions, judged)
            return _emit(
                kn, doc, verb, dobj, rule, verb_source(kn, doc, verb, mentions), target, filler, misses
            )
        target, filler = targets(kn, doc, verb, rule, mentions, None)
        return _emit(kn, doc, verb, verb, rule, verb_source(kn, doc, verb, mentions), target, filler, misses)
    return []


def _workers_on_strike(kn: Knowledge, doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> bool:
    """ "a march by striking teachers": the parser may read "striking" as a gerund with the
    teachers as its object; a subjectless "striking" of working people is their strike."""
    if verb.tag != "VBG" or verb.lemma.lower() not in kn.words["labour_strike_nouns"]:
        return False
    if any(k.dep in ("nsubj", "nsubjpass") for k in doc.children(verb.i)):
        return False
    obj = child_of(doc, verb, "dobj")
    found = mentions.get(obj.i, ()) if obj is not None else ()
    workers = kn.words["labour_sectors"] - {"CVL"}  # civilians struck are struck
    return bool(found) and all(m.actor.sector_code in workers for m in found)


def _what_it_is_called(kn: Knowledge, doc: ParsedDoc, verb: Token) -> Token | None:
    """The noun a free relative names ("condemned what he called a cowardly attack": the
    attack), which the parser hangs on the naming verb of a clause of the verb."""
    named = (named_by_what(kn, doc, c) for c in doc.children(verb.i) if c.dep == "ccomp")
    return next((noun for noun in named if noun is not None), None)


def _particle_object(doc: ParsedDoc, verb: Token, particles: tuple[str, ...]) -> Token | None:
    """The object of the preposition a rule's verb needs ("in" of "engage in")."""
    found = (o for word in particles for o in prepositional_objects(doc, verb, word))
    return next(found, None)


def _predicate_words(doc: ParsedDoc, verb: Token) -> dict[str, Token]:
    """The words of an object predicate ("called it a war crime": crime, war), each with
    the predicate's head."""
    predicate = (
        child_of(doc, verb, "oprd")
        or _small_clause_adjective(doc, verb)
        or _fixed_appositive(doc, verb)
        or _as_predicate(doc, verb)
    )
    if predicate is None:
        return {}
    words = {predicate.lemma.lower(): predicate, predicate.lower: predicate}
    for child in doc.children(predicate.i):
        if child.dep in ("amod", "compound"):
            words.setdefault(child.lemma.lower(), predicate)
            # "a cruel and unlawful pushback": every adjective of the pair.
            for joined in (c for c in doc.children(child.i) if c.dep == "conj"):
                words.setdefault(joined.lemma.lower(), predicate)
    for kind in prepositional_objects(doc, predicate, "of"):  # "an act of aggression"
        words.setdefault(kind.lemma.lower(), predicate)
    return words


def _as_predicate(doc: ParsedDoc, verb: Token) -> Token | None:
    """What the object is described as: "described the blockade as a war crime", "described
    the sanctions as illegal" (the parser hangs the adjective on the "as")."""
    found = prepositional_objects(doc, verb, "as")
    # "described the granting of asylum as a hostile act": the parser may hang the "as"
    # on the object.
    obj = child_of(doc, verb, "dobj")
    found += prepositional_objects(doc, obj, "as") if obj is not None else []
    found += [
        a
        for p in doc.children(verb.i)
        if p.dep == "prep" and p.lower == "as"
        for a in doc.children(p.i)
        if a.dep in ("amod", "acomp") and a.pos == "ADJ"
    ]
    return next(iter(found), None)


def _fixed_appositive(doc: ParsedDoc, verb: Token) -> Token | None:
    """A fixed phrase the parser hung on the object as an appositive: "declared two
    diplomats persona non grata" (one token, :mod:`khaldun.nlp.fixed_phrases`), or a quoted
    name for it."""
    dobj = child_of(doc, verb, "dobj")
    appos = child_of(doc, dobj, "appos") if dobj is not None else None
    if appos is None:
        return None
    # Or a name in quotation marks the parser hung there: 'called the seizure "an act of
    # piracy"' says what the seizure is, as the unquoted predicate would.
    first = min(t.i for t in doc.subtree(appos.i))
    quoted = first > 0 and doc.tokens[first - 1].text in ('"', "“")
    return appos if is_fixed_phrase(appos.text) or quoted else None


def _small_clause_adjective(doc: ParsedDoc, verb: Token) -> Token | None:
    """The adjective of "found the general guilty", which the parser makes a clause with
    the object as its subject."""
    for clause in doc.children(verb.i):
        if clause.dep == "ccomp" and clause.tag == "JJ" and child_of(doc, clause, "nsubj") is not None:
            return clause
    return None


def _infinitive_subject(doc: ParsedDoc, verb: Token) -> Token | None:
    """The object the parser made the subject of an infinitive clause: "allowed inspectors
    to return", "let observers monitor the vote" (a clause with no "that"), or of an
    adjective's small clause ("found the general guilty")."""
    for clause in doc.children(verb.i):
        if clause.dep != "ccomp" or clause.tag not in ("VB", "JJ"):
            continue
        if any(c.dep == "mark" for c in doc.children(clause.i)):
            continue
        subject = child_of(doc, clause, "nsubj")
        if subject is not None and subject.pos in ("NOUN", "PROPN") and subject.i > verb.i:
            return subject
    return None


def _particles(kn: Knowledge, doc: ParsedDoc, verb: Token) -> set[str]:
    """The words hanging on a verb that a rule's particles may name ("call on", "call for").

    A preposition of a date is none ("called Putin on Friday"), but what the parser hangs
    on the date still is ("called on Friday for ..."); so is the "for" of a "for ... to"
    clause ("called for Britain to stay")."""
    attached: set[str] = set()
    for c in doc.children(verb.i):
        if c.dep == "advcl":
            attached |= {m.lower for m in doc.children(c.i) if m.dep == "mark" and m.lower == "for"}
        elif c.dep in ("prt", "prep", "agent", "advmod") and not _only_a_date_phrase(doc, c):
            attached.add(c.lower)
            # "pulled out of the talks": the parser may hang "of" on "out", not on the verb.
            if c.lower in kn.words["verb_particles"]:
                attached |= {p.lower for p in doc.children(c.i) if p.dep == "prep"}
        elif c.dep in ("prt", "prep", "agent", "advmod"):
            attached |= {
                p.lower for date in doc.children(c.i) for p in doc.children(date.i) if p.dep == "prep"
            }
    return attached


def _only_a_date_phrase(doc: ParsedDoc, prep: Token) -> bool:
    objects = [c for c in doc.children(prep.i) if c.dep == "pobj"]
    return bool(objects) and all(o.ent_type in ("DATE", "TIME") for o in objects)


# -- nouns -------------------------------------------------------------------


def _match_noun(
    kn: Knowledge, doc: ParsedDoc, noun: Token, rule: TriggerRule, mentions: MentionIndex, misses: list[str]
) -> list[Candidate]:
    if rule.requires_child and not any(c.dep in rule.requires_child for c in doc.children(noun.i)):
        return []
    suffered = _suffered_under(kn, doc, noun)
    if suffered is not None:
        return _emit_suffered(kn, doc, noun, suffered, rule, mentions, misses)
    target, filler = targets(kn, doc, noun, rule, mentions, None)
    return _emit(kn, doc, noun, noun, rule, noun_source(kn, doc, noun, mentions), target, filler, misses)


def _emit_suffered(
    kn: Knowledge,
    doc: ParsedDoc,
    noun: Token,
    verb: Token,
    rule: TriggerRule,
    mentions: MentionIndex,
    misses: list[str],
) -> list[Candidate]:
    """ "Armenian positions came under artillery fire from Azerbaijani forces": the
    subject suffers the event, the "from" or "by" phrase (on the noun or the verb) does it
    ("came under investigation by the agency")."""
    subject = child_of(doc, verb, "nsubj")
    target = argument(doc, subject, mentions, f"subject of {verb.text!r}") if subject else None
    source = None
    for prep in (*doc.children(noun.i), *doc.children(verb.i)):
        by_doer = prep.dep in ("prep", "agent") and prep.lower in ("from", "by")
        doer = child_of(doc, prep, "pobj") if by_doer else None
        if doer is not None:
            source = argument(doc, doer, mentions, f"the {prep.lower!r} phrase of the event suffered")
            break
    if target is None:
        misses.append(f"trigger {noun.text!r} (rule {rule.name}): what came under it names no actor")
        return []
    return _emit(kn, doc, noun, noun, rule, source, target, None, misses)


def _adjective_lemma(tok: Token) -> str:
    """An adjective's lemma; a participle said of the subject is one too ("was disappointed
    by the decision", which the parser reads as the verb "disappoint")."""
    if tok.pos == "ADJ":
        return tok.lemma.lower()
    return tok.lower if tok.tag == "VBN" and tok.dep == "acomp" else ""


def _predicate_adjective(kn: Knowledge, doc: ParsedDoc, adj: Token) -> bool:
    """An adjective that says something of the subject of its copula ("is skeptical")."""
    return adj.dep == "acomp" and doc.head(adj.i).lemma.lower() in kn.words["copulas"]


def _match_adjective(
    kn: Knowledge, doc: ParsedDoc, adj: Token, rule: TriggerRule, mentions: MentionIndex, misses: list[str]
) -> list[Candidate]:
    """A stance stated by a predicate adjective: the copula's subject takes it toward the
    object of the adjective's preposition ("skeptical of the plan")."""
    copula = doc.head(adj.i)
    target, filler = targets(kn, doc, adj, rule, mentions, None)
    return _emit(kn, doc, adj, adj, rule, verb_source(kn, doc, copula, mentions), target, filler, misses)


# -- events ------------------------------------------------------------------


def _emit(
    kn: Knowledge,
    doc: ParsedDoc,
    trigger: Token,
    trigger_end: Token,
    rule: TriggerRule,
    source: Argument | None,
    target: Argument | None,
    filler: Token | None,
    misses: list[str],
) -> list[Candidate]:
    if target is None and filler is not None and not (rule.target_optional or rule.thing_target):
        # "received weapons": the slot is taken by something that is not an actor,
        # which usually means another sense of the word.
        misses.append(
            f"trigger {trigger.text!r} (rule {rule.name}): target slot holds {filler.text!r}, not an actor"
        )
        return []
    if target is None and rule.target_required:
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): the rule needs a target actor")
        return []
    if source is NOT_AN_ACTOR and not (rule.thing_target and not rule.source_required):
        # "the talks hit a snag": a rule that needs a doer has none.
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): the subject names no actor")
        return []
    if source is NOT_AN_ACTOR and done_by_nature(kn, doc, trigger):
        # "the earthquake hit Nepal", "floods killed 40 people": harm no one did.
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): a force of nature is the doer")
        return []
    if (source is None or source is NOT_AN_ACTOR) and rule.source_required:
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): the rule needs a source actor")
        return []
    if source is NOT_AN_ACTOR or source is None:
        # "a roadside bomb killed two soldiers": the doer is unknown, named by its means.
        source = _unattributed_attacker(kn, doc, trigger, rule) if rule.thing_target else source
        source = None if source is NOT_AN_ACTOR else source
    if rule.reverse:  # "received aid from X": X is the one who gives
        source, target = target, source
    if source is None and target is None:
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): no source and target actor found")
        return []
    partial = source is None or (target is None and not rule.target_optional)
    if partial:
        missing = "source" if source is None else "target"
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): no {missing} actor found")
    code = _refined_code(kn, doc, trigger, rule)
    if source is not None:
        code = _code_for_the_doers(kn, doc, trigger_end, rule, code, source)
    inferred = int(bool(source and source.inferred)) + int(bool(target and target.inferred))
    notes = (
        f"source: {source.how}" if source else "source: none",
        f"target: {target.how}" if target else "target: none",
    )
    if _only_the_doers_own(source, target) and _reciprocal(kn, code):
        # "The government and the rebels agreed to open a corridor into the capital": a
        # target that is one of the doers' own leaves them to deal with each other.
        target = None
    at_a_place = target is not None and target.place
    if at_a_place and source is not None and len(source.mentions) > 1:
        # "Russia and China held exercises in the Sea of Japan": the parties, not the place.
        target = None if _reciprocal(kn, code) else target
    # Coordinated doers fight each other only when nothing else takes the target slot:
    # "Somali and American forces struck militant positions" is no fight between them
    # (in "Armenia and Azerbaijan agreed to a ceasefire" the slot holds what is agreed).
    struck_a_thing = (
        filler is not None
        and code[:2] in kn.words["attack_roots"]
        and not (at_a_place or rule.reciprocal or _a_place(kn, doc, filler))
    )
    mutual = target is None and not struck_a_thing and trigger.lemma.lower() not in kn.words["one_way_lemmas"]
    # A rule marked reciprocal is mutual whatever its root ("exchanged accusations").
    if (
        mutual
        and source is not None
        and len(source.mentions) > 1
        and (_reciprocal(kn, code) or rule.reciprocal)
    ):
        return _reciprocal_events(kn, trigger, trigger_end, rule, code, source, inferred, notes)
    if source is None and target is not None and len(target.mentions) > 1 and _reciprocal(kn, code):
        # "the talks between Armenia and Azerbaijan": the parties are both sides.
        return _reciprocal_events(kn, trigger, trigger_end, rule, code, target, inferred, notes)
    if source is not None and target is not None:
        others = tuple(
            t for t in target.mentions if not any(_acts_on_itself(kn, code, s, t) for s in source.mentions)
        )
        if not others and rule.target_required:
            return []  # "the party claimed it had won": a claim about oneself accuses no one
        if not others and (rule.target_optional or rule.thing_target):
            target = None  # "Kenya deployed troops along its border": no other party
    # A host of others' talks ("talks hosted by Oman") hosts them; they do not visit it.
    both_ways = (rule.reciprocal or rule.converse) and mediator_of(kn, doc, trigger) is None
    out = []
    for src in source.mentions if source else (None,):
        for tgt in target.mentions if target else (None,):
            if src is not None and tgt is not None and _acts_on_itself(kn, code, src, tgt):
                continue
            if not any(_political(m) for m in (src, tgt) if m is not None):
                continue
            out.append(Candidate(trigger, trigger_end, rule, code, src, tgt, inferred, notes, partial))
            if both_ways and src is not None and tgt is not None:
                back = (f"source: the other party ({notes[1]})", f"target: the other party ({notes[0]})")
                # "X received Y": Y visited X (the rule's converse code, 042).
                back_code = rule.converse or code
                out.append(
                    Candidate(trigger, trigger_end, rule, back_code, tgt, src, inferred, back, partial, True)
                )
    return out


def _unattributed_attacker(
    kn: Knowledge, doc: ParsedDoc, trigger: Token, rule: TriggerRule
) -> Argument | None:
    """Unidentified armed forces (``---UAF``, given a country by the event's place later)
    as the doer of violence the text names only by its means: the subject ("a roadside
    bombing killed"), the passive's agent ("killed by an explosive device"), or the event
    it happened in ("died in a mine blast")."""
    if rule.code[:2] not in kn.words["attack_roots"]:
        return None
    means = kn.words["attack_means"]
    words = [c for c in doc.children(trigger.i) if c.dep in ("nsubj", "csubj")]
    for prep in doc.children(trigger.i):
        if prep.dep == "agent" or (prep.dep == "prep" and prep.lower in ("in", "by")):
            words += [c for c in doc.children(prep.i) if c.dep == "pobj"]
    for word in words:
        if word.lemma.lower() in means or word.lower in means:
            actor = sector_actor("UAF", "unidentified attackers")
            text = doc.span_text(word.i, word.i + 1)
            how = "unidentified armed forces, named only by the attack's means"
            mention = Mention(word.idx, word.idx + len(text), text, sentence=word.sent, head=word.i, how=how)
            return Argument((ActorMention(mention, actor),), _BY_ITS_MEANS)
    return None


_BY_ITS_MEANS = "the attack's means"
_BOMBING_KIND = "bombing_words_"  # defaults.yaml lists named by a bombing's CAMEO code


def _bombing_code(kn: Knowledge, doc: ParsedDoc, source: Argument) -> str | None:
    """The bombing an attack named only by a bomb is ("a roadside bomb struck the convoy":
    1833), None when its means is no bomb."""
    if source.how != _BY_ITS_MEANS:
        return None
    word = doc.tokens[source.mentions[0].mention.head]
    if word.lemma.lower() not in kn.words["bombing_means"] and word.lower not in kn.words["bombing_means"]:
        return None
    phrase = {w for t in doc.subtree(word.i) for w in (t.lower, t.lemma.lower())}
    # The kinds CAMEO tells apart, each a list named by its code (defaults.yaml).
    kinds = sorted(name for name in kn.words.lists if name.startswith(_BOMBING_KIND))
    return next((name[len(_BOMBING_KIND) :] for name in kinds if phrase & kn.words[name]), "183")


def _protesters(kn: Knowledge, doc: ParsedDoc, source: Argument) -> bool:
    """True when the doers are named as protesters ("a Ukrainian protestor", "rioters")."""
    words = kn.words["protester_words"]
    heads = [m.mention.head for m in source.mentions if m.mention.head >= 0]
    return bool(heads) and all(doc.tokens[h].lemma.lower() in words for h in heads)


def _crowds(kn: Knowledge, source: Argument) -> bool:
    """True when the doers are crowds of no state: students, farmers, workers, residents."""
    return all(m.actor.sector in kn.words["protester_sectors"] for m in source.mentions)


def _labour_strike(kn: Knowledge, doc: ParsedDoc, noun: Token, source: Argument) -> bool:
    """True for a strike noun (the trigger, or a light verb's object) whose doers are
    workers, teachers, students or the like, or that its doers went on: nobody goes on an
    air strike ("lawyers went on strike")."""
    if noun.lemma.lower() not in kn.words["labour_strike_nouns"]:
        return False
    sectors = kn.words["labour_sectors"]
    return _engaged_on(kn, doc, noun) is not None or all(m.actor.sector in sectors for m in source.mentions)


def _code_for_the_doers(
    kn: Knowledge, doc: ParsedDoc, trigger_end: Token, rule: TriggerRule, code: str, source: Argument
) -> str:
    """The code as who does it makes it: the same words are another event when parties of
    several countries, armed groups, protesters or workers do them."""
    if rule.joint and _several_countries(source):
        code = rule.joint  # "Indian and French warships began naval drills": done together
    bombing = _bombing_code(kn, doc, source) if code[:2] in kn.words["attack_roots"] else None
    if bombing is not None and not code.startswith("183"):
        code = bombing  # "a car bomb killed five officers": a bombing, not a killing by hand
    if rule.by_armed_group and _armed_groups(kn, source):
        # "militants bombed a market": CAMEO's unconventional violence, not an air strike;
        # a finer code the clause gives (a suicide or car bombing, 1831, 1832) stays.
        code = code if code.startswith(rule.by_armed_group) else rule.by_armed_group
    protesters = _protesters(kn, doc, source)
    if rule.by_protesters and (protesters or _crowds(kn, source)):
        # "protesters blockaded the highway", "farmers blocked the road": they obstruct
        # passage. (Crowds that kill or burn are not therefore protesters.)
        code = rule.by_protesters
    if code[:2] in kn.words["violent_protest_roots"] and protesters:
        code = "145"  # "protesters torched a police station": a violent protest (CAMEO 145)
    if code[:2] in kn.words["labour_strike_roots"] and _labour_strike(kn, doc, trigger_end, source):
        code = "143"  # "the nurses extended their strike": a strike, not a military one
    return code


def _a_place(kn: Knowledge, doc: ParsedDoc, word: Token) -> bool:
    """True for the object of a preposition of place ("in the Sea of Japan"): where an
    act was done, not what it was done to."""
    return word.dep == "pobj" and doc.head(word.i).lower in kn.words["place_prepositions"]


def _armed_groups(kn: Knowledge, parties: Argument) -> bool:
    sectors = kn.words["armed_group_sectors"]
    return all(m.actor.sector_code in sectors for m in parties.mentions)


def _several_countries(parties: Argument) -> bool:
    return len({m.actor.country for m in parties.mentions if m.actor.country}) > 1


def _only_the_doers_own(source: Argument | None, target: Argument | None) -> bool:
    """Several doers, and every target is the state of one of them."""
    if source is None or target is None or len(source.mentions) < 2:
        return False
    return all(any(_same_party(s, t) for s in source.mentions) for t in target.mentions)


def _reciprocal(kn: Knowledge, code: str) -> bool:
    return code[:2] in kn.words["reciprocal_roots"]


def _reciprocal_events(
    kn: Knowledge,
    trigger: Token,
    trigger_end: Token,
    rule: TriggerRule,
    code: str,
    parties: Argument,
    inferred: int,
    notes: tuple[str, str],
) -> list[Candidate]:
    """One event each way between every two coordinated parties."""
    note = (notes[0], "target: the other coordinated party (a reciprocal event)")
    # Fighting goes on within a state too ("the army and the rebels clashed"); other
    # reciprocal events are between states ("Iran and Iraq held talks") or between
    # differently coded sides of one ("the government and the ELN resumed talks"), not
    # between two people of one office.
    within_a_state = code[:2] in kn.words["attack_roots"]
    return [
        Candidate(trigger, trigger_end, rule, code, a, b, inferred, note)
        for a in parties.mentions
        for b in parties.mentions
        if not _same_party(a, b)
        and (within_a_state or a.actor.country != b.actor.country or _sides_of_a_state(a, b))
    ]


def _sides_of_a_state(a: ActorMention, b: ActorMention) -> bool:
    """Two sides within one state that can deal with each other: neither the state itself,
    and coded differently (COLGOV and COLREBELN)."""
    return (
        ActorKind.STATE not in (a.actor.kind, b.actor.kind)
        and a.actor.code != b.actor.code
        and bool(a.actor.country)
    )


def _political(am: ActorMention) -> bool:
    """An actor the knowledge base knows, or one the text places in a country or sector;
    events between names that are neither ("Real Madrid beat Barcelona") are not coded."""
    return am.actor.known or am.actor.country is not None or am.actor.sector is not None


def _acts_on_itself(kn: Knowledge, code: str, source: ActorMention, target: ActorMention) -> bool:
    """The same party on both sides; but an official the story placed who appeals to or
    demands of that state by name is kept: placed again by the story's other side where
    there is one (:func:`~khaldun.coding.inferred.official_not_of_the_state_addressed`),
    else an appeal to its own state, as a governor's to the federal government is."""
    if not _same_party(source, target):
        return False
    addressed = target.actor.kind is ActorKind.STATE and code.startswith(tuple(kn.words["addressed_roots"]))
    return not (addressed and placed_by_the_story(source.mention))


def _same_party(source: ActorMention, target: ActorMention) -> bool:
    """An actor does not act on itself, nor on its own state named in passing."""
    if source.actor.id == target.actor.id:
        return True
    return target.actor.kind is ActorKind.STATE and target.actor.country == source.actor.country


def _preposition_of_another_word(doc: ParsedDoc, token: Token, trigger: Token) -> bool:
    """A preposition that hangs on neither the trigger nor its object: "drills with Japan"
    are joint, "drills near its border with Finland" are not."""
    if token.pos != "ADP":
        return False
    head = doc.head(token.i)
    return head.i != trigger.i and not (head.head == trigger.i and head.dep == "dobj")


def _refined_code(kn: Knowledge, doc: ParsedDoc, trigger: Token, rule: TriggerRule) -> str:
    """The rule's code made finer by a word of the trigger's clause; not by a phrase that
    sets the scene, nor, for words and intentions, by the speaker's name: in "agreed to a
    ceasefire after talks" what is agreed is the ceasefire, and "the military government
    agreed to talks" is no military cooperation."""
    if not rule.refine:
        return rule.code
    clause = doc.clause(trigger.i)
    scene = {
        t.i
        for prep in clause
        if prep.dep == "prep" and prep.lower in kn.words["scene_prepositions"]
        for t in doc.subtree(prep.i)
    }
    if rule.code[:2] in kn.words["said_or_meant_roots"]:
        # What is said, asked or intended is in its words, not in who says it; deeds are
        # told apart by their doers ("suicide bombers killed", "warplanes struck").
        scene |= {t.i for doer in doc.children(trigger.i) if doer.dep == "nsubj" for t in doc.subtree(doer.i)}
    words = {
        w
        for t in clause
        if t.i not in scene and not _preposition_of_another_word(doc, t, trigger)
        for w in (t.lemma.lower(), t.lower)
    }
    if rule.requires_child == ("ccomp",) or rule.code[:2] in kn.words["content_refined_roots"]:
        # A sense its that-clause defines is made finer by what the clause says: "agreed
        # that they should cooperate" is intent, "charged that X committed genocide" 1124;
        # so is a demand, an appeal or a threat by what it asks or threatens ("demanded
        # that the minister step down" 1041).
        for content in (c for c in doc.children(trigger.i) if c.dep == "ccomp"):
            words |= {w for t in doc.subtree(content.i) for w in (t.lemma.lower(), t.lower)}
    for word, code in rule.refine.items():
        if word in words:
            return code
    return rule.code
