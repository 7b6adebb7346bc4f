"""JupyterLab in a real browser: Debian's chromium driven by Playwright.

The lab serves a temporary copy of notebooks/, with its own settings and
workspace folders, on a free localhost port with a token; nothing it runs or
saves touches the repository's notebooks.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "build" / "screenshots"
HOW = ("install Debian's chromium (apt-get install chromium, or set CHROMIUM to its path) "
       "and run: make test-browser")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # installed by `make axe` (npm ci)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def pytest_collection_modifyitems(config, items):
    reason = None
    if not Path(CHROMIUM).exists():
        reason = f"browser tests skipped: {CHROMIUM} not found; {HOW}"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            reason = f"browser tests skipped: the playwright package is missing; {HOW}"
    if reason:
        for item in items:
            if "browser" in item.keywords or Path(str(item.fspath)).parent.name == "browser":
                item.add_marker(pytest.mark.skip(reason=reason))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(command: list[str], env: dict[str, str], ready_url: str, log_path: Path):
    """Run a local server until the block ends; wait until ready_url answers."""
    with log_path.open("w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    urllib.request.urlopen(ready_url, timeout=60)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError(f"{command[2]} did not start; see {log_path}") from None
                    time.sleep(0.5)
            yield
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """The code-free explorer page (make app): Voila on a free localhost port; its url."""
    work = tmp_path_factory.mktemp("app")
    port = free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_DATA_DIR=str(work / "data"))
    command = [sys.executable, "-m", "voila", str(ROOT / "app" / "explorer.ipynb"), "--Voila.ip=127.0.0.1",
               f"--port={port}", "--no-browser"]
    url = f"http://127.0.0.1:{port}/"
    with serve(command, env, url, work / "voila.log"):
        yield url


@pytest.fixture(scope="session")
def handouts(tmp_path_factory) -> Path:
    """Every lesson's handout, in both editions, as `make handouts` writes them: the folder."""
    from newsclaims.handouts import make_handouts

    out = tmp_path_factory.mktemp("handouts")
    with pytest.MonkeyPatch.context() as patch:  # lesson 05 saves a student's answers: not in work/
        patch.setenv("NEWSCLAIMS_WORK", str(tmp_path_factory.mktemp("handout-work")))
        make_handouts(out, LESSONS)
    return out


def offline(page) -> None:
    """Refuse every request to the network: a page must work from its own folder."""
    page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http")
               else route.continue_())


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it stands, for WCAG 2.0/2.1 A and AA: its violations."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate("""tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})
        .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary,
                                      html: n.html.slice(0, 200)}))})))""", AXE_TAGS)


def serious(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict], most: int = 5) -> str:
    """Violations as lines to read in a failed test: rule, impact, help, and the first nodes."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}")
        for node in v["nodes"][:most]:
            lines.append(f"    {node['target']}: {node['summary'].splitlines()[-1].strip()}")
            lines.append(f"        {node['html']}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A running JupyterLab: (base url, token, folder it serves)."""
    work = tmp_path_factory.mktemp("lab")
    served = work / "notebooks"
    shutil.copytree(ROOT / "notebooks", served, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    env = dict(os.environ,
               JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_DATA_DIR=str(work / "data"),
               JUPYTERLAB_SETTINGS_DIR=str(work / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"),
               NEWSCLAIMS_WORK=str(work / "student-work"))  # answers given in lesson 05 stay here
    port, token = free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={served}",
               "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    base = f"http://127.0.0.1:{port}"
    with serve(command, env, f"{base}/api/status?token={token}", work / "lab.log"):
        yield base, token, served


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    # A tall viewport: JupyterLab scrolls inside its own panel, so the screenshot shows what fits.
    context = browser.new_context(viewport={"width": 1400, "height": 4000})
    page = context.new_page()
    yield page
    context.close()
