"""One sample page of every page kind in a built site, found from the site itself.

A page kind is a URL shape: '/', '/<unit>/', '/<unit>/plan/*/budget/', '/<unit>/plan/*/projects/*/',
'/about/', ... Report pages other helpers add (progress, complaints, ITA, OIT, open data) are picked up
automatically, so the accessibility, request and mobile tests cover them without edits here.
"""

from __future__ import annotations

from pathlib import Path

PREFERRED_UNIT = "sao-bueng-prue"  # the fullest sample plan; other units only for kinds it lacks
PREFERRED_PLAN = "2566-2570"  # that unit's full plan (its 2561–2564 plan is a four-project example)
UNITS_DIR = Path(__file__).resolve().parents[2] / "data" / "units"


def page_kinds(site: Path, units_dir: Path = UNITS_DIR) -> dict[str, str]:
    """{kind: url path} with one page per kind, preferring the fullest sample unit."""
    units = {p.name for p in units_dir.iterdir() if p.is_dir()}
    found: dict[str, str] = {}
    for html in sorted(site.rglob("index.html"), key=lambda p: (PREFERRED_UNIT not in p.parts, PREFERRED_PLAN not in p.parts, p.as_posix())):
        rel = html.parent.relative_to(site)
        if rel.parts and rel.parts[0] in {"assets", "search"}:
            continue
        kind = kind_of(rel.parts, units)
        found.setdefault(kind, "/" + "".join(f"{part}/" for part in rel.parts))
    return dict(sorted(found.items()))


def kind_of(parts: tuple[str, ...], units: set[str]) -> str:
    """'<unit>/plan/*/projects/*' style key: unit ids, years, numbers and item ids become placeholders."""
    if not parts:
        return "home"
    shaped = []
    for depth, part in enumerate(parts):
        if depth == 0 and part in units:
            shaped.append("<unit>")
        # Why a province is a placeholder: every province page of the unit directory comes from one template.
        elif any(ch.isdigit() for ch in part) or depth >= 4 or (depth == 1 and parts[0] == "units"):
            shaped.append("*")
        else:
            shaped.append(part)
    return "/".join(shaped)


PLAN_KINDS = ("<unit>/plan/*", "<unit>/plan/*/budget", "<unit>/plan/*/dimensions/*", "<unit>/plan/*/projects/*")


def plan_kinds(kinds: dict[str, str]) -> dict[str, str]:
    """The page kinds the plan templates build (overview, budget, dimension, project card)."""
    return {k: kinds[k] for k in PLAN_KINDS}
