"""Training: rebuild the shipped spaCy pipeline (``models/``) from the project's own data.

The pipeline is the rule pipeline of :mod:`extractor.nlp` plus a ``textcat_multilabel``
over the event types (a sparse bag of n-grams, no vectors, nothing downloaded). It learns
from two sources the project holds:

- ``data/train/sentences.jsonl``: sentences written by the project, with their labels;
- weak labels: the event types the rules find in each candidate sentence of the bundled
  samples (``data/samples``), so the classifier also sees the filings' own wording.

The dev corpus is never read here. The config (``extractor/config.cfg``) names this
module's registered functions: the reader ``extractor.sentences_reader.v1`` and the label
list ``extractor.event_labels.v1``. Fixed seeds make a rebuild byte-for-byte repeatable.
"""
from __future__ import annotations

import io
import json
import random
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.training import Example
from thinc.api import Config

from .vocab import EVENT_TYPES

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TRAIN = PROJECT_ROOT / "data" / "train" / "sentences.jsonl"
DEFAULT_SAMPLES = PROJECT_ROOT / "data" / "samples"
DEFAULT_OUTPUT = PROJECT_ROOT / "models"
TEXTCAT = "textcat_multilabel"

# models/ is the package ``extractor.models`` (pyproject maps it): an __init__ makes it one.
_PACKAGE_INIT = '"""The trained pipeline, rebuilt by `extractor train`; loaded by extractor.nlp."""\n'


def default_config() -> Config:
    """The shipped training config (``extractor/config.cfg``)."""
    text = resources.files("extractor").joinpath("config.cfg").read_text(encoding="utf-8")
    return Config().from_str(text, interpolate=False)


@spacy.registry.misc("extractor.event_labels.v1")
def event_labels() -> list[str]:
    """The classifier's labels: the guideline's event types."""
    return list(EVENT_TYPES)


# ---------------------------------------------------------------- examples

def read_written(path: str | Path) -> list[tuple[str, set[str]]]:
    """The written sentences with their labels."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                rec = json.loads(line)
                out.append((rec["text"], set(rec.get("labels") or [])))
    return out


def weak_examples(samples: str | Path) -> list[tuple[str, set[str]]]:
    """Candidate sentences of the sample filings, labelled with the types the rules find.

    Run with the rules-only pipeline, so the classifier never learns from itself.
    """
    from . import events as ev
    from .nlp import build_rules_pipeline
    from .parse import parse_file

    nlp = build_rules_pipeline()
    out: list[tuple[str, set[str]]] = []
    for path in sorted(Path(samples).rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        try:
            filing = parse_file(path)
        except Exception:  # a sample the parser refuses teaches nothing
            continue
        sents = ev.sentences(filing, nlp)
        base = filing.base_date
        mentions = [m for s in sents for rule in ev.RULES for m in rule(s, base)]
        mentions += ev._announcements(filing, sents, mentions)
        by_span: dict[tuple[int, int], set[str]] = {}
        for m in mentions:
            by_span.setdefault((m.start, m.end), set()).add(m.type)
        for s in sents:
            out.append((" ".join(s.text.split()), by_span.get((s.start, s.end), set())))
    return out


def _split(records: list, part: str, holdout: float, seed: int) -> list:
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    n_hold = int(round(len(records) * holdout))
    keep = set(order[:n_hold]) if part == "holdout" else set(order[n_hold:])
    return [r for i, r in enumerate(records) if i in keep]


@spacy.registry.readers("extractor.sentences_reader.v1")
def sentences_reader(path: str | None = None, samples: str | None = None, part: str = "train",
                     holdout: float = 0.15, seed: int = 0,
                     limit: int = 0) -> Callable[[Language], Iterable[Example]]:
    """Examples for the classifier: written sentences (+ weak labels on ``samples``).

    ``part`` is ``train``, ``holdout`` (a fixed ``holdout`` fraction, for training's own
    progress report) or ``all``; ``limit`` > 0 keeps the first ``limit`` records (smoke tests).
    """
    if part not in ("train", "holdout", "all"):
        raise ValueError(f"part must be train, holdout or all, not {part!r}")
    records = read_written(path or DEFAULT_TRAIN)
    if samples is None:
        samples = str(DEFAULT_SAMPLES) if DEFAULT_SAMPLES.is_dir() else ""
    if samples:
        records += weak_examples(samples)
    if limit:
        records = records[:limit]
    if part != "all":
        records = _split(records, part, holdout, seed)

    def read(nlp: Language) -> Iterator[Example]:
        for text, labels in records:
            doc = nlp.make_doc(text)
            yield Example.from_dict(doc, {"cats": {t: float(t in labels) for t in EVENT_TYPES}})

    return read


# ---------------------------------------------------------------- training

def train(output: str | Path = DEFAULT_OUTPUT, *, config: str | Path | Config | None = None,
          overrides: dict | None = None, verbose: bool = False) -> dict:
    """Train the pipeline and write it to ``output``, replacing what was there.

    Returns a summary: the output path, seconds taken, and the held-out scores.
    """
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    from . import nlp as _factories  # noqa: F401  (registers ca_dates, ca_ratios, ca_cues, ca_textcat)

    t0 = time.perf_counter()
    if config is None:
        cfg = default_config()
    elif isinstance(config, Config):
        cfg = config
    else:
        cfg = Config().from_disk(config, interpolate=False)
    over = {k: (str(v) if isinstance(v, Path) else v) for k, v in (overrides or {}).items()}
    if over:  # dotted names, as `spacy train --paths.train x` takes them
        cfg = Config().from_str(cfg.to_str(), interpolate=False, overrides=over)
    nlp = init_nlp(cfg)
    log = sys.stdout if verbose else io.StringIO()
    with _score_every_doc(nlp):  # training's own evaluation judges every held-out sentence
        nlp, _ = train_loop(nlp, None, stdout=log, stderr=log)

    output = Path(output)
    tmp = Path(tempfile.mkdtemp(prefix=".models-", dir=output.parent if output.parent.exists() else None))
    try:
        nlp.to_disk(tmp)
        _sort_sentencizer(tmp)
        (tmp / "__init__.py").write_text(_PACKAGE_INIT, encoding="utf-8")
        if output.exists():
            shutil.rmtree(output)
        shutil.move(str(tmp), str(output))
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    with _score_every_doc(nlp):
        scores = _holdout_scores(nlp, cfg)
    return {"output": str(output), "seconds": round(time.perf_counter() - t0, 1), **scores}


def _sort_sentencizer(path: Path) -> None:
    """The sentencizer saves its punctuation set in hash order: sorted, a rebuild is byte-identical."""
    f = path / "sentencizer.json"
    if f.is_file():
        cfg = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(cfg.get("punct_chars"), list):
            cfg["punct_chars"] = sorted(cfg["punct_chars"])
        f.write_text(json.dumps(cfg, indent=2, sort_keys=True) + "\n", encoding="utf-8")


@contextmanager
def _score_every_doc(nlp: Language):
    """Lift the classifier's candidate gate (runtime saving only) while it is judged."""
    tc = nlp.get_pipe(TEXTCAT) if TEXTCAT in nlp.pipe_names else None
    gate = getattr(tc, "candidates", None)
    if gate is not None:
        tc.candidates = None
    try:
        yield
    finally:
        if gate is not None:
            tc.candidates = gate


def _holdout_scores(nlp: Language, cfg: Config) -> dict:
    from spacy.util import resolve_dot_names

    resolved = cfg.interpolate()
    (dev,) = resolve_dot_names(resolved, ["corpora.dev"])
    examples = list(dev(nlp))
    if not examples:
        return {"holdout_examples": 0}
    scores = nlp.evaluate(examples)
    return {"holdout_examples": len(examples),
            "holdout_macro_f": round(float(scores.get("cats_macro_f") or 0.0), 4),
            "holdout_macro_auc": round(float(scores.get("cats_macro_auc") or 0.0), 4)}
