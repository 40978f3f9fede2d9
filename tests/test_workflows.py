"""The GitHub workflows, the check's annotation format, the committed JSON Schemas and the VS Code mapping."""

from __future__ import annotations

import fnmatch
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from generator.opendata.editor import render_vscode_settings, schema_globs
from generator.schema import schema_models
from generator.site import KINDS
from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
SHA = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(name: str) -> dict:
    # Why BaseLoader: PyYAML reads the key `on:` as the boolean True otherwise.
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, check=False, timeout=300)


def test_the_three_workflows_exist():
    assert {p.name for p in WORKFLOWS.glob("*.yml")} >= {"check-data.yml", "deploy.yml", "tests.yml"}


def test_workflows_match_the_github_workflow_schema():
    result = run(
        str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS.glob("*.yml"))
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_has_no_findings():
    result = run(str(BIN / "zizmor"), "--offline", "--no-progress", str(WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_sha():
    for path in WORKFLOWS.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                ref = line.split("uses:", 1)[1].split("#", 1)[0].strip()
                assert SHA.fullmatch(ref), f"{path.name}: {ref}"
                assert re.search(r"# v\d+\.\d+\.\d+$", line), f"{path.name}: say which release the SHA is"


def test_only_the_deploy_job_may_write_pages():
    flow = load("deploy.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    for name, job in jobs.items():
        if name != "deploy":
            assert "write" not in job.get("permissions", {}).values(), name
    steps = jobs["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert "actions/configure-pages" in uses and "actions/upload-pages-artifact" in uses
    assert jobs["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    build = next(s for s in steps if "mkdocs build" in s.get("run", ""))
    assert "--strict" in build["run"] and "SOURCE_DATE_EPOCH" in build["run"]
    assert {"SITE_URL", "REPO_URL"} <= set(build["env"])
    assert steps[0]["with"]["fetch-depth"] == "0"  # git dates need the history


def test_data_pull_requests_get_annotations():
    flow = load("check-data.yml")
    assert flow["on"]["pull_request"]["paths"] == ["data/**"]
    runs = [s.get("run", "") for s in flow["jobs"]["check"]["steps"]]
    assert any("python -m generator check data --format github" in r for r in runs)
    assert any(s.get("with", {}).get("cache") == "pip" for s in flow["jobs"]["check"]["steps"])


def test_test_workflow_runs_make_test_on_debian():
    flow = load("tests.yml")
    job = flow["jobs"]["test"]
    assert "bookworm" in job["container"]["image"]  # Debian's chromium package for the browser tests
    assert any(s.get("run") == "make test" for s in job["steps"])
    assert any(s.get("uses", "").startswith("actions/cache@") for s in job["steps"])


BROKEN_PLAN = """\
title: แผนทดสอบ
period:
  start: "2023"
  end: "2570"
projects:
  - id: first
    mission: "1.1"
    name: โครงการแรก
    budget:
      2566: ห้าพัน
"""


def test_github_annotation_format_points_at_the_broken_line(mini_data: Path):
    (mini_data / "units" / "mini" / "plan-2566-2570.yml").write_text(BROKEN_PLAN, encoding="utf-8")
    result = run(sys.executable, "-m", "generator", "check", "data", "--format", "github", cwd=mini_data.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines and all(re.fullmatch(r"::(error|warning) file=[^,]+,line=\d+::.+", line) for line in lines), lines
    assert (
        "::error file=data/units/mini/plan-2566-2570.yml,line=3::period.start: ปี 2023 ดูเหมือนเป็นปี ค.ศ." in result.stdout
    )
    assert any(line.startswith("::error file=data/units/mini/plan-2566-2570.yml,line=10::") for line in lines)
    assert "พบข้อผิดพลาด" in result.stderr  # the summary goes to the log, not into the annotations


def test_committed_schemas_do_not_drift():
    result = run(sys.executable, "-m", "generator", "schema", "--check")
    assert result.returncode == 0, result.stderr + "\n(run: python -m generator schema)"


def test_vscode_maps_every_schema_to_its_data_files():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8") == render_vscode_settings(KINDS), (
        "regenerate: python -c 'from generator.opendata.editor import write_vscode_settings; write_vscode_settings()'"
    )
    mapped = {Path(name).name for name in settings["yaml.schemas"]}
    assert mapped == set(schema_models(KINDS)) == set(schema_globs(KINDS))
    for name in mapped:
        assert (ROOT / "schemas" / name).is_file(), name


def test_every_data_file_has_exactly_one_schema():
    for path in sorted((ROOT / "data").rglob("*.yml")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("data/catalog/oit-"):
            continue  # OIT item catalogues: the OIT kind has no catalogue schema yet (see README)
        matches = [name for name, glob in schema_globs(KINDS).items() if fnmatch.fnmatchcase(rel, glob)]
        assert len(matches) == 1, (rel, matches)
