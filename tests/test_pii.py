"""The personal-data detector: generated names, phones and IDs in every variant are found; shipped data is clean."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.pii import compile_allow, find_personal_data, id_checksum_ok, normalise_for_search
from generator.pii_patterns import ALL_TITLES, NOT_A_NAME, TITLE_START

DATA = Path(__file__).resolve().parent.parent / "data"
CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
LEADING_VOWELS = list("เแโใไ")
# Letters that follow inside a name: consonants, vowels, tone marks.
FOLLOWING = CONSONANTS + list("ะาำิีึืุูั่้๊๋็์")
# "_" stands for the space inside "ว่าที่ ร.ต." and "รศ. ดร.".
_TITLES = (
    "นาย นาง นางสาว น.ส. ด.ช. ด.ญ. เด็กชาย ร.ต.อ. พ.ต.ท. พล.ต.ต. จ.ส.อ. ส.ต.ท. ว่าที่ร้อยตรี ว่าที่_ร.ต. ว่าที่ร.ต."
    " ร้อยตำรวจเอก พันเอก พ.ต.อ.หญิง ดร. ผศ. รศ. ศ. ผศ.ดร. รศ._ดร. ศ.นพ. นายแพทย์ แพทย์หญิง ผู้ช่วยศาสตราจารย์"
    " รองศาสตราจารย์_ดร."
)
TITLES = [title.replace("_", " ") for title in _TITLES.split()]
BEFORE = ["", "ผู้รับผิดชอบ ", "โดย", "ติดต่อ ", "(", "ประสานงานกับ ", "ข้อความ\n"]
AFTER = ["", " ", " เป็นผู้ประสานงาน", ")", " ได้ดำเนินการแล้ว", "\n"]
INVISIBLE = list("\u200b\u200c\u200d\u2060\ufeff\u00ad\u061c\u202a\u202e\u2066\u2069")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
FULL_WIDTH = str.maketrans("0123456789+()-/#", "０１２３４５６７８９＋（）－／＃")

words = st.tuples(
    st.sampled_from(CONSONANTS + LEADING_VOWELS), st.lists(st.sampled_from(FOLLOWING), min_size=1, max_size=10)
).map(lambda parts: parts[0] + "".join(parts[1]))


def sprinkle(text: str, rnd: random.Random) -> str:
    """Insert invisible and bidi characters at random places."""
    chars = list(text)
    for _ in range(rnd.randint(1, 4)):
        chars.insert(rnd.randint(0, len(chars)), rnd.choice(INVISIBLE))
    return "".join(chars)


def disguise(text: str, variant: int, rnd: random.Random) -> str:
    """One of the ways a value dodges a plain search: digit systems, invisibles, decomposed vowels."""
    if variant == 1:
        return text.translate(THAI_DIGITS)
    if variant == 2:
        return text.translate(FULL_WIDTH)
    if variant == 3:
        return sprinkle(text, rnd)
    if variant == 4:
        return sprinkle(text.translate(THAI_DIGITS).replace("ำ", "\u0e4d\u0e32").replace("แ", "เเ"), rnd)
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.sampled_from(TITLES),
    first=words,
    last=words,
    space=st.sampled_from([" ", "  ", "\u00a0"]),
    title_space=st.sampled_from(["", " "]),
    before=st.sampled_from(BEFORE),
    after=st.sampled_from(AFTER),
    variant=st.integers(0, 4),
    seed=st.integers(0, 2**16),
)
def test_generated_names_are_found(title, first, last, space, title_space, before, after, variant, seed):
    assume(not NOT_A_NAME.match(normalise_for_search(first)))
    name = f"{title}{title_space}{first}{space}{last}"
    text = before + disguise(name, variant, random.Random(seed)) + after
    found = [f for f in find_personal_data(text) if f.kind == "name"]
    assert found, text
    assert found[0].key.startswith(normalise_for_search(first + last))
    assert normalise_for_search(found[0].text) == normalise_for_search(f"{title}{title_space}{first}{space}{last}")


def phone_formats(number: str) -> list[str]:
    """Every common way to write a Thai number (landline 9 digits, mobile 10 digits)."""
    rest = number[1:]
    if len(number) == 9:
        a, b, c = number[:2], number[2:5], number[5:]
        national = [
            f"{a} {b} {c}",
            f"({a}) {b} {c}",
            f"{a}-{b}-{c}",
            f"{a} - {b} - {c}",
            f"{a}/{b}/{c}",
            number,
            f"{a}-{b}{c}",
            f"0 {number[1:5]} {number[5:]}",
        ]
        intl = [f"+66 {rest[0]} {b} {c}", f"+66{rest}", f"+66 (0){rest[0]}-{b}-{c}"]
    else:
        a, b, c = number[:3], number[3:6], number[6:]
        national = [
            f"{a} {b} {c}",
            f"{a}-{b}-{c}",
            f"{a} - {b} - {c}",
            f"{a}/{b}/{c}",
            number,
            f"({a}) {b} {c}",
            f"{a}-{b}{c}",
        ]
        intl = [f"+66 {rest[:2]} {b} {c}", f"+66{rest}", f"+66-{rest[:2]}-{b}-{c}"]
    return national + intl


@settings(max_examples=400, deadline=None)
@given(
    mobile=st.booleans(),
    area=st.sampled_from("234567"),
    prefix=st.sampled_from("689"),
    digits=st.text("0123456789", min_size=8, max_size=8),
    pick=st.integers(0, 100),
    suffix=st.sampled_from(["", " ต่อ 123", " ต่อ ๑๒", "#12", " (ในเวลาราชการ)"]),
    before=st.sampled_from(["โทร ", "โทร.", "ติดต่อ ", "หมายเลข ", "("]),
    variant=st.integers(0, 4),
    seed=st.integers(0, 2**16),
)
def test_generated_phones_are_found(mobile, area, prefix, digits, pick, suffix, before, variant, seed):
    number = f"0{prefix}{digits}" if mobile else f"0{area}{digits[:7]}"
    formats = phone_formats(number)
    written = formats[pick % len(formats)] + suffix
    text = before + disguise(written, variant, random.Random(seed)) + " ในวันราชการ"
    assert number in [f.key for f in find_personal_data(text) if f.kind == "phone"], text


def with_checksum(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


@settings(max_examples=300, deadline=None)
@given(
    first=st.sampled_from("123456789"),
    digits=st.text("0123456789", min_size=11, max_size=11),
    separator=st.sampled_from(["", " ", "-", ".", "/", " - "]),
    grouped=st.booleans(),
    variant=st.integers(0, 4),
    seed=st.integers(0, 2**16),
)
def test_generated_national_ids_are_found(first, digits, separator, grouped, variant, seed):
    number = with_checksum(first + digits)
    parts = [number[0], number[1:5], number[5:10], number[10:12], number[12]] if grouped else list(number)
    written = separator.join(parts) if separator or grouped else number
    text = "เลขประจำตัวประชาชน " + disguise(written, variant, random.Random(seed)) + " ของผู้ร้อง"
    assert number in [f.key for f in find_personal_data(text) if f.kind == "id"], text


@pytest.mark.parametrize("title", ALL_TITLES)
def test_every_title_is_a_candidate_start_and_finds_a_name(title):
    assert TITLE_START.match(title), title
    assert find_personal_data(f"ผู้ประสานงาน {title}ไพลิน กิตติคุณ โทร"), title


def test_latin_names_after_an_english_title():
    assert find_personal_data("contact: Mr. Somchai Jaidee")[0].key == "SomchaiJaidee"


def test_id_checksum_rejects_a_wrong_last_digit():
    good = with_checksum("110170023070")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert id_checksum_ok(good) and not id_checksum_ok(bad)
    assert not find_personal_data(f"เลข {bad}")


@pytest.mark.parametrize(
    "text",
    [
        "นายกองค์การบริหารส่วนตำบลบึงปรือ มอบหมายให้ปลัด",
        "นายกเทศมนตรี ปลัดเทศบาล นายอำเภอเมือง ผู้อำนวยการเขตสวนหลวง",
        "นายหมู่ลูกเสือสามัญ ทุกคน",
        "ทนายความ ทำนายผล ขุนนางผู้ใหญ่",
        "ปีงบประมาณ พ.ศ. 2566 - 2570 วันที่ 2023-10-01",
        "หนังสือ ที่ กท ๐๓๐๖/๒๐๒๘๑ ลว. ๘ ธันวาคม ๒๕๖๔ และ ปช 0013/0040",
        "งบประมาณ 40000000 บาท 80,000,000.01 บาท 1,234,567,890,123 บาท",
        "Line@ ของสำนักงานเขต และ http://203.148.250.178/Rongtook",
        "สายด่วน 1555 และ 1111",
    ],
)
def test_no_false_alarm_on_offices_numbers_and_dates(text):
    assert find_personal_data(text) == []


def test_allowlist_accepts_publishable_values_in_any_form():
    text = "(นางวันทนีย์ วัฒนะรองปลัดกรุงเทพมหานคร) โทร ๐๒-๓๒๑-๗๙๒๖ อีเมล A.B@Example.go.th"
    assert {f.kind for f in find_personal_data(text)} == {"name", "phone", "email"}
    allow = compile_allow(["นางวันทนีย์ วัฒนะ", "+66 2 321 7926", "a.b@example.go.th"])
    assert find_personal_data(text, allow) == []
    assert find_personal_data(text, ["วันทนีย์\u200b วัฒนะ"])[0].kind == "phone"


def test_findings_quote_the_original_text():
    text = "ติดต่อ\u200b นา\u200bยสม\u202eชาย ใจดี โทร ０８１－２３４－５６７８"
    found = find_personal_data(text)
    assert [f.text for f in found] == ["นา\u200bยสม\u202eชาย ใจดี", "０８１－２３４－５６７８"]
    assert [f.label for f in found] == ["ชื่อบุคคล", "หมายเลขโทรศัพท์"]


# --- shipped data -------------------------------------------------------------------------------

PERSON_KEYS = {"name", "position", "office", "phone", "email", "publish"}
PRIVATE_KEYS = {"name", "phone", "email"}
# Real names in free text that the data does not (yet) mark publishable: the detector must keep finding them
# until the data marks them (the check phase will report them as errors). File, kind, normalised value.
# The BMA deputy permanent secretary named in seed 003 is marked publishable in data/units/bma/unit.yml
# (`officials:`), so the shipped data has no unmarked personal data left.
KNOWN_UNMARKED: set[tuple[str, str, str]] = set()


def is_person(value: dict[str, Any]) -> bool:
    return set(value) <= PERSON_KEYS and bool(set(value) & PRIVATE_KEYS)


def published_strings(value: Any, allow: set[str]) -> list[str]:
    """Every string that could be published; a Person's private fields are skipped, publishable ones allowed."""
    if isinstance(value, dict):
        if is_person(value):
            fields = [str(value[k]) for k in PRIVATE_KEYS if value.get(k)]
            if value.get("publish") is True:
                allow.update(fields)
            rest = {k: v for k, v in value.items() if k not in PRIVATE_KEYS}
            return published_strings(rest, allow)
        return [s for k, v in value.items() for s in [str(k), *published_strings(v, allow)]]
    if isinstance(value, list):
        return [s for item in value for s in published_strings(item, allow)]
    return [value] if isinstance(value, str) else []


def test_no_finding_in_the_shipped_data():
    files = sorted(DATA.rglob("*.y*ml"))
    assert len(files) > 10
    found = set()
    allow: set[str] = set()  # like the check: a person marked publishable anywhere is publishable everywhere
    strings = {path: published_strings(yaml.safe_load(path.read_text(encoding="utf-8")), allow) for path in files}
    for path, texts in strings.items():
        for text in texts:
            for finding in find_personal_data(text, allow):
                found.add((path.relative_to(DATA).as_posix(), finding.kind, finding.key))
    assert found == KNOWN_UNMARKED


def test_a_span_ending_in_a_folded_vowel_keeps_the_whole_vowel() -> None:
    text = "นายกก ก\u0e4d\u0e32\ufeff ต่อ"
    assert [f.text for f in find_personal_data(text)] == ["นายกก ก\u0e4d\u0e32"]
