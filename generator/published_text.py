"""Personal data in free text: every published string of every kind goes through one detector (generator.pii).

A Thai name after a title, a phone number, a national ID or an e-mail in any text field (a unit's description,
a plan's preface, budget notes, progress problems, OIT notes, ITA results, …) is a check error at its file:line,
unless the data marks that person publishable (a `Person` with `publish: true`: executives named in official
capacity). The person fields themselves (`name`, `phone`, `email` of a Person) are governed by `publish` and
guarded in the output by generator.privacy; contact fields of an office (`phone`, `email`, `url` outside a
Person) are the office's own and not personal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any, TypeVar

from pydantic import BaseModel

from .dataset import Dataset, Loaded, problem_at
from .loader import Loc
from .models.common import Person
from .pii import Allow, compile_allow, find_personal_data
from .privacy import iter_loaded, person_values
from .problems import Problem

T = TypeVar("T")
OFFICE_CONTACT_FIELDS = {"phone", "email", "url", "site_url", "guideline_link", "contact_email"}


def iter_texts(value: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string inside a validated model with its YAML location, Person records and contacts left out."""
    if isinstance(value, Person):
        return
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in OFFICE_CONTACT_FIELDS:
                yield from iter_texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from iter_texts(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from iter_texts(item, (*loc, str(key)))


# Why: a preview re-checks every document after each save; a document's findings depend only on its bytes and the
# publishable values, so they are kept per (path, content hash, values). Bounded.
_FINDINGS: dict[tuple[str, bytes, bytes], list[Problem]] = {}
_LIMIT = 50_000


def _publishable_list(data: Dataset) -> list[str]:
    """Names, phones and e-mails of every person the data marks publishable."""
    return [value for loaded in iter_loaded(data) for _, value, publish, _ in person_values(loaded) if publish]


def check_personal_data(data: Dataset) -> list[Problem]:
    values = _publishable_list(data)
    allow = compile_allow(values)
    allow_key = hashlib.blake2b(repr(sorted(values)).encode("utf-8"), digest_size=16).digest()
    problems: list[Problem] = []
    for loaded in iter_loaded(data):
        key = (loaded.path, loaded.doc.digest, allow_key)
        problems.extend(_remember(_FINDINGS, key, partial(_findings, loaded, allow)))
    return problems


def _remember(cache: dict[Any, list[T]], key: Any, build: Callable[[], list[T]]) -> list[T]:
    """`build()` once per key; an entry with no digest (a document not read from a file) is never kept."""
    if not key[1]:
        return build()
    if key not in cache:
        if len(cache) >= _LIMIT:
            cache.clear()
        cache[key] = build()
    return cache[key]


def _findings(loaded: Loaded, allow: Allow) -> list[Problem]:
    return list(_check_document(loaded, allow))


def _check_document(loaded: Loaded, allow: Allow) -> Iterator[Problem]:
    for loc, text in iter_texts(loaded.model):
        for finding in find_personal_data(text, allow):
            message = (
                f"ข้อความนี้มี{finding.label} '{finding.text}' ซึ่งจะถูกเผยแพร่ ให้ลบออก"
                " หรือย้ายไปไว้ในช่องผู้รับผิดชอบ (name/phone พร้อม publish: true ถ้าเผยแพร่ได้)"
                " (hint: personal data in published text)"
            )
            yield problem_at(loaded, loc, message)

