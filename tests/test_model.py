"""The shipped trained pipeline and how its scores combine with the rules (extractor.learned)."""
import os
import subprocess
import sys
from dataclasses import dataclass, field

import pytest
from spacy.pipeline.textcat_multilabel import MultiLabel_TextCategorizer

from extractor import learned
from extractor.nlp import build_rules_pipeline, load_pipeline, model_path, rules_only
from extractor.vocab import EVENT_TYPES

pytestmark = pytest.mark.skipif(model_path() is None, reason="models/ not built: run `extractor train`")


def test_the_trained_pipeline_ships_in_the_package():
    import extractor

    path = model_path()
    assert path.name == "models" and (path / "textcat_multilabel" / "model").is_file()
    nlp = load_pipeline(True)
    assert nlp.pipe_names == ["sentencizer", "ca_dates", "ca_ratios", "ca_cues", "textcat_multilabel"]
    assert isinstance(nlp.get_pipe("textcat_multilabel"), MultiLabel_TextCategorizer)
    assert set(nlp.get_pipe("textcat_multilabel").labels) == set(EVENT_TYPES)
    assert extractor.__file__


def test_the_classifier_reads_corporate_actions():
    nlp = load_pipeline(True)
    pos = nlp("At the special meeting held on March 3, 2015, stockholders approved a 1-for-20 reverse stock split.").cats
    hypothetical = nlp("We may be required to effect a reverse stock split to maintain our listing.").cats
    assert pos["reverse_stock_split"] > 0.5 > hypothetical["reverse_stock_split"]
    # a block with no cue span is not a candidate: the classifier leaves it unscored
    assert nlp("Net revenue for the third quarter increased 12% to $45.2 million.").cats == {}


def test_rules_only_by_environment(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_RULES_ONLY", "1")
    assert rules_only() and "textcat_multilabel" not in load_pipeline().pipe_names
    monkeypatch.setenv("EXTRACTOR_RULES_ONLY", "0")
    assert not rules_only() and "textcat_multilabel" in load_pipeline().pipe_names
    assert "textcat_multilabel" not in load_pipeline(False).pipe_names


def test_saved_pipeline_loads_with_plain_spacy_load():
    """The spacy_factories entry points: no `import extractor` before spacy.load."""
    code = ("import sys, spacy\n"
            f"nlp = spacy.load({str(model_path())!r})\n"
            "doc = nlp('The Board approved a 3-for-2 stock split.')\n"
            "assert doc.spans['ratios'] and doc.cats, doc.cats\n"
            "print(nlp.pipe_names)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=120)
    assert out.returncode == 0, out.stderr
    assert "textcat_multilabel" in out.stdout


# ---------------------------------------------------------------- the combination


@dataclass
class _M:
    type: str
    start: int
    end: int
    date: str | None = None
    ratio: object = None
    confidence: float = 0.6


@dataclass
class _S:
    start: int
    end: int
    cats: dict = field(default_factory=dict)


def test_no_classifier_scores_pass_the_rules_unchanged():
    ms = [_M("delisting", 0, 10)]
    assert learned.adjust(ms, [_S(0, 10)]) is ms


def test_a_weak_type_the_classifier_rejects_is_dropped():
    ms = [_M("delisting", 0, 10), _M("merger", 20, 30)]
    sents = [_S(0, 10, {"delisting": 1e-6, "merger": 0.0}), _S(20, 30, {"delisting": 0.0, "merger": 0.9})]
    kept = learned.adjust(ms, sents)
    assert [m.type for m in kept] == ["merger"]
    assert kept[0].confidence == pytest.approx(0.7 * 0.6 + 0.3 * 0.9)


@pytest.mark.parametrize("mention", [
    _M("delisting", 0, 10, date="2024-05-01"),          # a date is strong evidence
    _M("reverse_stock_split", 0, 10, confidence=0.8),   # so is a rule confidence above weak
])
def test_strong_rule_evidence_is_kept_whatever_the_score(mention):
    kept = learned.adjust([mention], [_S(0, 10, {mention.type: 0.0})])
    assert len(kept) == 1 and kept[0].confidence < mention.confidence


def test_one_believed_mention_keeps_the_type():
    ms = [_M("delisting", 0, 10), _M("delisting", 20, 30)]
    sents = [_S(0, 10, {"delisting": 0.0}), _S(20, 30, {"delisting": 0.4})]
    assert len(learned.adjust(ms, sents)) == 2


def test_the_shipped_pipeline_runs_in_the_event_stage():
    from extractor import extract

    tables = extract([os.path.join(os.path.dirname(__file__), "..", "data", "samples")])
    assert len(tables.events) and tables.events["confidence"].notna().all()
    rules = build_rules_pipeline()
    assert "textcat_multilabel" not in rules.pipe_names
