"""Privacy guard: the build fails if a non-publishable official's name, phone or e-mail would be published.

Every `Person` with `publish: false` in any loaded document is collected; every generated page and asset
(CSV/JSON, and the members of XLSX/ZIP files) is searched for that person's name (without honorific, with
any spacing), phone numbers (any spacing or dashes, Thai or Arabic digits, +66 or 0) and e-mail, after
undoing Markdown escapes and HTML entities and dropping invisible characters. A hit is a DataError that
points at the line where the person is defined. Values that also belong to a publishable Person are not
secret. Matching is plain substring search on normalized text (fast; Thai has no word boundaries anyway).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .dataset import Dataset, Loaded, UnitData
from .loader import Loc
from .models.common import Person, to_arabic_digits
from .problems import Problem
from .validation import format_loc

# Longest first, so "นางสาว" is removed before "นาง".
_HONORIFICS = "นาย นาง นางสาว น.ส. ด.ช. ด.ญ. ดร. นพ. พญ. ว่าที่ร้อยตรี ว่าที่ร.ต. ร.ต. ร.ท. ร.อ. จ.ส.อ. พ.ต.ต. พ.ต.ท. พ.ต.อ."
HONORIFICS = sorted([*_HONORIFICS.split(), "ว่าที่ ร.ต.", "mr.", "mrs.", "ms.", "miss", "dr."], key=len, reverse=True)
MIN_NAME_CHARS = 4
MIN_PHONE_DIGITS = 6
# Invisible characters someone could slip into a name to dodge a plain text search.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]")
_THAI_DIGIT = re.compile("[๐-๙]")
_THAI_MARK = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_SPACE = re.compile(r"\s+")
_PHONE_RUN = re.compile(r"\+?\d[\d\s\-–.()]{4,}\d")
LABELS = {"name": "ชื่อ", "phone": "หมายเลขโทรศัพท์", "email": "อีเมล"}


@dataclass(frozen=True)
class Secret:
    """One value that must not appear on the site, with where it is defined."""

    kind: str  # name | phone | email
    needle: str  # compact form: no whitespace (name, e-mail) or digits only (phone)
    path: str
    line: int
    field: str


@dataclass(frozen=True)
class Haystack:
    """One published text in the two compact forms the needles are compared with."""

    page: str
    compact: str  # normalized, whitespace removed
    phones: str  # every phone-like run as digits, separated by '|'

    @classmethod
    def of(cls, page: str, text: str) -> Haystack:
        text = normalize(text)
        runs = "|".join(re.sub(r"\D", "", run) for run in _PHONE_RUN.findall(text))
        return cls(page, _SPACE.sub("", text), f"|{runs}|")

    def contains(self, secret: Secret) -> bool:
        return secret.needle in (self.phones if secret.kind == "phone" else self.compact)


def normalize(text: str) -> str:
    """Text as a reader sees it: entities and Markdown escapes undone, invisibles dropped, Arabic digits."""
    text = _INVISIBLE.sub("", _MD_ESCAPE.sub(r"\1", text))
    if "&" in text:
        text = html.unescape(text)
    if _THAI_DIGIT.search(text):
        text = to_arabic_digits(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.casefold()


def strip_honorific(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for title in HONORIFICS:
            rest = name[len(title) :].lstrip()
            if name.startswith(title) and rest and not _THAI_MARK.match(rest):
                name, changed = rest, True
                break
    return name


def name_needle(name: str) -> str | None:
    core = _SPACE.sub("", strip_honorific(" ".join(normalize(name).split())))
    return core if len(core) >= MIN_NAME_CHARS else None


def phone_needles(phone: str) -> list[str]:
    needles: list[str] = []
    for run in _PHONE_RUN.findall(normalize(phone)):
        digits = re.sub(r"\D", "", run)
        variants = {digits}
        if digits.startswith("66") and len(digits) >= 10:
            variants.add("0" + digits[2:])
        elif digits.startswith("0"):
            variants.add("66" + digits[1:])
        # Why '|': a phone matches a whole phone-like run of the page, never part of a longer number.
        needles.extend(f"|{number}|" for number in variants if len(number) >= MIN_PHONE_DIGITS)
    return needles


def iter_persons(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Person]]:
    """Every Person inside a validated model, with its location in the YAML document."""
    if isinstance(value, Person):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from iter_persons(getattr(value, name), (*loc, name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from iter_persons(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_persons(item, (*loc, str(key)))


def iter_loaded(data: Dataset) -> Iterator[Loaded]:
    """Every loaded document of the dataset, whatever catalogues and kinds exist."""

    def walk(value: Any) -> Iterator[Loaded]:
        if isinstance(value, Loaded):
            if value.model is not None:
                yield value
        elif isinstance(value, UnitData):
            yield from walk(value.unit)
            yield from walk(value.documents)
        elif isinstance(value, Mapping):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                yield from walk(item)

    for value in vars(data).values():
        yield from walk(value)


def collect_secrets(data: Dataset) -> list[Secret]:
    """Name/phone/e-mail of every non-publishable Person, minus values some publishable Person also has."""
    public: set[str] = set()
    private: list[tuple[str, str, Loaded, Loc]] = []
    for loaded in iter_loaded(data):
        for kind, value, publish, loc in person_values(loaded):
            if publish:
                public.add(normalize(value))
            else:
                private.append((kind, value, loaded, loc))
    secrets = []
    for kind, value, loaded, loc in private:
        if normalize(value) in public:
            continue
        for needle in _needles(kind, value):
            secrets.append(Secret(kind, needle, loaded.path, loaded.doc.line_of(loc), format_loc(loc)))
    return secrets


# Why: the check walks every document for its persons after each preview save; a document's persons depend only on
# its bytes. Keyed by (shown path, content hash), bounded.
_PERSONS: dict[tuple[str, bytes], list[tuple[str, str, bool, Loc]]] = {}


def person_values(loaded: Loaded) -> list[tuple[str, str, bool, Loc]]:
    """(name|phone|email, value, publishable, location) of every person field the document fills."""
    key = (loaded.path, loaded.doc.digest)
    found = _PERSONS.get(key) if loaded.doc.digest else None
    if found is None:
        found = [
            (kind, getattr(person, kind), person.publish, (*loc, kind))
            for loc, person in iter_persons(loaded.model)
            for kind in LABELS
            if getattr(person, kind)
        ]
        if loaded.doc.digest:
            if len(_PERSONS) >= _SCANS_LIMIT:
                _PERSONS.clear()
            _PERSONS[key] = found
    return found


def _needles(kind: str, value: str) -> list[str]:
    if kind == "phone":
        return phone_needles(value)
    if kind == "email":
        return [_SPACE.sub("", normalize(value))]
    needle = name_needle(value)
    return [needle] if needle else []


def _asset_texts(path: str, content: bytes) -> Iterator[tuple[str, str]]:
    if zipfile.is_zipfile(io.BytesIO(content)):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    yield from _asset_texts(f"{path}/{info.filename}", archive.read(info))
        return
    text = content.decode("utf-8", errors="ignore")
    if path.endswith(".json"):
        # Why: json.dumps escapes Thai as \u0e2a...; compare the decoded strings instead
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    yield path, text


# Why: a preview scans every page and download (XLSX and ZIP members read) after each save; a file whose bytes
# and the secrets are unchanged has the same findings. Keyed by content hash, bounded.
_SCANS: dict[tuple[bytes, str, bytes], list[tuple[str, int]]] = {}
_SCANS_LIMIT = 200_000


def find_privacy_leaks(data: Dataset, files: Mapping[str, str], assets: Mapping[str, bytes]) -> list[Problem]:
    """Every non-publishable name, phone or e-mail that would appear in what is published (a check error)."""
    secrets = collect_secrets(data)
    if not secrets:
        return []
    tag = hashlib.blake2b(repr(secrets).encode("utf-8"), digest_size=16).digest()
    problems: dict[tuple[str, int, str], Problem] = {}
    published: list[tuple[str, str | bytes]] = [*files.items(), *assets.items()]
    for path, content in published:
        for page, index in _scan(tag, secrets, path, content):
            secret = secrets[index]
            key = (secret.path, secret.line, secret.field)
            if key not in problems:  # the first page that shows it is named
                problems[key] = _leak(secret, page)
    return list(problems.values())


def _scan(tag: bytes, secrets: list[Secret], path: str, content: str | bytes) -> list[tuple[str, int]]:
    """(page or archive member, secret index) for every secret this published file shows."""
    raw = content.encode("utf-8") if isinstance(content, str) else content
    key = (tag, path, hashlib.blake2b(raw, digest_size=16).digest())
    if key not in _SCANS:
        texts = [(path, content)] if isinstance(content, str) else list(_asset_texts(path, content))
        stacks = [Haystack.of(page, text) for page, text in texts]
        if len(_SCANS) >= _SCANS_LIMIT:
            _SCANS.clear()
        _SCANS[key] = [(stack.page, i) for stack in stacks for i, secret in enumerate(secrets) if stack.contains(secret)]
    return _SCANS[key]


def _leak(secret: Secret, page: str) -> Problem:
    message = (
        f"{LABELS[secret.kind]}ของบุคคลที่ไม่อนุญาตให้เผยแพร่ (publish: false) จะปรากฏในหน้า {page}"
        " ให้ลบออกจากข้อความที่เผยแพร่ หรือกำหนด publish: true ถ้าบุคคลนี้เผยแพร่ได้"
        " (hint: private personal data would be published)"
    )
    return Problem(secret.path, secret.line, secret.field, message)


