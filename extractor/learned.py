"""Where the trained text classifier's sentence scores meet the rule mentions.

``adjust`` receives every mention the rules found and the sentences they came from (each
with ``cats``: the ``textcat_multilabel`` scores of its block, empty when the pipeline has
no trained classifier) and returns the mentions to keep. With no trained component the
rules' mentions pass unchanged.

The rules are precise where their evidence is strong (a ratio, a date, a stated status);
the classifier has read more wordings than the rules name. So:

- a type whose every mention in the filing rests on weak evidence (see ``weak``) and that
  the classifier scores below ``DROP_BELOW`` in all of those sentences is dropped;
- every kept mention's ``confidence`` blends the rule's prior with the classifier's score
  (``MODEL_WEIGHT``).

The two constants are global, chosen by an ablation on the development corpus (README,
"Ablation"); nothing is keyed to a filing.
"""
from __future__ import annotations

from dataclasses import replace

DROP_BELOW = 0.001    # classifier probability under which weak evidence is not believed
MODEL_WEIGHT = 0.3    # share of the classifier's score in a kept mention's confidence


def weak(m) -> bool:
    """Evidence the rules themselves rate low: no date, no ratio, a low rule confidence."""
    return m.date is None and m.ratio is None and m.confidence <= 0.6


def adjust(mentions: list, sents: list, *, drop_below: float = DROP_BELOW,
           model_weight: float = MODEL_WEIGHT) -> list:
    cats = {(s.start, s.end): s.cats for s in sents if s.cats}
    if not cats:
        return mentions
    scored: dict[str, list[tuple[float, bool]]] = {}
    for m in mentions:
        c = cats.get((m.start, m.end))
        if c and m.type in c:
            scored.setdefault(m.type, []).append((c[m.type], weak(m)))
    # a type is doubted only when every mention of it is weak and scored low
    doubted = {t for t, lst in scored.items() if all(w and p < drop_below for p, w in lst)}
    out = []
    for m in mentions:
        if m.type in doubted:
            continue
        c = cats.get((m.start, m.end))
        if c and m.type in c:
            m = replace(m, confidence=round((1 - model_weight) * m.confidence + model_weight * c[m.type], 3))
        out.append(m)
    return out
