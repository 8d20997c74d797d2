"""Quoted words and their speaker: "we" and "I" in a quote are who says it ('"We demand
that Panama withdraw," Valverde said'), and a quote that goes on past a sentence keeps
its speaker."""

from __future__ import annotations

from khaldun.coding.resolve.state import ResolverState
from khaldun.model import Actor, ActorMention
from khaldun.nlp.base import Token

# Quotation marks: a sentence with one quotes someone.
_QUOTE_MARKS = frozenset({'"', "“", "”"})


class Quotes(ResolverState):
    """Speakers of quotes; mixed into :class:`DocumentResolver`."""

    def _first_person_in_quotes(
        self, sent_index: int, heads: list[Token], found: dict[int, tuple[ActorMention, ...]]
    ) -> dict[int, tuple[ActorMention, ...]]:
        """The speaker for each first-person pronoun of a sentence that quotes, or that goes
        on with a quote opened before it; none for "we" outside quotes."""
        speaker = self._speaker_of_the_quote(sent_index, found)
        if speaker is not None:
            self._last_speaker = speaker
        who = speaker or (self._last_speaker if self._opens_inside_a_quote(sent_index) else None)
        if who is None:
            return {}
        how = "{!r} in a quote → " + f"{who.name}, who says it"
        return {h.i: (self._mention(h.i, h.i + 1, h, who, how.format(h.text)),) for h in heads}

    def _speaker_of_the_quote(
        self, sent_index: int, found: dict[int, tuple[ActorMention, ...]]
    ) -> Actor | None:
        """Who says the quoted words of a sentence ('"We demand ...," Valverde said'): the
        subject of its reporting verb, when the sentence quotes."""
        sent = self.doc.sentences[sent_index]
        tokens = self.doc.tokens[sent.start : sent.end]
        if not any(t.text in _QUOTE_MARKS for t in tokens):
            return None
        reporting = self.kn.modality.obligation_reporting
        for verb in tokens:
            if verb.pos != "VERB" or verb.lemma.lower() not in reporting:
                continue
            for subject in self.doc.children(verb.i):
                said_by = found.get(subject.i, ()) if subject.dep == "nsubj" else ()
                if len(said_by) == 1:
                    return said_by[0].actor
        return None

    def _opens_inside_a_quote(self, sent_index: int) -> bool:
        """A sentence that goes on with a quote opened before it ('"We will not bow. We will
        fight," he said' split in two): more opening than closing marks before it in its
        paragraph."""
        sent = self.doc.sentences[sent_index]
        start = self.doc.text.rfind("\n", 0, self.doc.tokens[sent.start].idx) + 1
        before = self.doc.text[start : self.doc.tokens[sent.start].idx]
        straight = before.count('"') % 2 == 1
        return straight or before.count("“") > before.count("”")
