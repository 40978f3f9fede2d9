"""ITA measures reports (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน).

data/units/<unit>/ita-<year>.yml               one unit's report: tools → indicators → measure rows → items
data/units/<unit>/ita-consolidated-<year>.yml  a consolidated report: tools → issues → rows of steps

Item codes (i1…, e1…, o1…) are stored explicitly: printed codes in exported documents are corrupted.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Discriminator, Field, Tag

from ...models.common import Blocks, Errata, FiscalYear, IsoDate, Numerals, Person, Strict, Text, parse_number

Tool = Literal["IIT", "EIT", "OIT"]
ResultStatus = Literal["completed", "in_progress"]

TOOL_LABELS: dict[str, str] = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment : IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment : EIT)",
    "OIT": "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT)",
}
TOOL_INDICATORS: dict[str, range] = {"IIT": range(1, 6), "EIT": range(6, 9), "OIT": range(9, 11)}
TOOL_PREFIX: dict[str, str] = {"IIT": "i", "EIT": "e", "OIT": "o"}
STATUS_LABELS: dict[str, str] = {"completed": "ดำเนินการแล้วเสร็จ", "in_progress": "ระหว่างดำเนินการ"}
# Why: a status printed once for a whole cell belongs to the last result only; the others say nothing.
NOT_STATED = "not_stated"
NOT_STATED_LABEL = "ไม่ได้ระบุสถานะ"
ITEM_CODE_PATTERN = r"^[ieo][1-9][0-9]?$"


def _two_places(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError(f"คะแนน '{value}' มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง")
    # Why: scores are printed with two decimals (79.40, 79.00) whatever the clerk typed.
    return value.quantize(Decimal("0.01"))


Score = Annotated[Decimal, BeforeValidator(parse_number), Field(ge=0, le=100), AfterValidator(_two_places)]
IndicatorNo = Annotated[int, BeforeValidator(parse_number), Field(ge=1, le=10)]
ItemCode = Annotated[str, Field(pattern=ITEM_CODE_PATTERN)]


def _responsible_kind(value: Any) -> str:
    return "text" if isinstance(value, str) else "person"


# An office, a position or a group as text; a named official only as a Person (not published by default).
Responsible = Annotated[
    Annotated[Text, Tag("text")] | Annotated[Person, Tag("person")],
    Discriminator(_responsible_kind),
]


def public_labels(entries: list[Any]) -> list[str]:
    """What the site may print for a list of responsible parties, without repeats."""
    labels = [e if isinstance(e, str) else e.public_label() for e in entries]
    return list(dict.fromkeys(labels))


# --- one unit's report (seed 002) --------------------------------------------------------------------


class ItaItem(Strict):
    code: ItemCode = Field(title="รหัสข้อ", description="i1–i30 (IIT), e1–e15 (EIT), o1–o43 (OIT) ตัวพิมพ์เล็ก")
    text: Text = Field(title="ข้อคำถาม/ข้อมูลที่ประเมิน")
    score: Score | None = Field(None, title="คะแนนเฉลี่ย", description="0–100 ทศนิยม 2 ตำแหน่ง; เว้นว่าง = ไม่มีคะแนน")


class ItaResult(Strict):
    text: Text = Field(title="ผลการดำเนินการ")
    status: ResultStatus | None = Field(
        None,
        title="สถานะ",
        description="completed = ดำเนินการแล้วเสร็จ, in_progress = ระหว่างดำเนินการ;"
        " เว้นว่างเมื่อต้นฉบับไม่ได้พิมพ์สถานะของรายการนี้ (เช่น พิมพ์สถานะครั้งเดียวท้ายช่อง)",
    )


class ItaMeasure(Strict):
    """One row of the report: one or more items sharing guideline, measures, results and responsible."""

    items: list[ItaItem] = Field(min_length=1, title="ข้อที่รายงาน")
    guideline: list[Text] = Field(default_factory=list, title="แนวทางการปฏิบัติ")
    measures: list[Text] = Field(default_factory=list, title="มาตรการเพื่อขับเคลื่อน")
    results: list[ItaResult] = Field(default_factory=list, title="ผลการดำเนินการ")
    responsible: list[Responsible] = Field(default_factory=list, title="ผู้รับผิดชอบ")

    @property
    def codes(self) -> list[str]:
        return [item.code for item in self.items]

    @property
    def anchor(self) -> str:
        return "-".join(self.codes)


class ItaIndicator(Strict):
    no: IndicatorNo = Field(title="ตัวชี้วัดที่", description="IIT 1–5, EIT 6–8, OIT 9–10")
    title: Text = Field(title="ชื่อตัวชี้วัด")
    score: Score | None = Field(None, title="คะแนนเฉลี่ยของตัวชี้วัด")
    measures: list[ItaMeasure] = Field(default_factory=list, title="มาตรการรายข้อ")


class ItaTool(Strict):
    tool: Tool = Field(title="เครื่องมือการประเมิน", description="IIT / EIT / OIT")
    title: Text | None = Field(None, title="ชื่อเครื่องมือตามต้นฉบับ", description="เว้นว่าง = ใช้ชื่อมาตรฐาน")
    indicators: list[ItaIndicator] = Field(min_length=1, title="ตัวชี้วัด")

    @property
    def label(self) -> str:
        return self.title or TOOL_LABELS[self.tool]


class ItaReport(Strict):
    kind: Literal["ita_measures_report"] = Field("ita_measures_report", title="ชนิดเอกสาร")
    title: Text = Field(title="ชื่อรายงาน")
    year: FiscalYear = Field(title="ปีที่ประเมิน ITA (พ.ศ.)")
    reported: IsoDate | None = Field(None, title="วันที่รายงาน (ค.ศ.)")
    numerals: Numerals | None = Field(None, title="ตัวเลขที่ใช้แสดงผล", description="thai / arabic; เว้นว่าง = ตามหน่วยงาน")
    tools: list[ItaTool] = Field(min_length=1, title="เครื่องมือการประเมิน")
    errata: Errata

    @property
    def indicators(self) -> list[ItaIndicator]:
        return [indicator for tool in self.tools for indicator in tool.indicators]

    def tool_of(self, indicator: ItaIndicator) -> ItaTool:
        return next(tool for tool in self.tools if any(i is indicator for i in tool.indicators))


# --- consolidated report (seed 003) --------------------------------------------------------------------


class ItaStep(Strict):
    label: Annotated[str, Field(max_length=10)] | None = Field(None, title="เลขขั้นตอนตามต้นฉบับ", description="เช่น ๑.")
    text: Text = Field(title="ขั้นตอนหรือวิธีการ")


class ItaStepRow(Strict):
    """One row: one or more steps sharing the responsible party and the results."""

    steps: list[ItaStep] = Field(min_length=1, title="ขั้นตอนหรือวิธีการ")
    responsible: list[Responsible] = Field(min_length=1, title="ผู้รับผิดชอบ")
    results: Blocks = Field(default_factory=list, title="ผลการดำเนินการ")


class ItaIssue(Strict):
    indicator: IndicatorNo = Field(title="ตัวชี้วัดที่", description="IIT 1–5, EIT 6–8, OIT 9–10")
    title: Text = Field(title="ประเด็นการประเมิน")
    rows: list[ItaStepRow] = Field(min_length=1, title="ขั้นตอนและผลการดำเนินการ")


class ItaConsolidatedTool(Strict):
    tool: Tool = Field(title="เครื่องมือการประเมิน", description="IIT / EIT / OIT")
    title: Text | None = Field(None, title="ชื่อเครื่องมือตามต้นฉบับ", description="เว้นว่าง = ใช้ชื่อมาตรฐาน")
    issues: list[ItaIssue] = Field(min_length=1, title="ประเด็นการประเมิน")

    @property
    def label(self) -> str:
        return self.title or TOOL_LABELS[self.tool]


class ItaConsolidated(Strict):
    kind: Literal["ita_consolidated_report"] = Field("ita_consolidated_report", title="ชนิดเอกสาร")
    title: Text = Field(title="ชื่อรายงาน")
    year: FiscalYear = Field(title="ปีที่ประเมิน ITA (พ.ศ.)")
    as_of: IsoDate | None = Field(None, title="ข้อมูล ณ วันที่ (ค.ศ.)")
    as_of_precision: Literal["day", "month", "year"] = Field("day", title="ความละเอียดของวันที่")
    compiled_by: list[Text] = Field(default_factory=list, title="ผู้รวบรวม")
    numerals: Numerals | None = Field(None, title="ตัวเลขที่ใช้แสดงผล", description="thai / arabic; เว้นว่าง = ตามหน่วยงาน")
    intro: Blocks = Field(default_factory=list, title="ความนำ")
    tools: list[ItaConsolidatedTool] = Field(min_length=1, title="เครื่องมือการประเมิน")
    errata: Errata

    @property
    def issues(self) -> list[ItaIssue]:
        return [issue for tool in self.tools for issue in tool.issues]
