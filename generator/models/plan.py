"""data/units/<unit-id>/plan-<from>-<to>.yml — the action plan and its project cards."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .common import (
    YEAR_KEYS,
    Baht,
    Blocks,
    Count,
    Errata,
    FiscalYear,
    Group,
    IsoDate,
    MissionCode,
    Slug,
    Strict,
    SubMissionCode,
    Text,
)

RiskLevel = Literal["ต่ำ", "ปานกลาง", "สูง", "สูงมาก"]


class Period(Strict):
    start: FiscalYear = Field(title="ปีงบประมาณเริ่มต้น")
    end: FiscalYear = Field(title="ปีงบประมาณสิ้นสุด")

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))


class Duration(Strict):
    text: Text | None = Field(None, title="ระยะเวลา (ข้อความ)", description="ถ้าเว้นว่าง ระบบจะเขียนให้จากปีหรือวันที่")
    fiscal_years: list[FiscalYear] = Field(default_factory=list, title="ปีงบประมาณที่ดำเนินการ")
    start: IsoDate | None = Field(None, title="วันเริ่ม (ค.ศ. ปปปป-ดด-วว)")
    end: IsoDate | None = Field(None, title="วันสิ้นสุด (ค.ศ. ปปปป-ดด-วว)")


class Project(Strict):
    id: Slug = Field(title="รหัสโครงการ", description="ใช้ในที่อยู่เว็บ ห้ามเปลี่ยนหลังเผยแพร่")
    mission: MissionCode = Field(title="ภารกิจตามมิติ", description="เช่น 2.2 (มิติที่ 2 ภารกิจที่ 2)")
    sub_mission: SubMissionCode | None = Field(None, title="ภารกิจย่อย", description="เช่น 2.2.1")
    item_no: Text | None = Field(None, title="ลำดับรายการในภารกิจย่อย", description="เช่น (1) ในแผนแบบตาราง")
    group: Group | None = Field(None, title="กลุ่มโครงการ", description="mandatory / selective / context")
    catalog_item: Count | None = Field(None, title="ข้อในตารางลำดับความสำคัญ", description="เลขข้อในกลุ่มของตาราง")
    name: Text = Field(title="ชื่อโครงการ")
    rationale: Blocks = Field(default_factory=list, title="หลักการและเหตุผล")
    objectives: Blocks = Field(default_factory=list, title="วัตถุประสงค์")
    target_group: Blocks = Field(default_factory=list, title="กลุ่มเป้าหมาย")
    method: Blocks = Field(default_factory=list, title="วิธีดำเนินการ")
    duration: Duration | None = Field(None, title="ระยะเวลาดำเนินการ")
    budget: dict[FiscalYear, Baht] = Field(
        default_factory=dict,
        title="งบประมาณรายปี (บาท)",
        description="ปีงบประมาณ: จำนวนเงิน; เว้นว่าง = ไม่ใช้งบประมาณ",
        json_schema_extra=YEAR_KEYS,
    )
    budget_note: Text | None = Field(None, title="หมายเหตุงบประมาณ")
    budget_text: Text | None = Field(
        None,
        title="ถ้อยคำงบประมาณตามต้นฉบับ",
        description="เมื่อไม่ใช้งบประมาณ: ถ้อยคำที่หน่วยงานพิมพ์ เช่น 'ไม่มีงบประมาณที่ใช้ดำเนินการ'; เว้นว่าง = 'ไม่ใช้งบประมาณ'",
    )
    responsible: Text | None = Field(None, title="ผู้รับผิดชอบ")
    outputs: Blocks = Field(default_factory=list, title="ผลผลิต")
    outcomes: Blocks = Field(default_factory=list, title="ผลลัพธ์")
    remarks: Text | None = Field(None, title="หมายเหตุ")
    errata: Errata

    @property
    def dimension(self) -> int:
        return int(self.mission.split(".")[0])


class Risk(Strict):
    text: Text = Field(title="ประเด็นความเสี่ยงการทุจริต")
    level: RiskLevel | None = Field(None, title="ระดับความเสี่ยง", description="เว้นว่างเมื่อต้นฉบับพิมพ์ระดับครั้งเดียวทั้งแถว")


class RiskRow(Strict):
    process: Text = Field(title="ขั้นตอนการดำเนินงาน")
    level: RiskLevel | None = Field(
        None, title="ระดับความเสี่ยงของทั้งแถว", description="เมื่อต้นฉบับพิมพ์ระดับ (Risk Score) ครั้งเดียวสำหรับทุกประเด็นในแถว"
    )
    risks: list[Risk] = Field(min_length=1, title="ประเด็นความเสี่ยง")
    controls: list[Text] = Field(default_factory=list, title="มาตรการควบคุมความเสี่ยงการทุจริต")


class TargetRow(Strict):
    indicator: Text = Field(title="ค่าเป้าหมาย")
    values: dict[FiscalYear, Text] = Field(title="ค่ารายปี", json_schema_extra=YEAR_KEYS)


class Section(Strict):
    title: Text = Field(title="หัวข้อ")
    blocks: Blocks = Field(title="เนื้อหา")


class PrintedTotals(Strict):
    """Totals as printed in the source, kept only so the check can compare them with computed ones."""

    by_year: dict[FiscalYear, Baht] = Field(default_factory=dict, title="รวมทั้งสิ้นรายปี", json_schema_extra=YEAR_KEYS)
    by_dimension: dict[Annotated[int, Field(ge=1, le=4)], dict[FiscalYear, Baht]] = Field(
        default_factory=dict, title="รวมรายมิติรายปี"
    )
    project_count: Count | None = Field(None, title="จำนวนโครงการรวม")


class Plan(Strict):
    kind: Literal["action_plan"] = Field("action_plan", title="ชนิดเอกสาร")
    title: Text = Field(title="ชื่อแผน")
    period: Period = Field(title="ระยะเวลาของแผน")
    issued: IsoDate | None = Field(None, title="วันที่จัดทำ (ค.ศ.)")
    issued_precision: Literal["day", "month", "year"] = Field("day", title="ความละเอียดของวันที่")
    layout: Literal["cards", "table"] = Field("cards", title="รูปแบบเอกสาร")
    framework: Slug | None = Field(
        None,
        title="กรอบแผน",
        description="รหัสไฟล์ใน data/catalog/frameworks เช่น lg-2566-2570; เว้นว่าง = ใช้กรอบที่ครอบคลุมช่วงปีของแผน",
    )
    catalog: Slug | None = Field(None, title="ตารางลำดับความสำคัญที่อ้างอิง", description="รหัสตารางในกรอบแผนของแผนนี้")
    preface: Blocks = Field(default_factory=list, title="คำนำ")
    intro: list[Section] = Field(default_factory=list, title="บทนำ (หัวข้ออื่น ๆ)")
    risks: list[RiskRow] = Field(default_factory=list, title="การประเมินความเสี่ยงการทุจริต")
    rationale: Blocks = Field(default_factory=list, title="หลักการและเหตุผล")
    objectives: Blocks = Field(default_factory=list, title="วัตถุประสงค์ของการจัดทำแผน")
    goals: Blocks = Field(default_factory=list, title="เป้าหมาย")
    targets: list[TargetRow] = Field(default_factory=list, title="ตารางค่าเป้าหมายรายปี")
    benefits: Blocks = Field(default_factory=list, title="ประโยชน์ของการจัดทำแผน")
    notes: Blocks = Field(default_factory=list, title="หมายเหตุ/เชิงอรรถ")
    printed_totals: PrintedTotals | None = Field(None, title="ยอดรวมตามต้นฉบับ (ใช้ตรวจสอบ)")
    projects: list[Project] = Field(min_length=1, title="โครงการ/กิจกรรม/มาตรการ")
    errata: Errata
