"""Set-up time from a fresh clone. ``make bench-setup`` runs this and writes its section of benchmarks/RESULTS.md.

Every run starts with ``git clone`` of this repository at HEAD into a temporary folder, so that
nothing is installed, and times, by the wall clock:

(a) clone to ``make lab`` serving: from the clone until http://127.0.0.1:PORT/api answers, with
    uv's cache (and pip's, which fetches uv) cold, that is empty, then warm, filled by the cold run;
(b) clone to the end of ``make test``, browser tests aside (CHROMIUM points at nothing).

The caches are temporary folders (UV_CACHE_DIR, PIP_CACHE_DIR), never the user's. The standard
library only, so that it runs with the system python3; each run's output is saved in
build/bench-setup/. Uncommitted changes are not measured: the clone is of HEAD.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LOGS = ROOT / "build" / "bench-setup"
HEADING = "## (f) Set-up from a fresh clone"
LAB_TARGET_S = 30
TEST_TARGET_S = 180


# sections of RESULTS.md ---------------------------------------------------------------------

def _bounds(text: str) -> tuple[int, int] | None:
    start = text.find(HEADING)
    if start < 0:
        return None
    end = text.find("\n## ", start + len(HEADING))
    return start, len(text) if end < 0 else end + 1


def section(text: str) -> str:
    """The set-up section of a RESULTS.md text (from its heading to the next ``## ``), or ""."""
    bounds = _bounds(text)
    return text[bounds[0]:bounds[1]].rstrip("\n") + "\n" if bounds else ""


def splice(text: str, new: str) -> str:
    """``text`` with its set-up section replaced by ``new``; placed before the notes if it had none."""
    bounds = _bounds(text)
    if bounds is None:
        notes = text.find("\n## Notes")
        if notes < 0:
            text, notes = text.rstrip("\n") + "\n", len(text.rstrip("\n"))
        bounds = (notes + 1, notes + 1)
    before, after = text[:bounds[0]], text[bounds[1]:]
    return before + ("\n" if before.strip() and not before.endswith("\n\n") else "") + new.rstrip("\n") + "\n" \
        + ("\n" + after if after else "")


# running ------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_env(cache: Path, **extra: str) -> dict[str, str]:
    """A new user's shell: temporary caches, PyPI only, no venv, no outer make, no browser."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES"}
           and not k.startswith(("NEWSCLAIMS_", "PIP_", "UV_"))}
    env.update(UV_CACHE_DIR=str(cache / "uv"), PIP_CACHE_DIR=str(cache / "pip"), PIP_CONFIG_FILE=os.devnull,
               CHROMIUM=str(cache / "no-chromium"), **extra)
    return env


def clone(dest: Path, commit: str) -> None:
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(dest)], check=True)
    subprocess.run(["git", "-C", str(dest), "checkout", "--quiet", commit], check=True)


class Run:
    """A command in its own process group, its output lines read as they come, each with its time."""

    def __init__(self, command: list[str], cwd: Path, env: dict[str, str], start: float):
        self.start = start
        self.lines: list[tuple[float, str]] = []
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, errors="replace", start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append((time.perf_counter() - self.start, line.rstrip("\n")))

    def at(self, pattern: str) -> float | None:
        """When the first line matching ``pattern`` was printed (seconds from the start)."""
        return next((t for t, line in self.lines if re.search(pattern, line)), None)

    def matching(self, pattern: str) -> list[str]:
        return [line.strip() for _, line in self.lines if re.search(pattern, line)]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.reader.join(timeout=5)

    def save(self, name: str) -> None:
        LOGS.mkdir(parents=True, exist_ok=True)
        (LOGS / f"{name}.log").write_text("".join(f"{t:8.2f}  {line}\n" for t, line in self.lines), encoding="utf-8")


def phases(run: Run, clone_s: float) -> dict:
    """Where the time went, from the lines make printed (see the Makefile's $(READY) recipe)."""
    venv_start = run.at(r"^test -x .*venv") or clone_s
    fetch_uv = run.at(r"^installing uv into")
    install = run.at(r"pip install .*-r requirements\.txt")
    ready = run.at(r"^touch .*\.ready")
    commands = run.matching(r"pip install .*-r requirements\.txt")
    return {"clone_s": clone_s,
            "venv_s": (fetch_uv or install or venv_start) - venv_start,
            "uv_s": (install - fetch_uv) if fetch_uv and install else 0.0,
            "install_s": (ready - install) if ready and install else float("nan"),
            "ready_s": ready,
            "installer": "pip" if commands and "-m pip" in commands[-1] else "uv",
            "summary": run.matching(r"^(Resolved|Prepared|Installed|Uninstalled) \d+ packages?")}


def lab(name: str, commit: str, cache: Path, **extra: str) -> dict:
    """Clone, then ``make lab`` until its server answers; then stop it."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="newsclaims-setup-") as tmp:
        start = time.perf_counter()
        clone(Path(tmp) / "clone", commit)
        clone_s = time.perf_counter() - start
        run = Run(["make", "lab", f"LAB_ARGS=--no-browser --port={port}"], Path(tmp) / "clone",
                  child_env(cache, **extra), start)
        serving = None
        try:
            deadline = time.monotonic() + 900
            while serving is None and run.process.poll() is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as answer:
                        if answer.status == 200:
                            serving = time.perf_counter() - start
                except OSError:
                    time.sleep(0.1)
        finally:
            run.stop()
            run.save(name)
        uv = shutil.which("uv") or Path(tmp) / "clone" / ".venv" / "bin" / "uv"
        try:
            uv_version = " ".join(subprocess.run([str(uv), "--version"], capture_output=True,
                                                 text=True).stdout.split()[:2]) or "no uv"
        except OSError:
            uv_version = "no uv"
        where = "on PATH" if shutil.which("uv") else "not on PATH: the Makefile fetched it from PyPI into the venv"
    if serving is None:
        raise RuntimeError(f"{name}: JupyterLab never answered; see {LOGS / name}.log")
    result = phases(run, clone_s)
    result.update(name=name, total_s=serving, start_s=serving - result["ready_s"], uv=f"{uv_version} ({where})")
    return result


def test(name: str, commit: str, cache: Path, **extra: str) -> dict:
    """Clone, then ``make test`` to its end."""
    with tempfile.TemporaryDirectory(prefix="newsclaims-setup-") as tmp:
        start = time.perf_counter()
        clone(Path(tmp) / "clone", commit)
        clone_s = time.perf_counter() - start
        run = Run(["make", "test"], Path(tmp) / "clone", child_env(cache, **extra), start)
        try:
            returncode = run.process.wait(timeout=3600)
        finally:
            run.stop()
            run.save(name)
        total = time.perf_counter() - start
    result = phases(run, clone_s)
    pytest_line = run.matching(r"^=+ .*\d+ passed.* in [\d.]+s")
    result.update(name=name, total_s=total, tests_s=total - result["ready_s"], returncode=returncode,
                  pytest=pytest_line[-1].strip("= ") if pytest_line else "no pytest summary: see the log")
    if returncode:
        raise RuntimeError(f"{name}: make test failed ({returncode}); see {LOGS / name}.log")
    return result


# report -------------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "meets the target" if ok else "**misses the target**"


def row(r: dict, last: str) -> str:
    return (f"| {r['name']} | {r['installer']} | {r['clone_s']:.1f} | {r['venv_s']:.1f} | {r['uv_s']:.1f} | "
            f"{r['install_s']:.1f} | {r[last]:.1f} | **{r['total_s']:.1f}** | {r['load']} |")


def report(labs: list[dict], tests: list[dict], commit: str, uv: str) -> str:
    lab_ok = all(r["total_s"] <= LAB_TARGET_S for r in labs if r["installer"] == "uv")
    test_ok = all(r["total_s"] <= TEST_TARGET_S for r in tests)
    head = ("| run | installer | clone | venv | fetch uv | install | {} | total | load |\n"
            "|---|---|---|---|---|---|---|---|---|")
    lines = [
        f"{HEADING} (targets: lab serving ≤ {LAB_TARGET_S} s, make test ≤ {TEST_TARGET_S // 60} min)",
        "",
        f"Written by `make bench-setup` on {time.strftime('%Y-%m-%d')} at commit {commit[:10]}: Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores (shared with other work), "
        f"{uv}. Each figure is one run, wall-clock seconds from the start of `git clone` of HEAD into a temporary "
        "folder. Cold: uv's and pip's caches are new empty folders, so every package is downloaded from PyPI; warm: "
        "the same caches, filled by the cold run. *load* is the machine's one-minute load average at the start and "
        f"at the end of the run (above {os.cpu_count()}, other work was waiting for the cores). As on a teacher's "
        "machine: PyPI only (pip's configuration files, which add local indexes here, are not read) and "
        "`PYTHONDONTWRITEBYTECODE` unset. The phases come from the times at which make printed each step; the "
        "output of every run is in build/bench-setup/.",
        "",
        f"### Clone to `make lab` serving: {verdict(lab_ok)}",
        "",
        "`make lab LAB_ARGS=\"--no-browser --port=PORT\"`, timed until `http://127.0.0.1:PORT/api` answers; then "
        "the server is stopped. *lab start* is from the end of the install to the answer.",
        "",
        head.format("lab start"),
        *[row(r, "start_s") for r in labs],
        "",
        f"### Clone to the end of `make test`: {verdict(test_ok)}",
        "",
        "`make test` (pytest: library, data and widget tests, every notebook with nbval, doctests; then ruff), "
        "browser tests aside (`CHROMIUM` points at nothing, so they are skipped). *tests* is from the end of the "
        "install to the end of make.",
        "",
        head.format("tests"),
        *[row(r, "tests_s") for r in tests],
        "",
        *[f"- {r['name']}: {r['pytest']}" for r in tests],
        "",
        "What the installer said (downloads and unpacking are *Prepared*; *Installed* is linking into the venv):",
        "",
        *[f"- {r['name']}: " + "; ".join(r["summary"]) for r in labs + tests if r["summary"]],
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="only lab cold, lab warm and make test warm")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    args = parser.parse_args()
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], check=True, capture_output=True,
                            text=True).stdout.strip()
    if subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                      capture_output=True, text=True).stdout.strip():
        print(f"note: uncommitted changes are not measured; the clone is of HEAD ({commit[:10]})", file=sys.stderr)
    labs, tests = [], []
    with tempfile.TemporaryDirectory(prefix="newsclaims-cache-") as one, \
            tempfile.TemporaryDirectory(prefix="newsclaims-cache-") as two:
        # (name, what, cache, extra environment): each cache starts empty and is warm once used
        plan = [("lab, cold cache", lab, Path(one), {}),
                ("lab, warm cache", lab, Path(one), {}),
                ("make test, warm cache", test, Path(one), {}),
                ("make test, cold cache", test, Path(two), {}),
                ("lab, pip only (USE_UV=0), cold cache", lab, Path(two) / "pip-only", {"USE_UV": "0"})]
        if args.quick:
            plan = plan[:3]
        for name, what, cache, extra in plan:
            print(f"{name} ...", file=sys.stderr, flush=True)
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            load = os.getloadavg()[0]
            result = what(slug, commit, cache, **extra)
            result.update(name=name, load=f"{load:.1f} → {os.getloadavg()[0]:.1f}")
            (labs if what is lab else tests).append(result)
            print(f"  {result['total_s']:.1f} s", file=sys.stderr, flush=True)
    out = Path(args.out)
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n"
    new = report(labs, tests, commit, labs[0]["uv"])
    out.write_text(splice(text, new), encoding="utf-8")
    print(new)


if __name__ == "__main__":
    main()
