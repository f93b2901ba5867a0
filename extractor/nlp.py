"""The spaCy pipeline: a blank English tokenizer plus this project's registered components.

Components (exposed through the ``spacy_factories`` entry point, so a saved pipeline
loads with ``spacy.load`` and no manual import):

- ``ca_dates``  : date expressions → ``doc.spans["dates"]`` (label = the form matched)
- ``ca_ratios`` : split ratios in all their forms → ``doc.spans["ratios"]``
- ``ca_cues``   : event trigger phrases and meeting kinds → ``doc.spans["cues"]``
- ``ca_textcat``: a ``textcat_multilabel`` that scores only candidate docs (those with a
  cue span) → ``doc.cats``; the others are left without scores, which costs nothing

The trained classifier (see ``extractor.train``) follows the rules as the component
``textcat_multilabel``; the event stage reads its scores from ``doc.cats`` where present.
The trained pipeline ships inside the package as ``extractor.models`` (the repository's
``models/``, mapped in pyproject); ``EXTRACTOR_RULES_ONLY=1`` runs the rules alone.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline.textcat_multilabel import MultiLabel_TextCategorizer
from spacy.tokens import Doc, Span
from thinc.api import Config

from .cues import CUE_LOW, CUE_RE
from .dates import DATE_LOW, DATE_RE
from .ratios import RATIO_LOW, RATIO_RE

MODEL_PACKAGE = "extractor.models"


def _add_spans(doc: Doc, key: str, matches) -> Doc:
    spans = []
    for start, end, label in matches:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans
    return doc


class RegexSpans:
    """A rule matcher over the doc's text: each compiled pattern's matches become spans.

    ``lower_patterns`` (same labels) are the same patterns for lower-cased text without
    ``re.I``: several times faster, used whenever lower-casing keeps the offsets."""

    def __init__(self, key: str, patterns: dict[str, re.Pattern],
                 lower_patterns: dict[str, re.Pattern] | None = None):
        self.key = key
        self.patterns = patterns
        self.lower_patterns = lower_patterns

    def __call__(self, doc: Doc) -> Doc:
        found = []
        # Doc.text joins every token: computed once per doc, shared by the three matchers
        text = doc.user_data.get("ca_text")
        if text is None:
            text = doc.text
            doc.user_data["ca_text"] = text
        patterns = self.patterns
        if self.lower_patterns is not None:
            low = text.lower()
            if len(low) == len(text):
                text, patterns = low, self.lower_patterns
        for label, pattern in patterns.items():
            for m in pattern.finditer(text):
                found.append((m.start(), m.end(), label if label != "*" else (m.lastgroup or "match")))
        return _add_spans(doc, self.key, found)


@Language.factory("ca_dates", default_config={}, assigns=["doc.spans"])
def make_dates(nlp: Language, name: str) -> RegexSpans:
    return RegexSpans("dates", {"*": DATE_RE}, {"*": DATE_LOW})


@Language.factory("ca_ratios", default_config={}, assigns=["doc.spans"])
def make_ratios(nlp: Language, name: str) -> RegexSpans:
    return RegexSpans("ratios", {"ratio": RATIO_RE}, {"ratio": RATIO_LOW})


@Language.factory("ca_cues", default_config={}, assigns=["doc.spans"])
def make_cues(nlp: Language, name: str) -> RegexSpans:
    return RegexSpans("cues", dict(CUE_RE), dict(CUE_LOW))


class CandidateTextCat(MultiLabel_TextCategorizer):
    """A multi-label text classifier that reads only the docs a span group marks as candidates.

    Most blocks that pass the keyword prefilter state no event (no cue span); scoring them
    would cost time and tell the event stage nothing, so they get no ``doc.cats``.
    Training updates the model on every example as usual.
    """

    def __init__(self, vocab, model, name: str = "textcat_multilabel", *, threshold: float,
                 scorer=None, candidates: str | None = "cues"):
        kwargs = {"scorer": scorer} if scorer is not None else {}
        super().__init__(vocab, model, name, threshold=threshold, **kwargs)
        self.candidates = candidates

    def _is_candidate(self, doc: Doc) -> bool:
        return not self.candidates or self.candidates not in doc.spans or len(doc.spans[self.candidates]) > 0

    def predict(self, docs):
        """Scores per doc and label; NaN rows for docs that are not candidates."""
        docs = list(docs)
        keep = [i for i, d in enumerate(docs) if self._is_candidate(d) and len(d)]
        xp = self.model.ops.xp
        scores = xp.full((len(docs), len(self.labels)), xp.nan, dtype="float32")
        if keep:
            scores[keep] = self.model.ops.asarray(self.model.predict([docs[i] for i in keep]))
        return scores

    def set_annotations(self, docs, scores) -> None:
        for i, doc in enumerate(docs):
            if len(self.labels) and scores[i, 0] != scores[i, 0]:  # NaN: not a candidate
                continue
            for j, label in enumerate(self.labels):
                doc.cats[label] = float(scores[i, j])


_TEXTCAT_MODEL = Config().from_str("""
[model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = false
ngram_size = 2
no_output_layer = false
length = 65536
nO = null
""")["model"]


@Language.factory("ca_textcat", assigns=["doc.cats"],
                  default_config={"threshold": 0.5, "model": _TEXTCAT_MODEL, "candidates": "cues",
                                  "scorer": {"@scorers": "spacy.textcat_multilabel_scorer.v2"}},
                  default_score_weights={"cats_score": 1.0, "cats_micro_p": None, "cats_micro_r": None,
                                         "cats_micro_f": None, "cats_macro_p": None, "cats_macro_r": None,
                                         "cats_macro_f": None, "cats_macro_auc": None, "cats_f_per_type": None})
def make_textcat(nlp: Language, name: str, model, threshold: float, candidates: str | None,
                 scorer) -> CandidateTextCat:
    return CandidateTextCat(nlp.vocab, model, name, threshold=threshold, scorer=scorer, candidates=candidates)


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
    try:
        root = resources.files(MODEL_PACKAGE)
    except ModuleNotFoundError:  # built without models/ (never trained)
        return None
    path = Path(str(root))
    return path if (path / "config.cfg").is_file() else None


def rules_only() -> bool:
    """``EXTRACTOR_RULES_ONLY=1`` (or true/yes) runs the rules without the trained classifier."""
    return os.environ.get("EXTRACTOR_RULES_ONLY", "").strip().lower() in ("1", "true", "yes")


def load_pipeline(use_model: bool | None = None) -> Language:
    """The pipeline the extractor runs: the trained one when shipped, else rules only.

    ``use_model=None`` means: the trained one unless ``EXTRACTOR_RULES_ONLY`` is set.
    """
    if use_model is None:
        use_model = not rules_only()
    return _load(bool(use_model))


@lru_cache(maxsize=2)
def _load(use_model: bool) -> Language:
    path = model_path() if use_model else None
    if path is not None:
        return spacy.load(path)
    return build_rules_pipeline()


def spans_in(sent: Span, key: str) -> list[Span]:
    doc = sent.doc
    return [s for s in doc.spans.get(key, []) if s.start >= sent.start and s.end <= sent.end]
