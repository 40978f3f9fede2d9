"""Precompiled patterns of `generator.pii`, kept apart so the word lists can grow without hiding the logic.

All patterns run on normalised text (see `pii.normalise_with_map`): digits are 0-9, no invisible characters.
"""

from __future__ import annotations

import re

# Thai letters that can start a word (consonants ก-ฮ, leading vowels เ แ โ ใ ไ) and that can follow.
_FIRST = "\u0e01-\u0e2e\u0e40-\u0e44"
_LETTER = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"

_CIVIL = "นางสาว นาง นาย เด็กชาย เด็กหญิง คุณหญิง ท่านผู้หญิง นายแพทย์ แพทย์หญิง ทันตแพทย์หญิง ทันตแพทย์ เภสัชกร"
_ACADEMIC = "ศาสตราจารย์ รองศาสตราจารย์ ผู้ช่วยศาสตราจารย์"
_ABBREVIATIONS = (
    "น.ส. ด.ช. ด.ญ. ดร. ผศ. รศ. ศ. นพ. พญ. ทพ. ทพญ. ภก. ภญ. สพ.ญ. ม.ร.ว. ม.ล. ม.จ."
    # army, police, navy and air-force ranks
    " ส.ต. ส.ท. ส.อ. จ.ส.ต. จ.ส.ท. จ.ส.อ. ร.ต. ร.ท. ร.อ. พ.ต. พ.ท. พ.อ. พล.ต. พล.ท. พล.อ."
    " พ.อ.ต. พ.อ.ท. พ.อ.อ. ส.ต.ต. ส.ต.ท. ส.ต.อ. ด.ต. ร.ต.ต. ร.ต.ท. ร.ต.อ. พ.ต.ต. พ.ต.ท. พ.ต.อ."
    " พล.ต.ต. พล.ต.ท. พล.ต.อ. จ.ต. จ.ท. จ.อ. พ.จ.ต. พ.จ.ท. พ.จ.อ. น.ต. น.ท. น.อ."
    " พล.ร.ต. พล.ร.ท. พล.ร.อ. พล.อ.ต. พล.อ.ท. พล.อ.อ."
)
# Full-word ranks: ร้อยตำรวจเอก, พลอากาศโท, จ่าสิบเอก, นาวาอากาศตรี, … optionally followed by หญิง.
_RANK_WORDS = (
    r"(?:(?:ร้อย|พัน|พล|นาวา|เรือ|พลเรือ|จ่า|พันจ่า|สิบ)(?:ตำรวจ|อากาศ)?(?:ตรี|โท|เอก)"
    r"|จ่าสิบ(?:ตำรวจ|ตรี|โท|เอก)|ดาบตำรวจ|พลตำรวจ|พลทหาร)(?:\s?หญิง)?"
)


def _abbreviation(title: str) -> str:
    # Why: "ศ." must not match inside "พ.ศ." nor "ร.ต." inside "ก.ร.ต."; "ดร." may follow "ผศ." though.
    guard = r"(?<![.])" if title[1] == "." else ""
    return guard + re.escape(title).replace(r"\.", r"\.\s?") + r"(?:\s?หญิง)?"


def _titles() -> str:
    words = sorted((_CIVIL + " " + _ACADEMIC).split(), key=len, reverse=True)
    abbreviations = sorted(_ABBREVIATIONS.split(), key=len, reverse=True)
    # Why the lookbehinds: ทนาย (lawyer), ทำนาย (predict), ขุนนาง (noble) are words, not titles.
    civil = r"(?<!ท)(?<!ทำ)(?<!ขุน)(?:" + "|".join(words) + ")"
    ranks = r"(?:ว่าที่\s?)?(?:" + "|".join(map(_abbreviation, abbreviations)) + "|" + _RANK_WORDS + ")"
    return rf"(?:{ranks}|{civil})"


TITLE = _titles()
# Why: the full NAME pattern is slow to try at every position (its guards defeat re's first-character scan);
# this plain pattern finds the few places where a title can start, and NAME is tried only there.
RANK_STEMS = "ร้อย พัน พล นาวา เรือ จ่า สิบ ดาบ ว่าที่"
TITLE_START = re.compile(
    "|".join(sorted((_CIVIL + " " + _ACADEMIC + " " + RANK_STEMS).split(), key=len, reverse=True))
    + r"|[\u0e01-\u0e2e]{1,3}\."
)
ALL_TITLES = [*(_CIVIL + " " + _ACADEMIC + " " + _ABBREVIATIONS).split(), "ร้อยตำรวจเอก", "จ่าสิบเอก", "ดาบตำรวจ"]
TITLES = re.compile(rf"(?:{TITLE}\s*)+")

# Words that follow a title in offices and positions ("นายกเทศมนตรี", "นายอำเภอ", "นางพยาบาล", "นาย ผู้อำนวยการ"):
# not a person's given name.
_NOT_NAMES = (
    "กเทศ กองค์ กรัฐ กสภา กสมาคม กเมือง กอบต กอบจ กฯ อำเภอ หมู่ หมวด ช่าง ทะเบียน จ้าง ทหาร ตำรวจ ด่าน"
    " หน้า ประกัน ตรวจ ทุน ห้าง พราน ท้าย สถานี ไปรษณีย์ ประตู เวร บ้าน งาน สิบ ร้อยเวร แพทย์ พยาบาล"
    " ชำนาญ ปฏิบัติ ประจำ ทั่วไป สาธารณสุข"
    " ผู้ หัวหน้า ปลัด รองปลัด รองนายก รองผู้ ประธาน เลขา เจ้าหน้าที่ เจ้าพนักงาน พนักงาน ลูกจ้าง ข้าราชการ"
    " นักวิชาการ นักจัดการ นักทรัพยากร นักวิเคราะห์ นักพัฒนา นักประชาสัมพันธ์ นักบริหาร นักตรวจสอบ"
    " นักกฎหมาย นักสังคม นักศึกษา นักเรียน นิติกร ตำแหน่ง สำนัก กองคลัง กองช่าง กองการ กองทุน ฝ่าย กลุ่ม"
    " ส่วน เขต องค์การ องค์กร จังหวัด ตำบล เทศบาล กรุงเทพ ทุก และ หรือ ของ ซึ่ง ที่ ได้รับ"
)
NOT_A_NAME = re.compile("(?:" + "|".join(sorted(_NOT_NAMES.split(), key=len, reverse=True)) + ")")

# A title (or several: ผศ.ดร., ว่าที่ ร.ต.), a given name, one to three spaces, a surname.
NAME = re.compile(
    rf"(?:{TITLE}\s*)+"
    rf"(?!{NOT_A_NAME.pattern})(?P<given>[{_FIRST}][{_LETTER}]{{1,24}})\s{{1,3}}"
    rf"(?P<surname>[{_FIRST}][{_LETTER}]{{1,39}})"
)
LATIN_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<given>[A-Z][a-z]+)\s+(?P<surname>[A-Z][a-z]+)")

_SEP = r"(?:\s*[-–—./]\s*|\s+|(?<=\))\s*)"
# +66 / 0066 (with an optional "(0)"), or a local number starting with 0 or "(0"; whole digit groups.
PHONE = re.compile(
    r"(?<![\d+])"
    r"(?:(?P<intl>(?:\+\s?|00)66)\s*(?:\(\s?0\s?\)\s*)?[-.]?\s*|(?=\(?0))"
    rf"(?P<body>\(?\d{{1,10}}\)?(?:{_SEP}\d{{1,10}}){{0,5}})"
)
ID_RUN = re.compile(r"(?<!\d)\d(?:(?:\s*[-./]\s*|\s)?\d){12}(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
