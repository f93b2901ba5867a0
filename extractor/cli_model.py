"""``extractor train`` and ``extractor evaluate``: rebuild the shipped model, score against gold.

Registered in ``extractor/cli.py`` next to fetch/run. Exit codes: 0 done, 1 a ``--require``
floor not met, 2 unusable arguments.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

_err = Console(stderr=True)


def _fail(message: str, code: int = 2):
    _err.print(f"extractor: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def train(
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="where the pipeline goes (default: the repository's models/)"),
    data: Optional[Path] = typer.Option(None, "--data", help="written sentences (default: data/train/sentences.jsonl)"),
    samples: Optional[Path] = typer.Option(None, "--samples", help="filings the rules weak-label (default: data/samples)"),
    config: Optional[Path] = typer.Option(None, "--config", help="a spaCy training config (default: extractor/config.cfg)"),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="override [training] max_epochs"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="print spaCy's training log"),
) -> None:
    """Rebuild the trained pipeline from the project's data (deterministic, fixed seeds)."""
    from .train import DEFAULT_OUTPUT, train as run

    for p, what in ((data, "--data"), (samples, "--samples"), (config, "--config")):
        if p is not None and not p.exists():
            _fail(f"{what}: {p} does not exist")
    overrides = {}
    if data is not None:
        overrides["paths.train"] = str(data)
    if samples is not None:
        overrides["paths.samples"] = str(samples)
    if epochs is not None:
        overrides["training.max_epochs"] = epochs
    summary = run(output or DEFAULT_OUTPUT, config=config, overrides=overrides, verbose=verbose)
    typer.echo(f"trained in {summary['seconds']}s -> {summary['output']}  (held-out sentences "
               f"{summary.get('holdout_examples', 0)}, macro F1 {summary.get('holdout_macro_f')}, "
               f"macro AUC {summary.get('holdout_macro_auc')})")


def evaluate(
    gold: Path = typer.Argument(..., help="gold annotations, JSONL (one record per filing)"),
    paths: List[str] = typer.Argument(..., help="the filings: files, folders or globs"),
    errors: int = typer.Option(0, "--errors", help="list the first N disagreements"),
    as_json: bool = typer.Option(False, "--json", help="print the whole result as JSON"),
    rules_only: bool = typer.Option(False, "--rules-only", help="run without the trained classifier"),
    require: List[str] = typer.Option([], "--require", metavar="METRIC=MIN", help="exit 1 when a metric is below MIN"),
) -> None:
    """Extract the filings and print precision/recall/F1 per event type against gold."""
    from .evaluate import evaluate as run, report

    if not gold.is_file():
        _fail(f"{gold}: no such gold file")
    before = os.environ.get("EXTRACTOR_RULES_ONLY")
    if rules_only:  # the environment, so that worker processes run rules only too
        os.environ["EXTRACTOR_RULES_ONLY"] = "1"
    try:
        res = run(gold, paths)
    except (ValueError, KeyError) as exc:
        _fail(f"{gold}: {exc}")
    finally:
        if rules_only:
            if before is None:
                os.environ.pop("EXTRACTOR_RULES_ONLY", None)
            else:
                os.environ["EXTRACTOR_RULES_ONLY"] = before
    typer.echo(json.dumps(res, indent=2) if as_json else report(res, errors))
    failed = []
    for req in require:
        metric, _, floor = req.partition("=")
        value = res["metrics"].get(metric)
        if value is None:
            failed.append(f"{metric} not measured")
        elif value < float(floor):
            failed.append(f"{metric}={value} < {floor}")
    if failed:
        typer.echo("below the bar: " + ", ".join(failed))
        raise typer.Exit(1)
