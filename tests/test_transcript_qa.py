"""Interview Q&As (``Q: ...`` / ``A: ...``): which lines are turns, and who asks and who answers."""

from __future__ import annotations

import pytest

import quotebank
from quotebank.lexicons import get_lexicon
from quotebank.model import Channel, Quote, QuoteKind, SpeakerKind
from quotebank.transcript import ANSWER, QUESTION, find_interview_turns, find_turns

LEXICON = get_lexicon("en")
QUESTIONS = LEXICON.interview_question_labels
ANSWERS = LEXICON.interview_answer_labels

INTRO = (
    "Maria Lopez took over as the city's schools superintendent in August. She spoke to the Courier about her plans."
)
QA = (
    "Q: What is your first priority?\n"
    "A: Reading. Too many of our third-graders cannot read at grade level.\n\n"
    "Q: Will you close schools?\n"
    "A: Not this year. We will look at enrollment first."
)

# (text, the turns found as (part, words))
TURN_CASES = [
    # the plain Q&A, one line a turn
    (
        QA,
        [
            (QUESTION, "What is your first priority?"),
            (ANSWER, "Reading. Too many of our third-graders cannot read at grade level."),
            (QUESTION, "Will you close schools?"),
            (ANSWER, "Not this year. We will look at enrollment first."),
        ],
    ),
    # labels with a full stop, turns in paragraphs of their own
    ("Q. Why now?\n\nA. Twelve years is enough.", [(QUESTION, "Why now?"), (ANSWER, "Twelve years is enough.")]),
    # the labels written out, in any case
    ("Question: Why now?\n\nAnswer: It is time.", [(QUESTION, "Why now?"), (ANSWER, "It is time.")]),
    ("QUESTION: Why now?\n\nANSWER: It is time.", [(QUESTION, "Why now?"), (ANSWER, "It is time.")]),
    # a transcript quoted whole
    ('"Q: Why now?\n\n"A: It is time."', [(QUESTION, "Why now?"), (ANSWER, 'It is time."')]),
    # an answer in two paragraphs, before the next question
    (
        "Q: Why now?\n\nA: It is time.\n\nWe have done what we came to do here.\n\nQ: What next?\n\nA: Rest.",
        [
            (QUESTION, "Why now?"),
            (ANSWER, "It is time."),
            (ANSWER, "We have done what we came to do here."),
            (QUESTION, "What next?"),
            (ANSWER, "Rest."),
        ],
    ),
    # after the last answer the article speaks again
    (
        "Q: Why now?\n\nA: It is time.\n\nLopez will present a budget in March.",
        [(QUESTION, "Why now?"), (ANSWER, "It is time.")],
    ),
    # a subheading in a Q&A is no one's words
    (
        "Q: Why now?\nA: It is time.\n\nON BUDGETS\n\nQ: What next?\nA: Rest.",
        [(QUESTION, "Why now?"), (ANSWER, "It is time."), (QUESTION, "What next?"), (ANSWER, "Rest.")],
    ),
    # nor is a quoted paragraph, left to its marks
    (
        'Q: Why now?\nA: It is time.\n\n"We are done here, and we know it."\n\nQ: What next?\nA: Rest.',
        [(QUESTION, "Why now?"), (ANSWER, "It is time."), (QUESTION, "What next?"), (ANSWER, "Rest.")],
    ),
    # not a dialogue: a lone answer, a list of questions, questions answered by no one next
    ("The quiz.\n\nA: The capital of France.\n\nThe rest is on page 4.", []),
    ("Tips for exams\n\nQ: How long should I study?\nQ: Should I study at night?\nQ: What should I eat?", []),
    ("Q: How long should I study?\n\nParents can find advice online.\n\nA: Not long.", []),
    # not labels: an A-list, a Q&A headline, a full stop after a word, a lower-case label
    ("A-list stars came.\n\nQ&A: Maria Lopez on her plans\n\nQ-tips: Why not?\n\nA-ha: yes.", []),
    ("Question. Why now?\n\nAnswer. It is time.", []),
    ("q: why now?\n\na: it is time.", []),
]


@pytest.mark.parametrize(("text", "turns"), TURN_CASES)
def test_find_interview_turns(text: str, turns: list[tuple[str, str]]) -> None:
    found = find_interview_turns(text, questions=QUESTIONS, answers=ANSWERS)
    assert [(t.part, text[t.start : t.end]) for t in found] == turns
    for turn in found:
        assert text[turn.label_start : turn.label_end] == turn.label
        assert "\n" not in text[turn.start : turn.end]


def test_qa_labels_are_no_speakers_in_a_transcript() -> None:
    text = "QUESTION: Mr. President, will you sign it?\n\nTRUMP: We will see.\n\nQUESTION: When?\n\nTRUMP: Soon."
    turns = find_turns(text, questions=QUESTIONS, answers=ANSWERS)
    assert [(t.label, t.part) for t in turns] == [
        ("QUESTION", QUESTION),
        ("TRUMP", None),
        ("QUESTION", QUESTION),
        ("TRUMP", None),
    ]


def _quotes(text: str) -> list[Quote]:
    quotes = [q for q in quotebank.extract(text) if q.kind is QuoteKind.DIRECT]
    for q in quotes:
        assert text[q.start : q.end] == q.text
    return quotes


def _by_words(text: str) -> dict[str, Quote]:
    return {q.text: q for q in _quotes(text)}


def test_answers_are_the_interviewee_s_and_questions_the_outlet_s() -> None:
    text = f"Five questions for the new schools chief\n\n{INTRO}\n\n{QA}\n\nLopez said she would present a budget."
    quotes = _by_words(text)
    answer = quotes["Reading. Too many of our third-graders cannot read at grade level."]
    assert answer.speaker is not None and answer.speaker.name == "Maria Lopez"
    assert answer.speaker.role == "city's schools superintendent"
    assert answer.channel is Channel.INTERVIEW and answer.marks == ""
    assert quotes["Not this year. We will look at enrollment first."].speaker == answer.speaker
    question = quotes["What is your first priority?"]
    assert question.speaker is not None and question.speaker.name == "Courier"
    assert question.channel is Channel.INTERVIEW
    assert quotes["Will you close schools?"].speaker == question.speaker
    assert "Lopez said she would present a budget." not in quotes


# (intro, who answers, who asks; None: an unnamed interviewer)
INTRO_CASES = [
    # told X, spoke to X, an interview with X
    ("Gov. Ann Bell told The Associated Press that she would not run again.", "Ann Bell", "Associated Press"),
    ("Maria Lopez took over in August. She spoke to the Courier.", "Maria Lopez", "Courier"),
    ("In an interview with the Courier, Senator Laura Kim discussed the farm bill.", "Laura Kim", "Courier"),
    # the outlet or the reporter talks or interviews
    ("The Courier sat down with Maria Lopez, the new schools superintendent.", "Maria Lopez", "Courier"),
    ("Maria Lopez took over in August. Courier reporter Jane Roe interviewed her.", "Maria Lopez", "Jane Roe"),
    ("Maria Lopez talked with reporter Jane Roe about her plans.", "Maria Lopez", "Jane Roe"),
    # no interviewer named: the person the lines before are about, even past an editor's note
    ("Maria Lopez took over in August.\n\nThis interview has been edited for length.", "Maria Lopez", None),
    ("Maria Lopez took over in August. She talked about her plans.", "Maria Lopez", None),
    # a person talked to is no interviewer unless a reporter; reporters are not named
    ("Maria Lopez spoke to her predecessor, John Smith, about her plans.", "Maria Lopez", None),
    ("Maria Lopez told reporters about her plans.", "Maria Lopez", None),
]


@pytest.mark.parametrize(("intro", "interviewee", "interviewer"), INTRO_CASES)
def test_who_answers_and_who_asks(intro: str, interviewee: str, interviewer: str | None) -> None:
    text = f"{intro}\n\n{QA}"
    quotes = _by_words(text)
    answer, question = quotes["Not this year. We will look at enrollment first."], quotes["Will you close schools?"]
    assert answer.speaker is not None and answer.speaker.name == interviewee
    assert question.speaker is not None and question.speaker.name != interviewee
    if interviewer is None:
        assert question.speaker.kind is SpeakerKind.UNNAMED and question.speaker.name == LEXICON.unnamed_interviewer
    else:
        assert question.speaker.name == interviewer
    assert answer.channel is question.channel is Channel.INTERVIEW


@pytest.mark.parametrize(
    "intro",
    [
        # two people, and nothing tells who was interviewed
        "Mayor John Smith appointed Maria Lopez as superintendent. The two have clashed over budgets.",
        # no one at all
        "The schools chief answered our questions.",
        "",
    ],
)
def test_answers_keep_no_speaker_rather_than_a_guess(intro: str) -> None:
    text = f"{intro}\n\n{QA}" if intro else QA
    quotes = _by_words(text)
    assert quotes["Reading. Too many of our third-graders cannot read at grade level."].speaker is None
    assert quotes["Not this year. We will look at enrollment first."].speaker is None
    question = quotes["What is your first priority?"]
    assert question.speaker is not None and question.speaker.kind is SpeakerKind.UNNAMED


def test_an_answer_goes_on_over_paragraphs_until_the_next_question() -> None:
    text = (
        f"{INTRO}\n\nQ: What is your first priority?\n\nA: Reading.\n\n"
        "Too many of our third-graders cannot read at grade level.\n\n"
        "Q: Will you close schools?\n\nA: Not this year.\n\nHer deputy, Tom Green, is to publish figures in May."
    )
    quotes = _by_words(text)
    more = quotes["Too many of our third-graders cannot read at grade level."]
    assert more.speaker is not None and more.speaker.name == "Maria Lopez" and more.channel is Channel.INTERVIEW
    assert not [q for q in quotes if "Tom Green" in q]


@pytest.mark.parametrize(
    "text",
    [
        "The quiz\n\nA: The capital of France.\n\nThe rest of the answers are on page 4.",
        "Tips for exams\n\nQ: How long should I study each day?\nQ: Should I study at night?\n\nAsk a teacher.",
        "A-list stars came to the gala on Monday.\n\nQ&A: Maria Lopez on her plans for the schools",
        "UPDATE: Polls close at 8.\n\nUPDATE: Turnout is high.",
    ],
)
def test_no_qa_no_quotes(text: str) -> None:
    assert _quotes(text) == []


def test_a_named_transcript_is_read_as_before_and_its_questions_are_nobody_s_by_name() -> None:
    text = (
        "President Donald Trump spoke to reporters at the White House.\n\n"
        "QUESTION: Mr. President, will you sign the bill?\n\nTRUMP: We will see.\n\nQUESTION: When?\n\nTRUMP: Soon."
    )
    quotes = _by_words(text)
    assert quotes["We will see."].speaker is not None and quotes["We will see."].speaker.name == "Donald Trump"
    asked = quotes["Mr. President, will you sign the bill?"].speaker
    assert asked is not None and asked.kind is SpeakerKind.UNNAMED


def test_an_explainer_s_answers_are_no_one_s_in_the_lines_before() -> None:
    text = (
        "Gov. Ann Bell extended the deadline for mail ballots on Monday.\n\n"
        "Q: Can I still vote by mail?\n\nA: Yes. Ballots must arrive by Nov. 10.\n\n"
        "Q: Where do I send it?\n\nA: To the county clerk."
    )
    quotes = _by_words(text)
    assert quotes["Yes. Ballots must arrive by Nov. 10."].speaker is None
    assert quotes["To the county clerk."].speaker is None
    # the same Q&A, with an interview the lines before tell of
    told = text.replace("on Monday.", "on Monday. She spoke to the Courier.")
    answer = _by_words(told)["To the county clerk."]
    assert answer.speaker is not None and answer.speaker.name == "Ann Bell"


def test_each_interview_of_an_article_has_its_own_sides() -> None:
    text = (
        "The Courier asked the two candidates for mayor about the budget.\n\n"
        "Jane Doe, a city council member, spoke to the Courier on Monday.\n\n"
        "Q: Will you raise taxes?\nA: No. I will cut waste first.\n\n"
        "John Roe, a former police chief, spoke to the Courier on Tuesday.\n\n"
        "Q: Will you raise taxes?\nA: Maybe. We have no choice."
    )
    quotes = _by_words(text)
    doe, roe = quotes["No. I will cut waste first."].speaker, quotes["Maybe. We have no choice."].speaker
    assert doe is not None and doe.name == "Jane Doe"
    assert roe is not None and roe.name == "John Roe"
    # the line that brings in the second interview is the article's, not more of the first answer
    assert not [words for words in quotes if "former police chief" in words]


def test_a_subheading_in_a_qa_keeps_its_sides() -> None:
    text = (
        f"{INTRO}\n\nQ: What is your first priority?\nA: Reading. I want every child reading by third grade.\n\n"
        "On budgets\n\nQ: Will you close schools?\nA: Not this year. We will look at enrollment first."
    )
    quotes = _by_words(text)
    answer = quotes["Not this year. We will look at enrollment first."]
    assert answer.speaker is not None and answer.speaker.name == "Maria Lopez"
    assert quotes["Will you close schools?"].speaker == quotes["What is your first priority?"].speaker


def test_a_paragraph_of_the_article_between_answers_is_no_answer() -> None:
    text = (
        f"{INTRO}\n\nQ: What is your first priority?\n\nA: Reading.\n\n"
        "Lopez taught third grade for ten years before joining the district office.\n\n"
        "Q: Will you close schools?\n\nA: Not this year. We will look at enrollment first."
    )
    quotes = _by_words(text)
    assert not [words for words in quotes if "ten years" in words]
