"""The second opinion on one sentence's events: keep, relabel, veto, or propose.

Runs after the rules have coded a sentence, when the knowledge holds a model
(:mod:`khaldun.learning`; ``[model] enabled``). The verdict comes from
:func:`khaldun.learning.policy.judge`; this module turns it into events:

- a relabelled event keeps its trigger and sides and takes the model's class, coded as
  the likeliest CAMEO root of that class (its generic code, "190" for 19), rule
  ``model:relabel`` with the rule it replaced in its explanation;
- a proposed event takes the sentence's main verb as trigger and its two first distinct
  actors as sides (the subject's first), rule ``model:propose``;
- a vetoed event is dropped with a note for ``--explain``.

Every event the model decided carries its probability as its confidence and, in its
explanation, the gold records of the fit split it was coded like.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from khaldun.coding.candidate import Candidate
from khaldun.knowledge import Knowledge
from khaldun.knowledge.lexicon import TriggerRule
from khaldun.learning.features import sentence_features
from khaldun.learning.opinion import CLASS_NAMES, Opinion, SecondOpinion
from khaldun.learning.policy import PROPOSE, RELABEL, VETO, Policy, best_root, judge
from khaldun.model import ActorMention, Event
from khaldun.nlp.base import ParsedDoc, Sentence, Token

SUBJECTS = ("nsubj", "nsubjpass")


def adjudicate(
    kn: Knowledge,
    parsed: ParsedDoc,
    sent: Sentence,
    mentions: Mapping[int, tuple[ActorMention, ...]],
    coded: Sequence[tuple[Candidate, Event]],
    finish: Callable[[Candidate], Event],
) -> tuple[list[Event], list[str]]:
    """The sentence's events after the second opinion, and notes on what it changed."""
    events = [event for _, event in coded]
    model = kn.opinion
    if model is None or (not events and PROPOSE not in kn.model_actions):
        return events, []  # nothing the model could change: no need to ask it
    features = sentence_features(parsed, sent, [(e.cameo_standard or e.cameo, e.rule) for e in events])
    opinion = model.opinion(features)
    classes = [model.event_class(e.cameo_standard or e.cameo) for e in events]
    sides = _distinct_actors(mentions)
    root, root_probability = best_root(opinion.root, opinion.top_class, model.root_classes)
    policy = Policy(**model.policy, actions=kn.model_actions)
    verdict = judge(policy, classes, opinion.penta, len(sides), root_probability)
    code = root + "0"  # the root's generic code: "190" for 19
    where = f"sentence {sent.index + 1}"
    if verdict.propose and verdict.to_class:
        trigger = _main_verb(parsed, sent)
        if trigger is None:
            return events, []
        source, target = _sides(parsed, sides)
        notes = ("source: the sentence's subject, else its first actor", "target: its next distinct actor")
        cand = Candidate(trigger, trigger, _rule("propose", code), code, source, target, notes=notes)
        event = _decided(model, opinion, finish(cand), verdict.to_class, "proposed: the rules found none")
        return [event], [f"{where}: the second opinion proposed {event.cameo} ({event.cameo_name})"]
    out, notes = [], []
    for (cand, event), cls, action in zip(coded, classes, verdict.actions, strict=True):
        if action == VETO:
            notes.append(
                f"{where}: the second opinion vetoed {event.cameo} from {event.rule}"
                f" (p(none) = {opinion.penta.get('none', 0.0):.2f})"
            )
        elif action == RELABEL and verdict.to_class:
            new = finish(replace(cand, code=code, rule=_rule("relabel", code)))
            p_rule = opinion.penta.get(cls, 0.0)
            why = f"relabelled from {event.cameo} ({event.rule}), whose class has p = {p_rule:.2f}"
            out.append(_decided(model, opinion, new, verdict.to_class, why))
        else:
            out.append(event)
    return _unique(out), notes


def _rule(kind: str, code: str) -> TriggerRule:
    return TriggerRule(lemma=kind, code=code, pos="model")


def _decided(model: SecondOpinion, opinion: Opinion, event: Event, cls: str, why: str) -> Event:
    probability = opinion.penta[cls]
    like = ", ".join(f"{p.record} (similarity {sim})" for p, sim in model.precedents(opinion, cls))
    lines = (
        f"second opinion: event class {cls} ({CLASS_NAMES[cls]}), p = {probability:.2f}; {why}",
        f"coded like: {like}" if like else "coded like: no close gold record",
    )
    return replace(event, confidence=round(probability, 3), explanation=(*lines, *event.explanation[1:]))


def _distinct_actors(mentions: Mapping[int, tuple[ActorMention, ...]]) -> list[ActorMention]:
    """The first mention of each distinct actor code, in text order."""
    seen: dict[str, ActorMention] = {}
    for head in sorted(mentions):
        for m in mentions[head]:
            seen.setdefault(m.actor.code, m)
    return list(seen.values())


def _sides(parsed: ParsedDoc, actors: list[ActorMention]) -> tuple[ActorMention, ActorMention]:
    """Source and target of a proposed event: a subject first, else the first actor."""
    subject = next((a for a in actors if parsed.tokens[a.mention.head].dep in SUBJECTS), actors[0])
    target = next(a for a in actors if a is not subject)
    return subject, target


def _main_verb(parsed: ParsedDoc, sent: Sentence) -> Token | None:
    tokens = parsed.tokens[sent.start : sent.end]
    root = next((t for t in tokens if t.dep == "ROOT" and t.pos in ("VERB", "AUX")), None)
    return root or next((t for t in tokens if t.pos == "VERB"), None)


def _unique(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out
