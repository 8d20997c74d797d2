"""Modality stage: did the event happen, is it planned, postponed, denied...?

Cues are read from the parse, not from a window of words: the trigger and
the words that govern it (an infinitive's governor "scheduled to meet", the
verb a trigger noun is subject or object of "the visit was postponed", the
noun that owns it "the agenda of the visit") are checked for cue lemmas,
auxiliaries and negation. The cue vocabulary is ``data/lexicon/modality.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from khaldun.coding.candidate import Draft
from khaldun.knowledge import Knowledge
from khaldun.knowledge.cues import ModalityCues
from khaldun.model import Modality
from khaldun.nlp.base import ParsedDoc, Token

# Relations through which a governing word still speaks about the trigger.
_GOVERNED_BY = frozenset(
    {"xcomp", "ccomp", "acl", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "attr", "pcomp"}
)
_MAX_HOPS = 4
# Relations through which a plan is somebody's statement: "said (ccomp) he is
# (acomp) prepared (xcomp) to lift the ban".
_STATED_THROUGH = _GOVERNED_BY | {"acomp"}


def governing_chain(
    doc: ParsedDoc,
    trigger: Token,
    *,
    through: frozenset[str] = _GOVERNED_BY,
    hops: int = _MAX_HOPS,
    conjuncts: bool = False,
) -> Iterator[Token]:
    """The trigger, then the words that govern it within its clause (``through`` these
    relations, or an infinitive hung on its governor as an adverbial clause); with
    ``conjuncts``, also the verb a subjectless conjunct shares its clause with ("is
    scheduled to celebrate a mass and to meet leaders": the meeting is scheduled too)."""
    current = trigger
    yield current
    for _ in range(hops):
        if current.head == current.i or not (
            current.dep in through
            or _infinitive_clause(doc, current)
            or (conjuncts and _shares_clause(doc, current))
        ):
            return
        current = doc.head(current.i)
        yield current


def _shares_clause(doc: ParsedDoc, word: Token) -> bool:
    """A conjunct verb with no subject, auxiliary or negation of its own, joined to a main
    verb or an infinitive ("will send tanks and deliver shells"); not one the parser hangs
    on a reported clause, where it is as often the reporting verb's own conjunct."""
    return (
        word.dep == "conj"
        and doc.head(word.i).dep in ("ROOT", "xcomp")
        and word.pos in ("VERB", "AUX")
        and not any(
            k.dep in ("nsubj", "nsubjpass", "aux", "auxpass", "neg")
            for k in doc.children(word.i)
            if k.lower != "to"
        )
    )


def _infinitive_clause(doc: ParsedDoc, word: Token) -> bool:
    """ "have sworn to fight": an infinitive the parser hangs on its governor as an
    adverbial clause, which speaks about it as a complement would."""
    kids = doc.children(word.i)
    return (
        word.dep == "advcl"
        and any(k.dep == "aux" and k.lower == "to" for k in kids)
        and not any(k.dep in ("nsubj", "nsubjpass") for k in kids)
    )


def decide_modality(
    kn: Knowledge, doc: ParsedDoc, trigger: Token, *, default: Modality | None = None
) -> tuple[Modality, str]:
    """The modality of an event and the cue that decided it."""
    cues = kn.modality
    found: dict[Modality, str] = {}
    came_by_conjunct = False
    came_by_of = False
    question = next(
        (c for c in doc.children(trigger.i) if c.dep == "mark" and c.lower in cues.question), None
    )
    if question is not None:
        return Modality.HYPOTHETICAL, f"{question.text!r} opens the trigger's clause, a question"
    for n, word in enumerate(governing_chain(doc, trigger, conjuncts=True)):
        lemma = word.lemma.lower()
        # The trigger's own word is the event, not a cue about it: "denied entry" is a
        # denial that happened, "refused the offer" a refusal.
        # A verb a conjunct shares its clause with lends its auxiliaries and governors, not
        # its own sense: in "denied involvement and urged talks" the urging is no denial.
        content = came_by_of and lemma in cues.aims  # "a campaign of air strikes": done
        answer = any(c.dep == "nsubj" and c.lemma.lower() in cues.answered for c in doc.children(word.i))
        if lemma in cues.lemmas and n > 0 and not came_by_conjunct and not content and not answer:
            found.setdefault(cues.lemmas[lemma], f"{cues.lemmas[lemma].value} cue {word.text!r}")
        if _particle_phrase(doc, word) in cues.lemmas and n > 0 and not came_by_conjunct:
            cue = cues.lemmas[_particle_phrase(doc, word)]
            found.setdefault(cue, f"{cue.value} cue {word.text!r} + particle")
        for child in doc.children(word.i):
            low = child.lower
            if came_by_conjunct and child.dep in ("neg", "advmod"):
                continue  # "did not attend and sent a deputy": the negation is the other verb's
            if child.dep == "neg" or (low in cues.negation and child.dep in ("neg", "det", "advmod")):
                found.setdefault(Modality.NEGATED, f"negation {child.text!r} on {word.text!r}")
            elif child.dep in ("aux", "auxpass") and low in cues.aux:
                modality = cues.aux[low]
                if low == "would" and _reported(doc, word, cues):
                    modality = Modality.PLANNED  # future in the past
                found.setdefault(modality, f"auxiliary {child.text!r}")
            elif child.dep == "mark" and low in cues.lemmas:
                found.setdefault(cues.lemmas[low], f"{cues.lemmas[low].value} cue {child.text!r}")
        came_by_conjunct = word.dep == "conj"
        came_by_of = word.lower == "of"
    if default is not None:
        found.setdefault(default, f"the trigger's rule says {default.value}")
    for modality in cues.precedence:
        if modality in found:
            return modality, found[modality]
    return Modality.ASSERTED, "no modality cue: asserted"


def unrealised_kind(kn: Knowledge, doc: ParsedDoc, trigger: Token, modality: Modality) -> str | None:
    """How the CAMEO codebook sees an event that has not happened: "planned" (an
    intent the actor states), "prepared" (a stated plan under "prepare"/"ready"),
    "scheduled" (a plan only the narrator reports), "threatened" (planned or
    hypothetical, under "threaten"/"warn" or a condition), "refused" (a refusal
    governs it), "cancelled", "denied", or None for the others."""
    cues = kn.modality
    if modality in (Modality.PLANNED, Modality.HYPOTHETICAL):
        chain = list(governing_chain(doc, trigger))
        if any(w.lemma.lower() in cues.threat for w in chain[1:]) or _conditional(doc, chain, cues):
            return "threatened"
        if modality is Modality.HYPOTHETICAL:
            return None
        if not _stated(doc, trigger, cues):
            return "scheduled"
        return "prepared" if any(w.lemma.lower() in cues.preparation for w in chain[1:]) else "planned"
    if modality is Modality.CANCELLED:
        return "cancelled"
    if modality is Modality.DENIED:
        return "denied"
    if modality is Modality.NEGATED:
        chain = list(governing_chain(doc, trigger))
        refusing = (
            w.lemma.lower() in cues.refusal or _particle_phrase(doc, w) in cues.refusal for w in chain[1:]
        )
        if any(refusing) or _will_not(doc, chain):
            return "refused"
    return None


def _stated(doc: ParsedDoc, trigger: Token, cues: ModalityCues) -> bool:
    """True when a plan is somebody's stated intent: a verb of reporting or of intent
    governs it ("said it will hand back", "said she is ready to ease", "pledged to
    send"), or reports it from the end of the sentence ("X will provide aid, the
    WFP said"); not when only a schedule or "will" makes it a plan."""
    for word in governing_chain(doc, trigger, through=_STATED_THROUGH, hops=_MAX_HOPS + 2):
        lemma = word.lemma.lower()
        if word is not trigger and (lemma in cues.intent or lemma in cues.reporting):
            return True
        for child in doc.children(word.i):
            if child.dep in ("conj", "parataxis") and child.lemma.lower() in cues.reporting:
                return True
    return False


def _will_not(doc: ParsedDoc, chain: list[Token]) -> bool:
    """ "will not accept refugees", "would not lift the embargo": a refusal in the future tense."""
    for word in chain:
        kids = doc.children(word.i)
        negated = any(k.dep == "neg" for k in kids)
        if negated and any(k.dep == "aux" and k.lower in ("will", "would", "wo") for k in kids):
            return True
    return False


def _conditional(doc: ParsedDoc, chain: list[Token], cues: ModalityCues) -> bool:
    """True when a clause opened by "if"/"unless" hangs on the trigger or a word governing it."""
    return any(condition_clause(cues, doc, clause) for word in chain for clause in doc.children(word.i))


def condition_clause(cues: ModalityCues, doc: ParsedDoc, clause: Token) -> bool:
    """True for an adverbial clause opened by "if" or "unless" (``cues.condition``)."""
    return clause.dep == "advcl" and any(
        c.dep == "mark" and c.lower in cues.condition for c in doc.children(clause.i)
    )


def reported_obligation(kn: Knowledge, doc: ParsedDoc, verb: Token) -> Token | None:
    """For a verb of saying, the clause it reports as an obligation ("said that Sudan
    must reach an agreement"): that clause's verb, else None."""
    cues = kn.modality
    if verb.lemma.lower() not in cues.obligation_reporting:
        return None
    for clause in doc.children(verb.i):
        if clause.dep == "ccomp" and any(
            c.dep == "aux" and c.lower in cues.obligation for c in doc.children(clause.i)
        ):
            return clause
    return None


def _reported(doc: ParsedDoc, word: Token, cues: ModalityCues) -> bool:
    """True when ``word`` heads a clause reported by a verb of saying, or the second of two
    ("said ... was enduring and that they would continue")."""
    if word.dep == "conj" and doc.head(word.i).dep == "ccomp":
        word = doc.head(word.i)
    return word.dep == "ccomp" and doc.head(word.i).lemma.lower() in cues.reporting


def _particle_phrase(doc: ParsedDoc, word: Token) -> str:
    """ "call off", "put off": a verb with its particle, as one lemma."""
    particle = next((c for c in doc.children(word.i) if c.dep == "prt"), None)
    return f"{word.lemma.lower()} {particle.lower}" if particle is not None else ""


def read_modality(kn: Knowledge, doc: ParsedDoc, draft: Draft) -> Draft:
    """Stage: whether the event happened, and the kind of unrealised event it is."""
    trigger = draft.cand.trigger
    # A vow of reprisal is a threat, made when it is spoken ("vowed to retaliate"): the
    # promise verb's planned modality is not the threat's.
    threat = draft.cand.code[:2] in kn.words["threat_roots"]
    modality, how = decide_modality(kn, doc, trigger, default=None if threat else draft.cand.rule.modality)
    if threat and modality is Modality.PLANNED and how.startswith("auxiliary"):
        # "said Tehran would take countermeasures": the threat is made as it is said.
        modality, how = Modality.ASSERTED, f"a threat is made when said ({how})"
    return replace(
        draft, modality=modality, modality_how=how, unrealised=unrealised_kind(kn, doc, trigger, modality)
    )
