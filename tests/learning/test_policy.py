"""The policy that decides when the second opinion overrules the rules (a pure function)."""

from __future__ import annotations

from khaldun.learning.policy import KEEP, RELABEL, VETO, Policy, best_root, judge, labels_after

POLICY = Policy(accept=0.5, veto=0.1)


def probs(**values: float) -> dict[str, float]:
    out = {c: 0.0 for c in ("0", "1", "2", "3", "4", "none")}
    out.update({k.lstrip("c"): v for k, v in values.items()})
    return out


def test_a_rule_event_the_model_finds_plausible_is_kept() -> None:
    verdict = judge(POLICY, ["1"], probs(c1=0.3, c4=0.6), n_actors=2)
    assert verdict.actions == (KEEP,)


def test_a_very_unlikely_class_is_relabelled_to_a_likely_one() -> None:
    verdict = judge(POLICY, ["1"], probs(c1=0.05, c4=0.9), n_actors=2)
    assert verdict.actions == (RELABEL,) and verdict.to_class == "4"
    assert labels_after(verdict, ["1"], "4") == {"4"}


def test_no_relabel_to_a_class_another_rule_event_already_has() -> None:
    verdict = judge(POLICY, ["1", "4"], probs(c1=0.05, c4=0.9), n_actors=2)
    assert verdict.actions == (KEEP, KEEP)


def test_acts_of_several_classes_are_not_relabelled_to_the_sentence_s_one_class() -> None:
    # An accusation (3) and a concession (2) in one sentence: one class for it judges neither.
    verdict = judge(POLICY, ["3", "2"], probs(c2=0.05, c3=0.05, c4=0.9), n_actors=2)
    assert RELABEL not in verdict.actions


def test_a_sentence_the_model_calls_no_event_is_vetoed() -> None:
    verdict = judge(POLICY, ["2"], probs(c2=0.01, c3=0.2, none=0.79), n_actors=2)
    assert verdict.actions == (VETO,)
    assert labels_after(verdict, ["2"], "3") == set()


def test_a_proposal_needs_confidence_and_two_actors() -> None:
    assert judge(POLICY, [], probs(c4=0.9), n_actors=2).propose
    assert not judge(POLICY, [], probs(c4=0.9), n_actors=1).propose
    assert not judge(POLICY, [], probs(c4=0.45, c3=0.4), n_actors=2).propose


def test_turned_off_actions_are_never_taken() -> None:
    rules_only = Policy(accept=0.5, veto=0.1, actions=frozenset())
    assert judge(rules_only, ["1"], probs(c1=0.0, c4=1.0), n_actors=2).actions == (KEEP,)
    assert not judge(rules_only, [], probs(c4=1.0), n_actors=2).propose


def test_an_unsure_root_holds_the_model_back() -> None:
    careful = Policy(accept=0.5, veto=0.1, root_accept=0.6)
    assert judge(careful, ["1"], probs(c1=0.0, c4=1.0), 2, root_probability=0.4).actions == (KEEP,)
    assert judge(careful, ["1"], probs(c1=0.0, c4=1.0), 2, root_probability=0.7).actions == (RELABEL,)


def test_the_best_root_is_taken_inside_the_class() -> None:
    classes = {"04": "1", "05": "1", "19": "4", "18": "4"}
    assert best_root({"04": 0.5, "18": 0.3, "19": 0.1}, "4", classes) == ("18", 0.3)
