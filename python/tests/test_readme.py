"""README.md's Python and Dask examples ("From Python", "On Dask") run as
written, against the build tree's package (their apt-get and cmake lines are
what ctest's build already did)."""
import os
import re
import subprocess

import pytest

from conftest import SOURCE_DIR


def section_blocks(title):
    text = (SOURCE_DIR / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n### {title}\n")
    end = text.index("\n## ", start)
    return re.findall(r"```sh\n(.*?)```", text[start:end], re.S)


@pytest.mark.parametrize("title", ["From Python", "On Dask"])
def test_readme_example_runs(tmp_path, title):
    blocks = section_blocks(title)
    assert blocks, f"README.md has no sh block under {title}"
    package = os.environ["PYTHONPATH"].split(os.pathsep)[0]
    (tmp_path / "examples").symlink_to(SOURCE_DIR / "examples")
    for block in blocks:
        lines = [line for line in block.splitlines()
                 if not line.startswith(("apt-get ", "cmake "))]
        script = "\n".join(lines).replace("build/python/site", package)
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert "shopify" in done.stdout.lower() or "Paid" in done.stdout, done.stdout
