"""Preview benchmark: seconds from saving one field of one unit's YAML to the changed page being served.

For each N it makes N synthetic units (bench/synthetic.py), starts a real `mkdocs serve` (with `--dirty`, as
`make preview` does, and without it, as `make serve` does), waits for the first build, then edits one sentence of
the first unit's plan preface and polls the plan page until it shows the new text.
Usage: python bench/preview.py [--units 10 50] [--modes dirty full]
Target (issue 12): ≤ 3 s at 50 units, printed next to the figure, never asserted.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build import write_config
from bench.synthetic import ROOT, make_synthetic_data

UNIT = "synthetic-0001"  # a clone of sao-bueng-prue: its plan page shows the preface
PAGE = f"{UNIT}/plan/2566-2570/"
OLD = "องค์การบริหารส่วนตำบลบึงปรือได้จัดทำแผนปฏิบัติการ"
MARK = "ข้อความที่แก้ไขเพื่อวัดเวลา"
FIRST_BUILD_SECONDS = 900


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return ""


def wait_for(url: str, text: str, seconds: float) -> float:
    """Seconds until `url` serves a body containing `text` (polled every 0.1 s)."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.1)
    raise SystemExit(f"{url} never showed {text!r} within {seconds:.0f} s")


def measure(n_units: int, dirty: bool) -> tuple[float, float]:
    """(seconds of the first build, seconds from the save to the changed page) for one `mkdocs serve`."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = make_synthetic_data(work, n_units)
        config = write_config(work, ROOT / "content", data)
        port = free_port()
        cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}",
               *(["--dirty"] if dirty else [])]  # fmt: skip
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        url = f"http://127.0.0.1:{port}/{PAGE}"
        with (work / "serve.log").open("w") as log:
            server = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                first = wait_for(url, OLD, FIRST_BUILD_SECONDS)
                time.sleep(1)  # let the watcher settle after the first build
                plan = data / "units" / UNIT / "plan-2566-2570.yml"  # the plan whose preface has OLD
                plan.write_text(plan.read_text(encoding="utf-8").replace(OLD, MARK + OLD, 1), encoding="utf-8")
                return first, wait_for(url, MARK, FIRST_BUILD_SECONDS)
            finally:
                server.terminate()
                server.wait(timeout=30)


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--modes", nargs="+", choices=["dirty", "full"], default=["dirty", "full"])
    args = parser.parse_args()
    for n in args.units:
        for mode in args.modes:
            before = load()
            first, change = measure(n, mode == "dirty")
            command = "mkdocs serve --dirty (make preview)" if mode == "dirty" else "mkdocs serve (make serve)"
            print(f"{n} units, {command}: first build {first:.1f} s, save → changed page served {change:.1f} s "
                  f"(target ≤ 3 s at 50 units; load before {before}, after {load()})", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
