"""pytest set-up shared by the tests and the notebooks (nbval)."""

import atexit
import os
import shutil
import tempfile

# Student work made while the notebooks run under test goes to a fresh folder, not work/,
# removed when the run ends.
if "NEWSCLAIMS_WORK" not in os.environ:
    os.environ["NEWSCLAIMS_WORK"] = tempfile.mkdtemp(prefix="newsclaims-work-")
    atexit.register(shutil.rmtree, os.environ["NEWSCLAIMS_WORK"], ignore_errors=True)

# Plotly figures and widget views carry ids that change on every run: compare the
# text outputs strictly and skip these; the figures and widgets are tested as objects.
VOLATILE_MIMETYPES = (
    "application/vnd.plotly.v1+json",
    "application/vnd.jupyter.widget-view+json",
)


def pytest_collectstart(collector):
    if collector.fspath and collector.fspath.ext == ".ipynb":
        collector.skip_compare += VOLATILE_MIMETYPES
