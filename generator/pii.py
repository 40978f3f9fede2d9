"""One detector for personal data in free text: Thai names after a title, phones, national IDs, e-mails.

Pure functions over strings (no project imports), so every kind and every output can share it. Text is
first normalised the way a reader sees it: Unicode NFKC (full-width digits), invisible and bidi characters
dropped, every decimal digit system (Thai ๐-๙, Arabic-Indic, …) as 0-9, `ํา` as `ำ` and `เเ` as `แ`.
Findings keep the span of the original text, so a message can quote what the clerk actually wrote.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .pii_patterns import EMAIL, ID_RUN, LATIN_NAME, NAME, PHONE, TITLE_START, TITLES

LABELS = {
    "name": "ชื่อบุคคล",
    "phone": "หมายเลขโทรศัพท์",
    "id": "เลขประจำตัวประชาชน 13 หลัก",
    "email": "อีเมล",
}
INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
# Why: only these need more than a 1:1 character swap; plain Thai and ASCII text skips the slow path.
_SPECIAL = re.compile(f"[{INVISIBLE}]|\u0e4d\u0e32|\u0e40\u0e40|[^\\x00-\\x7f\u0e00-\u0e7f]")
_REFOLD = re.compile("\u0e4d\u0e32|\u0e40\u0e40")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MIN_ALLOWED_NAME = 4
_SPACE = re.compile(r"\s+")
_NON_DIGIT = re.compile(r"\D")
_DIGITS = re.compile(r"\d+")
# Why: "ที่ กท 0306/20281" is an official letter number (4-digit office code, slash), not a phone.
_LETTER_NUMBER = re.compile(r"\d{4,}\s*[/.]")


@dataclass(frozen=True)
class Finding:
    kind: str  # name | phone | id | email
    start: int  # span in the original text
    end: int
    text: str  # the original text of the span
    key: str  # the normalised value, as compared with the allowlist

    @property
    def label(self) -> str:
        return LABELS[self.kind]


class Allow(frozenset[str]):
    """Normalised keys of publishable values; build once with `compile_allow` and reuse for many texts."""


# --- normalisation ------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _replacement(token: str) -> str:
    if _INVISIBLE_RE.fullmatch(token):
        return ""
    if token == "\u0e4d\u0e32":
        return "ำ"
    if token == "\u0e40\u0e40":
        return "แ"
    if token.isdecimal():
        return str(unicodedata.decimal(token))
    # Why the replace: NFKC splits ำ into ํ + า, which Thai text never means.
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", token)).replace("\u0e4d\u0e32", "ำ")


def normalise_with_map(text: str) -> tuple[str, list[int] | None]:
    """Normalised text and, when lengths changed, the original index of every normalised character."""
    if not _SPECIAL.search(text):
        return text.translate(_THAI_DIGITS), None
    normal, origin = _replace_specials(text)
    # Why a second pass: dropping "ํ\u200bา"'s invisible character makes a new "ํา" to fold.
    while _REFOLD.search(normal):
        normal, again = _replace_specials(normal)
        origin = [origin[i] for i in again]
    return normal.translate(_THAI_DIGITS), origin


def _replace_specials(text: str) -> tuple[str, list[int]]:
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _SPECIAL.finditer(text):
        start = match.start()
        pieces.append(text[last:start])
        origin.extend(range(last, start))
        replacement = _replacement(match.group())
        pieces.append(replacement)
        origin.extend([start] * len(replacement))
        last = match.end()
    pieces.append(text[last:])
    origin.extend(range(last, len(text) + 1))  # the extra entry maps the end of the text
    return "".join(pieces), origin


def normalise_for_search(text: str) -> str:
    return normalise_with_map(text)[0]


# --- keys: how a finding and an allowlist entry are compared ------------------------------------


def strip_titles(name: str) -> str:
    """A name without the titles in front (นาย, ร.ต.อ., ผศ.ดร., …), stacked or not."""
    while True:
        match = TITLES.match(name)
        if not match or match.end() == 0 or match.end() >= len(name):
            return name
        name = name[match.end() :].lstrip()


def name_key(name: str) -> str:
    return _SPACE.sub("", strip_titles(normalise_for_search(name).strip()))


def phone_key(digits: str) -> str:
    """The national form 0XXXXXXXX(X) of a phone written with or without +66."""
    if digits.startswith("0066"):
        digits = digits[4:]
    elif digits.startswith("66") and len(digits) >= 10:
        digits = digits[2:]
    return digits if digits.startswith("0") else "0" + digits


def compile_allow(values: Collection[str]) -> Allow:
    """Keys of every publishable name, phone, ID and e-mail in `values` (each a name, a phone, …)."""
    keys: set[str] = set()
    for value in values:
        normal = normalise_for_search(value)
        found = list(_scan(normal))
        keys.update(key for _kind, _start, _end, key in found)
        if not found or all(kind == "name" for kind, *_ in found):
            keys.add(name_key(value))
        keys.add(_SPACE.sub("", normal).casefold())
    return Allow(keys)


# --- detection ----------------------------------------------------------------------------------


def find_personal_data(text: str, allow: Collection[str] = ()) -> list[Finding]:
    """Every name, phone, national ID and e-mail in `text` that is not in `allow`, in text order."""
    normal, origin = normalise_with_map(text)
    keys = allow if isinstance(allow, Allow) else compile_allow(allow) if allow else Allow()
    findings = []
    for kind, start, end, key in _scan(normal):
        if _allowed(kind, key, keys):
            continue
        first, last = (start, end) if origin is None else _original_span(text, origin, start, end)
        findings.append(Finding(kind, first, last, text[first:last], key))
    return sorted(findings, key=lambda f: (f.start, f.end, f.kind))


def _original_span(text: str, origin: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of `text` that became normalised [start, end): up to the next kept character, minus invisibles."""
    first, last = origin[start], origin[end]
    while last > first and _INVISIBLE_RE.match(text, last - 1):
        last -= 1
    return first, last


def _allowed(kind: str, key: str, keys: Allow) -> bool:
    if key in keys:
        return True
    # Why a prefix: Thai has no word breaks, so a surname runs into the next words ("วัฒนะรองปลัด…").
    return kind == "name" and any(key.startswith(k) for k in keys if len(k) >= MIN_ALLOWED_NAME)


def _scan(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, key) over normalised text; cheap pre-checks skip most regexes."""
    if "@" in text:
        for match in EMAIL.finditer(text):
            yield "email", match.start(), match.end(), match.group().casefold()
    if _DIGITS.search(text):
        yield from _scan_numbers(text)
    yield from _scan_names(text)


def _scan_numbers(text: str) -> Iterator[tuple[str, int, int, str]]:
    ids = []
    for match in ID_RUN.finditer(text):
        digits = _NON_DIGIT.sub("", match.group())
        if id_checksum_ok(digits):
            ids.append((match.start(), match.end()))
            yield "id", match.start(), match.end(), digits
    for match in PHONE.finditer(text):
        span = _phone_span(match)
        if span and not any(a <= span[0] < b for a, b in ids):
            yield "phone", span[0], span[1], phone_key(_NON_DIGIT.sub("", text[span[0] : span[1]]))


def _phone_span(match: re.Match[str]) -> tuple[int, int] | None:
    """The shortest run of whole digit groups from the match's start that is a Thai phone number."""
    intl = match.group("intl") is not None
    body = match.group("body")
    if _LETTER_NUMBER.match(body):
        return None
    digits = ""
    for group in _DIGITS.finditer(body):
        digits += group.group()
        if is_phone_number(digits, intl):
            return match.start(), match.start("body") + group.end()
        if len(digits) >= 10:
            return None
    return None


def is_phone_number(digits: str, intl: bool) -> bool:
    """Landlines 0[2-7] + 7 digits, mobiles 0[689] + 8 digits; after +66 the leading 0 is dropped."""
    if intl:
        digits = digits[1:] if digits.startswith("0") else digits
        digits = "0" + digits
    if len(digits) == 9:
        return digits[0] == "0" and digits[1] in "234567"
    return len(digits) == 10 and digits[0] == "0" and digits[1] in "689"


def id_checksum_ok(digits: str) -> bool:
    """Thai national ID: 13 digits, the last is (11 - Σ d_i·(13-i) mod 11) mod 10."""
    if len(digits) != 13 or digits[0] == "0":
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def _scan_names(text: str) -> Iterator[tuple[str, int, int, str]]:
    position = 0
    while candidate := TITLE_START.search(text, position):
        match = NAME.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1
            continue
        yield "name", match.start(), match.end(), match.group("given") + match.group("surname")
        position = match.end()
    for match in LATIN_NAME.finditer(text):
        yield "name", match.start(), match.end(), match.group("given") + match.group("surname")
