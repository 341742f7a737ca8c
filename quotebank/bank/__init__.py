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
whose ``doc_id`` is already stored with the same text does nothing (a
different text replaces it only with ``replace=True``).

What is *derived* from that, across articles, as each article is added:
speaker entities (the rules of :func:`quotebank.bank.linking.link_speakers`,
run by :mod:`quotebank.bank.incremental` against the entities that share a
blocking key with the article's speakers: the same person under all their
names, handles and roles; a role-only speaker resolved to the named person who
holds the role; an account to its person) and quotations
(:mod:`quotebank.bank.quotations`, the rules of
:func:`quotebank.bank.merging.merge_quotations`: the same words across
articles, near-duplicates and fragments included). The cost of an article does
not grow with the bank; a later article that changes an earlier decision (a
second Trump makes a bare *Mr Trump* ambiguous) has the decisions that waited
on it taken again; the result does not depend on the order the articles came
in; and reading never writes. Banks built apart (shards) are combined with
:meth:`QuoteBank.merge`.

The package: :mod:`~quotebank.bank.schema` (the SQLite layout, opening and
creating), :mod:`~quotebank.bank.store` (adding, removing, merging) with
:mod:`~quotebank.bank.writing` (what one article writes),
:mod:`~quotebank.bank.incremental` and :mod:`~quotebank.bank.linking` (speakers:
the steps, run over :mod:`~quotebank.bank.person_rules` and
:mod:`~quotebank.bank.org_rules`, with :mod:`~quotebank.bank.mentions`,
:mod:`~quotebank.bank.clusters`, :mod:`~quotebank.bank.entities`,
:mod:`~quotebank.bank.names` and :mod:`~quotebank.bank.keys`),
:mod:`~quotebank.bank.quotations` and :mod:`~quotebank.bank.merging`
(quotations), :mod:`~quotebank.bank.queries` (reading and :meth:`find`),
:mod:`~quotebank.bank.exports`, :mod:`~quotebank.bank.values` (the public value
objects), :mod:`~quotebank.bank.records` (coercing callers' records); text is folded by
:mod:`quotebank.textnorm` (standard library only). None imports the extraction
pipeline at module level.

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
