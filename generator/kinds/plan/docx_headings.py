"""The printed headings of a project card and of the parts around it, and how to recognise them.

Card headings follow the national template (ป.ป.ช.): "1. ชื่อโครงการ : …", "2. หลักการและเหตุผล", …, with every
spelling the seeds print (see seeds-analysis §3.2): numbered or not, Arabic or Thai digits, with or without a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docx_values import CODE, D

CARD_LABELS: tuple[tuple[str, str], ...] = (
    ("name", r"ชื่อ(?:โครงการ|กิจกรรม|มาตรการ)(?:\s*/\s*(?:กิจกรรม|มาตรการ))*"),
    ("rationale", r"หลักการและเหตุผล(?:\s*/\s*ที่มาของโครงการ)?"),
    ("objectives", r"วัตถุประสงค์(?:ของโครงการ)?"),
    ("target_group", r"(?:กลุ่ม)?เป้าหมาย"),
    ("area", r"พื้นที่(?:ดำเนินการ|ดำเนินงาน|เป้าหมาย)"),
    ("method", r"วิธี(?:การ)?ดำเนิน(?:การ|งาน)"),
    ("duration", r"ระยะเวลา(?:การ|ใน(?:การ)?)?ดำเนิน(?:การ|งาน)(?:โครงการ)?"),
    ("budget", r"งบประมาณ(?:ดำเนินการ|ใน(?:การ)?ดำเนิน(?:การ|โครงการ)|ที่ใช้(?:ใน(?:การ)?ดำเนิน(?:การ|โครงการ))?)?"),
    ("responsible", r"ผู้รับผิดชอบ(?:โครงการ)?"),
    ("results", r"(?:ผลผลิต|ตัวชี้วัด)\s*/\s*ผลลัพธ์"),
    ("indicators", r"ตัวชี้วัด"),
    ("outputs", r"ผลผลิต"),
    ("outcomes", r"ผลลัพธ์"),
)
FIELD_THAI = {
    "name": "ชื่อโครงการ",
    "rationale": "หลักการและเหตุผล",
    "objectives": "วัตถุประสงค์",
    "target_group": "กลุ่มเป้าหมาย",
    "area": "พื้นที่ดำเนินการ",
    "method": "วิธีดำเนินการ",
    "duration": "ระยะเวลาดำเนินการ",
    "budget": "งบประมาณ",
    "responsible": "ผู้รับผิดชอบ",
    "results": "ผลผลิต/ผลลัพธ์",
    "indicators": "ตัวชี้วัด",
    "outputs": "ผลผลิต",
    "outcomes": "ผลลัพธ์",
    "remarks": "หมายเหตุ",
    "mission": "ภารกิจ",
    "preface": "คำนำ",
    "goals": "เป้าหมายของแผน",
    "benefits": "ประโยชน์ของการจัดทำแผน",
}
# Why: the model has no field for these template headings, so their text is reported, never put elsewhere.
NO_FIELD = {"area": "แบบข้อมูลแผนไม่มีช่องพื้นที่ดำเนินการ", "indicators": "แบบข้อมูลแผนไม่มีช่องตัวชี้วัดแยก (ใช้ผลผลิต/ผลลัพธ์)"}
PLAN_LABELS: tuple[tuple[str, str], ...] = (
    ("preface", r"คำนำ"),
    ("rationale", r"หลักการและเหตุผล"),
    ("objectives", r"วัตถุประสงค์(?:ของการจัดทำแผน)?"),
    ("goals", r"เป้าหมาย"),
    ("benefits", r"ประโยชน์(?:ของการจัดทำแผน)?"),
)
NUMBER = re.compile(rf"^(?P<num>{D}+)\s*[.)]?\s*")
BARE_NUMBER = re.compile(rf"^{D}+\s*\.?$")
GROUPS = (("ทุกหน่วยงานต้องดำเนินการ", "mandatory"), ("เลือกดำเนินการ", "selective"), ("ตามบริบท", "context"))


@dataclass(frozen=True)
class Heading:
    field: str
    rest: str  # text after the label on the same line ("ชื่อโครงการ : <rest>")
    number: int | None


def match_heading(text: str, labels: tuple[tuple[str, str], ...] = CARD_LABELS, loose: bool = False) -> Heading | None:
    """A heading is numbered, or ends at the label (a colon may follow); `loose` also takes "ผลผลิต ข้อความ"."""
    text = text.replace("**", "").strip()
    number_match = NUMBER.match(text)
    body = text[number_match.end() :] if number_match else text
    for field, pattern in labels:
        match = re.match(rf"(?:{pattern})(?![\u0e00-\u0e7f])", body)
        if not match:
            continue
        rest = body[match.end() :].strip()
        colon = rest.startswith(":")
        rest = rest.lstrip(":").strip()
        number = (
            int(number_match.group("num").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
            if number_match
            else None
        )
        if number is not None or colon or not rest or field == "name" or (loose and field in ("outputs", "outcomes")):
            return Heading(field, rest, number)
    return None


def split_glued_heading(text: str) -> tuple[str, str] | None:
    """ "มาตรการ NO Gift Policy2. หลักการและเหตุผล" (two headings on one line) → the name and the second heading."""
    for field, pattern in CARD_LABELS:
        if field == "name":
            continue
        match = re.search(rf"{D}+\s*\.\s*(?:{pattern})\s*:?\s*$", text)
        if match and match.start() > 0:
            return text[: match.start()].strip(), text[match.start() :].strip()
    return None


def structural(text: str) -> tuple[str, str | None] | None:
    """Headings between cards: ("dimension", "1"), ("mission", "1.1"), ("sub_mission", "1.1.1"), ("group", …)."""
    text = text.strip().strip("#").strip()
    if not text:
        return "blank", None
    if match := re.match(rf"^ม[ิ]?ติที่\s*({D})", text):
        return "dimension", match.group(1).translate(str.maketrans("๐๑๒๓๔", "01234"))
    code = CODE.match(text)
    if code and code.group(4) is None and code.group(5) and not re.match(r"^[.)]", code.group(5)):
        return ("sub_mission" if code.group(3) else "mission"), text
    for phrase, group in GROUPS:
        if phrase in text and len(text) < 120:
            return "group", group
    if order := re.match(rf"^ลำดับที่\s*({D}+)\s*$", text):
        return "order", order.group(1).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if re.match(rf"^ส่วนที่\s*{D}", text) or text.startswith("รายละเอียดโครงการ"):
        return "part", None
    return None


def unknown_heading(text: str, last_number: int | None) -> bool:
    """ "10. ข้อเสนอแนะ" right after heading 9: a heading of the template this importer does not know."""
    match = re.match(rf"^(?P<num>{D}+)\s*\.\s*", text)  # card headings print "N." ("N)" is a list item)
    if last_number is None or not match or BARE_NUMBER.match(text):
        return False
    number = int(match.group("num").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
    body = text[match.end() :].strip().rstrip(":").strip()
    return number == last_number + 1 and 0 < len(body) <= 40 and " " not in body
