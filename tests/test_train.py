"""`extractor train` end to end on a tiny corpus: it trains, saves, reloads, and repeats itself."""
import json

import spacy

from extractor.train import DEFAULT_TRAIN, default_config, sentences_reader, train
from extractor.vocab import EVENT_TYPES


def _tiny_corpus(tmp_path, n=60):
    lines = DEFAULT_TRAIN.read_text(encoding="utf-8").splitlines()[:n]
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _train_tiny(tmp_path, name):
    data = _tiny_corpus(tmp_path)
    return train(tmp_path / name, overrides={"paths.train": str(data), "paths.samples": "",
                                             "training.max_epochs": 2})


def test_config_names_the_registered_functions():
    cfg = default_config()
    assert cfg["corpora"]["train"]["@readers"] == "extractor.sentences_reader.v1"
    assert cfg["initialize"]["components"]["textcat_multilabel"]["labels"]["@misc"] == "extractor.event_labels.v1"
    assert cfg["components"]["textcat_multilabel"]["model"]["@architectures"] == "spacy.TextCatBOW.v3"
    assert spacy.registry.readers.get("extractor.sentences_reader.v1") is sentences_reader


def test_reader_splits_without_overlap(tmp_path):
    data = _tiny_corpus(tmp_path, 40)
    nlp = spacy.blank("en")
    train_part = [ex.reference.text for ex in sentences_reader(str(data), "", "train", 0.25, 7)(nlp)]
    held = [ex.reference.text for ex in sentences_reader(str(data), "", "holdout", 0.25, 7)(nlp)]
    assert len(held) == 10 and len(train_part) == 30 and not set(held) & set(train_part)
    ex = next(iter(sentences_reader(str(data), "", "all")(nlp)))
    assert set(ex.reference.cats) == set(EVENT_TYPES)


def test_weak_labels_come_from_the_rules_on_the_samples():
    from extractor.train import DEFAULT_SAMPLES, weak_examples

    examples = weak_examples(DEFAULT_SAMPLES)
    labelled = [labels for _, labels in examples if labels]
    assert labelled and any("reverse_stock_split" in l for l in labelled)


def test_tiny_training_end_to_end_is_deterministic(tmp_path):
    first = _train_tiny(tmp_path, "a")
    second = _train_tiny(tmp_path, "b")
    a, b = tmp_path / "a", tmp_path / "b"
    assert (a / "__init__.py").is_file() and (a / "config.cfg").is_file()
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for f in files:  # a rebuild is byte-identical
        assert (a / f).read_bytes() == (b / f).read_bytes(), f
    nlp = spacy.load(a)
    assert nlp.pipe_names[-1] == "textcat_multilabel"
    assert set(nlp.get_pipe("textcat_multilabel").labels) == set(EVENT_TYPES)
    doc = nlp("Stockholders approved a 1-for-10 reverse stock split at the special meeting.")
    assert set(doc.cats) == set(EVENT_TYPES) and all(0.0 <= v <= 1.0 for v in doc.cats.values())
    assert "ratios" in doc.spans and "cues" in doc.spans  # the rule components ran too
    assert first["holdout_examples"] > 0 and first["seconds"] < 60


def test_train_command(tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    data = _tiny_corpus(tmp_path, 30)
    res = CliRunner().invoke(app, ["train", "-o", str(tmp_path / "m"), "--data", str(data),
                                   "--samples", str(tmp_path), "--epochs", "1"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("trained in ") and (tmp_path / "m" / "meta.json").is_file()
    res = CliRunner().invoke(app, ["train", "-o", str(tmp_path / "m"), "--data", str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 2
