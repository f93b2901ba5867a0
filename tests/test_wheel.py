"""The trained pipeline is a packaged artifact: built into the wheel, found with no path set."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    if not (ROOT / "models" / "config.cfg").is_file():
        pytest.skip("models/ not built: run `extractor train`")
    out = tmp_path_factory.mktemp("wheel")
    res = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                          "-q", "-w", str(out)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    (whl,) = out.glob("extractor-*.whl")
    return whl


def test_wheel_holds_the_package_and_the_model(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "extractor/models/config.cfg" in names
    assert "extractor/models/textcat_multilabel/model" in names
    assert "extractor/config.cfg" in names
    # every module of the source tree is packaged (pyproject lists the packages by name)
    for py in (ROOT / "extractor").rglob("*.py"):
        assert py.relative_to(ROOT).as_posix() in names, f"{py} is missing from the wheel: list its package in pyproject"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[spacy_factories]" in text and "ca_cues = extractor.nlp:make_cues" in text


def test_installed_wheel_loads_the_trained_pipeline(wheel, tmp_path):
    target = tmp_path / "site"
    res = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    code = ("import extractor, spacy\n"
            "from extractor.nlp import load_pipeline, model_path\n"
            "nlp = load_pipeline()\n"
            "print(extractor.__file__)\nprint(model_path())\nprint(','.join(nlp.pipe_names))\n"
            "print(sorted(nlp.get_pipe('textcat_multilabel').labels))\n"
            "plain = spacy.load(model_path())\nprint(','.join(plain.pipe_names))\n")
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                         env=env, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    file, mpath, pipes, labels, plain = run.stdout.splitlines()
    assert Path(file).is_relative_to(target), file
    assert Path(mpath).is_relative_to(target), mpath
    assert pipes.split(",")[-1] == "textcat_multilabel" and "reverse_stock_split" in labels
    assert plain == pipes
