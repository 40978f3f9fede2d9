"""OIT (การเปิดเผยข้อมูลสาธารณะ) of the ITA: the item catalogue of an assessment year and a unit's map.

data/catalog/oit-<year>.yml   which items the NACC asks for in that year (codes change meaning by year)
data/units/<unit>/oit-<year>.yml   where this unit publishes each item (a page here, a file in content/,
                                   an external URL), or why it does not apply
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from ...models.common import FiscalYear, IsoDate, Strict, Text

CODE_RE = re.compile(r"^O([1-9][0-9]?)$")
Confidence = Literal["verified", "assumed", "partial"]
TitleStatus = Literal["verified", "assumed", "unknown"]
# Which fiscal year(s) the assessment of year Y expects the content to cover: Y, Y-1, both, or Y's first 6 months.
PeriodRule = Literal["current", "previous", "both", "first_half"]
NATIONAL = "national"  # the catalogue every unit answers unless its map names a sector's catalogue
# Why so strict: the name ends up in a file name (oit-<year>-<catalogue>.yml) and in Thai messages.
CatalogueName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,39}$")]
TARGET_FIELDS = ("generated", "page", "content", "url", "not_applicable", "missing")


def check_code(value: Any) -> Any:
    if isinstance(value, str) and not CODE_RE.fullmatch(value):
        raise ValueError(f"รหัสข้อ '{value}' ไม่ถูกต้อง ต้องเขียนแบบ O29 (อักษร O ตัวใหญ่ตามด้วยเลขข้อ)")
    return value


def check_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s]+", value):
        raise ValueError(f"'{value}' ไม่ใช่ที่อยู่เว็บ ต้องขึ้นต้นด้วย https:// หรือ http://")
    return value


def code_number(code: str) -> int:
    return int(code[1:])


def catalogue_file(year: int, catalogue: str) -> str:
    """data/catalog/oit-<year>.yml for the national list, oit-<year>-<catalogue>.yml for a sector's."""
    return f"oit-{year}.yml" if catalogue == NATIONAL else f"oit-{year}-{catalogue}.yml"


def catalogue_label(year: int, catalogue: str) -> str:
    return f"ปี {year}" if catalogue == NATIONAL else f"ปี {year} ชุด {catalogue}"


OitCode = Annotated[str, BeforeValidator(check_code)]
Url = Annotated[str, AfterValidator(check_url)]


# --- catalogue ---------------------------------------------------------------------------------------


class CatalogItem(Strict):
    code: OitCode = Field(title="รหัสข้อ", description="เช่น O29")
    title: Text | None = Field(None, title="ชื่อข้อ", description="เว้นว่างเมื่อยังไม่ทราบชื่อ (title_status: unknown)")
    title_status: TitleStatus = Field(
        "verified", title="ความแน่นอนของชื่อข้อ", description="verified = ตามเอกสาร, assumed = ยังไม่ยืนยัน, unknown = ยังไม่ทราบ"
    )
    note: Text | None = Field(None, title="หมายเหตุ")
    contents: list[Text] = Field(default_factory=list, title="สิ่งที่ต้องมี (เท่าที่ทราบ)")
    period: PeriodRule | None = Field(
        None,
        title="ช่วงเวลาที่ข้อมูลต้องครอบคลุม",
        description=(
            "current = ปีงบประมาณที่ประเมิน, previous = ปีงบประมาณก่อนหน้า (เช่น รายงานผลประจำปี สถิติเรื่องร้องเรียน),"
            " both = ทั้งสองปี, first_half = 6 เดือนแรกของปีที่ประเมิน; เว้นว่าง = แหล่งที่มาไม่ระบุ"
        ),
    )
    serves: list[Text] = Field(
        default_factory=list,
        title="หน้าที่เว็บไซต์นี้สร้างให้ข้อนี้ได้",
        description="ชื่อหน้าที่ใช้ใน generated: เช่น plan, plan-risks, progress-6m, progress-12m, complaints, ita-measures",
    )
    source: Url | None = Field(None, title="แหล่งที่มาของข้อนี้")
    confidence: Text | None = Field(None, title="ความน่าเชื่อถือของแหล่งที่มา", description="ตามที่แหล่งอ้างอิงระบุ เช่น medium")

    @model_validator(mode="after")
    def _title_matches_status(self) -> CatalogItem:
        if self.title is None and self.title_status != "unknown":
            raise ValueError("ต้องระบุชื่อข้อ (title) หรือระบุ title_status: unknown ถ้ายังไม่ทราบชื่อ")
        if self.title is not None and self.title_status == "unknown":
            raise ValueError("ระบุชื่อข้อแล้ว จึงใช้ title_status: unknown ไม่ได้ (ใช้ assumed ถ้ายังไม่ยืนยัน)")
        return self

    @property
    def label(self) -> str:
        """The title as a clerk may read it: unknown titles say so instead of guessing."""
        if self.title is None:
            return "(ยังไม่ทราบชื่อข้อ)"
        return f"{self.title} (ชื่อข้อยังไม่ยืนยัน)" if self.title_status == "assumed" else self.title


class SubIndicator(Strict):
    id: Annotated[str, Field(pattern=r"^[0-9]+\.[0-9]+$")] = Field(title="รหัสตัวชี้วัดย่อย", description="เช่น 9.1")
    title: Text = Field(title="ชื่อตัวชี้วัดย่อย")
    items: list[CatalogItem] = Field(min_length=1, title="ข้อ")


class Indicator(Strict):
    id: Annotated[str, Field(pattern=r"^[0-9]+$")] = Field(title="ตัวชี้วัดที่")
    title: Text = Field(title="ชื่อตัวชี้วัด")
    subs: list[SubIndicator] = Field(min_length=1, title="ตัวชี้วัดย่อย")


class OitCatalog(Strict):
    """data/catalog/oit-<year>.yml"""

    year: FiscalYear = Field(title="ปีที่ประเมิน (พ.ศ.)")
    catalogue: CatalogueName = Field(
        NATIONAL,
        title="ชุดรายการข้อ",
        description="national = รายการของ ป.ป.ช. ที่ใช้ทั่วไป (ค่าเริ่มต้น) หรือชื่อชุดของกลุ่มหน่วยงาน เช่น colleges",
    )
    title: Text | None = Field(None, title="ชื่อชุดรายการข้อ", description="เช่น รายการข้อสำหรับสถานศึกษา")
    confidence: Confidence = Field(
        title="ความครบถ้วนของรายการ",
        description="verified = ครบตามเอกสาร, assumed = ยังไม่ยืนยันกับเอกสารของ ป.ป.ช. (อนุมานจากปีอื่นหรือจากหน่วยงานเดียว), partial = มีเพียงบางข้อ",
    )
    source: Text | None = Field(None, title="ที่มา")
    note: Text | None = Field(None, title="หมายเหตุ")
    contents_note: Text | None = Field(None, title="ที่มาของสิ่งที่ต้องมีในแต่ละข้อ")
    indicators: list[Indicator] = Field(default_factory=list, title="ตัวชี้วัด")
    items: list[CatalogItem] = Field(default_factory=list, title="ข้อที่ยังไม่ทราบตัวชี้วัด")

    def groups(self) -> list[tuple[Indicator | None, SubIndicator | None, list[CatalogItem]]]:
        """(indicator, sub-indicator, items) in catalogue order; ungrouped items come last."""
        out: list[tuple[Indicator | None, SubIndicator | None, list[CatalogItem]]] = [
            (ind, sub, sub.items) for ind in self.indicators for sub in ind.subs
        ]
        if self.items:
            out.append((None, None, self.items))
        return out

    @property
    def key(self) -> tuple[int, str]:
        return self.year, self.catalogue

    def all_items(self) -> list[CatalogItem]:
        return [item for _, _, items in self.groups() for item in items]

    def item(self, code: str) -> CatalogItem | None:
        return next((i for i in self.all_items() if i.code == code), None)


# --- a unit's map ------------------------------------------------------------------------------------


class Coverage(Strict):
    """The period a piece of content covers: a fiscal year (optionally its first 6 months) or dates."""

    fiscal_year: FiscalYear | None = Field(None, title="ปีงบประมาณ (พ.ศ.)")
    months: Literal["6", "12"] | None = Field(
        None, title="จำนวนเดือนแรกของปีงบประมาณ", description="6 หรือ 12 (ค่าเริ่มต้น 12)"
    )
    start: IsoDate | None = Field(None, title="ตั้งแต่วันที่ (ค.ศ.)")
    end: IsoDate | None = Field(None, title="ถึงวันที่ (ค.ศ.)", description="เว้นว่าง = ยังใช้อยู่ถึงปัจจุบัน")

    @model_validator(mode="after")
    def _one_form(self) -> Coverage:
        if self.fiscal_year is None and self.start is None:
            raise ValueError("ต้องระบุ fiscal_year หรือ start (วันที่เริ่ม)")
        if self.fiscal_year is not None and (self.start or self.end):
            raise ValueError("ระบุได้อย่างใดอย่างหนึ่ง: fiscal_year หรือ start/end")
        if self.months is not None and self.fiscal_year is None:
            raise ValueError("months ใช้คู่กับ fiscal_year เท่านั้น")
        if self.start and self.end and self.start > self.end:
            raise ValueError("วันเริ่มอยู่หลังวันสิ้นสุด")
        return self


# Why: the path and the '#anchor' end up in a link target; only characters that cannot end or break out of
# a Markdown link or an HTML attribute are allowed (letters of any script, digits, '-', '_', '.', '/').
_SITE_REF_RE = re.compile(r"/?[\w\-./]*(#[\w\-.]+)?")


def check_site_ref(value: str) -> str:
    if not _SITE_REF_RE.fullmatch(value) or ".." in value.split("#")[0].split("/"):
        raise ValueError(
            f"ที่อยู่ '{value}' ใช้ไม่ได้: ใช้ได้เฉพาะตัวอักษร ตัวเลข - _ . / และ #ชื่อหัวข้อ (ไม่มีช่องว่างหรือวงเล็บ)"
            " (hint: site path with optional #anchor)"
        )
    return value


SiteRef = Annotated[
    str, AfterValidator(check_site_ref), Field(min_length=1, json_schema_extra={"pattern": "^" + _SITE_REF_RE.pattern + "$"})
]


class OitEntry(Strict):
    """Where one item is published. Exactly one of the target fields."""

    generated: Text | None = Field(
        None,
        title="หน้าที่เว็บไซต์นี้สร้าง (ชื่อย่อ)",
        description="plan, plan-risks, progress-6m, progress-12m, complaints, ita, ita-measures",
    )
    page: SiteRef | None = Field(None, title="หน้าที่เว็บไซต์นี้สร้าง (ที่อยู่)", description="เช่น sao-bueng-prue/plan/2566-2570/")
    content: SiteRef | None = Field(None, title="หน้าที่เขียนเองใน content/", description="เช่น sao-bueng-prue/no-gift.md")
    url: Url | None = Field(None, title="ที่อยู่เว็บภายนอก")
    description: Text | None = Field(None, title="คำอธิบายลิงก์ภายนอก", description="ต้องระบุเมื่อใช้ url")
    not_applicable: Text | None = Field(None, title="ไม่เกี่ยวข้อง (เหตุผล)")
    missing: Text | None = Field(None, title="ยังไม่มี (หมายเหตุ)")
    fiscal_year: FiscalYear | None = Field(
        None, title="ปีงบประมาณของหน้าที่อ้างถึง", description="ใช้กับ generated; ค่าเริ่มต้นตามปีที่ประเมิน"
    )
    period: Coverage | None = Field(None, title="ช่วงเวลาที่ข้อมูลครอบคลุม", description="เว้นว่าง = หาจากหน้าที่อ้างถึง")
    updated: IsoDate | None = Field(None, title="ปรับปรุงล่าสุด (ค.ศ.)")
    note: Text | None = Field(None, title="หมายเหตุ")

    @model_validator(mode="after")
    def _one_target(self) -> OitEntry:
        given = [name for name in TARGET_FIELDS if getattr(self, name) is not None]
        if len(given) != 1:
            fields = ", ".join(TARGET_FIELDS)
            found = f" (พบ {', '.join(given)})" if given else ""
            raise ValueError(f"ต้องระบุอย่างใดอย่างหนึ่งเท่านั้น: {fields}{found}")
        if self.url is not None and self.description is None:
            raise ValueError("ลิงก์ภายนอก (url) ต้องมีคำอธิบายสั้น ๆ (description)")
        if self.description is not None and self.url is None:
            raise ValueError("description ใช้คู่กับ url เท่านั้น")
        if self.fiscal_year is not None and self.generated is None:
            raise ValueError("fiscal_year ใช้คู่กับ generated เท่านั้น")
        return self

    @property
    def target(self) -> str:
        return next(name for name in TARGET_FIELDS if getattr(self, name) is not None)


class OitMap(Strict):
    """data/units/<unit>/oit-<year>.yml: where the unit publishes each OIT item of one assessment year."""

    year: FiscalYear = Field(title="ปีที่ประเมิน ITA (พ.ศ.)")
    catalogue: CatalogueName = Field(
        NATIONAL,
        title="ชุดรายการข้อที่ใช้",
        description="ค่าเริ่มต้น national (รายการของ ป.ป.ช.); หน่วยงานในกลุ่มที่มีรายการข้อเฉพาะ ระบุชื่อชุด เช่น colleges",
    )
    site_url: Url | None = Field(
        None, title="ที่อยู่เว็บไซต์นี้", description="ใช้สร้าง URL เต็มในไฟล์ CSV สำหรับระบบ ITAS เช่น https://example.go.th/"
    )
    updated: IsoDate | None = Field(None, title="ปรับปรุงล่าสุด (ค่าเริ่มต้นของทุกข้อ)")
    note: Text | None = Field(None, title="หมายเหตุ")
    items: dict[OitCode, OitEntry] = Field(default_factory=dict, title="ข้อ OIT", description="รหัสข้อ: ที่เผยแพร่")
