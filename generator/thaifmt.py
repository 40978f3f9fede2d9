"""Thai formatting, in one place: digits, พ.ศ. dates, month names, fiscal years and baht."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

BE_OFFSET = 543
ARABIC_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
NO_BUDGET = "ไม่ใช้งบประมาณ"


def thai_digits(text: str) -> str:
    return text.translate(ARABIC_TO_THAI)


def digits(text: object, numerals: str = "arabic") -> str:
    """Render `text` with the unit's numerals ('thai' → ๐-๙)."""
    return thai_digits(str(text)) if numerals == "thai" else str(text)


def be_year(year_ce: int) -> int:
    return year_ce + BE_OFFSET


def fiscal_year_of(day: dt.date) -> int:
    """The Thai fiscal year (พ.ศ.) containing `day`: 1 Oct starts the next one."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    year_ce = fiscal_year - BE_OFFSET
    return dt.date(year_ce - 1, 10, 1), dt.date(year_ce, 9, 30)


def format_date(day: dt.date, precision: str = "day", short: bool = False) -> str:
    """'1 ตุลาคม 2566' (or 'ตุลาคม 2566' / '2566' for coarser precision)."""
    month = (MONTHS_SHORT if short else MONTHS)[day.month - 1]
    if precision == "year":
        return str(be_year(day.year))
    if precision == "month":
        return f"{month} {be_year(day.year)}"
    return f"{day.day} {month} {be_year(day.year)}"


def format_date_range(start: dt.date, end: dt.date) -> str:
    return f"{format_date(start)} – {format_date(end)}"


def format_fiscal_year(year: int) -> str:
    return f"ปีงบประมาณ พ.ศ. {year}"


def format_fiscal_years(years: list[int]) -> str:
    """'ปีงบประมาณ พ.ศ. 2567' or 'ปีงบประมาณ พ.ศ. 2566 – 2570' for a consecutive run."""
    ordered = sorted(set(years))
    if not ordered:
        return ""
    if len(ordered) == 1:
        return format_fiscal_year(ordered[0])
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"ปีงบประมาณ พ.ศ. {ordered[0]} – {ordered[-1]}"
    return "ปีงบประมาณ พ.ศ. " + ", ".join(str(y) for y in ordered)


def format_number(value: Decimal | int) -> str:
    """Thousands separators; satang only when present ('113,000', '1,234.50')."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,.2f}"


def format_baht(value: Decimal | int | None) -> str:
    """'5,000 บาท'; zero or missing → 'ไม่ใช้งบประมาณ'."""
    if value is None or Decimal(value) == 0:
        return NO_BUDGET
    return f"{format_number(value)} บาท"


def format_amount_cell(value: Decimal | int) -> str:
    """Budget-table cell: '-' for zero, as the official tables print it."""
    return "-" if Decimal(value) == 0 else format_number(value)


def format_percent(value: Decimal | int | float) -> str:
    return f"ร้อยละ {format_number(Decimal(str(value)).quantize(Decimal('0.01')).normalize())}"
