import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from generator import thaifmt


def test_fiscal_year_starts_on_first_of_october():
    assert thaifmt.fiscal_year_of(dt.date(2023, 9, 30)) == 2566
    assert thaifmt.fiscal_year_of(dt.date(2023, 10, 1)) == 2567
    assert thaifmt.fiscal_year_bounds(2567) == (dt.date(2023, 10, 1), dt.date(2024, 9, 30))


def test_dates_use_buddhist_era_and_thai_months():
    assert thaifmt.format_date(dt.date(2023, 10, 1)) == "1 ตุลาคม 2566"
    assert thaifmt.format_date(dt.date(2022, 5, 1), "month") == "พฤษภาคม 2565"
    assert thaifmt.format_date(dt.date(2022, 4, 8), short=True) == "8 เม.ย. 2565"
    assert thaifmt.format_date_range(dt.date(2023, 10, 1), dt.date(2024, 9, 30)) == "1 ตุลาคม 2566 – 30 กันยายน 2567"


def test_fiscal_year_labels():
    assert thaifmt.format_fiscal_year(2567) == "ปีงบประมาณ พ.ศ. 2567"
    assert thaifmt.format_fiscal_years([2570, 2566, 2567, 2568, 2569]) == "ปีงบประมาณ พ.ศ. 2566 – 2570"
    assert thaifmt.format_fiscal_years([2566, 2568]) == "ปีงบประมาณ พ.ศ. 2566, 2568"


def test_baht_and_budget_cells():
    assert thaifmt.format_baht(Decimal(5000)) == "5,000 บาท"
    assert thaifmt.format_baht(Decimal("1234.5")) == "1,234.50 บาท"
    assert thaifmt.format_baht(0) == "ไม่ใช้งบประมาณ"
    assert thaifmt.format_baht(None) == "ไม่ใช้งบประมาณ"
    assert thaifmt.format_amount_cell(0) == "-"
    assert thaifmt.format_amount_cell(125000) == "125,000"


def test_thai_digits():
    assert thaifmt.digits("113,000 บาท", "thai") == "๑๑๓,๐๐๐ บาท"
    assert thaifmt.digits("2567", "arabic") == "2567"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_every_day_lies_inside_its_fiscal_year(day):
    start, end = thaifmt.fiscal_year_bounds(thaifmt.fiscal_year_of(day))
    assert start <= day <= end


@given(st.integers(min_value=0, max_value=10**12))
def test_baht_round_trips_through_thai_digits(amount):
    from generator.models.common import parse_number

    text = thaifmt.digits(thaifmt.format_baht(amount), "thai")
    assert Decimal(parse_number(text) if amount else 0) == amount
