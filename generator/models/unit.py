"""data/units/<unit-id>/unit.yml — who publishes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .catalog import UnitType
from .common import Baht, Numerals, Person, Slug, Strict, Text

Licence = Literal["open-data-common", "dga-open-government-license", "cc-by-4.0", "cc0-1.0"]
UpdateFrequency = Literal["annual", "semiannual", "quarterly", "monthly", "irregular"]
Coverage = Literal["ประเทศ", "ภาค", "จังหวัด", "อำเภอ", "ตำบล", "เทศบาล/อบต.", "หน่วยงาน", "อื่น ๆ"]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class OpenData(Strict):
    """How the unit's data is published as open data (data.go.th / GD-Catalog metadata); every field optional."""

    licence: Licence = Field(
        "open-data-common",
        title="สัญญาอนุญาตให้ใช้ข้อมูล",
        description="open-data-common (ค่าเริ่มต้น), dga-open-government-license, cc-by-4.0 หรือ cc0-1.0",
    )
    maintainer: Text | None = Field(None, title="ผู้ดูแลข้อมูล", description="ส่วนงานที่ดูแลชุดข้อมูล ถ้าเว้นว่างใช้ชื่อหน่วยงาน")
    contact_email: Email | None = Field(None, title="อีเมลติดต่อผู้ดูแลข้อมูล", description="อีเมลของส่วนงาน (ไม่ใช่อีเมลส่วนตัว)")
    update_frequency: UpdateFrequency = Field(
        "annual",
        title="ความถี่ในการปรับปรุงข้อมูล",
        description="annual = รายปี, semiannual = ราย 6 เดือน, quarterly, monthly, irregular",
    )
    coverage: Coverage | None = Field(None, title="ขอบเขตเชิงภูมิศาสตร์", description="ถ้าเว้นว่าง ระบบเลือกจากประเภทหน่วยงาน")
    keywords: list[Text] = Field(default_factory=list, title="คำสำคัญเพิ่มเติม", description="เพิ่มจากคำสำคัญมาตรฐานของระบบ")
    objective: Text | None = Field(None, title="วัตถุประสงค์ของชุดข้อมูล", description="ถ้าเว้นว่าง ใช้ข้อความมาตรฐาน")


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
    opendata: OpenData = Field(default_factory=OpenData, title="การเผยแพร่ข้อมูลเปิด (open data)")
    officials: list[Person] = Field(
        default_factory=list,
        title="ผู้บริหารที่ระบุชื่อได้ในข้อความ",
        description="บุคคลที่ข้อความของหน่วยงานเอ่ยชื่อในฐานะตำแหน่ง (เช่น ผู้บริหารตาม OIT) ต้องระบุ publish: true"
        " จึงจะเผยแพร่ชื่อได้ ชื่อบุคคลอื่นในข้อความใด ๆ จะถูกแจ้งเป็นข้อผิดพลาด",
    )
