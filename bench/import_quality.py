"""How much of each shipped plan `import-docx` recovers from a Word file built from its seed.

    .venv/bin/python bench/import_quality.py

For seeds 000, 001 (card layout; 001 also as 2-column card tables) and 004 (table layout): build the .docx
(bench/docx_seeds.py), import it, and compare every field of the shipped YAML (data/units/…) with the draft:
projects by position, each value validated by the plan model first. "exact" = equal after validation;
"text" = the same labels and words in the same order once spaces and block structure (paragraph vs one-item
list, KPI targets) are ignored — the shipped files remove line-wrap spaces and fix typos, which a
faithful import cannot do. Prints per seed and per field name, then totals.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.docx_seeds import build_card_tables_docx, build_docx, seed_text  # noqa: E402
from generator.kinds.plan.docx_import import import_docx  # noqa: E402
from generator.loader import load_yaml  # noqa: E402
from generator.models.plan import Plan, Project  # noqa: E402

CASES = (
    ("000", 0, "bma-district-suan-luang", build_docx),
    ("001", 1, "sao-bueng-prue", build_docx),
    ("001 (ตาราง 2 คอลัมน์)", 1, "sao-bueng-prue", build_card_tables_docx),
    ("004", 4, "bma-finance-department", build_docx),
)
PLAN_SKIP = {"projects", "kind", "errata"}


def shipped(unit: str) -> dict[str, Any]:
    path = ROOT / "data" / "units" / unit / "plan-2566-2570.yml"
    return load_yaml(path, str(path)).data  # type: ignore[no-any-return]


def flat_text(value: Any) -> list[tuple[str, str]]:
    """Labels and words in order, without spaces: what a reader sees, whatever the block structure."""
    if isinstance(value, str):
        return [("", "".join(value.split()))]
    if isinstance(value, list):
        return [pair for item in value for pair in flat_text(item)]
    if isinstance(value, dict):
        if "list" in value:
            return flat_text(value["list"])
        if "table" in value:
            return flat_text(value["table"].get("rows", []))
        if "text" in value:
            own = [(str(value.get("label") or ""), "".join(str(value["text"]).split()))]
            return own + flat_text(value.get("items", []))
        return [(str(k), "".join(str(v).split())) for k, v in sorted(value.items())]
    return [("", str(value))]


def compare_field(truth: dict[str, Any], draft: dict[str, Any], name: str, model: type) -> tuple[bool, bool]:
    """(exact, same text) for one field: the draft's value put in place of the shipped one, both validated."""
    if name not in draft:
        return False, False
    try:
        expected = getattr(model.model_validate(truth), name)
        got = getattr(model.model_validate({**truth, name: draft[name]}), name)
    except Exception:
        return False, False
    if expected == got:
        return True, True
    return False, flat_text(_dump(expected)) == flat_text(_dump(got))


def _dump(value: Any) -> Any:
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value.model_dump(exclude_none=True, exclude={"target", "ordered"}) if hasattr(value, "model_dump") else value


def score(truth: dict[str, Any], draft: dict[str, Any]) -> dict[str, Counter[str]]:
    """field name → Counter(total, exact, text) over the plan-level fields and every project."""
    counts: dict[str, Counter[str]] = {}
    pairs = [(truth, draft, Plan, sorted(set(truth) - PLAN_SKIP))]
    for index, project in enumerate(truth["projects"]):
        got = draft["projects"][index] if index < len(draft.get("projects", [])) else {}
        pairs.append((project, got, Project, list(project)))
    for expected, got, model, names in pairs:
        for name in names:
            exact, text = (
                compare_field(expected, got, name, model) if model is Project else plan_field(expected, got, name)
            )
            tally = counts.setdefault(name, Counter())
            tally.update(total=1, exact=int(exact), text=int(text))
    return counts


def plan_field(truth: dict[str, Any], draft: dict[str, Any], name: str) -> tuple[bool, bool]:
    """Plan-level fields are compared alone (the whole plan would need every project to validate)."""
    if name not in draft:
        return False, False
    probe = {
        "title": "x",
        "period": {"start": "2566", "end": "2570"},
        "projects": [{"id": "x", "mission": "1.1", "name": "x"}],
    }
    try:
        expected = getattr(Plan.model_validate({**probe, name: truth[name]}), name)
        got = getattr(Plan.model_validate({**probe, name: draft[name]}), name)
    except Exception:
        return False, False
    return expected == got, expected == got or flat_text(_dump(expected)) == flat_text(_dump(got))


def run_case(label: str, seed: int, unit: str, build: Any, folder: Path) -> dict[str, Counter[str]]:
    path = build(seed_text(seed), folder / f"seed-{seed:03d}-{build.__name__}.docx")
    draft = import_docx(path)
    return score(shipped(unit), draft.document)


def print_counts(title: str, counts: dict[str, Counter[str]]) -> None:
    total = sum((c for c in counts.values()), Counter())
    print(f"\n## {title}: exact {total['exact']}/{total['total']}, same text {total['text']}/{total['total']}")
    for name, tally in sorted(counts.items(), key=lambda item: -item[1]["total"]):
        print(
            f"  {name:<14} exact {tally['exact']:>3}/{tally['total']:<3} same text {tally['text']:>3}/{tally['total']}"
        )


def main() -> None:
    grand: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, seed, unit, build in CASES:
            counts = run_case(label, seed, unit, build, Path(tmp))
            print_counts(f"seed {label} → data/units/{unit}", counts)
            for name, tally in counts.items():
                grand.setdefault(name, Counter()).update(tally)
    print_counts("รวมทุก seed", grand)


if __name__ == "__main__":
    main()
