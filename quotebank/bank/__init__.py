"""QuoteBank: many articles, one entity per speaker, one record per quotation; stored, queried, exported.

A bank is an SQLite database (the standard library's ``sqlite3``; no server):
``QuoteBank()`` keeps it in memory, ``QuoteBank.open("bank.sqlite")`` on disk.
Both run the same code.

What is stored, per article (``documents``): its text, date, url and source;
one row per quote (``occurrences``: :meth:`Quote.to_dict` as JSON, exactly as
extracted, offsets into the stored text); one row per speaker the article
names (``mentions``: the article's own :class:`Speaker`, with every role and
alias the article gives). Each :meth:`QuoteBank.add` is one transaction, so a
crash or a kill loses at most the article in progress, and adding an article
whose ``doc_id`` is already stored with the same text does nothing (with a
different text, the new version replaces the old).

What is *derived* from that, across articles: speaker entities
(:func:`quotebank.linking.link_speakers`: the same person under all their
names, handles and roles; a role-only speaker resolved to the named person who
holds the role; an account to its person) and quotations
(:func:`quotebank.linking.merge_quotations`: the same words across articles,
near-duplicates and fragments included). Linking is redone lazily: every
``add`` bumps a generation counter, and the first read after a change re-links
the whole bank in one transaction (linear in the number of speakers and quotes)
and stores the result, so a later article can name the person that an earlier
role-only mention referred to, the result does not depend on the order the
articles came in, and reopening a bank does not re-link it.

Example:
    >>> from quotebank import Quote, Speaker
    >>> bank = QuoteBank()
    >>> text = "“We will take all necessary measures,” Pentagon spokesman Jonathan Hoffman said."
    >>> hoffman = Speaker(name="Jonathan Hoffman", role="Pentagon spokesman", kind="person")
    >>> _ = bank.add_quotes(text, [Quote(id="q0", text=text[1:37], start=1, end=37, speaker=hoffman)], doc_id="a")
    >>> [(q.doc_id, q.speaker.name, q.speaker.role) for q in bank.quotes]
    [('a', 'Jonathan Hoffman', 'Pentagon spokesman')]
    >>> bank.quotations[0].num_occurrences
    1
"""

from __future__ import annotations

from .schema import SCHEMA_VERSION
from .store import QuoteBank
from .values import AddStats, Document, Quotation, SpeakerEntity, SpeakerLink

__all__ = ["SCHEMA_VERSION", "AddStats", "Document", "Quotation", "QuoteBank", "SpeakerEntity", "SpeakerLink"]
