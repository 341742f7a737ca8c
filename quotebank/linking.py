"""Cross-document speaker linking and quotation merging (moved to :mod:`quotebank.bank.linking` and
:mod:`quotebank.bank.merging`; this module keeps the old import path working)."""

from __future__ import annotations

from .bank.linking import (
    EntityRecord,
    Linking,
    LinkRecord,
    MentionRecord,
    PersonName,
    RoleSignature,
    is_role_only,
    link_speakers,
    lookup_keys,
    parse_person_name,
    role_signature,
)
from .bank.merging import OccurrenceRecord, merge_quotations

__all__ = [
    "EntityRecord",
    "LinkRecord",
    "Linking",
    "MentionRecord",
    "OccurrenceRecord",
    "PersonName",
    "RoleSignature",
    "is_role_only",
    "link_speakers",
    "lookup_keys",
    "merge_quotations",
    "parse_person_name",
    "role_signature",
]
