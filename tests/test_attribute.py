"""Speakers, roles and channels: one table per construction, grown from real news sentences.

These run the real pipeline (the small English model): attribution depends on
the parse, and the point is to check what users get.
"""

from __future__ import annotations

import pytest

import quotebank
from quotebank.model import Channel, QuoteKind, SpeakerKind


def only(text: str, fragment: str) -> quotebank.Quote:
    """The one quote whose text contains ``fragment``."""
    matches = [q for q in quotebank.extract(text) if fragment in q.text and q.kind is not QuoteKind.INDIRECT]
    assert len(matches) == 1, [q.text for q in quotebank.extract(text)]
    return matches[0]


# (text, a fragment of the quote, the speaker's name must contain, the mention text)
SPEAKER_CASES = [
    # subject before the cue
    ("“We are working on initial battle damage assessments,” Hoffman said.", "battle damage", "Hoffman", "Hoffman"),
    # the role before an appositive name, and an unnamed spokeswoman
    (
        "The Kremlin’s spokesman, Dmitry Peskov, told reporters: “We are concerned.”",
        "concerned",
        "Peskov",
        "The Kremlin’s spokesman",
    ),
    ("“No comment,” a spokeswoman for the company said by email.", "No comment", "spokeswoman", "a spokeswoman"),
    # a dateline is no speaker; an appositive name the recogniser missed still is one
    (
        "LONDON — Britain's Prime Minister Keir Starmer on Monday said that “we face the most dangerous world”.",
        "dangerous world",
        "Starmer",
        None,
    ),
    (
        "The Conservative leader, Kemi Badenoch, dismissed the plan as “a review of a review.”",
        "review of a review",
        "Badenoch",
        None,
    ),
    # typewriter double quotes ('' ... '') as in the New York Times archive
    ("''It's anti-reform,'' said Leonard E. Burman, a tax expert.", "anti-reform", "Burman", "Leonard E. Burman"),
    # inverted cue
    ("“We will respond,” said Jonathan Hoffman, a Pentagon spokesman.", "respond", "Hoffman", "Jonathan Hoffman"),
    # cue before a colon
    (
        "Referring to the war, Adel Abdul-Mahdi said: “Iraq did its part.”",
        "did its part",
        "Abdul-Mahdi",
        "Adel Abdul-Mahdi",
    ),
    # appositive between the name and the cue
    (
        "“This may be a big deal,” Ilan Goldenberg, a former State Department official now with the Center for a New "
        "American Security, wrote on Twitter.",
        "big deal",
        "Goldenberg",
        "Ilan Goldenberg",
    ),
    # the owner of a statement
    ("“The brave soldiers have launched an attack,” read an IRGC statement.", "brave soldiers", "IRGC", "IRGC"),
    # a letter from someone
    (
        "A letter from Brigadier General William H. Seely, the commander of the US taskforce, had said the coalition "
        "would be “repositioning forces”.",
        "repositioning",
        "Seely",
        None,
    ),
    # according to
    ("The strikes were “a measured response,” according to Pentagon officials.", "measured", "officials", None),
    # participle hanging from the cue verb
    (
        "'All is well!' President Donald Trump tweeted, adding, 'So far, so good' regarding casualties.",
        "So far",
        "Trump",
        None,
    ),
    # British style: single quotation marks, and an honorific that is no role
    (
        "Kemi Badenoch, the Conservative leader, spoke first.\n\n"
        "'This is a budget for the Treasury, not for families,' Mrs Badenoch told MPs.",
        "budget for the Treasury",
        "Kemi Badenoch",
        "Mrs Badenoch",
    ),
    # a description with an appositive name: the name speaks, even when a pronoun could have been meant
    (
        "“We acted at once,” athletic director Rick George said.\n\n"
        "The player's mother, Angela Brooks, told The Associated Press that her son was “shaken but OK.”",
        "shaken",
        "Angela Brooks",
        None,
    ),
    # an unnamed source keeps all of its description
    (
        "According to a person familiar with the matter, the talks had “stalled completely.”",
        "stalled",
        "a person familiar with the matter",
        None,
    ),
    # a gerund two coordinated verbs away from its subject
    (
        "Senator Maria Lopez appeared on CNN on Sunday and began by saying she would “never” back the bill.",
        "never",
        "Lopez",
        "Senator Maria Lopez",
    ),
    # who issues a statement speaks through it
    (
        "After the vote, the Security Council issued a statement calling the launch “a flagrant violation.”",
        "flagrant",
        "Security Council",
        None,
    ),
    # a classifying noun before a speech noun is no speaker: the one who rolls the message out is
    (
        "With turnout sagging, Governor Tom Reyes is rolling out a new campaign message: “It is about you.”",
        "about you",
        "Reyes",
        None,
    ),
    # a two-word title with no title word of its own names the one person the text has named
    (
        "Martha Grant spoke in Ohio. The former first lady said it was “a mistake” to skip the debate.",
        "a mistake",
        "Martha Grant",
        "The former first lady",
    ),
    # a scene-setting clause after the quote is not its cue
    (
        "The ad ends with footage of Senator Paul Miller saying during the debate, “That makes me smart,” when "
        "Governor Ann Hale attacked him.",
        "makes me smart",
        "Miller",
        None,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "name", "mention"), SPEAKER_CASES)
def test_speaker(text: str, fragment: str, name: str, mention: str | None) -> None:
    q = only(text, fragment)
    assert q.speaker is not None and name in q.speaker.name
    if mention is not None:
        assert q.speaker_mention is not None and q.speaker_mention.text == mention
        assert text[q.speaker_mention.start : q.speaker_mention.end] == mention


def test_pronoun_resolves_to_the_last_person_speaking() -> None:
    text = (
        "Iranian Foreign Minister Javad Zarif described the strikes as “proportionate measures.” "
        "Iran does “not seek escalation,” he wrote on Twitter."
    )
    q = only(text, "not seek")
    assert q.speaker is not None and q.speaker.name == "Javad Zarif"
    assert q.speaker_mention is not None and q.speaker_mention.text == "he"
    assert q.channel is Channel.TWEET


def test_she_skips_a_man_speaking_in_between() -> None:
    text = (
        "“Inflation has eased,” Fed Chair Jerome Powell told a news conference. "
        "The decision drew criticism from Senator Elizabeth Warren, a Massachusetts Democrat, who said in a letter "
        "that high rates were “hurting working families.”\n\n“The Fed is playing with fire,” she wrote."
    )
    hurting = only(text, "hurting")
    fire = only(text, "playing with fire")
    assert hurting.speaker is not None and hurting.speaker.name == "Elizabeth Warren"
    assert fire.speaker is not None and fire.speaker.name == "Elizabeth Warren"
    assert fire.channel is Channel.LETTER


def test_it_resolves_to_an_organisation() -> None:
    text = (
        "Iran’s Revolutionary Guard said the attack was in retaliation.\n\n"
        "“We are warning all American allies,” it said via a statement carried by the IRNA news agency."
    )
    q = only(text, "warning")
    assert q.speaker is not None and "Revolutionary Guard" in q.speaker.name
    assert q.speaker.kind is SpeakerKind.ORGANIZATION
    assert q.channel is Channel.STATEMENT


def test_surname_and_honorific_link_to_the_full_name() -> None:
    text = (
        "Adel Abdul-Mahdi, who resigned in November, said Iraq wants a withdrawal.\n\n"
        "“We have no exit but this,” Mr Abdul-Mahdi said in a pre-recorded televised speech."
    )
    q = only(text, "no exit")
    assert q.speaker is not None and q.speaker.name == "Adel Abdul-Mahdi"
    assert "Mr Abdul-Mahdi" in q.speaker.aliases or q.speaker_mention.text == "Mr Abdul-Mahdi"
    assert q.channel is Channel.SPEECH


def test_description_resolves_to_the_named_speaker_with_no_other_role() -> None:
    text = (
        "The US must pull its troops out of Iraq, the country’s outgoing prime minister insisted earlier.\n\n"
        "Adel Abdul-Mahdi, who resigned in November, said Iraq wants a US troop withdrawal.\n\n"
        "“We have no exit but this,” Mr Abdul-Mahdi said."
    )
    q = only(text, "no exit")
    assert q.speaker is not None and q.speaker.name == "Adel Abdul-Mahdi"
    assert q.speaker.role is not None and "prime minister" in q.speaker.role


def test_follow_on_quote_inherits_speaker_and_channel() -> None:
    text = (
        "The Iranians targeted two bases, Pentagon spokesman Jonathan Hoffman said in an emailed statement. "
        "“We are working on initial assessments,” Hoffman added. "
        "“As we evaluate the situation, we will take all necessary measures.”"
    )
    first = only(text, "working on")
    second = only(text, "evaluate")
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.name == second.speaker.name == "Jonathan Hoffman"
    assert first.channel is second.channel is Channel.STATEMENT
    assert first.speaker.role == "Pentagon spokesman"


def test_follow_on_stops_when_another_speaker_takes_over() -> None:
    text = (
        "“We are working on it,” Hoffman said.\n\n"
        "Stephanie Grisham said the president was briefed.\n\n"
        "“The situation is under control.”"
    )
    q = only(text, "under control")
    assert q.speaker is None or q.speaker.name != "Hoffman"


def test_quote_is_not_credited_to_a_nearby_name() -> None:
    # The quote belongs to the outlets, not to the post signed just above it.
    text = (
        "The nation slapped them in the face. — Khamenei.ir (@khamenei_ir) January 8, 2020\n\n"
        'Iranian propaganda outlets claim that "80 soldiers" from US forces have been killed.'
    )
    q = only(text, "80 soldiers")
    assert q.speaker is not None and "outlets" in q.speaker.name
    assert "Khamenei" not in q.speaker.name


def test_anonymous_sources_stay_anonymous() -> None:
    text = "“Fifteen missiles were launched,” a defense official told the Los Angeles Times."
    q = only(text, "Fifteen")
    assert q.speaker is not None and q.speaker.kind is SpeakerKind.UNNAMED
    assert q.speaker.name == "a defense official"
    assert q.channel is Channel.INTERVIEW


def test_role_only_speaker_keeps_the_role() -> None:
    text = 'Iran\'s foreign minister tweeted that Tehran had taken "proportionate measures in self-defense," he said.'
    q = only(text, "proportionate")
    assert q.speaker is not None and q.speaker.role is not None and "foreign minister" in q.speaker.role
    assert q.channel is Channel.TWEET


def test_embedded_post_links_the_account_to_the_person() -> None:
    text = (
        "Iran's Supreme Leader Ayatollah Ali Khamenei has made clear the strikes were revenge.\n\n"
        "The Iranian nation slapped them in the face. — Khamenei.ir (@khamenei_ir) January 8, 2020"
    )
    q = next(q for q in quotebank.extract(text) if q.kind is QuoteKind.EMBEDDED_POST)
    assert q.speaker is not None and q.speaker.name == "Ali Khamenei"
    assert q.speaker.handle == "khamenei_ir"
    assert q.speaker.role is not None and "Supreme Leader" in q.speaker.role
    assert q.channel is Channel.TWEET


# (text, a fragment of the quote, the expected channel)
CHANNEL_CASES = [
    ("“We will respond,” Trump tweeted.", "respond", Channel.TWEET),
    ("“We will respond,” Trump wrote on Twitter.", "respond", Channel.TWEET),
    ("“We will respond,” the ministry said in a statement.", "respond", Channel.STATEMENT),
    # the press as a body is a press conference or a gaggle; one outlet or one reporter is an interview
    ("“We will respond,” he told reporters.", "respond", Channel.PRESS_CONFERENCE),
    ("“We will respond,” she told journalists on her plane.", "respond", Channel.PRESS_CONFERENCE),
    ("“We will respond,” he told a reporter.", "respond", Channel.INTERVIEW),
    ("“We will respond,” the economist told Associated Press.", "respond", Channel.INTERVIEW),
    ("“We will respond,” she said in an interview with CNN.", "respond", Channel.INTERVIEW),
    ("“We will respond,” he said at a news conference.", "respond", Channel.PRESS_CONFERENCE),
    ("“Sales will slow,” the chief executive told analysts on a conference call.", "slow", Channel.PRESS_CONFERENCE),
    ("“Sales will slow,” she said on an earnings call.", "slow", Channel.PRESS_CONFERENCE),
    ("“Sales will slow,” she said at a conference in Berlin.", "slow", Channel.SPEECH),
    ("“We cannot keep borrowing,” the president said at a church service.", "borrowing", Channel.SPEECH),
    ("“We cannot keep borrowing,” she said at a memorial service for the victims.", "borrowing", Channel.SPEECH),
    ("“We will respond,” Khamenei said in a speech.", "respond", Channel.SPEECH),
    ("“We will respond,” Iran state TV said.", "respond", Channel.BROADCAST),
    ("“We will respond,” she posted on Facebook.", "respond", Channel.SOCIAL_POST),
    ("“Enough is enough,” wrote Senator Elizabeth Warren on X.", "Enough", Channel.TWEET),
    # a guest on a show is interviewed (the host's own show is a broadcast: tests/test_channel_programmes.py)
    (
        "Speaking on CNN's State of the Union, Senator Bernie Sanders said, “We need to act now.”",
        "act now",
        Channel.INTERVIEW,
    ),
    ("“We will win,” the governor said on Fox News Sunday.", "win", Channel.INTERVIEW),
    ("“It was a mistake,” the editor told The Wall Street Journal.", "mistake", Channel.INTERVIEW),
    ("“The data are clear,” the researchers wrote in the journal Nature.", "data", Channel.PUBLICATION),
    (
        "In an op-ed for The Washington Post, former adviser John Bolton wrote: “The time for talk is over.”",
        "time for talk",
        Channel.PUBLICATION,
    ),
    (
        "“This was a reckless act,” Senate Majority Leader Mitch McConnell said on the Senate floor.",
        "reckless",
        Channel.SPEECH,
    ),
    ("“No comment,” a spokeswoman for the company said by email.", "No comment", Channel.STATEMENT),
    # the content never names the channel: Milley's words are not a letter
    ("General Mark Milley said the letter had been “an honest mistake”.", "honest mistake", Channel.UNKNOWN),
    # a verb names its own channel: "a note" is a letter, "noted" is not
    ("“Risks have diminished,” the Fed's statement noted.", "Risks", Channel.STATEMENT),
    ("“We are watching closely,” the minister noted.", "watching", Channel.UNKNOWN),
    # no evidence: unknown, not a guess
    ("“We will respond,” Trump said.", "respond", Channel.UNKNOWN),
    # an audience addressed makes a speech; the same word as the speaker says nothing
    ("“This is wrong,” Mrs Badenoch told the House of Commons.", "wrong", Channel.SPEECH),
    ("“Taxes will fall,” she told supporters in Ohio.", "Taxes", Channel.SPEECH),
    ("“We will fight on,” lawmakers said.", "fight on", Channel.UNKNOWN),
    # an outlet spoken to, even through its presenter
    (
        "Speaking to the BBC's Laura Kuenssberg on Sunday, the chancellor said: “We inherited a mess.”",
        "inherited",
        Channel.INTERVIEW,
    ),
]


@pytest.mark.parametrize(("text", "fragment", "channel"), CHANNEL_CASES)
def test_channel(text: str, fragment: str, channel: Channel) -> None:
    q = only(text, fragment)
    assert q.channel is channel
    if channel is not Channel.UNKNOWN:
        assert q.channel_evidence is not None
        assert text[q.channel_evidence.start : q.channel_evidence.end] == q.channel_evidence.text


ROLE_CASES = [
    ("“We will respond,” Pentagon spokesman Jonathan Hoffman said.", "Pentagon spokesman"),
    # an appositive says more than a bare rank before the name
    (
        "“We will respond,” said Gen. Mark Milley, the chairman of the Joint Chiefs of Staff.",
        "chairman of the Joint Chiefs of Staff",
    ),
    (
        "“We will respond,” said Dr. Sarah Klein, a cardiologist at Mount Sinai Hospital.",
        "cardiologist at Mount Sinai Hospital",
    ),
    ("“We will respond,” White House press secretary Stephanie Grisham said.", "White House press secretary"),
    (
        "“We will respond,” said General Mark Milley, chairman of the Joint Chiefs of Staff.",
        "chairman of the Joint Chiefs",
    ),
    ("“We will respond,” US defence secretary Mark Esper said.", "defence secretary"),
    # a title before a name the recogniser took for an organisation
    ("“We will respond,” German Chancellor Olaf Scholz posted on Instagram.", "German Chancellor"),
    # a role-only speaker whose title holds an organisation and a media word
    ("“We will respond,” the White House press secretary said in a briefing.", "White House press secretary"),
    # the role before an appositive name
    ("The Kremlin’s spokesman, Dmitry Peskov, told reporters: “We will respond.”", "Kremlin’s spokesman"),
    # "its" in a role is the organisation just named
    (
        "Iran's Foreign Ministry condemned the strikes. Its spokesman, Nasser Kanaani, said: “We will respond.”",
        "Foreign Ministry spokesman",
    ),
    # a lower-case title before a name the recogniser took for an organisation
    ("In an interview with CNBC, Tesla's chair Robyn Denholm said: “We will respond.”", "Tesla's chair"),
]


@pytest.mark.parametrize(("text", "role"), ROLE_CASES)
def test_role(text: str, role: str) -> None:
    q = only(text, "respond")
    assert q.speaker is not None
    assert any(role in r for r in q.speaker.roles), q.speaker


def test_two_titles_are_both_kept() -> None:
    text = (
        "Pentagon spokesman Jonathan Hoffman said the bases were targeted.\n\n"
        "“We are working on it,” said Hoffman, the Assistant to the Secretary of Defense for Public Affairs."
    )
    q = only(text, "working on it")
    assert q.speaker is not None
    roles = " | ".join(q.speaker.roles)
    assert "Pentagon spokesman" in roles and "Assistant to the Secretary of Defense" in roles


def test_a_surname_goes_to_the_namesake_the_honorific_fits() -> None:
    text = (
        "President Obama spoke in Ohio. Advisers to Mr. Obama and the first lady, Michelle Obama, said the campaign "
        "would go on.\n\n“This election is about you,” Mr. Obama told the crowd."
    )
    q = only(text, "about you")
    assert q.speaker is not None and q.speaker.name == "Obama"


def test_a_description_of_a_named_person_resolves_like_a_pronoun() -> None:
    text = (
        "Ivana Novak presented the plan on Monday. She said fathers would not be eligible, and when pressed on why, "
        "the 34-year-old mother of three replied, “It is meant to benefit the mother who has given birth.”"
    )
    q = only(text, "meant to benefit")
    assert q.speaker is not None and q.speaker.name == "Ivana Novak"
    assert q.speaker_mention is not None and q.speaker_mention.text == "the 34-year-old mother of three"


def test_a_quote_with_no_cue_goes_on_in_the_words_of_the_person_just_introduced() -> None:
    text = (
        "“We will win Ohio,” Governor Ron Hale said.\n\n"
        "On “Meet the Press,” Sen. Amy Lund identified the cost of housing as the issue of the year. "
        "“Young families are sick and tired of paying half their income in rent.”"
    )
    q = only(text, "sick and tired")
    assert q.speaker is not None and q.speaker.name == "Amy Lund"


def test_a_quote_with_no_cue_still_follows_on_when_no_one_new_is_introduced() -> None:
    text = "“We will win Ohio,” Governor Ron Hale said on Monday. The polls opened early. “Nobody will stop us now.”"
    q = only(text, "Nobody will stop")
    assert q.speaker is not None and q.speaker.name == "Ron Hale"


def test_a_relative_clause_is_the_weaker_attachment_of_a_quote() -> None:
    text = (
        "At a panel in Washington, Marc Lane, the chief executive of the League, told a student who suggested that "
        "some people may not vote because of frustration that “this is not the first generation to be frustrated "
        "and not voting is not a viable strategy.”"
    )
    q = only(text, "first generation")
    assert q.speaker is not None and q.speaker.name == "Marc Lane"


def test_transcript_turns_are_the_labelled_speakers_words() -> None:
    text = (
        "Republican vice-presidential nominee Mike Pence spoke to Chris Wallace on Sunday.\n\n"
        "Partial transcript as follows:\n\n"
        '"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n'
        '"PENCE: Gennifer Flowers will not be attending the debate.\n\n'
        '"But the truth is that Donald Trump has a unique way of communicating.\n\n'
        '"(CROSSTALK.)\n\n'
        '"WALLACE: Thank you, Governor."\n\n'
        "Plain turns work too:\n\n"
        "WALLACE: Is that a promise?\n\n"
        "PENCE: It is."
    )
    quotes = [q for q in quotebank.extract(text) if q.kind is QuoteKind.DIRECT]
    got = [(q.text, q.speaker.name if q.speaker else None) for q in quotes]
    assert got == [
        ("Will Gennifer Flowers be there tomorrow night?", "Chris Wallace"),
        ("Gennifer Flowers will not be attending the debate.", "Mike Pence"),
        ("But the truth is that Donald Trump has a unique way of communicating.", "Mike Pence"),
        ("Thank you, Governor.", "Chris Wallace"),
        ("Is that a promise?", "Chris Wallace"),
        ("It is.", "Mike Pence"),
    ]
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert q.speaker_mention is not None and q.speaker_mention.text in ("WALLACE", "PENCE")
    # no reported speech is read inside a turn
    assert not [q for q in quotebank.extract(text) if q.kind is QuoteKind.INDIRECT and q.start > text.index("WALLACE")]


def test_a_paragraph_introduced_by_a_cue_and_a_colon_is_a_block_quote() -> None:
    text = (
        "Governor Pat Reilly spoke to the radio host on Tuesday. The governor added:\n\n"
        "It is typical of my opponent. She knows nothing, but the mouth never stops.\n\n"
        "The host did not reply."
    )
    (q,) = [q for q in quotebank.extract(text) if q.kind is QuoteKind.DIRECT]
    assert q.text == "It is typical of my opponent. She knows nothing, but the mouth never stops."
    assert text[q.start : q.end] == q.text and q.marks == ""
    assert q.speaker is not None and q.speaker.name == "Pat Reilly"
    # and the reported speech inside it is not read as the writer's
    assert not [i for i in quotebank.extract(text) if i.kind is QuoteKind.INDIRECT and i.start >= q.start]


def test_a_colon_without_a_cue_introduces_no_block_quote() -> None:
    text = "The Latest on the race (all times EDT):\n\n7 p.m. Polls are closing in Ohio and Florida."
    assert [q for q in quotebank.extract(text) if q.kind is QuoteKind.DIRECT] == []


def test_a_single_quoted_direct_quote_is_not_also_reported_speech() -> None:
    text = "'This is a budget for the Treasury, not for families,' Mrs Badenoch told MPs."
    quotes = quotebank.extract(text)
    assert [(q.kind, q.text) for q in quotes] == [
        (QuoteKind.DIRECT, "This is a budget for the Treasury, not for families,")
    ]
    assert quotes[0].speaker is not None and quotes[0].speaker.role is None  # "Mrs" is an honorific, not a role


def test_a_programme_title_after_an_outlet_is_not_speech() -> None:
    text = 'Speaking on CNN\'s "State of the Union," Bolton said the chat should never have been set up.'
    assert [q.kind for q in quotebank.extract(text)] == [QuoteKind.INDIRECT]
    (title,) = [q for q in quotebank.extract(text, include_scare=True) if q.kind is QuoteKind.SCARE]
    assert title.text == "State of the Union,"


def test_a_cue_less_quote_after_a_copular_sentence_about_a_person_is_theirs() -> None:
    text = (
        "“We take every concern seriously,” Karen Mills, a hospital spokeswoman, wrote in an email.\n\n"
        "Maria Gonzalez was unimpressed. “That is what they always say.”"
    )
    q = only(text, "always say")
    assert q.speaker is not None and q.speaker.name == "Maria Gonzalez"
    assert q.cue is None  # no reporting verb: the speaker is inferred, not cued


def test_a_complaint_speaks_for_whoever_filed_it() -> None:
    text = (
        "Maria Gonzalez worked nights at the hospital for eleven years.\n\n"
        "Her complaint, filed in March, accused the hospital of understaffing its emergency room."
    )
    (q,) = [q for q in quotebank.extract(text) if q.kind is QuoteKind.INDIRECT]
    assert q.text == "the hospital of understaffing its emergency room"
    assert q.speaker is not None and q.speaker.name == "Maria Gonzalez"


@pytest.mark.parametrize(
    "text",
    [
        "Chancellor defends budget as Tory leader calls it 'a tax raid on working people'\n\n"
        "Rachel Reeves has defended her budget.",
        "The minister defended the budget as the opposition leader, Kemi Badenoch, called it “a tax raid on working "
        "people”.",
    ],
)
def test_a_quote_naming_the_object_of_a_naming_verb_is_its_words(text: str) -> None:
    q = only(text, "tax raid")
    assert q.cue is not None and q.cue.text in ("calls", "called")
    assert q.speaker is not None and "leader" in (q.speaker.role or "")
