"""Dating: the date of the events a passage tells, with the rules readers expect."""

import pytest

import datetime as dt

from tools.dating import EventCue, date_passages, find_dates, resolve_relative, section_date
from tools.model import PartialDate, Passage
import re


def dated(*texts, section=(), item_date=None, cues=(), subject=None):
    passages = [Passage(id=f"p{n}", source="s.txt", first_line=n, last_line=n, text=text, section=section, item_date=item_date) for n, text in enumerate(texts)]
    date_passages(passages, list(cues), subject)
    return [(p.date, p.date_basis) for p in passages]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 30 September 2015, strikes began.", "2015-09-30"),
        ("On September 30, 2015 strikes began.", "2015-09-30"),
        ("In November 2015, a jet was lost.", "2015-11"),
        ("In mid-May 2016, a base was attacked.", "2016-05"),
        ("By 2012 the operation was covert.", "2012"),
        ("Signed on 2017-01-18 in Damascus.", "2017-01-18"),
        ("Signed on 14.03.2016 in Moscow.", "2016-03-14"),  # day first, dotted
        ("Signed on 09/30/2015 in Moscow.", "2015-09-30"),  # month first: the day-first reading is impossible
        ("Signed on 2015.09.30 in Moscow.", "2015-09-30"),
        ("Signed on 30-IX-2015 in Moscow.", "2015-09-30"),  # the month in Roman numerals
        ("Posted 2016-03-05T14:05:00Z by the desk.", "2016-03-05"),  # an ISO timestamp
        ("Filed 2016-3-5 by the desk.", "2016-03-05"),
        ("Filed 05-MAR-2016 by the desk.", "2016-03-05"),  # a month in capitals, as stamps write it
        ("ALEPPO, 13 DEC 2016 - The last buses left.", "2016-12-13"),
        ("Signed on 10.V.2010 in Damascus.", "2010-05-10"),
        ("A vote given le 30 septembre 2015 by all senators.", "2015-09-30"),  # a French date in English text
        ("More than 1,000 civilians and $2015 million.", None),
    ],
)
def test_explicit_dates_at_day_month_or_year_precision(text, expected):
    assert dated(text)[0][0] == expected


def test_the_first_date_of_the_passage_is_the_date_of_its_events():
    assert dated("On 26 August 2015 a treaty was signed; it was ratified in October 2016.")[0][0] == "2015-08-26"


def test_headings_give_years_and_months_to_the_passages_below():
    assert section_date(("Operations", "November 2015")).iso() == "2015-11"
    assert section_date(("Political efforts", "2015", "September")).iso() == "2015-09"
    assert section_date(("Since October 2020",)) is None  # a start, not a date of the passages below
    assert dated("Tensions grew between the two.", section=("Operations", "November 2015")) == [("2015-11", "the section heading")]


def test_a_day_without_a_year_takes_it_from_the_section():
    result = dated("On 17 November 2015, bombers struck.", "On 8 December, a submarine fired missiles.", section=("Operations",))
    assert result[1] == ("2015-12-08", "stated, year from the context")
    under_heading = dated("On 1 August the ministry spoke.", section=("Political efforts", "2011"))
    assert under_heading[0][0] == "2011-08-01"


@pytest.mark.parametrize(
    "text, item_date, expected",
    [
        ("A jet was shot down on Saturday.", "2018-02-03", "2018-02-03"),  # the item's own day
        ("The plane was lost early Tuesday.", "2018-09-20", "2018-09-18"),
        ("Talks ended last month.", "2016-11-23", "2016-10"),
        ("The economy shrank this year.", "2016-11-23", "2016"),
        ("On March 15 Putin ordered the withdrawal.", "2016-09-30", "2016-03-15"),
        ("Putin ordered the drawdown on Dec. 29.", "2017-01-06", "2016-12-29"),  # the latest 29 December before the item
    ],
)
def test_relative_expressions_resolve_against_the_item_date(text, item_date, expected):
    assert dated(text, item_date=item_date)[0][0] == expected


def test_a_passage_without_any_date_takes_its_item_date_or_stays_undated():
    assert dated("Nothing is said about when.", item_date="2017-11-22") == [("2017-11-22", "the item's date")]
    assert dated("Nothing is said about when.") == [(None, "")]


def test_event_cues_date_passages_whose_date_is_only_implied():
    cue = EventCue(re.compile(r"fall of (the )?Assad", re.I), "2024-12")
    assert dated("After the fall of Assad, the bases were in doubt.", cues=[cue]) == [("2024-12", "the event it names")]
    assert dated("In 2015, long before the fall of Assad.", cues=[cue])[0][0] == "2015"


def test_numbers_that_are_not_years_are_ignored():
    assert find_dates("Resolution 2254 and 2,500 fighters, 1999.5 and 3M-14T") == []
    for text in ("Some 2000 troops arrived.", "About 1800 people fled.", "Resolution 2042 passed.", "At 2030 GMT the strikes began.", "Flight 9268 crashed."):
        assert find_dates(text) == [], text


def test_years_with_a_rough_qualifier_are_found():
    assert dated("Talks resumed in mid-2015.")[0][0] == "2015"
    assert dated("By late-2016 the city had fallen.")[0][0] == "2016"


# --- a year merely mentioned does not date a passage (issue 9) ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "For the lion's share of the period of Ukrainian independence, since 1991, the regime in Kyiv has looked west.",
        "The tactics have been compared to those used in the Battle of Grozny (1999–2000).",
        "The bombing was the worst since 2012, residents say.",
        "Casualties were higher than in 2014.",
        "Analysts still debate the 2013 deal on chemical weapons.",
        "From 9 November to 24 December 2012 he was interim commander of the district.",  # a term of office
        "From February to December 2024 he chaired the society.",
    ],
)
def test_since_ranges_parentheses_comparisons_and_names_do_not_date_a_passage(text):
    assert dated(text)[0] == (None, "")


def test_a_month_range_of_events_still_dates_its_passage_but_a_term_of_office_does_not():
    assert dated("From 14 to 17 March 2016 the main force flew home from Hmeimim.")[0][0] == "2016-03-17"
    assert dated("From 9 November to 24 December 2012 he was interim commander.")[0] == (None, "")


def test_a_reported_speech_date_beats_a_biography_span():
    text = "Former UK ambassador to Russia from 2004 to 2008, Tony Brenton, said in April 2012 that Moscow would not budge."
    assert dated(text)[0] == ("2012-04", "stated")


def test_the_date_of_a_document_the_text_names_dates_it_only_when_nothing_else_does():
    vote = "On 7 October 2016 Russia vetoed a French draft."
    ratified = "The same week the Duma ratified the agreement signed in Damascus on 26 August 2015."
    assert dated(vote, ratified)[1] == ("2016-10", "“The same week”: from the passage before")
    assert dated("The memorandum of 4 May 2017 is still cited by both sides.")[0][0] == "2017-05-04"
    # the adoption or signing that the text tells is its date
    assert dated("The Security Council adopted a resolution on 18 December 2015; talks opened in Geneva in February 2016.")[0][0] == "2015-12-18"
    assert dated("Putin signed a decree on 14 March 2016 ordering the main force home; it was carried out by the end of April 2016.")[0][0] == "2016-03-14"


def test_a_day_without_a_year_goes_on_with_the_story_the_passage_before_told_in_an_earlier_year():
    def article(*texts):  # paragraphs of a web article published on 8 March 2023
        passages = [Passage(id=f"p{n}", source="a.txt", first_line=n, last_line=n, text=text, item_date="2023-03-08") for n, text in enumerate(texts)]
        date_passages(passages, [], item_is_news=False)
        return [passage.date for passage in passages]

    assert article("On 21 September 2015 Netanyahu flew to Moscow to meet Putin.", "Back home on 22 September, Netanyahu said Israel would go on acting.") == ["2015-09-21", "2015-09-22"]
    assert article("Talks opened on 21 September 2015.", "On 1 March the envoy returned to Damascus.")[1] == "2023-03-01"  # news of the article's own weeks


def test_an_impossible_day_is_refused_rather_than_moved_to_another_year():
    assert dated("On February 29th the talks resumed.", item_date="2013-05-02")[0] == ("2013-05-02", "the item's date")
    assert dated("On February 29th the talks resumed.", item_date="2024-05-02")[0] == ("2024-02-29", "stated, year from the context")


def test_a_relative_weekday_resolves_against_the_item_date_backwards_or_forwards_by_tense():
    assert dated("Lavrov landed in Damascus on Tuesday.", item_date="2012-02-07")[0][0] == "2012-02-07"
    assert dated("The plane was lost early Tuesday.", item_date="2018-09-20")[0][0] == "2018-09-18"
    assert resolve_relative("from Saturday", dt.date(2017, 5, 5), forward=True) == PartialDate(2017, 5, 6)  # the future: forwards
    # ... though a plan's passage is dated to the report that tells it (see the test of planned days)
    assert dated("Fighting is to stop in these areas from Saturday.", item_date="2017-05-05")[0][0] == "2017-05-05"


def test_in_a_news_item_a_year_in_the_background_does_not_displace_the_item_date():
    assert dated("Russia had halted an S-300 delivery in 2013 at Israel's request.", item_date="2018-09-24")[0] == ("2018-09-24", "the item's date")
    assert dated("The Astana process opened on 23-24 January at the Rixos hotel.", item_date="2017-05-05")[0] == ("2017-01-23", "stated, year from the context")


def test_a_day_recalled_after_a_news_items_undated_lead_is_background_to_it():
    text = "Russia and China voted down the draft. Thirteen members voted for it. The first double veto came on 4 October last year."
    assert dated(text, item_date="2012-02-04")[0] == ("2012-02-04", "the item's date")
    # In the lead itself the day is the news; within a month of the item it may be too.
    assert dated("On 4 October last year Russia and China vetoed a draft.", item_date="2012-02-04")[0][0] == "2011-10-04"
    assert dated("The Council met. Russia had vetoed a draft on 20 January.", item_date="2012-02-04")[0][0] == "2012-01-20"


def test_the_following_tuesday_and_that_same_friday_count_from_the_day_told_before_not_from_the_report():
    result = dated(
        "In the early hours of 7 April 2017 Tomahawks hit the Shayrat airfield.",
        "Very little changed. Jets were taking off from Shayrat again that same Friday afternoon.",
        "The following Tuesday the ministry mocked the whole operation.",
        "Moscow's line, as Zakharova put it the Saturday after the strike, was clear.",
        item_date="2017-12-13",
    )
    assert [date for date, _ in result] == ["2017-04-07", "2017-04-07", "2017-04-11", "2017-04-15"]
    # That same Friday after a day that was no Friday: which one cannot be told.
    assert dated("On 11 April 2017 the ministry spoke.", "Jets flew again that same Friday.", item_date="2017-12-13")[1][0] is None


def test_a_sentence_after_a_speakers_name_is_no_definition_whose_later_dates_would_be_ignored():
    passages = [Passage("p1", "s.txt", 1, 1, "COMMODORE McBRIDE: Because this time the claim is a different one. Last Wednesday General Gerasimov said so.", item_date="2017-12-13")]
    date_passages(passages, [], None, item_is_news=False)
    assert passages[0].date == "2017-12-06"


def test_a_weekday_beside_a_day_without_a_year_chooses_the_year_in_which_that_day_was_that_weekday():
    assert dated("Obama spoke on the evening of Tuesday 10 September.", section=("2011",))[0][0] == "2013-09-10"
    assert dated("Obama spoke on Saturday 10 September.", section=("2011",))[0][0] == "2011-09-10"


def test_a_long_item_that_moves_to_another_story_stops_lending_its_lead_day_to_undated_passages():
    result = dated(
        "1/ A Russian general was killed in eastern Syria yesterday.",
        "2/ The bomb went off by the road near the oilfield.",
        "7/ 1 March: Turkey announced Operation Spring Shield.",
        "9/ Putin's line after the talks: they have found common ground.",
        item_date="2020-08-19",
    )
    assert [date for date, _ in result] == ["2020-08-18", "2020-08-18", "2020-03-01", "2020-08-19"]


def test_a_turn_of_a_transcript_is_dated_when_it_was_said():
    text = "SPOKESPERSON: Last Saturday, 14 April, the United States launched missiles at Syria."
    assert dated(text, item_date="2018-04-19")[0] == ("2018-04-19", "the date it was said (the transcript's date)")
    # a live page's update is not a speaker: its "on Friday" counts from the item's date
    update = "UPDATE (6 May, 08:15): Pentagon spokesman Jeff Davis said on Friday that Russia had not called."
    assert dated(update, item_date="2017-05-04")[0] == ("2017-05-05", "“on Friday”, from the item's date")  # counted from the update's 6 May


def test_a_turn_that_counts_its_day_from_the_briefing_tells_of_that_day():
    # "Yesterday", "on Monday": the speaker dates what happened, as a wire would; a turn without
    # its own day, or with a recent day named, is of the day it was said (the test above)
    assert dated("QUESTION: Yesterday Turkey said the second joint patrol had been completed.", item_date="2020-03-24")[0] == ("2020-03-23", "“Yesterday”, from the item's date")


def test_a_day_still_to_come_dates_nothing_even_without_a_verb_of_the_future():
    # "meet in Belgrade next week": a proposal of the item's day, not an event of next week
    assert dated("Lavrov suspended visa-free travel. Cavusoglu proposed that the two ministers meet in Belgrade next week.", item_date="2015-11-27")[0] == ("2015-11-27", "the item's date")


def test_a_turn_that_goes_back_further_than_the_last_months_tells_history_as_an_article_would():
    result = dated(
        "HALE: Then, on 9 September last year, Lavrov called on Damascus to hand over its weapons.",
        "HALE: The following day Lavrov said the plan was not purely Russian.",
        "HALE: On 14 September, after three days of talks, Kerry and Lavrov agreed a framework.",  # 2013: the year being told
        "ESTEVEZ: Where does that leave Moscow today?",
        item_date="2014-06-25",
    )
    assert [date for date, _ in result] == ["2013-09-09", "2013-09-10", "2013-09-14", "2014-06-25"]


def test_a_day_without_a_year_far_before_its_report_takes_the_year_being_told():
    result = dated("In October 2019 Turkey launched its offensive.", "On 22 October Putin and Erdogan signed a memorandum in Sochi.", item_date="2020-08-27")
    assert [date for date, _ in result] == ["2019-10", "2019-10-22"]
    # With no year being told, it stays undated rather than guessed: the report's own date.
    assert dated("On 22 October Putin and Erdogan signed a memorandum in Sochi.", item_date="2020-08-27")[0][0] == "2020-08-27"


def test_by_that_time_and_the_next_day_lean_on_the_passage_before():
    result = dated("On 30 September 2015 Russian jets struck near Homs.", "By that time the coalition had been active for a year.", "The next day they struck again.")
    assert [date for date, _ in result] == ["2015-09-30", "2015-09-30", "2015-10-01"]
    assert result[1][1] == "“By that time”: the date of the passage before"


def test_a_row_or_entry_opening_with_same_day_or_next_day_leans_on_the_one_before():
    rows = ("Sun 8 Dec 2024 | Rebels enter Damascus.", "same evening | Assad is said to be in Moscow.", "next day | Peskov declines to comment.")
    assert [date for date, _ in dated(*rows)] == ["2024-12-08", "2024-12-08", "2024-12-09"]
    assert dated(rows[0], "next evening | Lavrov speaks.")[1][0] == "2024-12-09"
    assert dated(rows[0], "following night | Strikes on Latakia.")[1][0] == "2024-12-09"
    assert dated(rows[0], "Next day's talks were cancelled, the ministry said.")[1][0] != "2024-12-09"
    assert dated("He left for the next day's talks.")[0] == (None, "")  # only at the opening, without "the"


def test_an_article_about_one_event_passes_its_date_to_passages_that_give_none():
    from tools.dating import subject_date

    lead = Passage(id="p0", source="s.md", first_line=1, last_line=1, text="On 24 November 2015, a Turkish F-16 shot down a Russian Su-24 near the border.")
    assert subject_date("2015 Russian Su-24 shootdown", [], [lead]).iso() == "2015-11-24"
    assert subject_date("Tartus naval facility", [], [lead]) is None  # not about one dated event
    assert subject_date("Russian intervention", ["30 September 2015 – present"], [lead]) is None  # a span, not one event
    passages = [Passage(id=f"p{n}", source="s.md", first_line=n, last_line=n, text=text, section=section) for n, (text, section) in enumerate(
        [("The pilot ejected and was shot at from the ground.", ("Shootdown",)), ("Relations had been warm for a decade.", ("Background",))]
    )]
    date_passages(passages, [], PartialDate(2015, 11, 24), frozenset({"background"}))
    assert [(p.date, p.date_basis) for p in passages] == [("2015-11-24", "the article's event"), (None, "")]
    assert passages[0].date_inferred


def test_a_year_named_in_passing_in_a_section_about_the_articles_event_gives_way_to_that_event():
    result = dated(
        "Netanyahu telephoned Putin that evening.",
        "Putin declined to compare the case with the Su-24 shot down by Turkey in 2015.",
        "In 2015 Russia had begun its air campaign.",  # a year that opens the passage is its time
        section=("Responses",),
        subject=PartialDate(2018, 9, 17),
    )
    assert [date for date, _ in result] == ["2018-09-17", "2018-09-17", "2015"]


def test_a_post_that_tells_no_news_before_a_far_date_is_of_that_date():
    """A blog post of 2017 that looks back: its paragraphs' own dates, not the post's news day."""
    post = [
        "The agreement signed on Wednesday lets Russia keep its Tartus facility for 49 years.",
        "Tartus has been Moscow's foothold for a long time. In 1971, the Soviet Union signed a deal to lease a port there.",
        "The squadron was disbanded on 31 December 1992, a year after the Soviet collapse.",
        "When Assad came to Moscow in January 2005, the Kremlin announced on 25 January that it would write off most of the debt.",
        "The same day Assad told students that Syria was entitled to buy Igla missiles.",
    ]
    assert [date for date, _ in dated(*post, item_date="2017-01-21")] == ["2017-01-18", "1971", "1992-12-31", "2005-01-25", "2005-01-25"]
    in_passing = dated("A paper identified one of the men filmed in 2017 beating a prisoner.", item_date="2019-11-22")
    assert in_passing[0][0] == "2019-11-22"  # a year in passing, inside its sentence, is no story's time


def test_today_in_what_a_report_says_is_the_reports_day_not_the_news_told_before():
    texts = ["Yesterday Putin ordered the withdrawal.", "The ministry says several Su-34s took off from Hmeimim today."]
    assert [date for date, _ in dated(*texts, item_date="2016-03-15")] == ["2016-03-14", "2016-03-15"]


def test_what_a_news_item_says_someone_says_is_said_on_the_items_day_not_on_its_lead_day():
    texts = ["The statement agreed in Munich late on Thursday night commits its members to a truce.", "Mego Terzian says the author of the strike is clearly either the government or Russia."]
    assert [date for date, _ in dated(*texts, item_date="2016-02-15")] == ["2016-02-11", "2016-02-15"]


def test_a_shift_that_opens_a_passage_beats_a_day_told_inside_what_it_reports():
    texts = ["On 24 October the panel's report was sent to the Council.", "Two days later the report was out: the panel said the government was responsible for the release of sarin on 4 April."]
    assert [date for date, _ in dated(*texts, section=("2017",))] == ["2017-10-24", "2017-10-26"]
    beside = ["On 7 January 2018 drones attacked the base.", "A week earlier, on 31 December, two servicemen were killed in a shelling."]
    assert [date for date, _ in dated(*beside, item_date="2018-01-08")] == ["2018-01-07", "2017-12-31"]  # the day given beside the shift is its day


def test_an_infobox_whose_rows_are_passages_of_their_own_does_not_push_the_lead_out_of_reach():
    from tools.dating import subject_date

    rows = [Passage(id=f"p{n}", source="s.md", first_line=n, last_line=n, text=text) for n, text in enumerate(["Part of | Syrian civil war", "Target | Shayrat airbase", "Executed by | United States Navy", "Weapons | 59 Tomahawk missiles"])]
    lead = Passage(id="p9", source="s.md", first_line=9, last_line=9, text="The 2017 Shayrat missile strike was a cruise-missile attack on the morning of 7 April 2017.")
    assert subject_date("2017 Shayrat missile strike", [], [*rows, lead]).iso() == "2017-04-07"


def test_a_title_naming_a_one_day_event_without_a_year_still_gives_the_article_its_date():
    from tools.dating import subject_date

    lead = Passage(id="p0", source="s.md", first_line=1, last_line=1, text="On the night of 17 September 2018 a Russian Il-20 was shot down by a Syrian missile.")
    assert subject_date("Il-20 shootdown over Latakia", [], [lead]).iso() == "2018-09-17"
    assert subject_date("Battle of Aleppo", [], [lead]) is None  # a battle spans months: its first date is not every paragraph's
    assert subject_date("Mil Mi-28 attack helicopter", [], [lead]) is None  # "attack" here names a kind of aircraft


def test_an_event_infobox_date_row_gives_the_article_its_event_even_when_the_title_is_a_battle():
    from tools.dating import subject_date

    def lead(row: str) -> list[Passage]:
        infobox = Passage(id="p0", source="s.md", first_line=1, last_line=4, text=f"Battle of Khasham {row} Place: near Khasham, Deir ez-Zor Result: attack repulsed")
        return [infobox, Passage(id="p1", source="s.md", first_line=6, last_line=6, text="The column advanced after dark.")]

    assert subject_date("Battle of Khasham", [], lead("Date: 7–8 February 2018")).iso() == "2018-02-07"  # fought over one night: its first day
    assert subject_date("Battle of Khasham", [], lead("| Date | 7 February 2018 |")).iso() == "2018-02-07"  # a table row
    assert subject_date("Aleppo offensive", [], lead("Date: 15 November – 22 December 2016")) is None  # a campaign of weeks is not one event
    assert subject_date("Aleppo offensive", [], lead("Date: 1–22 December 2016")) is None
    assert subject_date("Russian intervention", [], lead("Date: 30 September 2015 – present")) is None
    assert subject_date("Battle of Khasham", [], lead("Date: 29 February 2013")) is None  # impossible: refused
    assert subject_date("Battle of Khasham", [], lead("Date: 7 and 28 February 2018")) is None  # two events
    assert subject_date("Battle of Khasham", [], lead("Date: 7/8 February 2018")) is None  # which of the two is not said
    report = [Passage(id="p0", source="s.md", first_line=1, last_line=1, text="Situation report Date: 12 March 2018 Prepared by: OCHA")]
    assert subject_date("Situation report", [], report) is None  # a document's date row, not an event's


def test_the_article_event_is_more_precise_than_a_heading_or_a_year_that_contains_it():
    passages = [
        Passage(id="p0", source="s.md", first_line=1, last_line=1, text="Ankara said the bomber had crossed the border.", section=("2015 Su-24 shootdown",)),
        Passage(id="p1", source="s.md", first_line=2, last_line=2, text="Relations had been warm.", section=("2015 Su-24 shootdown", "Background")),
    ]
    date_passages(passages, [], PartialDate(2015, 11, 24), frozenset({"background"}))
    assert [(p.date, p.date_basis) for p in passages] == [("2015-11-24", "the article's event"), ("2015", "the section heading")]


def test_a_shift_with_no_date_before_it_counts_from_the_article_event():
    passages = [
        Passage(id="p0", source="s.md", first_line=1, last_line=1, text="The navigator hid in woods until he was recovered the next morning.", section=("Shootdown",)),
        Passage(id="p1", source="s.md", first_line=2, last_line=2, text="Within a day, the governor said, food reached the city.", section=("Shootdown",)),
    ]
    date_passages(passages, [], PartialDate(2015, 11, 24))
    assert [(p.date, p.date_basis) for p in passages] == [
        ("2015-11-25", "“the next morning”: from the article's event"),
        ("2015-11", "“Within a day”: from the passage before"),  # that day's date, then the day after
    ]


def test_a_paragraph_that_goes_on_with_the_speaker_words_keeps_their_date():
    passages = [
        Passage(id="p0", source="s.md", first_line=1, last_line=1, text="On 27 March 2018 Mattis said a second clash had been avoided.", section=("Aftermath",)),
        Passage(id="p1", source="s.md", first_line=2, last_line=2, text="Mattis added that he still could not explain the attack.", section=("Aftermath",)),
        Passage(id="p2", source="s.md", first_line=3, last_line=3, text="Analysts have read the attack as a probe.", section=("Aftermath",)),
    ]
    date_passages(passages, [], None, item_is_news=False)
    assert [(p.date, p.date_basis) for p in passages] == [
        ("2018-03-27", "stated"),
        ("2018-03-27", "“added”: the date of the passage before"),
        (None, ""),  # analysis, no speaker going on: no date
    ]
    for text in ("Moscow later added Tu-22M3 bombers to the group.", "He later added, in an interview, that it was over.", "Fighting continued for weeks."):
        passages[1] = Passage(id="p1", source="s.md", first_line=2, last_line=2, text=text, section=("Aftermath",))
        date_passages(passages, [], None, item_is_news=False)
        assert passages[1].date is None, text  # not the same words going on: not the same day


def test_a_year_a_passage_states_is_not_narrowed_to_the_article_event_it_may_not_tell():
    passage = Passage(id="p0", source="s.md", first_line=1, last_line=1, text="In 2015 Russia also sent landing ships to the coast.", section=("Aftermath",))
    date_passages([passage], [], PartialDate(2015, 11, 24))
    assert passage.date == "2015"


def test_dates_after_the_build_are_never_used(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 1 January 2025
    assert dated("The base lease runs until a review in March 2040, officials said in 2024.")[0][0] == "2024"


def test_a_month_or_year_is_made_precise_by_the_event_the_passage_tells():
    from tools.dating import Context, date_passage

    text = "The operation was marred by a tragic incident last year after Turkish jets downed a Russian Su-24 bomber."
    passage = Passage(id="p", source="s.txt", first_line=1, last_line=1, text=text, item_date="2016-09-30")
    told = [(text.index("Turkish"), PartialDate(2015, 11, 24)), (text.index("operation"), PartialDate(2015, 9, 30))]
    date, basis = date_passage(passage, Context(item=PartialDate(2016, 9, 30)), [], told)
    assert (date.iso(), basis) == ("2015-11-24", "“last year”, from the item's date, made precise by the event it tells")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jets struck Palmyra last night, the ministry said.", "2016-03-13"),
        ("Peskov said this morning that the order stood.", "2016-03-14"),
        ("Officials said the day before yesterday that talks would go on.", "2016-03-12"),
    ],
)
def test_times_of_day_resolve_against_the_item_date(text, expected):
    assert dated(text, item_date="2016-03-14")[0][0] == expected


def test_a_day_without_a_year_is_not_put_eleven_months_before_its_report():
    """"On 20 February" in a report of 15 February 2018 is not 20 February 2017: another report's
    day spliced in, or the future. The passage keeps the report's own date rather than a wrong one."""
    assert dated("Moscow acknowledged on 28 February that citizens were wounded.", item_date="2018-02-15")[0][0] == "2018-02-15"
    assert dated("Putin ordered the drawdown on Dec. 29.", item_date="2017-01-06")[0][0] == "2016-12-29"


def test_a_day_without_a_year_a_few_days_after_its_report_is_that_day():
    """A snippet or a live blog is dated by its first post: it may tell of a day a little later."""
    assert dated("Moscow acknowledged on 20 February that citizens were wounded.", item_date="2018-02-15")[0][0] == "2018-02-20"


@pytest.mark.parametrize(
    "follow_up, expected",
    [
        ("Ten days later the first names of the dead were published.", "2018-02-17"),
        ("Two weeks earlier the build-up had begun.", "2018-01-24"),
        ("Several days later Moscow admitted the losses.", "2018-02"),  # somewhere in February: the month only
        ("Hours later the coalition confirmed the strike.", "2018-02-07"),
        ("Several weeks later the contractors' families were paid.", None),  # weeks, not days: not February for sure
        ("The previous week the build-up had begun.", None),  # back, not forward: 25 January to 2 February crosses a month
        ("Later that week Moscow admitted the losses.", "2018-02"),  # the week, not the day
        ("The next night the strikes resumed.", "2018-02-08"),
        ("Within a day the coalition confirmed the strike.", "2018-02"),  # that day or the next: the month only
        ("Within a few days the names were known.", "2018-02"),
    ],
)
def test_a_count_of_days_or_weeks_counts_from_the_passage_before(follow_up, expected):
    assert dated("On 7 February 2018 pro-government forces attacked near Khasham.", follow_up)[1][0] == expected


def test_a_wire_item_goes_on_telling_the_day_of_its_news_not_the_filing_day():
    result = dated(
        "Russia and China on Tuesday blocked a European draft resolution.",  # filed on Wednesday 5 October 2011
        "Ambassador Churkin told the council after the vote that the text carried an ultimatum.",
        item_date="2011-10-05",
    )
    assert [date for date, _ in result] == ["2011-10-04", "2011-10-04"]


def test_a_stated_background_day_in_an_item_is_not_its_news():
    result = dated("Russian strikes began on 30 September 2015.", "Putin cautioned that it was too early to draw conclusions.", item_date="2015-10-07")
    assert [date for date, _ in result] == ["2015-09-30", "2015-10-07"]


def test_a_shift_in_a_later_sentence_is_background_not_the_passage_time():
    result = dated("Russia today vetoed the draft.", "Nebenzia accused the West. In 2020 and 2022 the mandate had also lapsed and was renewed a day later.", item_date="2023-07-11")
    assert result[1][0] == "2023-07-11"


def test_an_article_paragraph_of_analysis_does_not_take_the_publication_date():
    passages = [
        Passage(id=f"p{n}", source="a.txt", first_line=n, last_line=n, text=text, item_date="2022-10-21")
        for n, text in enumerate(["The paper said the move removed an obstacle.", "For Israel the calculus is simpler.", "In a documentary aired in March 2018, Shoygu spoke of 210 weapons."])
    ]
    date_passages(passages, [], item_is_news=False)
    assert [p.date for p in passages] == ["2022-10-21", None, "2018-03"]


def test_an_article_paragraph_that_goes_on_with_a_story_of_last_year_does_not_take_the_publication_date():
    passages = [
        Passage(id=f"p{n}", source="a.txt", first_line=n, last_line=n, text=text, item_date="2020-08-27")
        for n, text in enumerate(["On 22 October 2019 Putin and Erdogan signed a memorandum in Sochi.", "A few days after the memorandum, the SDF command said its units had left."])
    ]
    date_passages(passages, [], item_is_news=False)
    assert [p.date for p in passages] == ["2019-10-22", None]  # not 27 August 2020: undated rather than wrong


def test_last_weekday_said_the_day_after_is_the_week_before():
    assert dated("Last Thursday, clashes on the coast turned into killings.", item_date="2025-03-14")[0][0] == "2025-03-06"  # a Friday


def test_a_present_tense_report_is_dated_when_it_is_said():
    result = dated("Prime minister Jalali says the last time he spoke to Assad was on Saturday.", item_date="2024-12-08")
    assert result[0][0] == "2024-12-08"
    assert dated("Wounded men are treated in Moscow even as the Kremlin denies a link; Peskov told reporters on Wednesday.", item_date="2018-02-16")[0][0] == "2018-02-14"


def test_the_article_event_is_read_from_its_lead_past_a_hatnote_that_gives_only_the_month():
    from tools.dating import subject_date

    lead = [
        Passage(id="p0", source="s.md", first_line=1, last_line=1, text="This covers the breakthrough of September 2017."),
        Passage(id="p1", source="s.md", first_line=2, last_line=2, text="The relief of the siege of Deir ez-Zor was the breakthrough on 5 September 2017."),
    ]
    assert subject_date("Relief of the siege of Deir ez-Zor (2017)", [], lead).iso() == "2017-09-05"


def test_a_paragraph_that_defines_its_subject_is_not_dated_by_the_history_it_mentions():
    passages = [
        Passage(id="p0", source="s.md", first_line=1, last_line=1, text=(
            "The naval facility in Tartus (Arabic: طرطوس; often written Tartous) is a repair point of the Russian Navy. "
            "It has been used under an arrangement concluded in 1971.")),
        Passage(id="p1", source="s.md", first_line=2, last_line=2, text=(
            "Khmeimim is an air base near Latakia. Russian aircraft first flew from it on 30 September 2015.")),
    ]
    date_passages(passages, [], None, item_is_news=False)
    assert [p.date for p in passages] == [None, None]  # what each place is, not an event of 1971 or 2015


def test_that_weekday_points_back_to_the_day_told_before_never_to_the_item_week():
    def after(before: str) -> list:
        passages = [
            Passage(id="p0", source="s.txt", first_line=1, last_line=1, text=before, item_date="2016-12-23"),
            Passage(id="p1", source="s.txt", first_line=2, last_line=2, text="That Monday a mortar round struck the field hospital.", item_date="2016-12-23"),
        ]
        date_passages(passages, [], None, item_is_news=False)
        return [(p.date, p.date_basis) for p in passages]

    assert after("On 5 December 2016 the army entered the old city.")[1] == ("2016-12-05", "“That Monday”: the date of the passage before")
    assert after("On 7 December 2016 the army entered the old city.")[1] == (None, "")  # a Wednesday: which Monday is not told
    # "that" as a conjunction: the item's Monday
    assert dated("The ministry said that Monday's strikes had killed 40 militants.", item_date="2017-09-27")[0] == ("2017-09-25", "“Monday”, from the item's date")


def test_an_article_paragraph_that_goes_on_with_yesterdays_story_keeps_its_day_but_the_present_is_the_publication_day():
    texts = [
        "The army announced yesterday evening that it had regained full control of the city.",  # published Friday 23 December 2016
        "State television showed the final buses crossing the junction outside the city.",  # the same story, told in the past
        "Roughly 500 troops remain in the area, which is what is left of the garrison.",  # the present: the publication day
        "For Moscow, the city is a vindication of its model.",  # analysis: no date
    ]
    passages = [Passage(id=f"p{n}", source="a.txt", first_line=n, last_line=n, text=text, item_date="2016-12-23") for n, text in enumerate(texts)]
    date_passages(passages, [], item_is_news=False)
    assert [p.date for p in passages] == ["2016-12-22", "2016-12-22", "2016-12-23", None]
    assert passages[1].date_basis == "the day of the passage before, whose story it goes on telling"
    # after a stated day, which is as often background, the paragraph is the publication day's
    passages = [Passage(id=f"p{n}", source="a.txt", first_line=n, last_line=n, text=text, item_date="2016-12-23")
                for n, text in enumerate(["The centre had declared on 20 December that the operation was over.", "Shoigu said all earlier attempts had failed."])]
    date_passages(passages, [], item_is_news=False)
    assert [p.date for p in passages] == ["2016-12-20", "2016-12-23"]


def test_a_date_in_an_aside_about_a_person_does_not_date_the_news():
    result = dated(
        "Russia yesterday killed a US draft on the investigative mechanism.",  # filed 16 November 2017
        "Vassily Nebenzia, who was appointed in July to succeed Vitaly Churkin, then withdrew a rival draft.",
        item_date="2017-11-16",
    )
    assert [date for date, _ in result] == ["2017-11-15", "2017-11-15"]  # the news of the item, not July
    # the same date as the clause's own time still dates it
    assert dated("Nebenzia was appointed in July 2017 to succeed Churkin.")[0][0] == "2017-07"


def test_a_day_planned_after_the_report_is_not_the_passage_date_the_report_is():
    result = dated(
        "Lavrov said Moscow hoped al-Sharaa would attend the first Russia-Arab League summit, planned for 15 October.",
        "The foreign ministers are to meet in Vienna on Friday.",  # filed Thursday 22 October 2015
        item_date="2015-10-22",
    )
    assert [date for date, _ in result] == ["2015-10-22", "2015-10-22"]
    passage = Passage(id="p0", source="a.txt", first_line=1, last_line=1, text="Under the memorandum the fighting is to stop in these areas from Saturday.", item_date="2017-05-05")
    date_passages([passage], [], item_is_news=False)
    assert (passage.date, passage.date_basis) == ("2017-05-05", "the item's date (it tells a plan for a later day)")


def test_only_the_paragraph_right_after_a_relative_day_goes_on_with_it_and_not_in_the_future_or_perfect():
    texts = [
        "The ministry announced yesterday that the talks were over.",  # published 15 December 2016
        "The delegations met in the hall the ministry had booked.",  # goes on: 14 December
        "Officials told reporters that the next round was planned.",  # no chain: the publication day
    ]
    passages = [Passage(id=f"p{n}", source="a.txt", first_line=n, last_line=n, text=text, item_date="2016-12-15") for n, text in enumerate(texts)]
    date_passages(passages, [], item_is_news=False)
    assert [p.date for p in passages] == ["2016-12-14", "2016-12-14", "2016-12-15"]
    for text in ("The next round will be held in Astana.", "Moscow has moved quickly since."):
        passages = [Passage(id=f"p{n}", source="a.txt", first_line=n, last_line=n, text=t, item_date="2016-12-15") for n, t in enumerate([texts[0], text])]
        date_passages(passages, [], item_is_news=False)
        assert passages[1].date != "2016-12-14", text


def test_a_weekday_that_opens_a_full_date_is_that_date_not_a_day_of_the_item_week():
    """"Tuesday, 24 Nov 2015" names one day: the weekday is part of it, not "on Tuesday"."""
    for text in ("Tuesday, 24 Nov 2015: Turkish F-16s shot down a Russian bomber.", "Officials said on Tuesday, 24 Nov 2015, a jet was lost.", "The jet was lost early Tuesday, 24 November 2015."):
        assert dated(text, item_date="2015-12-03")[0][0] == "2015-11-24", text  # not the Tuesday before 3 December


def test_a_day_of_that_year_takes_the_year_the_sentence_just_gave():
    result = dated(
        "Soviet sappers cleared mines from 1943 to 1971.",
        "The centre was set up under an order of 4 June 2014 and formally established on 1 August that year.",
    )
    assert result[1][0] == "2014-08-01"  # "established on 1 August" outweighs "an order of 4 June", and its year is 2014, not 1943
    assert dated("Soviet sappers cleared mines from 1943.", "It was formally established on 1 August that year.")[1][0] == "1943-08-01"


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("on Thursday last week", "2020-02-27"),  # filed Thursday 5 March 2020: the Thursday of the week before
        ("Monday of last week", "2020-02-24"),
        ("on Thursday", "2020-03-05"),
    ],
)
def test_a_weekday_of_last_week_is_that_day_of_the_week_before_the_report(expression, expected):
    assert dated(f"Tension between the two governments peaked {expression}.", item_date="2020-03-05")[0][0] == expected


def test_a_weekday_beside_its_date_is_that_date_not_a_weekday_counted_from_the_report():
    # An article of Monday 30 December 2024: "Saturday 7 December" is the 7th, not Saturday the 28th.
    assert dated("On Saturday 7 December Lavrov sat down in Doha.", item_date="2024-12-30")[0][0] == "2024-12-07"
    assert dated("Assad left in the early hours of Sunday, 8 December.", item_date="2024-12-30")[0][0] == "2024-12-08"
    assert dated("Lavrov flew to Doha on Saturday.", item_date="2024-12-30")[0][0] == "2024-12-28"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Last October a Russian air raid on a training camp killed dozens.", "2020-10"),  # the latest October before July 2021
        ("Last July the council cut the crossings to one.", "2020-07"),  # the report's own month is this July, not last
        ("We heard it before, in March of last year.", "2020-03"),
        ("It is the worst loss since the air campaign began last September.", "2021-07-12"),  # "since": background
    ],
)
def test_a_month_counted_back_from_the_report_is_that_month(text, expected):
    passages = [Passage(id="p0", source="s.txt", first_line=1, last_line=1, text=text, item_date="2021-07-12")]
    date_passages(passages, [], None, item_is_news=False)
    assert passages[0].date == expected


def test_a_month_counted_back_inside_a_news_item_is_background_to_its_news():
    text = "A Prigozhin-linked firm will take a quarter of the oil, Fontanka reported, citing a memorandum signed last December."
    assert dated(text, item_date="2017-06-26")[0][0] == "2017-06-26"


def test_a_pronoun_saying_more_goes_on_with_the_speech_of_the_passage_before():
    passages = [
        Passage(id="p0", source="s.txt", first_line=1, last_line=1, text="Putin spoke at his press conference on 19 December.", item_date="2024-12-30"),
        Passage(id="p1", source="s.txt", first_line=2, last_line=2, text="He said most parties wanted the bases to stay.", item_date="2024-12-30"),
        Passage(id="p2", source="s.txt", first_line=3, last_line=3, text="That Kremlin source also claimed the bases were safe.", item_date="2024-12-30"),
    ]
    date_passages(passages, [], None, item_is_news=False)
    assert [p.date for p in passages] == ["2024-12-19", "2024-12-19", "2024-12-19"]
    passages[1] = Passage(id="p1", source="s.txt", first_line=2, last_line=2, text="He said on 28 December that the bases would stay.", item_date="2024-12-30")
    date_passages(passages, [], None, item_is_news=False)
    assert passages[1].date == "2024-12-28"  # a date of its own: not the passage before's


def test_a_weekday_with_a_day_of_the_month_is_the_one_such_day_near_the_report():
    # Thursday 15 February 2018: the only Thursday the 15th from two months before the item to one after
    assert dated("On Thursday the 15th Maria Zakharova conceded that five Russians may have died.", item_date="2018-02-07")[0][0] == "2018-02-15"
    # "Friday the 13th of May" names its month: that day, not a Friday counted back from the report
    assert dated("Friday the 13th of May. Israeli jets hit a research complex near Masyaf.", item_date="2022-07-29")[0][0] == "2022-05-13"


def test_a_day_counted_from_the_articles_one_event_is_that_day_shifted_in_any_section():
    subject = PartialDate(2020, 2, 27)
    passages = [
        Passage(id="a", source="s.md", first_line=1, last_line=1, text="On the day of the strike, rebels retook the town of Saraqib.", section=("Background",)),
        Passage(id="b", source="s.md", first_line=2, last_line=2, text="Three days after the strike, Turkey announced Operation Spring Shield.", section=("Aftermath",)),
        Passage(id="c", source="s.md", first_line=3, last_line=3, text="A week after the attack the two presidents met in Moscow and agreed a ceasefire from 6 March.", section=("Aftermath",)),
    ]
    date_passages(passages, [], subject, background=frozenset({"background", "aftermath"}))
    assert [p.date for p in passages] == ["2020-02-27", "2020-03-01", "2020-03-05"]
    assert passages[1].date_basis == "“Three days after the strike”: from the article's event"


def test_an_articles_that_evening_with_no_day_told_before_it_is_left_undated_not_given_the_publication_day():
    passages = [
        Passage(id=f"p{n}", source="s.txt", first_line=n, last_line=n, text=text, item_date="2023-02-21")
        for n, text in enumerate([
            "On 11 February the ministry said rescuers had arrived in Jableh.",  # a Saturday
            "That Monday, some 300 servicemen started clearing the rubble.",  # no Monday told: the story has moved on
            "That evening an Il-76 took off for Syria with 50 rescuers.",
        ])
    ]
    date_passages(passages, [], item_is_news=False)
    assert [p.date for p in passages] == ["2023-02-11", None, None]


def test_a_yearless_month_told_after_a_later_month_leads_forward_to_the_articles_event():
    passages = [
        Passage(id="a", source="s.md", first_line=1, last_line=1, text="From December 2019 onwards the army pushed deep into southern Idlib.", section=("Background",)),
        Passage(id="b", source="s.md", first_line=2, last_line=2, text="In February Turkey moved thousands of soldiers into Idlib to halt the advance.", section=("Background",)),
    ]
    date_passages(passages, [], PartialDate(2020, 2, 27), background=frozenset({"background"}))
    assert [p.date for p in passages] == ["2019-12", "2020-02"]


def test_number_words_count_days_ago_from_the_items_date_but_not_until_then():
    assert dated("Eight days ago President Assad agreed to open two more crossings.", item_date="2023-02-21") == [("2023-02-13", "“Eight days ago”, from the item's date")]
    date, basis = dated("The crossings were shut until ten days ago, officials said.", item_date="2023-02-21")[0]
    assert "ten days ago" not in basis and date != "2023-02-11"


def test_another_event_or_a_date_the_sentence_states_is_not_counted_from_the_articles_event():
    subject = PartialDate(2017, 4, 7)
    texts = [
        "Three days after the chemical attack in Khan Shaykhun, the United States fired 59 Tomahawk missiles.",
        "The day after the attack on 4 April 2017, Russia said a rebel depot had been hit.",
    ]
    passages = [Passage(id=f"p{n}", source="s.md", first_line=n, last_line=n, text=text) for n, text in enumerate(texts)]
    date_passages(passages, [], subject)
    assert all("from the article's event" not in p.date_basis for p in passages)
    assert passages[1].date == "2017-04-04"


def test_that_morning_as_a_conjunction_is_no_anchor():
    dates = dated("On 20 November 2015 the ministry reported strikes near Latakia.", "Officials said that morning shelling killed five in Idlib.", item_date="2015-11-26")
    assert dates[1][1] != "“that morning”: the date of the passage before"


def test_since_a_day_when_something_happened_dates_it_to_that_day():
    assert dated("Two weeks have passed since 6 February, when two earthquakes struck nine hours apart.", item_date="2023-02-21")[0][0] == "2023-02-06"
    assert dated("Russia has kept troops there since 30 September 2015.", item_date="2023-02-21")[0][0] != "2015-09-30"


def test_a_weekday_still_to_come_in_a_news_item_dates_nothing():
    result = dated("He said he expected the consultations on Monday afternoon.", item_date="2024-12-08")  # a Sunday
    assert result[0][0] == "2024-12-08"  # the day he said it, not the Monday before nor the one after
    assert dated("The consultations were held on Monday, he said.", item_date="2024-12-08")[0][0] == "2024-12-02"
    assert dated("As expected, the talks on Monday ended without agreement.", item_date="2024-12-08")[0][0] == "2024-12-02"  # past
    assert dated("The ministry said it expected a response. On Tuesday, Russian jets struck Idlib.", item_date="2024-12-08")[0][0] == "2024-12-03"  # another sentence


def test_a_narration_that_has_moved_on_from_its_heading_takes_its_years_from_the_narration():
    result = dated(
        "In October 1980 Assad came to Moscow and signed a treaty.",
        "On 9 June 1982 Israeli jets destroyed the Syrian missile batteries.",
        "By mid-June a Soviet airlift was under way.",
        "The Kremlin, Western reports said, kept a veto over their use.",
        section=("[ARCHIVE: the Kremlin, October 1980]",),
    )
    assert [date for date, _ in result] == ["1980-10", "1982-06-09", "1982-06", "1982-06"]  # not June 1980, not October 1980
