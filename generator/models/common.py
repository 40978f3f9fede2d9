"""Reusable field types and validators shared by every document model.

Every scalar arrives from the strict loader as a string (no implicit YAML typing),
so the conversions below define exactly what a clerk may write.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
)

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
BE_OFFSET = 543


class Strict(BaseModel):
    """Base for all data models: unknown keys are errors, whitespace is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False)


def to_arabic_digits(text: str) -> str:
    return text.translate(THAI_DIGITS)


def normalize_text(value: str) -> str:
    """Collapse runs of whitespace (YAML folding, copy-paste) into single spaces."""
    return " ".join(value.split())


def check_slug(value: str) -> str:
    if not SLUG_RE.fullmatch(value) or len(value) > 64:
        raise ValueError(
            "รหัสต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (-) เท่านั้น ยาวไม่เกิน 64 ตัว"
            " (hint: lowercase ASCII slug such as 'sao-bueng-prue')"
        )
    if value in WINDOWS_DEVICES:
        raise ValueError(f"ใช้ '{value}' เป็นรหัสไม่ได้ เพราะเป็นชื่อสงวนของระบบ Windows")
    return value


# Numbers as clerks write them: Thai or Arabic digits, optional thousands commas in groups of three,
# optional decimals and a trailing "บาท". "-" alone means zero (as in printed budget tables).
_NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_BAHT_SUFFIX = re.compile(r"\s*บาท$")
MAX_NUMBER_DIGITS = 20  # Why: '1e999999' or a 20,000-digit number would hang or crash the formatting


def parse_number(value: Any) -> Any:
    """Accept Thai digits, thousands separators and a trailing 'บาท' (e.g. '๕,๐๐๐ บาท'); see README."""
    if not isinstance(value, str):
        return value
    text = _BAHT_SUFFIX.sub("", to_arabic_digits(value).strip())
    if text == "-":
        return "0"
    if text == "":
        return value
    if not _NUMBER.fullmatch(text):
        raise ValueError(f"'{value}' ไม่ใช่ตัวเลข{_number_hint(text)} (hint: write a number such as 5000 or 5,000)")
    digits = text.replace(",", "").lstrip("-")
    if len(digits.replace(".", "")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"ตัวเลขยาวเกิน {MAX_NUMBER_DIGITS} หลัก")
    return text.replace(",", "")


def _number_hint(text: str) -> str:
    if text.endswith(".-"):
        return " ไม่ต้องเขียน .- ท้ายจำนวนเงิน ให้เขียนเช่น 5,000"
    if re.fullmatch(r"-?[\d,]+(\.\d+)?", text):
        return " เครื่องหมายจุลภาค (,) ต้องคั่นทุก 3 หลัก เช่น 1,500 ถ้าเป็นทศนิยมให้ใช้จุด เช่น 1.5"
    if re.fullmatch(r"-?\d+(\.\d+)?\s*บ\.?", text):
        return " ให้เขียนคำว่า บาท เต็ม หรือเขียนเฉพาะตัวเลข"
    return ""


def parse_fiscal_year(value: Any) -> Any:
    """A fiscal year is a Buddhist-era year; a Gregorian year gets a hint instead of a silent fix."""
    # Why not parse_number: "2,564 บาท" is an amount of money, not a year, even though its digits fit.
    text = to_arabic_digits(value).strip() if isinstance(value, str) else str(value)
    if not re.fullmatch(r"[0-9]+", text):
        raise ValueError(f"'{value}' ไม่ใช่ปีงบประมาณ (ตัวอย่าง: 2567){_year_hint(value)}")
    year = int(text)
    if 1900 <= year <= 2200:
        raise ValueError(
            f"ปี {year} ดูเหมือนเป็นปี ค.ศ. ปีงบประมาณต้องเขียนเป็น พ.ศ. เช่น {year + BE_OFFSET}"
            " (hint: fiscal years are Buddhist-era years, CE + 543)"
        )
    if 0 <= year <= 99:
        raise ValueError(f"ปี '{value}' มีเพียง 2 หลัก ให้เขียนปี พ.ศ. เต็ม 4 หลัก เช่น {2500 + year}")
    return year


def _year_hint(value: Any) -> str:
    if isinstance(value, str) and re.search(r"(พ\.ศ\.|ค\.ศ\.|ปี)", value):
        return " ให้เขียนเฉพาะตัวเลขปี พ.ศ. ไม่ต้องมีคำว่า พ.ศ. หรือ ปี"
    if isinstance(value, str) and re.search(r"(,|บาท)", value):
        return " ค่านี้ดูเหมือนจำนวนเงิน ปีต้องเป็นตัวเลข 4 หลักล้วน ไม่มีจุลภาคหรือคำว่า บาท"
    return ""


def parse_iso_date(value: Any) -> Any:
    """Dates are ISO-8601 Gregorian (ค.ศ.); a Buddhist-era year written there is caught with a hint."""
    if isinstance(value, dt.date) or not isinstance(value, str):
        return value
    text = to_arabic_digits(value.strip())
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not match:
        raise ValueError(f"'{value}' ไม่ใช่วันที่แบบ ปปปป-ดด-วว (ค.ศ.) เช่น 2023-10-01{_date_hint(text)}")
    year, month, day = (int(part) for part in match.groups())
    if year >= 2400:
        raise ValueError(
            f"วันที่ '{value}' ใช้ปี พ.ศ. แต่ช่องนี้ต้องเป็นปี ค.ศ. เช่น {year - BE_OFFSET}-{month:02d}-{day:02d}"
            " (hint: ISO dates use the Gregorian year, BE − 543)"
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"วันที่ '{value}' ไม่มีอยู่จริงในปฏิทิน") from None


def _date_hint(text: str) -> str:
    """For 'วว/ดด/ปปปป' (the usual Thai order, often a พ.ศ. year) suggest the ISO form."""
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if not match:
        return ""
    day, month, year = (int(part) for part in match.groups())
    year = year - BE_OFFSET if year >= 2400 else year
    return f" (วันที่นี้ให้เขียนเป็น {year:04d}-{month:02d}-{day:02d})"


# What editors check (JSON Schema, via yaml-language-server). YAML 1.2 reads 2567 as a number and "2,567" as text,
# so each number accepts both forms, with the same digits, commas and "บาท" that parse_number accepts.
_D = "[0-9๐-๙]"
_DIGITS = f"({_D}{{1,3}}(,{_D}{{3}})+|{_D}+)"
YEAR_PATTERN = "^[2๒]([4-6๔-๖]" + _D + "{2}|[7๗][0๐]{2})$"
BAHT_PATTERN = f"^(-|{_DIGITS}(\\.{_D}+)?\\s*(บาท)?)$"
COUNT_PATTERN = f"^(-|{_DIGITS})$"
DATE_PATTERN = f"^([0-1๐-๑]{_D}{{3}}|[2๒][0-3๐-๓]{_D}{{2}})-{_D}{{1,2}}-{_D}{{1,2}}$"
YEAR_SCHEMA = {
    "anyOf": [{"type": "integer", "minimum": 2400, "maximum": 2700}, {"type": "string", "pattern": YEAR_PATTERN}]
}
BAHT_SCHEMA = {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": BAHT_PATTERN}]}
COUNT_SCHEMA = {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": COUNT_PATTERN}]}
DATE_SCHEMA = {"type": "string", "pattern": DATE_PATTERN}
# Why: pydantic writes no key schema for dict[FiscalYear, …], so editors would take any key as a year.
YEAR_KEYS: dict[str, Any] = {"propertyNames": {"pattern": YEAR_PATTERN}}

Slug = Annotated[str, AfterValidator(check_slug), Field(json_schema_extra={"pattern": SLUG_RE.pattern})]
Text = Annotated[str, AfterValidator(normalize_text), Field(min_length=1)]
FiscalYear = Annotated[int, BeforeValidator(parse_fiscal_year), Field(ge=2400, le=2700), WithJsonSchema(YEAR_SCHEMA)]
Baht = Annotated[Decimal, BeforeValidator(parse_number), Field(ge=0, decimal_places=2), WithJsonSchema(BAHT_SCHEMA)]
Count = Annotated[int, BeforeValidator(parse_number), Field(ge=0), WithJsonSchema(COUNT_SCHEMA)]
IsoDate = Annotated[dt.date, BeforeValidator(parse_iso_date), WithJsonSchema(DATE_SCHEMA)]
MissionCode = Annotated[str, Field(pattern=r"^[1-4]\.[1-9]$")]
SubMissionCode = Annotated[str, Field(pattern=r"^[1-4]\.[1-9]\.[1-9]$")]
Numerals = Literal["arabic", "thai"]
Group = Literal["mandatory", "selective", "context"]


# --- rich text blocks -------------------------------------------------------------------------------


class Target(Strict):
    """A KPI target stated on a card, e.g. 'ไม่น้อยกว่าร้อยละ 80'."""

    comparator: Literal["at_least", "at_most", "exactly", "decrease", "increase"] = Field(
        title="เงื่อนไข", description="ไม่น้อยกว่า / ไม่เกิน / เท่ากับ / ลดลง / เพิ่มขึ้น"
    )
    value: Annotated[Decimal, BeforeValidator(parse_number)] | None = Field(None, title="ค่าเป้าหมาย")
    unit: Text | None = Field(None, title="หน่วย", description="เช่น ร้อยละ, ครั้ง, ฉบับ, ช่องทาง, คะแนน")


class ListItem(Strict):
    """One item of a list; `label` keeps printed numbering such as '2.1)' when it carries meaning."""

    label: Annotated[str, Field(max_length=20)] | None = Field(None, title="เลขกำกับ")
    text: Text = Field(title="ข้อความ")
    target: Target | None = Field(None, title="ค่าเป้าหมาย (ตัวชี้วัด)")
    items: list[ItemIn] = Field(default_factory=list, title="รายการย่อย")


class TableBlock(Strict):
    caption: Text | None = Field(None, title="ชื่อตาราง")
    header: list[Text] = Field(default_factory=list, title="หัวตาราง")
    rows: list[list[Text]] = Field(title="แถว")


class ListBlock(Strict):
    list: list[ItemIn] = Field(title="รายการ")
    ordered: bool = Field(False, title="เรียงเลขอัตโนมัติ", description="true = ใส่เลข 1. 2. 3. ให้อัตโนมัติ")


class TableWrapper(Strict):
    table: TableBlock = Field(title="ตาราง")


def _item_kind(value: Any) -> str:
    return "text" if isinstance(value, str) else "item"


def _block_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "table" if "table" in value else "list"
    return "text" if isinstance(value, str) else "list"


ItemIn = Annotated[
    Annotated[Text, Tag("text")] | Annotated[ListItem, Tag("item")],
    Discriminator(_item_kind),
]
Block = Annotated[
    Annotated[Text, Tag("text")] | Annotated[ListBlock, Tag("list")] | Annotated[TableWrapper, Tag("table")],
    Discriminator(_block_kind),
]
Blocks = list[Block]
ListItem.model_rebuild()
ListBlock.model_rebuild()


class Person(Strict):
    """An official named in a document. Name, phone and e-mail are published only when `publish` is true."""

    name: Text | None = Field(None, title="ชื่อ-สกุล")
    position: Text | None = Field(None, title="ตำแหน่ง")
    office: Text | None = Field(None, title="สังกัด/ส่วนงาน")
    phone: Text | None = Field(None, title="โทรศัพท์")
    email: Text | None = Field(None, title="อีเมล")
    publish: bool = Field(
        False,
        title="เผยแพร่ชื่อและช่องทางติดต่อได้",
        description="true เฉพาะบุคคลที่เผยแพร่ได้ (เช่น ผู้บริหารตาม OIT) ค่าเริ่มต้นคือไม่เผยแพร่",
    )

    def public_label(self) -> str:
        """What may appear on the site: position and office always; name only when publishable."""
        parts = [self.name if self.publish and self.name else None, self.position, self.office]
        return " ".join(p for p in parts if p) or "ไม่ระบุ"


_HTTP_RE = re.compile(r"^https?://[^\s<>\"'`]+$")
_SITE_PATH_RE = re.compile(r"^/(?!/)[A-Za-z0-9._~%\-/]*$")


def check_link(value: str) -> str:
    """An evidence link: an http(s) URL or a path inside this site ('/unit/...'); nothing else can run."""
    if _HTTP_RE.fullmatch(value) or (_SITE_PATH_RE.fullmatch(value) and "/../" not in value + "/"):
        return value
    raise ValueError(
        f"ลิงก์ '{value}' ใช้ไม่ได้ ต้องขึ้นต้นด้วย http:// หรือ https:// หรือเป็นที่อยู่ในเว็บไซต์นี้ที่ขึ้นต้นด้วย / (hint: URL or site path)"
    )


Link = Annotated[str, AfterValidator(check_link)]


class Erratum(Strict):
    """One deliberate change from the printed source, shown to readers under 'แก้ไขจากต้นฉบับ'."""

    where: Text = Field(title="ตำแหน่ง", description="ช่องหรือส่วนที่แก้ เช่น 'โครงการ 6 วิธีดำเนินการ' หรือ 'ข้อ e12'")
    original: Text | None = Field(None, title="ข้อความตามต้นฉบับ", description="เว้นว่างเมื่อเป็นการเพิ่มข้อความที่ขาด")
    corrected: Text | None = Field(None, title="ข้อความที่แก้ไข", description="เว้นว่างเมื่อเป็นการตัดข้อความออก")
    reason: Text = Field(title="เหตุผล")
    layout: bool = Field(
        False,
        title="เป็นการจัดรูปแบบ",
        description="true = ข้อความตามต้นฉบับและที่แก้ไขเป็นคำอธิบายการย้าย รวม แยก หรือจัดกลุ่มข้อความ ไม่ใช่ถ้อยคำที่พิมพ์",
    )


Errata = Annotated[list[Erratum], Field(default_factory=list, title="แก้ไขจากต้นฉบับ")]
