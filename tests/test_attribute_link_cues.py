"""Who speaks through a cue after a quote, and whom a pronoun cue goes on with: made-up sentences, negative cases
included. The real pipeline runs (the parse decides)."""

from __future__ import annotations

import pytest
from quoted import speaker_of

import quotebank

# "“...,” NAME, told OUTLET": a comma between the name and its verb; the name speaks, not the outlet.
COMMA_CASES = [
    ("“This will definitely affect people,” baker Omar Celik, told Reuters.", "affect people", "Omar Celik"),
    ("“It will change nothing for us,” shop owner Leyla Aksoy, told Reuters.", "change nothing", "Leyla Aksoy"),
    (
        "“That will definitely hurt savers,” shop owner Leyla Aksoy, told Associated Press.",
        "hurt savers",
        "Leyla Aksoy",
    ),
]
# With no comma, or an appositive, the parse already finds the name; the rule changes nothing there.
COMMA_UNCHANGED = [
    ("“The new notes look like real money,” baker Omar Celik told Reuters.", "look like real money", "Omar Celik"),
    (
        "“The new notes look like real money,” Omar Celik, a baker, told Reuters.",
        "look like real money",
        "Omar Celik",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), COMMA_CASES + COMMA_UNCHANGED)
def test_the_name_after_a_quote_speaks_not_the_outlet_told(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# A pronoun cue goes on with the person who opens the sentence before, even when the parse cut that sentence at a
# title's dots (the verb left with no subject) or did not make the name its subject.
OPENING_NAME_CASES = [
    (
        '"The band is great," said Chris Mead, host of a radio show. Alison Marsh, producer of TV show Later... '
        'With Friends, booked the group after one gig. "They played like stars," she said.',
        "played like stars",
        "Alison Marsh",
    ),
]
OPENING_NAME_NEGATIVE = [
    # a name that only owns the subject ("Obama's adviser") brings no one in: the last speaker goes on
    (
        '"The band is great," said Chris Mead, host of a radio show. Obama\'s adviser booked the group after one '
        'gig. "They played like stars," he said.',
        "played like stars",
        "Chris Mead",
    ),
    # the woman who opens the sentence does not fit "he": the last speaker goes on
    (
        '"The band is great," said Chris Mead, host of a radio show. Karen Marsh, producer of TV show Later... '
        'With Friends, booked the group after one gig. "They played like stars," he said.',
        "played like stars",
        "Chris Mead",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), OPENING_NAME_CASES + OPENING_NAME_NEGATIVE)
def test_a_pronoun_goes_on_with_the_name_opening_the_sentence_before(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# A quoted fragment with no cue is the words of its clause's subject; when the parse hung the verb on the name as
# a modifier ("X, the director of ..., compared" read as "X, ..., [who was] compared"), the name is that subject.
CLAUSE_NAME_CASES = [
    (
        "Aaron Webb, the director of debate at the University of Michigan, compared Trump to a coach at a "
        'basketball game who is "working the referees" in hopes.',
        "working the referees",
        "Aaron Webb",
    ),
    (
        "Sean Kall, the director of debate at the University of Michigan, compared Trump to a pitcher who is "
        '"stalling for time" in hopes.',
        "stalling for time",
        "Sean Kall",
    ),
]
CLAUSE_NAME_NEGATIVE: list[tuple[str, str, str | None]] = [
    # an organisation's name is no person's: the rule leaves it to the clause's own reading
    (
        'Harlow Town, the club in the north of the county, compared the council to a landlord who is "never there" '
        "when needed.",
        "never there",
        "Harlow Town",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), CLAUSE_NAME_CASES + CLAUSE_NAME_NEGATIVE)
def test_a_fragment_is_the_words_of_the_name_its_clause_hangs_on(text: str, fragment: str, name: str | None) -> None:
    assert speaker_of(text, fragment) == name


# The voice of a broadcast or an ad ("the announcer", "the ad's narrator") speaks unnamed, like "an official":
# never a guessed name, and a name given in apposition still wins.
UNNAMED_VOICE_CASES = [
    ('As a phone rang, the announcer said, "It is 3 a.m. and your children are asleep."', "3 a.m.", "the announcer"),
    (
        'The ad ends with a question. "If he thinks that is smart," the ad\'s narrator says, "what does he think of '
        'you?"',
        "what does he think of you",
        "the ad's narrator",
    ),
    (
        'The film opens on a farm. "This land was ours," the narrator, actor Tom Hanks, says over the credits.',
        "This land was ours",
        "Tom Hanks",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), UNNAMED_VOICE_CASES)
def test_an_announcer_or_narrator_speaks_unnamed(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# A quoted fragment inside a clause whose subject is named, with no cue above it, is that subject's words, not
# those of a cue later in the sentence; the words of the cue's own clause stay the cue's.
CLAUSE_OWNER_CASES = [
    (
        'As Tom Hale went on about "a broken budget," Ann Price said yes, over and over again.',
        "broken budget",
        "Tom Hale",
    ),
    # negative: the fragment is in the cue's own content
    ('As Tom Hale went on about the budget, Ann Price said it was "a total mess" and left.', "total mess", "Ann Price"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), CLAUSE_OWNER_CASES)
def test_a_fragment_is_the_words_of_its_clause_named_subject(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# A pronoun cue after a quote goes on with the one person the sentence before the quote introduces (named for the
# first time, with a role in apposition), wherever the name stands in that sentence; the parse may cut the quote
# into sentences of its own.
INTRODUCED_CASES = [
    (
        '"Turnout will be low," said Tom Reid, a county official. The slow count is something that worries Mark '
        'Dunn, chairman of the Leeds Labour Party. "Nobody is knocking on doors. The volunteers have gone home. We '
        'have no leaflets left," he said.',
        "Nobody is knocking",
        "Mark Dunn",
    ),
]
INTRODUCED_NEGATIVE = [
    # two people brought in: the pronoun does not say which, the last speaker goes on
    (
        '"Turnout will be low," said Tom Reid, a county official. The slow count is something that worries Mark '
        'Dunn, chairman of the Leeds Labour Party, and Ian Webb, his deputy. "Nobody is knocking on doors. The '
        'volunteers have gone home. We have no leaflets left," he said.',
        "Nobody is knocking",
        "Tom Reid",
    ),
    # no one introduced
    (
        '"Turnout will be low," said Tom Reid, a county official. The slow count has long worried the party. '
        '"Nobody is knocking on doors. The volunteers have gone home. We have no leaflets left," he said.',
        "Nobody is knocking",
        "Tom Reid",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), INTRODUCED_CASES + INTRODUCED_NEGATIVE)
def test_a_pronoun_goes_on_with_the_person_just_introduced(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# "footage of NAME asking": the parse hangs the participle on the main verb; the name right before it, the object
# of "of", is who speaks. A direct object before the participle is not of this kind.
FOOTAGE_CASES = [
    ('The ad uses footage of Tom Reid asking, "Why are we not ahead in every poll?"', "not ahead", "Tom Reid"),
    (
        'The campaign released a video of Tom Reid saying, "We will cut taxes for every family."',
        "cut taxes",
        "Tom Reid",
    ),
    # negative: the one attacked is not the one who speaks
    ('The senator attacked Tom Reid saying, "He will cut nothing at all."', "cut nothing", "senator"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), FOOTAGE_CASES)
def test_footage_of_a_person_saying_is_their_words(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# A court brief speaks for whoever files it, like a complaint; the adjective "brief" is no cue.
BRIEF_CASES = [
    (
        "However, Karen Holt's brief said that was not her view and dismissed the claims as \"old and baseless "
        'allegations."',
        "baseless allegations",
        "Karen Holt",
    ),
    ('The judge gave a brief statement. Tom Reid said the ruling was "a disgrace."', "disgrace", "Tom Reid"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), BRIEF_CASES)
def test_a_brief_speaks_for_its_filer(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


def test_a_lede_description_goes_to_the_name_the_text_calls_mr() -> None:
    # "Herve Gaymard" is labelled an organisation by the recogniser; "Mr Gaymard" makes him a person, so the
    # lede's "France's finance minister" goes on to him.
    text = (
        'Meanwhile, France\'s finance minister has said the world faced "economic catastrophe" unless the US '
        "acted. Herve Gaymard said he would seek action at the next meeting. Mr Gaymard added that Europe was ready."
    )
    assert speaker_of(text, "economic catastrophe") == "Herve Gaymard"


# "the NAME which reported “...”": a relative clause the parse took for an adverbial one still speaks for the name
# right before the pronoun; a proper relative clause was already read so.
RELATIVE_CASES = [
    (
        'To settle it, they turned to the Chicago Police Department which reported "2,521 shooting incidents" in '
        "the city.",
        "shooting incidents",
        "Chicago Police Department",
    ),
    (
        'To settle it, they turned to the Leeds City Council which reported "412 potholes" in the city.',
        "potholes",
        "Leeds City Council",
    ),
    ('They asked the council, which reported "412 potholes" in the city.', "potholes", "council"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), RELATIVE_CASES)
def test_which_after_a_name_speaks_for_it(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# A description goes on to the person last named as a subject when it fits a title the text gave them, abbreviated
# titles written out ("Sen." is a senator, "Rep." a representative); a governor is no senator.
WRITTEN_OUT_CASES = [
    (
        "If Donald Trump could make money doing it, Vermont Sen. Bernie Sanders is against it. Sanders on Tuesday "
        'said he wants to attack four provisions in the tax code. The senator said he would "introduce legislation '
        'in the next session of Congress to fix our rigged tax system."',
        "introduce legislation",
        "Bernie Sanders",
    ),
    (
        "If Donald Trump could make money doing it, Ohio Rep. Tom Reid is against it. Reid on Tuesday said he wants "
        'to attack four provisions in the tax code. The representative said he would "introduce legislation in the '
        'next session to fix our rigged tax system."',
        "introduce legislation",
        "Tom Reid",
    ),
    # negative: the title does not fit, the description stays a role-only speaker
    (
        "If Donald Trump could make money doing it, Ohio Gov. Tom Reid is against it. Reid on Tuesday said he wants "
        'to attack four provisions in the tax code. The senator said he would "introduce legislation in the next '
        'session to fix our rigged tax system."',
        "introduce legislation",
        "senator",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), WRITTEN_OUT_CASES)
def test_a_description_fits_an_abbreviated_title(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# The lede holds a name back ("..., a leading industry figure has said."): the person named speaking in the next
# two sentences is that figure, a description with no title of its own conflicting with no title of theirs.
LEDE_CASES = [
    (
        'The German music business is "in the state of a zombie", a leading industry figure has said. Tim Renner, '
        "the head of Universal Music Germany until last year, told the BBC that the industry was struggling.",
        "state of a zombie",
        "Tim Renner",
    ),
    # negative: the next to speak are unnamed officials, so the figure stays unnamed
    (
        'The German music business is "in the state of a zombie", a leading industry figure has said. Some critics '
        "disagree. Officials said the industry was struggling.",
        "state of a zombie",
        "a leading industry figure",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name"), LEDE_CASES)
def test_a_lede_figure_is_the_person_named_next(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# A speech verb someone is asked to use ("calling for him to apologise for his “...”") is no cue of theirs: the
# words are the asker's. One who did apologise speaks.
REQUESTED_CASES = [
    (
        "Council leader Ann Price wrote to Mr Reid on Tuesday accusing him of an error and calling for him to "
        'apologise for his "foolish remarks" and withdraw them.',
        "foolish remarks",
        "Ann Price",
    ),
    ('Tom Reid later apologised for his "foolish remarks" at the meeting.', "foolish remarks", "Tom Reid"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), REQUESTED_CASES)
def test_a_requested_speech_verb_is_not_the_speakers_cue(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# "DESCRIPTION at ORG, NAME, said": the name set off by commas right before the verb is the speaker, even when the
# parse hung it on the organisation rather than on the description's head.
LATE_APPOSITIVE_CASES = [
    (
        "In the 1990s he ran a nursing home chain. His former business partner at Lenox, Lawrence B. Cummings, "
        'called him a master at impossible deals. "He showed again and again an ability to put together deals that '
        "other people couldn't.\"",
        "He showed again",
        "Lawrence B. Cummings",
    ),
    (
        'The chairman of the board at Acme, Tom Reid, said the deal was "dead on arrival."',
        "dead on arrival",
        "Tom Reid",
    ),
    # negative: no name set off, the description speaks
    ('The head of the union at the plant said the deal was "dead on arrival."', "dead on arrival", "head of the union"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), LATE_APPOSITIVE_CASES)
def test_a_name_set_off_before_the_verb_speaks(text: str, fragment: str, name: str) -> None:
    assert speaker_of(text, fragment) == name


# "“...,” a passenger posted on X": the parse makes the noun the root and "posted" its participle; the sentence has
# no other verb, so the participle is the cue and the noun its speaker.
FRAGMENT_CASES = [
    ("“Stuck in Denver for nine hours,” a passenger posted on X.", "Stuck", "a passenger"),
    (
        "Travellers vented online. “Stuck in Denver for nine hours and counting,” one traveler posted on X.",
        "Stuck",
        "one traveler",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), FRAGMENT_CASES)
def test_a_participle_with_no_verb_above_is_the_cue(text: str, fragment: str, speaker: str) -> None:
    assert speaker_of(text, fragment) == speaker


def test_a_participle_in_a_sentence_with_a_verb_stays_a_modifier() -> None:
    # "posted" modifies "photos": the sentence's verb is "showed", and no one posted the quote
    text = "Photos posted on X showed the crowd chanting “Not one more.”"
    assert not any(q.cue is not None and q.cue.text == "posted" for q in quotebank.extract(text))
