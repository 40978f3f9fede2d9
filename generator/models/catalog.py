"""Shared catalogues: the 4 มิติ with their ภารกิจ, the BMA priority list and project-count rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from .common import Baht, Count, Group, MissionCode, Slug, Strict, SubMissionCode, Text, parse_number

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
    title: Text = Field(title="ชื่อภารกิจตามมิติ")
    sub_missions: list[SubMission] = Field(default_factory=list, title="ภารกิจย่อย")


class Dimension(Strict):
    no: Annotated[int, BeforeValidator(parse_number)] = Field(title="มิติที่", ge=1, le=4)
    title: Text = Field(title="ชื่อมิติ")
    missions: list[Mission] = Field(title="ภารกิจตามมิติ")


class DimensionCatalog(Strict):
    """data/catalog/dimensions.yml"""

    dimensions: list[Dimension] = Field(title="มิติ", min_length=4, max_length=4)


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


class PriorityCatalog(Strict):
    """data/catalog/priority-*.yml: a priority table such as the BMA list of 20/72/15 items."""

    id: Slug = Field(title="รหัสตาราง")
    title: Text = Field(title="ชื่อตาราง")
    source: Text | None = Field(None, title="ที่มา")
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


class Requirements(Strict):
    """data/catalog/requirements.yml: minimum project counts by unit type and by budget band."""

    unit_types: dict[UnitType, UnitTypeRule] = Field(title="ตามประเภทหน่วยงาน")
    budget_bands_source: Text | None = Field(None, title="ที่มาของเกณฑ์งบประมาณ")
    budget_bands: list[BudgetBand] = Field(default_factory=list, title="ตามงบประมาณรายจ่ายประจำปี (อปท.)")
