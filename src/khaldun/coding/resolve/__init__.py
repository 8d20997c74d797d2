"""Resolution stage: one identity per actor in a document.

``resolver.py`` holds :class:`DocumentResolver`, which reads each noun phrase's cues
and decides which actor it names; ``references.py`` resolves pronouns and state nouns,
``quotes.py`` the speaker of "we" in a quote, ``countries.py`` the country a phrase
belongs to when it does not say; ``state.py`` is what the resolver keeps while it reads
a document.
"""

from khaldun.coding.resolve.resolver import DocumentResolver

__all__ = ["DocumentResolver"]
