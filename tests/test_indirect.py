"""Reported speech without quotation marks (kind=INDIRECT)."""

from __future__ import annotations

import pytest
import spacy
from reported import assert_one_report, indirect
from spacy.tokens import Doc

import quotebank
from quotebank.indirect import content_span
from quotebank.lexicons import get_lexicon
from quotebank.model import Channel, QuoteKind

# (text, the reported content, a word of the speaker's name)
CASES = [
    (
        "Trump monitored the situation, White House press secretary Stephanie Grisham said.",
        "Trump monitored the situation",
        "Grisham",
    ),
    (
        "US defence secretary Mark Esper later clarified to reporters that there were no plans for American troops to leave Iraq.",
        "there were no plans for American troops to leave Iraq",
        "Esper",
    ),
    (
        "The Iranians targeted al-Asad airbase, Pentagon spokesman Jonathan Hoffman said in an emailed statement to journalists.",
        "The Iranians targeted al-Asad airbase",
        "Hoffman",
    ),
    (
        "The offensive did not cause any casualties, AP reported Wednesday.",
        "The offensive did not cause any casualties",
        "AP",
    ),
    (
        "According to the Pentagon, the missiles were launched from three sites.",
        "the missiles were launched from three sites",
        "Pentagon",
    ),
    # A trailing attribution after two coordinated clauses: the whole of what came before.
    (
        "Her van was supposed to be escorted by an NYPD detail, but the Secret Service whisked her away, "
        "a senior police official said.",
        "Her van was supposed to be escorted by an NYPD detail, but the Secret Service whisked her away",
        "official",
    ),
    (
        "Iran's Supreme Leader Ayatollah Ali Khamenei has made clear that Iran's ballistic missile strikes were in "
        "revenge for the US killing of Qassim Soleimani.",
        "Iran's ballistic missile strikes were in revenge for the US killing of Qassim Soleimani",
        "Khamenei",
    ),
    (
        "The Tax Policy Center says the plan would depress revenue in the early years, but would eventually add "
        "$84 billion over 10 years.",
        "the plan would depress revenue in the early years, but would eventually add $84 billion over 10 years",
        "Tax Policy Center",
    ),
    (
        "A Quinnipiac poll found that most voters distrust both candidates.",
        "most voters distrust both candidates",
        "poll",
    ),
    # Nominal content, requests and naming.
    (
        "Trump called for a ban on Muslim immigration at a rally in South Carolina.",
        "a ban on Muslim immigration",
        "Trump",
    ),
    (
        "Hillary Clinton announced a new plan to cut taxes for small businesses.",
        "a new plan to cut taxes for small businesses",
        "Clinton",
    ),
    (
        "Senator Ted Cruz accused the Saudi government of attempting to intimidate the families of the victims.",
        "the Saudi government of attempting to intimidate the families of the victims",
        "Cruz",
    ),
    (
        "Senator Lindsey Graham urged fellow Republicans to withdraw their endorsements.",
        "fellow Republicans to withdraw their endorsements",
        "Graham",
    ),
    (
        "Trump has called climate change a hoax perpetrated by China.",
        "climate change a hoax perpetrated by China",
        "Trump",
    ),
    # Coordinated verbs share their subject; a perfect-tense relative clause is a report.
    (
        "Trump has used the phrase often in his campaign, and criticized Obama for not doing so.",
        "Obama for not doing so",
        "Trump",
    ),
    (
        "The change is likely to placate nervous Democrats, who have argued that it helps candidates down the ballot.",
        "it helps candidates down the ballot",
        "Democrats",
    ),
    # Stances taken in public are speech acts: what is endorsed, rejected, compared.
    (
        "Senator Lisa Park rejected the governor's request to delay the vote.",
        "the governor's request to delay the vote",
        "Lisa Park",
    ),
    (
        "Mayor Tom Vance likened the new stadium deal to a blank check.",
        "the new stadium deal to a blank check",
        "Tom Vance",
    ),
    # Content the parser split in two, or whose examples it hung on the verb, is whole.
    (
        "Clinton said her plans will solve the problems facing American families — the high cost of childcare, "
        "mounting student debt and unpaid family leave.",
        "her plans will solve the problems facing American families — the high cost of childcare, mounting student "
        "debt and unpaid family leave",
        "Clinton",
    ),
    (
        "Senator Jane Ross condemned Russia's invasion of Ukraine, including its annexation of Crimea.",
        "Russia's invasion of Ukraine, including its annexation of Crimea",
        "Jane Ross",
    ),
    # In the passive the agent speaks, about the subject.
    ("The tax plan was criticized by Democrats on Monday.", "The tax plan", "Democrats"),
    # A dateline is not part of what was said.
    (
        "JERUSALEM (AP) — Israeli warplanes struck the port of Hodeidah on Sunday, the military said.",
        "Israeli warplanes struck the port of Hodeidah on Sunday",
        "military",
    ),
    # A that-clause the parser hung on the noun before it.
    (
        "Chief Executive Elon Musk told analysts on an earnings call that the robotaxi service would launch next year.",
        "the robotaxi service would launch next year",
        "Musk",
    ),
    # The parser's slips around the content clause.
    (
        "The economists we interviewed said the plan was more detailed than its rival's and, more important, "
        "would not add to the deficit.",
        "the plan was more detailed than its rival's and, more important, would not add to the deficit",
        "economists",
    ),
    (
        "Trump said after the convention he would not accept the senator's endorsement.",
        "he would not accept the senator's endorsement",
        "Trump",
    ),
    (
        "Two senators warned, as did the White House, that the bill would fail.",
        "the bill would fail",
        "senators",
    ),
    # Headlines: a source before a colon, and "X Says" at either end.
    (
        "Poll: Clinton and Trump in dead heat heading into first debate.\n\nThe race is tied.",
        "Clinton and Trump in dead heat heading into first debate",
        "Poll",
    ),
    (
        "Clinton Hid Past Health Problems From Public, Former White House Doctor Says.\n\nThe doctor spoke on Monday.",
        "Clinton Hid Past Health Problems From Public",
        "Doctor",
    ),
]


@pytest.mark.parametrize(("text", "content", "name"), CASES)
def test_reported_content_and_speaker(text: str, content: str, name: str) -> None:
    q = assert_one_report(text, content, name)
    assert q.cue is not None


def test_a_participle_after_a_comma_is_a_second_report_by_the_same_speaker() -> None:
    text = (
        "Foreign policy analysts said geopolitical factors have contributed to the deal, "
        "citing the strategic importance of the port."
    )
    found = indirect(text)
    assert [q.text for q in found] == [
        "geopolitical factors have contributed to the deal",
        "the strategic importance of the port",
    ]
    assert {q.speaker.name for q in found if q.speaker is not None} == {"Foreign policy analysts"}
    assert [q.cue.text for q in found if q.cue is not None] == ["said", "citing"]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "China said it was resolutely opposed to the test and warned North Korea to refrain from further actions.",
            [
                ("it was resolutely opposed to the test", "said"),
                ("North Korea to refrain from further actions", "warned"),
            ],
        ),
        (
            "The mayor said the plan was a mistake and urged the council to reject it.",
            [("the plan was a mistake", "said"), ("the council to reject it", "urged")],
        ),
        # Another person in the content may be the one who talked: one report.
        (
            "The women said he rated contestants by their looks and talked about which ones he liked.",
            [("he rated contestants by their looks and talked about which ones he liked", "said")],
        ),
    ],
)
def test_a_reporting_verb_coordinated_into_the_content_is_a_second_report(
    text: str, contents: list[tuple[str, str]]
) -> None:
    found = indirect(text)
    assert [(q.text, q.cue.text if q.cue else None) for q in found] == contents
    assert len({q.speaker.name for q in found if q.speaker is not None}) == 1


def test_channel_comes_with_the_cue() -> None:
    (q,) = indirect(CASES[2][0])
    assert q.channel is Channel.STATEMENT


NOT_SPEECH = [
    "Officials think the missiles were launched from three sites.",
    "She believes the strikes were a mistake.",
    "Hoffman did not say that the bases were hit.",
    "Did Hoffman say that the bases were hit?",
    "He would say that the bases were hit, if asked.",
    # A person criticised, questions answered, a pronoun announced: a target or a speech act, not content.
    "Hillary Clinton criticized Donald Trump on Monday.",
    "She answered questions from reporters for an hour.",
    "Mayor Bill de Blasio announced it on Monday.",
    "Governor Terry McAuliffe refused to discuss potential appointees.",
    # The terms of speaking are not what was said.
    "A senior official, speaking on condition of anonymity, arrived in Kyiv on Monday.",
    "An investor, who asked not to be named, sold the shares.",
    # A person described by a title is the target, not what was said.
    "Opposition leader Kemi Badenoch mocked the prime minister at question time.",
    # Physical attacks and defences are not speech.
    "Iran attacked two bases in Iraq that house American troops.",
    "The troops defended the base against the militia.",
    # A headline whose part before the colon is a label or a topic, not a source.
    "The Latest: Officials Count the Votes.\n\nThe count went on all night.",
    "Stealth Over Health: Hillary Clinton Was Headed to ER.\n\nShe left early.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_cognition_negation_questions_and_hypotheticals_are_not_reports(text: str) -> None:
    assert indirect(text) == []


def test_mixed_quote_keeps_the_fragment_with_its_reported_clause() -> None:
    text = "Hoffman said the “historic decision” was necessary to avoid escalation."
    quotes = quotebank.extract(text)
    assert [q.kind for q in quotes] == [QuoteKind.PARTIAL]  # the same statement is not counted twice
    (fragment,) = quotes
    assert fragment.text == "historic decision"
    assert fragment.reported is not None
    assert fragment.reported.text == "the “historic decision” was necessary to avoid escalation"
    assert text[fragment.reported.start : fragment.reported.end] == fragment.reported.text
    assert fragment.cue is not None and fragment.cue.text == "said"
    assert fragment.speaker is not None and fragment.speaker.name == "Hoffman"


def test_a_clause_cut_off_at_a_quotation_mark_is_mixed() -> None:
    text = "Zarif tweeted that Tehran had taken “proportionate measures in self-defense.”"
    quotes = quotebank.extract(text)
    assert [q.kind for q in quotes] == [QuoteKind.PARTIAL]
    assert quotes[0].reported is not None and quotes[0].reported.text.startswith("Tehran had taken")


def test_single_quoted_fragment_stays_inside_its_reported_clause() -> None:
    text = (
        "New Jersey Gov. Chris Christie described Hillary Clinton as a ‘disgrace’ after she attacked police officers."
    )
    quotes = quotebank.extract(text)
    (clause,) = [q for q in quotes if q.kind is QuoteKind.INDIRECT]
    (fragment,) = [q for q in quotes if q.kind is QuoteKind.PARTIAL]
    assert clause.text == "Hillary Clinton as a ‘disgrace’"
    assert fragment.text == "disgrace"
    assert fragment.reported is not None and (fragment.reported.start, fragment.reported.end) == (
        clause.start,
        clause.end,
    )
    assert clause.speaker is not None and fragment.speaker == clause.speaker


def test_indirect_is_on_by_default_and_can_be_turned_off() -> None:
    text = CASES[0][0]
    assert [q.kind for q in quotebank.extract(text)] == [QuoteKind.INDIRECT]
    assert quotebank.extract(text, indirect=False) == []
    (result,) = quotebank.extract_many([text])
    assert [q.kind for q in result.quotes] == [QuoteKind.INDIRECT]
    (result,) = quotebank.extract_many([text], indirect=False)
    assert list(result.quotes) == []


def test_reported_span_survives_the_json_round_trip() -> None:
    (fragment,) = quotebank.extract("Hoffman said the “historic decision” was necessary.")
    assert quotebank.Quote.from_dict(fragment.to_dict()) == fragment


# Rule logic on hand-built parses, so that it does not depend on the statistical model.
def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_nominal_content_of_a_prepositional_frame() -> None:
    doc = _doc(
        ["Trump", "called", "for", "a", "ban", "on", "imports", "at", "a", "rally", "."],
        [1, 1, 1, 4, 2, 4, 5, 1, 9, 7, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "prep", "det", "pobj", "punct"],
        ["PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
        ["Trump", "call", "for", "a", "ban", "on", "import", "at", "a", "rally", "."],
    )
    span = content_span(doc[1], get_lexicon("en"))
    assert span is not None and span.text == "a ban on imports"
    assert content_span(doc[1]) is None  # without a lexicon, only clauses count


def test_a_person_object_is_a_target_not_content() -> None:
    doc = _doc(
        ["Clinton", "criticized", "Trump", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "PROPN", "PUNCT"],
        ["Clinton", "criticize", "Trump", "."],
    )
    assert content_span(doc[1], get_lexicon("en")) is None


def test_parenthetical_cue_gives_the_sentence() -> None:
    doc = _doc(
        ["To", "prevent", "problems", ",", "he", "said", ",", "officials", "should", "be", "vigilant", "."],
        [1, 9, 1, 5, 5, 9, 5, 9, 9, 9, 9, 9],
        ["aux", "csubj", "dobj", "punct", "nsubj", "parataxis", "punct", "nsubj", "aux", "ROOT", "acomp", "punct"],
        ["PART", "VERB", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT", "NOUN", "AUX", "AUX", "ADJ", "PUNCT"],
        ["to", "prevent", "problem", ",", "he", "say", ",", "official", "should", "be", "vigilant", "."],
    )
    span = content_span(doc[5], get_lexicon("en"))
    assert span is not None and span.text == "To prevent problems , he said , officials should be vigilant"


def test_a_pronoun_owner_refers_back_not_to_a_later_speaker() -> None:
    text = (
        "Commissioner Angelita Morillo said her constituents were worried. Her remarks on the parks closures drew "
        "applause. The mayor's spokesperson, Cody Bowman, said the mayor was busy."
    )
    remarks = [q for q in indirect(text) if q.cue is not None and q.cue.text == "remarks"]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in remarks] == [
        ("the parks closures", "Angelita Morillo")
    ]


def test_content_names_no_channel() -> None:
    (q,) = indirect("She accused ministers of balancing the books on the backs of the sick.")
    assert q.text == "ministers of balancing the books on the backs of the sick"
    assert q.channel is Channel.UNKNOWN


def test_a_participle_hung_on_an_infinitive_speaks_for_the_sentence_subject() -> None:
    text = (
        "Prime Minister Keir Starmer on Monday defended plans to cut disability benefits, telling MPs that the "
        "welfare system was broken."
    )
    # "defended plans to cut disability benefits" is a stand of its own (see test_indirect_positions).
    (q,) = [q for q in indirect(text) if q.cue is not None and q.cue.text != "defended"]
    assert q.text == "the welfare system was broken"
    assert q.speaker is not None and q.speaker.name == "Keir Starmer"
    assert q.cue is not None and q.cue.text == "telling"
    assert q.channel is Channel.SPEECH


@pytest.mark.parametrize(
    "text",
    [
        "Judge rules on ban\n\nDES MOINES, Iowa — A state judge said on Friday that the law likely violates the "
        "constitution.",
        "Judge rules on ban\n\nDES MOINES, Iowa — A state judge on Friday blocked the ban, ruling that the law likely "
        "violates the constitution.",
    ],
)
def test_a_dateline_the_parser_took_for_a_subject_is_not_the_speaker(text: str) -> None:
    (q,) = indirect(text)
    assert q.text == "the law likely violates the constitution"
    assert q.speaker is not None and q.speaker.name == "A state judge"


def test_they_refers_to_a_group_the_previous_sentence_named() -> None:
    text = (
        "The researchers, led by a team at Harvard University, followed 100,000 nurses for three decades. "
        "The findings do not prove that the foods cause early death, they cautioned."
    )
    (q,) = indirect(text)
    assert q.text == "The findings do not prove that the foods cause early death"
    assert q.speaker is not None and q.speaker.name == "The researchers"


def test_a_physical_attack_lends_no_clause_to_its_report() -> None:
    text = (
        "Iran attacked at least two bases in Iraq that house American military forces on Wednesday morning local "
        "time, Iranian and U.S. officials said."
    )
    (q,) = indirect(text)
    assert q.text == (
        "Iran attacked at least two bases in Iraq that house American military forces on Wednesday morning local time"
    )
    assert q.speaker is not None and "officials" in q.speaker.name


def test_news_of_an_event_does_not_take_the_paragraph_before_it() -> None:
    text = (
        "The facilities hosting Americans house far more members of the Iraqi military working alongside them. "
        "Wednesday's attacks killed some Iraqis, CNN reported."
    )
    (q,) = indirect(text)
    assert q.text == "Wednesday's attacks killed some Iraqis"
