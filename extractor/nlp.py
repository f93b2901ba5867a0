"""The spaCy pipeline: a blank English tokenizer plus this project's registered components.

Components (exposed through the ``spacy_factories`` entry point, so a saved pipeline
loads with ``spacy.load`` and no manual import):

- ``ca_dates``  : date expressions → ``doc.spans["dates"]`` (label = the form matched)
- ``ca_ratios`` : split ratios in all their forms → ``doc.spans["ratios"]``
- ``ca_cues``   : event trigger phrases and meeting kinds → ``doc.spans["cues"]``

A trained ``textcat_multilabel`` (see ``extractor.train``) may follow them; the event
stage reads its scores from ``doc.cats`` where present.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .cues import CUE_RE
from .dates import DATE_RE
from .ratios import RATIO_RE

MODEL_DIR = Path(__file__).resolve().parent / "model"


def _add_spans(doc: Doc, key: str, matches) -> Doc:
    spans = []
    for start, end, label in matches:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans
    return doc


class RegexSpans:
    """A rule matcher over the doc's text: each compiled pattern's matches become spans."""

    def __init__(self, key: str, patterns: dict[str, re.Pattern]):
        self.key = key
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        found = []
        text = doc.text  # Doc.text joins every token: compute it once
        for label, pattern in self.patterns.items():
            for m in pattern.finditer(text):
                found.append((m.start(), m.end(), label if label != "*" else (m.lastgroup or "match")))
        return _add_spans(doc, self.key, found)


@Language.factory("ca_dates", default_config={}, assigns=["doc.spans"])
def make_dates(nlp: Language, name: str) -> RegexSpans:
    return RegexSpans("dates", {"*": DATE_RE})


@Language.factory("ca_ratios", default_config={}, assigns=["doc.spans"])
def make_ratios(nlp: Language, name: str) -> RegexSpans:
    return RegexSpans("ratios", {"ratio": RATIO_RE})


@Language.factory("ca_cues", default_config={}, assigns=["doc.spans"])
def make_cues(nlp: Language, name: str) -> RegexSpans:
    return RegexSpans("cues", dict(CUE_RE))


def build_rules_pipeline() -> Language:
    """The rule pipeline: tokenizer, sentence boundaries, and the three matchers."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";"]})
    nlp.add_pipe("ca_dates")
    nlp.add_pipe("ca_ratios")
    nlp.add_pipe("ca_cues")
    return nlp


def model_path() -> Path | None:
    """The trained pipeline shipped inside the installed package, if it was built."""
    return MODEL_DIR if (MODEL_DIR / "config.cfg").exists() else None


@lru_cache(maxsize=2)
def load_pipeline(use_model: bool = True) -> Language:
    """The pipeline the extractor runs: the trained one when shipped, else rules only."""
    path = model_path() if use_model else None
    if path is not None:
        return spacy.load(path)
    return build_rules_pipeline()


def spans_in(sent: Span, key: str) -> list[Span]:
    doc = sent.doc
    return [s for s in doc.spans.get(key, []) if s.start >= sent.start and s.end <= sent.end]
