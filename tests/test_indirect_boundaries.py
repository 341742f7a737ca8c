"""Where reported content ends when the parser hangs part of it elsewhere (kind=INDIRECT)."""

from __future__ import annotations

import pytest
import spacy
from reported import indirect
from spacy.tokens import Doc

from quotebank.indirect import content_span
from quotebank.lexicons import get_lexicon

# (text, the reported content, a word of the speaker's name)
CASES = [
    # The parser makes the "so" clause the main one and hangs the reporting verb on it.
    (
        "The inspectors then pointed out that one violation may affect more than one worker, so hundreds of "
        "injured workers does not necessarily translate into hundreds of violations.",
        "one violation may affect more than one worker, so hundreds of injured workers does not necessarily "
        "translate into hundreds of violations",
        "inspectors",
    ),
    # An inverted condition is part of the threat, whether the parser makes it the main clause ...
    (
        "One senator threatened to make the director testify in an open hearing, should she refuse to hand over "
        "the records.",
        "to make the director testify in an open hearing, should she refuse to hand over the records",
        "senator",
    ),
    # ... or hangs it on the reporting verb.
    (
        "Investors cautioned that the rally might fade in the spring should the central bank raise rates.",
        "the rally might fade in the spring should the central bank raise rates",
        "Investors",
    ),
    # The list after a colon, which the parser took for the main clause.
    (
        "Mr. Lopez notes that we're at a rare moment for buyers: prices are falling in many cities, mortgage rates "
        "are low and lenders are eager.",
        "we're at a rare moment for buyers: prices are falling in many cities, mortgage rates are low and lenders "
        "are eager",
        "Lopez",
    ),
    # A noun coordinated with a verb is one more thing said.
    (
        "The governor opened by emphasizing public safety, and a need to hire more officers and repair old bridges.",
        "public safety, and a need to hire more officers and repair old bridges",
        "governor",
    ),
    (
        "The coach spoke of the team's spirit, and a need to rebuild the defense.",
        "the team's spirit, and a need to rebuild the defense",
        "coach",
    ),
    # A conjunction left under the reporting verb joins the bare verb the parser hung elsewhere.
    (
        "The prime minister has kept his predecessor's careful approach, promising to meet and in some areas "
        "exceed her climate targets without new taxes.",
        "to meet and in some areas exceed her climate targets without new taxes",
        "prime minister",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_content_runs_on_over_what_the_parser_hung_elsewhere(text: str, content: str, name: str) -> None:
    found = indirect(text)
    assert content in [q.text for q in found]
    (q,) = [q for q in found if q.text == content]
    assert text[q.start : q.end] == q.text
    assert q.speaker is not None and name in q.speaker.name


# (text, the content, which stops before the writer's narration or another report)
STOPS = [
    # A main clause in the past is what happened next, not what was warned.
    (
        "The bank warned that profits would fall this year, so its shares dropped 4 percent in London trading.",
        "profits would fall this year",
    ),
    # A clause content never ends on its conjunction, and the report after it is someone else's.
    (
        "The president emphasized that the reforms were not complete, and aid groups warned that the army still "
        "held power.",
        "the reforms were not complete",
    ),
    # A finite verb after the request is what the speaker did next.
    ("The ministry promised to review the rules and then announced a freeze on new permits.", "to review the rules"),
    # A clause with a subject of its own after the content is the writer's.
    (
        "The regulator criticized the bank's lending practices, and its chief executive resigned on Friday.",
        "the bank's lending practices",
    ),
]


@pytest.mark.parametrize(("text", "content"), STOPS)
def test_content_stops_before_narration(text: str, content: str) -> None:
    assert content in [q.text for q in indirect(text)]


def test_an_object_ending_on_its_conjunction_is_the_subject_of_the_clause_after_it() -> None:
    text = "The audit showed the charity and its founder spent nearly $2 million on travel."
    assert [q.text for q in indirect(text)] == ["the charity and its founder spent nearly $2 million on travel"]


def _doc(table: str) -> Doc:
    """A parsed doc from rows of ``word head dep pos tag lemma``, as the parser left it."""
    rows = [line.split() for line in table.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "’s") for i in range(len(words))]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=[int(r[1]) for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )


def test_an_example_phrase_hung_on_the_verb_above_belongs_to_the_content() -> None:
    # "including" hangs on "began", not on what was criticized.
    doc = _doc(
        """
        She 1 nsubj PRON PRP she
        began 1 ROOT VERB VBD begin
        criticizing 1 xcomp VERB VBG criticize
        China 5 poss PROPN NNP China
        ’s 3 case PART POS ’s
        crackdown 2 dobj NOUN NN crackdown
        on 5 prep ADP IN on
        Hong 8 compound PROPN NNP Hong
        Kong 6 pobj PROPN NNP Kong
        , 1 punct PUNCT , ,
        including 1 prep VERB VBG include
        its 12 poss PRON PRP$ its
        arrests 10 pobj NOUN NNS arrest
        of 12 prep ADP IN of
        activists 13 pobj NOUN NNS activist
        . 1 punct PUNCT . .
        """
    )
    content = content_span(doc[2], get_lexicon("en"))
    assert content is not None
    assert content.text == "China’s crackdown on Hong Kong, including its arrests of activists"


def test_a_subjectless_verb_right_after_the_object_takes_it_as_subject() -> None:
    # The parser coordinates "ignored" with the main verb; with no subject or conjunction of its own it is
    # what the records showed the mayor and his aides did.
    doc = _doc(
        """
        Reporters 1 nsubj NOUN NNS reporter
        published 1 ROOT VERB VBD publish
        records 1 dobj NOUN NNS record
        that 4 nsubj PRON WDT that
        showed 2 relcl VERB VBD show
        the 6 det DET DT the
        mayor 4 dobj NOUN NN mayor
        and 6 cc CCONJ CC and
        his 9 poss PRON PRP$ his
        aides 6 conj NOUN NNS aide
        ignored 1 conj VERB VBD ignore
        the 12 det DET DT the
        warnings 10 dobj NOUN NNS warning
        . 1 punct PUNCT . .
        """
    )
    content = content_span(doc[4], get_lexicon("en"))
    assert content is not None
    assert content.text == "the mayor and his aides ignored the warnings"


def test_a_content_cut_at_a_possessor_runs_on_over_what_is_possessed() -> None:
    # The parser ends the sentence after "senator": the possessed phrase is still what was cited.
    doc = _doc(
        """
        She 1 nsubj PRON PRP she
        cited 1 ROOT VERB VBD cite
        his 3 poss PRON PRP$ his
        remarks 1 dobj NOUN NNS remark
        as 3 prep ADP IN as
        proof 4 pobj NOUN NN proof
        of 5 prep ADP IN of
        the 8 det DET DT the
        senator 6 pobj NOUN NN senator
        ’s 10 case PART POS ’s
        contempt 10 ROOT NOUN NN contempt
        for 10 prep ADP IN for
        voters 11 pobj NOUN NNS voter
        . 10 punct PUNCT . .
        """
    )
    content = content_span(doc[1], get_lexicon("en"))
    assert content is not None
    assert content.text == "his remarks as proof of the senator’s contempt for voters"
