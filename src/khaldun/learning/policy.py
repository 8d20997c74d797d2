"""When the second opinion overrules the rules: one pure function, used alike when the
policy's thresholds are chosen at training (on the fit split, cross-validated) and when
sentences are coded.

The opinion is read in event classes (``penta``: the five CAMEO classes, or ``none``),
where the model is trained on the most data. For one sentence, given the classes of the
rules' events:

- **keep** a rule event unless the model finds its class very unlikely (below ``veto``);
- such an event is **relabelled** to the model's top class when that class is likely
  (at least ``accept``) and no rule event has it already, else **vetoed** when the model
  says ``none`` with at least ``accept``, else kept;
- where the rules found nothing, the model **proposes** its top class when it is likely
  and the sentence has two distinct actors to be its sides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

KEEP, RELABEL, VETO = "keep", "relabel", "veto"
PROPOSE = "propose"
ACTIONS = (VETO, RELABEL, PROPOSE)  # what the second opinion may do, each can be turned off


@dataclass(frozen=True)
class Policy:
    accept: float  # the least probability of the model's top class to relabel or propose
    veto: float  # below this, a rule event's class is very unlikely
    root_accept: float = 0.0  # the least probability of the root the model would code
    actions: frozenset[str] = frozenset(ACTIONS)


@dataclass(frozen=True)
class Verdict:
    """What to do with each rule event (in order), and the class to propose, if any."""

    actions: tuple[str, ...]
    to_class: str | None = None  # the class of relabelled events and of a proposal
    propose: bool = False


def judge(
    policy: Policy,
    rule_classes: Sequence[str],
    probs: Mapping[str, float],
    n_actors: int,
    root_probability: float = 1.0,
) -> Verdict:
    """The verdict on one sentence whose rule events have ``rule_classes``;
    ``root_probability`` is that of the root the model would code for its top class."""
    top = max((c for c in probs if c != "none"), key=probs.__getitem__)
    likely = probs[top] >= policy.accept and root_probability >= policy.root_accept
    if not rule_classes:
        return Verdict((), top, propose=PROPOSE in policy.actions and likely and n_actors >= 2)
    actions = []
    # One class for the sentence judges one reading of it: where the rules found acts of
    # several classes ("was arrested ... and will appeal"), none is relabelled to it.
    one_reading = len(set(rule_classes)) == 1
    for cls in rule_classes:
        if probs.get(cls, 0.0) >= policy.veto:
            actions.append(KEEP)
        elif RELABEL in policy.actions and likely and one_reading and top not in rule_classes:
            actions.append(RELABEL)
        elif VETO in policy.actions and probs.get("none", 0.0) >= policy.accept:
            actions.append(VETO)
        else:
            actions.append(KEEP)
    return Verdict(tuple(actions), top)


def labels_after(verdict: Verdict, rule_labels: Sequence[str], new_label: str) -> set[str]:
    """The distinct labels (classes, or roots) of a sentence once the verdict is applied:
    ``rule_labels`` are those of the rule events, ``new_label`` the one the model gives."""
    if verdict.propose:
        return {new_label}
    out: set[str] = set()
    for action, label in zip(verdict.actions, rule_labels, strict=True):
        if action == KEEP:
            out.add(label)
        elif action == RELABEL:
            out.add(new_label)
    return out


def best_root(
    root_probs: Mapping[str, float], cls: str, root_classes: Mapping[str, str]
) -> tuple[str, float]:
    """The likeliest CAMEO root of event class ``cls``, and its probability."""
    roots = sorted(r for r, c in root_classes.items() if c == cls)
    best = max(roots, key=lambda r: root_probs.get(r, 0.0))
    return best, root_probs.get(best, 0.0)
