"""data/units/<unit-id>/complaints-<fy>.yml — complaint statistics (สถิติเรื่องร้องเรียน) for one fiscal year.

Aggregates only: there is deliberately no field for a complainant, an accused person or a case. Every
breakdown is optional, because a source may give only the total (unknown ≠ zero).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from ...models.common import (
    BE_OFFSET,
    Blocks,
    Count,
    Errata,
    FiscalYear,
    IsoDate,
    Link,
    Slug,
    Strict,
    Text,
    to_arabic_digits,
)

OTHER_CHANNEL = "other"
OTHER_CHANNEL_LABEL = "อื่น ๆ"
CATEGORY_LABELS: dict[str, str] = {"general": "ร้องเรียนทั่วไป", "corruption": "ทุจริตและประพฤติมิชอบ"}
OUTCOME_LABELS: dict[str, str] = {
    "completed": "ดำเนินการแล้วเสร็จ",
    "in_progress": "อยู่ระหว่างดำเนินการ",
    "forwarded": "ส่งต่อหน่วยงานอื่น",
    "rejected": "ไม่รับพิจารณา",
}


def parse_year_month(value: Any) -> Any:
    """'2023-10' (ค.ศ.); a Buddhist-era year gets the same hint as dates do."""
    if not isinstance(value, str):
        return value
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", to_arabic_digits(value.strip()))
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"'{value}' ไม่ใช่เดือนแบบ ปปปป-ดด (ค.ศ.) เช่น 2023-10")
    year, month = int(match.group(1)), int(match.group(2))
    if year >= 2400:
        raise ValueError(
            f"เดือน '{value}' ใช้ปี พ.ศ. แต่ช่องนี้ต้องเป็นปี ค.ศ. เช่น {year - BE_OFFSET}-{month:02d}"
            " (hint: months use the Gregorian year, BE − 543)"
        )
    return f"{year:04d}-{month:02d}"


def check_office_phone(value: str) -> str:
    if not re.fullmatch(r"[0-9๐-๙ ,\-()]+", value):
        raise ValueError(f"'{value}' ไม่ใช่หมายเลขโทรศัพท์ (ใช้ได้เฉพาะตัวเลข ขีด วงเล็บ และจุลภาค)")
    return value


YearMonth = Annotated[str, BeforeValidator(parse_year_month)]
OfficePhone = Annotated[str, AfterValidator(check_office_phone)]


class Channel(Strict):
    id: Slug = Field(title="รหัสช่องทาง", description="ใช้ใน by_channel; 'other' สงวนไว้สำหรับ อื่น ๆ")
    name: Text = Field(title="ชื่อช่องทาง", description="เช่น โทรศัพท์ / สายด่วน 1555, เว็บไซต์, Facebook")
    corruption: bool = Field(False, title="ช่องทางเฉพาะเรื่องร้องเรียนการทุจริต", description="true = แยกต่างหากจากช่องทางทั่วไป")
    detail: Text | None = Field(None, title="วิธีใช้ช่องทาง")
    phone: OfficePhone | None = Field(
        None, title="หมายเลขโทรศัพท์ของหน่วยงานที่รับเรื่อง", description="เฉพาะหมายเลขของหน่วยงาน ไม่ใช่ของบุคคล"
    )
    url: Link | None = Field(None, title="ลิงก์")


class SubType(Strict):
    name: Text = Field(title="ประเภทย่อย")
    count: Count = Field(title="จำนวน (เรื่อง)")


class CategoryCount(Strict):
    total: Count = Field(title="จำนวนรวม (เรื่อง)")
    subtypes: list[SubType] = Field(default_factory=list, title="ประเภทย่อย")


class ByCategory(Strict):
    general: CategoryCount | None = Field(None, title="ร้องเรียนทั่วไป")
    corruption: CategoryCount | None = Field(None, title="ทุจริตและประพฤติมิชอบ")

    def items(self) -> list[tuple[str, CategoryCount]]:
        return [(key, value) for key in CATEGORY_LABELS if (value := getattr(self, key)) is not None]


class Outcome(Strict):
    completed: Count = Field(title="ดำเนินการแล้วเสร็จ")
    in_progress: Count = Field(title="อยู่ระหว่างดำเนินการ")
    forwarded: Count = Field(0, title="ส่งต่อหน่วยงานอื่น")
    rejected: Count = Field(0, title="ไม่รับพิจารณา")

    @property
    def total(self) -> int:
        return self.completed + self.in_progress + self.forwarded + self.rejected


class ComplaintStats(Strict):
    kind: Literal["complaint_statistics"] = Field("complaint_statistics", title="ชนิดเอกสาร")
    fiscal_year: FiscalYear = Field(title="ปีงบประมาณ")
    example: bool = Field(False, title="ข้อมูลตัวอย่าง", description="true = ข้อมูลสมมุติ หน้าเว็บจะแจ้งว่าเป็นข้อมูลตัวอย่าง")
    scope: Text | None = Field(None, title="ขอบเขตของข้อมูล", description="เช่น เรื่องกล่าวหา ร้องเรียนการทุจริต ทั้งกรุงเทพมหานคร")
    as_of: IsoDate = Field(title="ข้อมูล ณ วันที่ (ค.ศ.)")
    source: Text = Field(title="ที่มาของข้อมูล", description="เช่น ทะเบียนรับเรื่องร้องเรียน, ระบบ PESCA")
    source_document: Text | None = Field(None, title="เอกสารที่อ้างถึงตัวเลข")
    compiled_by: Text | None = Field(None, title="ผู้ประมวลผลข้อมูล (หน่วยงาน)")
    received: Count = Field(title="จำนวนเรื่องที่รับทั้งหมด")
    by_month: dict[YearMonth, Count] | None = Field(
        None, title="จำนวนเรื่องที่รับรายเดือน", description="เดือนแบบ ปปปป-ดด (ค.ศ.) เว้นว่าง = ไม่มีข้อมูลรายเดือน"
    )
    channels: list[Channel] = Field(default_factory=list, title="ช่องทางรับเรื่องร้องเรียนของหน่วยงาน")
    by_channel: dict[Slug, Count] | None = Field(
        None, title="จำนวนตามช่องทาง", description="รหัสช่องทาง: จำนวน; other = อื่น ๆ"
    )
    by_category: ByCategory | None = Field(None, title="จำนวนตามประเภทเรื่อง")
    outcome: Outcome | None = Field(None, title="ผลการดำเนินการ")
    standard_days: Count | None = Field(None, title="มาตรฐานระยะเวลาดำเนินการ (วัน)")
    within_standard: Count | None = Field(None, title="จำนวนที่ดำเนินการแล้วเสร็จภายในมาตรฐาน")
    guideline: Blocks = Field(default_factory=list, title="แนวทางการจัดการเรื่องร้องเรียน")
    guideline_link: Link | None = Field(None, title="ลิงก์แนวทาง/คู่มือการจัดการเรื่องร้องเรียน")
    problems: Blocks = Field(default_factory=list, title="ปัญหา อุปสรรค และแนวทางแก้ไข")
    errata: Errata
