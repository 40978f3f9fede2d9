"""Plan frameworks (data/catalog/frameworks/<id>.yml): one versioned file per national framework with its
มิติ → ภารกิจ → ภารกิจย่อย, its priority tables and its minimum project-count rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from .common import Baht, Count, FiscalYear, Group, MissionCode, Slug, Strict, SubMissionCode, Text, parse_number

UnitType = Literal[
    "bma",
    "bma_district_office",
    "bma_department",
    "bma_strategy_department",
    "bma_internal_audit_office",
    "sao",
    "municipality",
    "pao",
    "other",
]


class SubMission(Strict):
    code: SubMissionCode = Field(title="รหัสภารกิจย่อย", description="เช่น 1.1.1")
    title: Text | None = Field(None, title="ชื่อภารกิจย่อย", description="เว้นว่างได้ถ้าเอกสารต้นฉบับไม่ระบุชื่อ")


class Mission(Strict):
    code: MissionCode = Field(title="รหัสภารกิจ", description="เช่น 1.1")
    title: Text | None = Field(
        None, title="ชื่อภารกิจตามมิติ", description="เว้นว่างเมื่อยังไม่พบชื่อในแหล่งอ้างอิง (หน้าเว็บแสดงว่าไม่ทราบชื่อ)"
    )
    sub_missions: list[SubMission] = Field(default_factory=list, title="ภารกิจย่อย")


class Dimension(Strict):
    no: Annotated[int, BeforeValidator(parse_number)] = Field(title="มิติที่", ge=1, le=4)
    title: Text = Field(title="ชื่อมิติ")
    missions: list[Mission] = Field(
        default_factory=list, title="ภารกิจตามมิติ", description="ว่างได้เมื่อยังไม่พบรายการภารกิจในแหล่งอ้างอิง"
    )


class PriorityItem(Strict):
    group: Group = Field(title="กลุ่ม")
    no: Count = Field(title="ลำดับในกลุ่ม")
    mission: MissionCode = Field(title="ภารกิจตามมิติ")
    title: Text = Field(title="ชื่อโครงการ/กิจกรรม/มาตรการ")
    note: Text | None = Field(None, title="หมายเหตุ")
    applies_to: list[UnitType] = Field(
        default_factory=list,
        title="ใช้กับหน่วยงานประเภท",
        description="ว่าง = ใช้กับทุกประเภทที่ต้องทำกลุ่มนี้",
    )
    marker: Literal["*", "**"] | None = Field(None, title="เครื่องหมาย", description="* หรือ ** ตามตารางต้นฉบับ")
    choose_one_of: Text | None = Field(
        None, title="ชุดให้เลือก", description="รายการที่มีค่าเดียวกันในช่องนี้ ให้เลือกทำอย่างน้อย 1 รายการ"
    )


class MarkerMeaning(Strict):
    marker: Literal["*", "**"] = Field(title="เครื่องหมาย")
    meaning: Text = Field(title="ความหมาย", description="ตามหมายเหตุใต้ตารางต้นฉบับ")


class PriorityCatalog(Strict):
    """A priority table of a framework, such as the BMA list of 20/72/15 items."""

    id: Slug = Field(title="รหัสตาราง", description="แผนอ้างถึงตารางด้วยรหัสนี้ (catalog: ในไฟล์แผน)")
    title: Text = Field(title="ชื่อตาราง")
    source: Text | None = Field(None, title="ที่มา")
    cited_as: list[Text] = Field(
        default_factory=list,
        title="ข้อความที่แผนใช้อ้างถึงตารางนี้",
        description="เช่น 'ตารางกำหนดลำดับความสำคัญ': ย่อหน้าของแผนที่มีข้อความนี้จะมีลิงก์ไปยังตาราง",
    )
    placeholders: list[Text] = Field(
        default_factory=list,
        title="ข้อความแม่แบบให้ใส่ชื่อหน่วยงาน",
        description="ข้อความในต้นฉบับที่เว้นไว้ให้ใส่ชื่อหน่วยงาน: หน้าเว็บใส่ชื่อหน่วยงานแทน ไม่แสดงข้อความแม่แบบ",
    )
    markers: list[MarkerMeaning] = Field(default_factory=list, title="ความหมายของเครื่องหมาย")
    items: list[PriorityItem] = Field(title="รายการ")


class UnitTypeRule(Strict):
    label: Text = Field(title="ประเภทหน่วยงาน")
    catalog: Slug | None = Field(None, title="ตารางลำดับความสำคัญที่ใช้")
    mandatory: Count = Field(title="โครงการสำคัญที่ต้องดำเนินการ (ขั้นต่ำ)")
    optional_min: Count = Field(0, title="โครงการให้เลือกและตามบริบท (ขั้นต่ำ)")

    @property
    def total_min(self) -> int:
        return int(self.mandatory) + int(self.optional_min)


class BudgetBand(Strict):
    label: Text = Field(title="ช่วงงบประมาณ")
    min_baht: Baht = Field(Decimal(0), title="ตั้งแต่ (บาท)")
    max_baht: Baht | None = Field(None, title="ไม่ถึง (บาท)")
    include_max: bool = Field(False, title="รวมค่าบนสุด")
    min_projects: Count = Field(title="จำนวนโครงการขั้นต่ำ")


class UnitTableRow(Strict):
    no: Count = Field(title="ที่")
    name: Text = Field(title="หน่วยงาน")
    unit_type: UnitType | None = Field(None, title="ประเภทหน่วยงาน", description="เมื่อแถวนี้ใช้กับหน่วยงานทุกแห่งของประเภทนี้")
    mandatory: Count = Field(title="โครงการสำคัญที่ทุกหน่วยต้องดำเนินการ")
    optional: Count = Field(title="โครงการสำคัญให้เลือกและโครงการตามบริบท")
    total: Count = Field(title="รวมจำนวน", description="ตามที่พิมพ์ในต้นฉบับ (ตรวจว่าเท่ากับผลบวก)")


class UnitTable(Strict):
    """A printed table of minimum counts per unit (e.g. the 27 BMA units of seed 000)."""

    title: Text = Field(title="ชื่อตาราง")
    cited_as: list[Text] = Field(default_factory=list, title="ข้อความที่แผนใช้อ้างถึงตารางนี้")
    rows: list[UnitTableRow] = Field(min_length=1, title="แถว")


class Requirements(Strict):
    """Minimum project counts of a framework: by unit type, by budget band and the printed unit table."""

    unit_types: dict[UnitType, UnitTypeRule] = Field(default_factory=dict, title="ตามประเภทหน่วยงาน")
    budget_bands_source: Text | None = Field(None, title="ที่มาของเกณฑ์งบประมาณ")
    budget_bands: list[BudgetBand] = Field(default_factory=list, title="ตามงบประมาณรายจ่ายประจำปี (อปท.)")
    unit_table: UnitTable | None = Field(None, title="ตารางจำนวนโครงการขั้นต่ำรายหน่วยงาน")


class FrameworkPeriod(Strict):
    start: FiscalYear = Field(title="ปีงบประมาณเริ่มต้น")
    end: FiscalYear = Field(title="ปีงบประมาณสิ้นสุด")


class Framework(Strict):
    """data/catalog/frameworks/<id>.yml: one national plan framework (กรอบแผน), versioned by its period."""

    id: Slug = Field(title="รหัสกรอบแผน", description="ต้องตรงกับชื่อไฟล์ เช่น lg-2566-2570; ใช้ในที่อยู่เว็บ")
    title: Text = Field(title="ชื่อกรอบแผน")
    period: FrameworkPeriod = Field(title="ช่วงปีของกรอบแผน", description="แผนที่ไม่ระบุ framework: ใช้กรอบที่ครอบคลุมช่วงปีของแผน")
    source: Text = Field(title="ที่มา", description="เอกสารต้นฉบับของกรอบแผน")
    notes: list[Text] = Field(default_factory=list, title="หมายเหตุ", description="เช่น สิ่งที่ยังไม่พบในแหล่งอ้างอิง")
    dimensions: list[Dimension] = Field(title="มิติ", min_length=1)
    priorities: list[PriorityCatalog] = Field(default_factory=list, title="ตารางลำดับความสำคัญของโครงการ")
    requirements: Requirements | None = Field(
        None, title="เกณฑ์จำนวนโครงการขั้นต่ำ", description="เว้นว่าง = กรอบนี้ไม่มีเกณฑ์ขั้นต่ำ (ไม่ตรวจจำนวนโครงการ)"
    )
