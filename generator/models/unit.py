"""data/units/<unit-id>/unit.yml — who publishes."""

from __future__ import annotations

from pydantic import Field

from .catalog import UnitType
from .common import Baht, Numerals, Slug, Strict, Text


class Unit(Strict):
    id: Slug = Field(title="รหัสหน่วยงาน", description="ต้องตรงกับชื่อโฟลเดอร์")
    name: Text = Field(title="ชื่อหน่วยงาน")
    short_name: Text | None = Field(None, title="ชื่อย่อ")
    type: UnitType = Field(title="ประเภทหน่วยงาน")
    parent: Slug | None = Field(None, title="หน่วยงานต้นสังกัด (รหัส)")
    district: Text | None = Field(None, title="อำเภอ/เขต")
    province: Text | None = Field(None, title="จังหวัด")
    numerals: Numerals = Field("arabic", title="รูปแบบตัวเลข", description="arabic = 0-9, thai = ๐-๙")
    annual_budget: Baht | None = Field(
        None, title="งบประมาณรายจ่ายประจำปี ไม่รวมเงินอุดหนุน (บาท)", description="ใช้หาจำนวนโครงการขั้นต่ำของ อปท."
    )
    description: Text | None = Field(None, title="คำอธิบายหน่วยงาน")
    website: Text | None = Field(None, title="เว็บไซต์หลัก")
