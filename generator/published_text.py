"""Personal data in free text: every published string of every kind goes through one detector (generator.pii).

A Thai name after a title, a phone number, a national ID or an e-mail in any text field (a unit's description,
a plan's preface, budget notes, progress problems, OIT notes, ITA results, …) is a check error at its file:line,
unless the data marks that person publishable (a `Person` with `publish: true`: executives named in official
capacity). The person fields themselves (`name`, `phone`, `email` of a Person) are governed by `publish` and
guarded in the output by generator.privacy; contact fields of an office (`phone`, `email`, `url` outside a
Person) are the office's own and not personal.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .dataset import Dataset, Loaded, problem_at
from .loader import Loc
from .models.common import Person
from .pii import Allow, compile_allow, find_personal_data
from .privacy import iter_loaded, iter_persons
from .problems import Problem

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


def publishable_values(data: Dataset) -> Allow:
    """Names, phones and e-mails of every person the data marks publishable."""
    values = []
    for loaded in iter_loaded(data):
        for _, person in iter_persons(loaded.model):
            if person.publish:
                values += [v for v in (person.name, person.phone, person.email) if v]
    return compile_allow(values)


def check_personal_data(data: Dataset) -> list[Problem]:
    allow = publishable_values(data)
    problems: list[Problem] = []
    for loaded in iter_loaded(data):
        problems.extend(_check_document(loaded, allow))
    return problems


def _check_document(loaded: Loaded, allow: Allow) -> Iterator[Problem]:
    for loc, text in iter_texts(loaded.model):
        for finding in find_personal_data(text, allow):
            message = (
                f"ข้อความนี้มี{finding.label} '{finding.text}' ซึ่งจะถูกเผยแพร่ ให้ลบออก"
                " หรือย้ายไปไว้ในช่องผู้รับผิดชอบ (name/phone พร้อม publish: true ถ้าเผยแพร่ได้)"
                " (hint: personal data in published text)"
            )
            yield problem_at(loaded, loc, message)

