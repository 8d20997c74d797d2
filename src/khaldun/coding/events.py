"""The last step: a finished :class:`~khaldun.coding.candidate.Draft` becomes an
:class:`~khaldun.model.Event`, with its codes from the ontology and its evidence."""

from __future__ import annotations

from khaldun.coding.candidate import Draft
from khaldun.knowledge import Knowledge
from khaldun.model import ActorMention, Event, Evidence
from khaldun.nlp.base import ParsedDoc

# Confidence lost for each argument found by inference rather than read directly.
INFERENCE_PENALTY = 0.85


def build_event(kn: Knowledge, parsed: ParsedDoc, draft: Draft) -> Event:
    """The event of a draft that has been through every stage."""
    cand = draft.cand
    sent = parsed.sentences[cand.trigger.sent]
    cameo = kn.ontology.cameo(cand.code)
    plover, plover_mode = kn.ontology.plover_for(cand.code)
    standard = kn.ontology.standard_code(cand.code, unrealised=draft.unrealised)
    first, last = cand.trigger, cand.trigger_end
    trigger_end = last.end if 0 <= last.i - first.i <= 4 else first.end
    evidence = Evidence(
        sentence=sent.text,
        start=sent.start_char,
        end=sent.end_char,
        trigger=parsed.text[first.idx : trigger_end],
        trigger_start=first.idx,
        trigger_end=trigger_end,
    )
    source_id = cand.source.actor.id if cand.source else ""
    target_id = cand.target.actor.id if cand.target else ""
    return Event(
        id=Event.make_id(
            draft.doc.id, sent.start_char, first.idx, trigger_end, source_id, target_id, cand.code
        ),
        doc_id=draft.doc.id,
        source=cand.source,
        target=cand.target,
        cameo=cameo.code,
        cameo_name=cameo.name,
        plover=plover,
        plover_mode=plover_mode,
        quad_class=cameo.quad_class,
        goldstein=cameo.goldstein,
        modality=draft.modality,
        evidence=evidence,
        date=draft.when,
        location=draft.place,
        amount=draft.amount,
        confidence=(0.5 if cand.partial else 0.9) * INFERENCE_PENALTY**cand.inferred,
        rule=cand.rule.name,
        cameo_standard=standard,
        plover_standard=kn.ontology.plover_for(standard)[0],
        explanation=(
            f"trigger {evidence.trigger!r} fired rule {cand.rule.name} → CAMEO {cameo.code} ({cameo.name})",
            f"{cand.notes[0]}" + _mention_note(cand.source),
            f"{cand.notes[1]}" + _mention_note(cand.target),
            f"modality {draft.modality.value}: {draft.modality_how}",
            f"date: {draft.date_how}",
            f"place: {draft.place_how}",
            *(
                (
                    f"codebook code {standard} ({kn.ontology.cameo(standard).name}):"
                    f" how the CAMEO codebook codes a {draft.unrealised} event",
                )
                if standard != cameo.code
                else ()
            ),
        ),
    )


def _mention_note(am: ActorMention | None) -> str:
    return f": {am.mention.text!r} ({am.mention.how})" if am else ""
