"""Shared fixtures: the built CLI (the independent path every dict is checked
against) and the source tree's examples and golden files. ctest passes both
through the environment (python/CMakeLists.txt)."""
import json
import os
import pathlib
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("ORDERNORM_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("ORDERNORM_CLI")
    if not path:
        pytest.fail("ORDERNORM_CLI is not set: run these tests through ctest")
    return path


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


def run_cli(cli, command, inputs, *options, tmp_path):
    """Runs `ordernorm COMMAND` on `inputs`; returns (stdout bytes, rejects,
    warnings) with the rejects and warnings files' lines as dicts."""
    rejects = tmp_path / "cli-rejects.ndjson"
    warnings = tmp_path / "cli-warnings.ndjson"
    done = subprocess.run(
        [cli, command, "--rejects", str(rejects), "--warnings", str(warnings), *options,
         *map(str, inputs)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    assert done.returncode in (0, 1), done.stderr.decode()

    def lines(path):
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    return done.stdout, lines(rejects), lines(warnings)
