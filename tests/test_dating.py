"""Dating: the date of the events a passage tells, with the rules readers expect."""

import pytest

from tools.dating import EventCue, date_passages, find_dates, section_date
from tools.model import Passage
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
    assert section_date(("Since October 2020",)).iso() == "2020-10"
    assert dated("Tensions grew between the two.", section=("Operations", "November 2015")) == [("2015-11", "section heading")]


def test_a_day_without_a_year_takes_it_from_the_section():
    result = dated("On 17 November 2015, bombers struck.", "On 8 December, a submarine fired missiles.", section=("Operations",))
    assert result[1] == ("2015-12-08", "text, year from context")
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
    assert dated("Nothing is said about when.", item_date="2017-11-22") == [("2017-11-22", "item date")]
    assert dated("Nothing is said about when.") == [(None, "")]


def test_event_cues_date_passages_whose_date_is_only_implied():
    cue = EventCue(re.compile(r"fall of (the )?Assad", re.I), "2024-12")
    assert dated("After the fall of Assad, the bases were in doubt.", cues=[cue]) == [("2024-12", "event cue")]
    assert dated("In 2015, long before the fall of Assad.", cues=[cue])[0][0] == "2015"


def test_numbers_that_are_not_years_are_ignored():
    assert find_dates("Resolution 2254 and 2,500 fighters, 1999.5 and 3M-14T") == []
    for text in ("Some 2000 troops arrived.", "About 1800 people fled.", "Resolution 2042 passed.", "At 2030 GMT the strikes began.", "Flight 9268 crashed."):
        assert find_dates(text) == [], text


def test_years_with_a_rough_qualifier_are_found():
    assert dated("Talks resumed in mid-2015.")[0][0] == "2015"
    assert dated("By late-2016 the city had fallen.")[0][0] == "2016"
