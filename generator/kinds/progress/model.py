"""data/units/<unit-id>/progress-<fy>-<6m|12m>.yml — what was done about the plan in one reporting round.

One file per round: the 6-month round (1 Oct – 31 Mar) and the 12-month round (the whole fiscal year).
A published round keeps its own file and URL; the next round is a new file, never an overwrite.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from ...models.common import Baht, Blocks, FiscalYear, IsoDate, Link, Slug, Strict, Text, parse_number
from ...thaifmt import fiscal_year_bounds

Status = Literal["ยังไม่ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ", "ยกเลิก"]
STATUSES: tuple[str, ...] = ("ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ", "ยกเลิก")
# The progress % each status allows (ยกเลิก: whatever was reached before the project was stopped).
STATUS_PERCENT: dict[str, tuple[int, int, str]] = {
    "ยังไม่ดำเนินการ": (0, 0, "0"),
    "อยู่ระหว่างดำเนินการ": (1, 99, "1–99"),
    "ดำเนินการแล้วเสร็จ": (100, 100, "100"),
}
Round = Literal["6m", "12m"]
ROUND_LABELS: dict[str, str] = {"6m": "รอบ 6 เดือน", "12m": "รอบ 12 เดือน"}
EVIDENCE_TYPES = Literal["เอกสาร", "ภาพถ่าย", "หน้าเว็บ"]

Percent = Annotated[int, BeforeValidator(parse_number), Field(ge=0, le=100)]
PlanPeriodRef = Annotated[str, Field(pattern=r"^\d{4}-\d{4}$")]


class Milestone(Strict):
    date: IsoDate = Field(title="วันที่ (ค.ศ. ปปปป-ดด-วว)")
    text: Text = Field(title="สิ่งที่ดำเนินการ")


class Evidence(Strict):
    title: Text = Field(title="ชื่อหลักฐาน")
    url: Link = Field(title="ลิงก์", description="http(s):// หรือที่อยู่ในเว็บไซต์นี้ขึ้นต้นด้วย /")
    type: EVIDENCE_TYPES = Field("เอกสาร", title="ประเภท", description="เอกสาร / ภาพถ่าย / หน้าเว็บ")


class OutputResult(Strict):
    """What was achieved against one KPI target of the project card (or a plain output)."""

    kpi: Annotated[int, BeforeValidator(parse_number), Field(ge=1)] | None = Field(
        None,
        title="ตัวชี้วัดที่",
        description="ลำดับของค่าเป้าหมายในบัตรโครงการ นับผลผลิตก่อนแล้วต่อด้วยผลลัพธ์ เริ่มที่ 1",
    )
    value: Annotated[Decimal, BeforeValidator(parse_number)] | None = Field(None, title="ผลที่ได้ (ตัวเลข)")
    unit: Text | None = Field(None, title="หน่วย", description="เว้นว่าง = ใช้หน่วยของค่าเป้าหมาย")
    text: Text | None = Field(None, title="ผลผลิตที่ได้ (ข้อความ)")


class ProjectProgress(Strict):
    project: Slug = Field(title="รหัสโครงการในแผน")
    status: Status = Field(title="สถานะ")
    progress: Percent = Field(title="ความก้าวหน้า (ร้อยละ)", description="0 = ยังไม่ดำเนินการ, 100 = แล้วเสร็จ")
    spent: Baht | None = Field(None, title="ใช้จ่ายสะสมตั้งแต่ต้นปีงบประมาณ (บาท)", description="เว้นว่าง = ไม่ได้ใช้จ่าย")
    cancel_reason: Text | None = Field(None, title="เหตุผลที่ยกเลิก", description="ต้องระบุเมื่อสถานะเป็น ยกเลิก")
    overspend_reason: Text | None = Field(None, title="เหตุผลที่ใช้จ่ายเกินงบประมาณ")
    change_note: Text | None = Field(None, title="คำอธิบายการเปลี่ยนแปลงจากรอบก่อน")
    outputs: list[OutputResult] = Field(default_factory=list, title="ผลผลิตที่ได้เทียบค่าเป้าหมาย")
    milestones: list[Milestone] = Field(default_factory=list, title="การดำเนินงานตามลำดับวันที่")
    evidence: list[Evidence] = Field(default_factory=list, title="หลักฐาน (เอกสาร ภาพถ่าย หน้าเว็บ)")
    problems: Blocks = Field(default_factory=list, title="ปัญหา อุปสรรค")
    suggestions: Blocks = Field(default_factory=list, title="ข้อเสนอแนะ")


class ProgressReport(Strict):
    kind: Literal["progress_report"] = Field("progress_report", title="ชนิดเอกสาร")
    plan: PlanPeriodRef = Field(title="แผนที่รายงาน (ปีเริ่ม-ปีสิ้นสุด)", description="เช่น 2566-2570")
    fiscal_year: FiscalYear = Field(title="ปีงบประมาณที่รายงาน")
    round: Round = Field(title="รอบรายงาน", description="6m = 1 ต.ค. – 31 มี.ค., 12m = ทั้งปีงบประมาณ")
    report_date: IsoDate = Field(title="ข้อมูล ณ วันที่ (ค.ศ.)", description="ต้องอยู่ในรอบรายงาน")
    example: bool = Field(False, title="ข้อมูลตัวอย่าง", description="true = ข้อมูลสมมุติ หน้าเว็บจะแจ้งว่าเป็นข้อมูลตัวอย่าง")
    reported_by: Text | None = Field(None, title="หน่วยงาน/ส่วนงานที่รายงาน")
    summary: Blocks = Field(default_factory=list, title="สรุปผลการดำเนินงาน")
    problems: Blocks = Field(default_factory=list, title="ปัญหา อุปสรรค (ภาพรวม)")
    suggestions: Blocks = Field(default_factory=list, title="ข้อเสนอแนะ (ภาพรวม)")
    projects: list[ProjectProgress] = Field(min_length=1, title="ผลการดำเนินงานรายโครงการ")

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        """First and last day of the round."""
        first, last = fiscal_year_bounds(self.fiscal_year)
        return (first, dt.date(last.year, 3, 31)) if self.round == "6m" else (first, last)

    @property
    def round_label(self) -> str:
        return ROUND_LABELS[self.round]

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.fiscal_year, 6 if self.round == "6m" else 12)
