"""Durations, budgets and hierarchy codes as printed in a plan → the plan's values, or a report line.

Only what the text states is filled: "1 ตุลาคม 2566 – 30 กันยายน 2567" gives dates (ค.ศ.) and the fiscal year;
"5,000 บาท" over a five-year duration is NOT spread over the years (the card does not say per year or in
total), so it is reported instead.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ...thaifmt import BE_OFFSET, MONTHS, fiscal_year_of
from ...thaifmt import NO_BUDGET as PLAIN_NO_BUDGET
from .docx_blocks import THAI_TO_ARABIC

D = "[0-9๐-๙]"
DASHES = "-–—"
FISCAL_RANGE = re.compile(rf"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*({D}{{4}})(?:\s*[{DASHES}]\s*({D}{{4}}))?")
DATE = rf"({D}{{1,2}})\s*({'|'.join(MONTHS)})\s*(?:พ\.ศ\.)?\s*({D}{{4}})"
DATE_RANGE = re.compile(rf"{DATE}\s*[{DASHES}]\s*(?:ถึง\s*)?{DATE}")
NO_BUDGET = re.compile(r"ไม่(?:ใช้|มี)งบประมาณ")
AMOUNT = re.compile(rf"({D}{{1,3}}(?:,{D}{{3}})+|{D}+)(?:\.({D}{{1,2}}))?\s*บาท")


def arabic(text: str) -> str:
    return text.translate(THAI_TO_ARABIC)


def parse_duration(text: str) -> tuple[dict[str, Any], str | None]:
    """{text, fiscal_years | start/end} and a problem to report (or None)."""
    duration: dict[str, Any] = {"text": text}
    fiscal = FISCAL_RANGE.search(text)
    dates = DATE_RANGE.search(text)
    if dates:
        start, end = _date(*dates.groups()[:3]), _date(*dates.groups()[3:])
        if start is None or end is None:
            return duration, "วันที่ในระยะเวลาไม่มีอยู่จริงในปฏิทิน จึงเก็บเป็นข้อความเท่านั้น"
        if start > end:
            return duration, "วันเริ่มอยู่หลังวันสิ้นสุด จึงเก็บเป็นข้อความเท่านั้น โปรดตรวจต้นฉบับ"
        duration |= {"start": start.isoformat(), "end": end.isoformat()}
        duration["fiscal_years"] = [str(y) for y in range(fiscal_year_of(start), fiscal_year_of(end) + 1)]
        return duration, None
    if fiscal:
        first = int(arabic(fiscal.group(1)))
        last = int(arabic(fiscal.group(2) or fiscal.group(1)))
        if last < first:
            return duration, "ปีสิ้นสุดน้อยกว่าปีเริ่ม จึงเก็บเป็นข้อความเท่านั้น"
        duration["fiscal_years"] = [str(y) for y in range(first, last + 1)]
        return duration, None
    return duration, "อ่านวันที่หรือปีงบประมาณจากข้อความไม่ได้ จึงเก็บเป็นข้อความเท่านั้น"


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(arabic(year)) - BE_OFFSET, MONTHS.index(month) + 1, int(arabic(day)))
    except ValueError:
        return None


def parse_budget(text: str, years: list[str]) -> tuple[dict[str, Any], str | None]:
    """{budget: {year: amount}} or {budget_text: …} or {} with the reason it could not be read."""
    if NO_BUDGET.search(text):
        return ({} if text == PLAIN_NO_BUDGET else {"budget_text": text}), None
    amounts = AMOUNT.findall(text)
    if not amounts:
        return {}, "อ่านจำนวนเงินเป็นตัวเลขไม่ได้ (เช่น เขียนเป็นตัวอักษร) ให้เขียนเป็นตัวเลข เช่น 5,000 บาท"
    if len(amounts) > 1:
        return {}, "มีจำนวนเงินหลายจำนวน ไม่ทราบว่าเป็นของปีใด ให้ใส่ budget รายปีเอง"
    whole, _ = amounts[0]
    amount = single_amount(text)
    if len(years) != 1:
        where = "ไม่มีระยะเวลาดำเนินการ" if not years else f"ระยะเวลามี {len(years)} ปีงบประมาณ"
        return {}, f"งบประมาณ {whole} บาท แต่{where} ไม่ทราบว่าเป็นงบต่อปีหรือรวมทุกปี ให้ใส่ budget รายปีเอง"
    return {"budget": {years[0]: amount}}, None


def single_amount(text: str) -> str | None:
    """The one amount of a budget text, as digits ("5,000 บาท" → "5000"); None for none or several."""
    amounts = AMOUNT.findall(text)
    if len(amounts) != 1:
        return None
    whole, cents = amounts[0]
    return arabic(whole).replace(",", "") + (f".{arabic(cents)}" if cents else "")


CODE = re.compile(rf"^({D})\.({D})(?:\.({D}))?(?:\s*\(({D}+)\))?\s*(.*)$")


def parse_code(text: str) -> tuple[str, str | None, str | None, str] | None:
    """ "๒.๒.๒ (๖) มาตรการ…" → ("2.2", "2.2.2", "(๖)", "มาตรการ…"); None when the text has no such code."""
    match = CODE.match(text.strip())
    if not match:
        return None
    dim, mission, sub, item, rest = match.groups()
    code = f"{arabic(dim)}.{arabic(mission)}"
    return code, (f"{code}.{arabic(sub)}" if sub else None), (f"({item})" if item else None), rest.strip()
