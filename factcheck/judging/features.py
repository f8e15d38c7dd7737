"""Claim–evidence features for the learned judge: how well, and where, the evidence meets the claim.

Two layers. :func:`pair_features` describes one claim and one passage: embedding similarity, BM25,
which content words, word pairs, numbers and names of the claim the passage contains, agreeing and
clashing quantities (from :func:`factcheck.judging.compare.compare`), negation, antonym and
hedging cues.
:func:`claim_features` describes a claim and all its retrieved passages: the pair features of the
top passage, the best value of each over the passages, what the passages cover together, and the
ranks and margins of the retrieval, and the rules judge's verdict. The learned model
(:mod:`factcheck.judging.learned`) reads the vector by :data:`FEATURE_NAMES`, so the names are
part of the
model format: renaming or reordering them needs a new model version.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

import numpy as np

from factcheck.analysis.quantities import Quantity, QuantityKind, inside_name
from factcheck.judging.compare import (
    ANTONYMS,
    GENERAL_NEGATION,
    GENERAL_OPPOSITES,
    Comparison,
    compare,
    compare_all,
    comparison_of,
    negation_about,
    of_other_nouns,
)
from factcheck.judging.compare import _entities as names_in  # the rules judge's notion of a name
from factcheck.judging.rules import RulesJudge, evidence_of
from factcheck.records import Claim, Hit, Label, Span, Verdict
from factcheck.settings import Settings
from factcheck.text import STOPWORDS, stem, tokenize

PAIR_FEATURES = (
    "dense",  # cosine similarity of claim and passage embeddings
    "lexical",  # BM25 of the claim against the passage, normalised to [0, 1)
    "score",  # the fused retrieval score
    "coverage",  # share of the claim's content words found in the passage
    "bigram_coverage",  # share of the claim's adjacent content-word pairs found as pairs
    "missing_words",  # log(1 + claim content words absent from the passage)
    "long_missing",  # log(1 + absent claim words of 7+ letters: names, terms, rewrites)
    "number_coverage",  # share of the claim's number tokens found in the passage (1 if none)
    "numbers_missing",  # log(1 + claim number tokens absent from the passage)
    "quantities_matched",  # claim quantities stated alike by the passage (capped at 3)
    "quantities_conflicting",  # claim quantities the passage states differently (capped at 3)
    "quantities_unmatched",  # claim quantities the passage does not state (capped at 3)
    "entity_coverage",  # share of the claim's names found in the passage (1 if none)
    "entities_missing",  # claim names absent from the passage (capped at 3)
    "negation_claim",  # the claim has a negation cue
    "negation_passage",  # the passage has a negation cue
    "negation_mismatch",  # one of them negates something the other, unnegated, mentions
    "antonym_clash",  # a claim word faces its opposite in the passage, absent from the claim
    "hedge_claim",  # the claim hedges (may, might, could, suggest...)
    "claim_length",  # log(1 + claim tokens)
    "passage_length",  # log(1 + passage tokens)
)
"""Features of one claim–passage pair, in vector order."""

_AGGREGATES = (
    "max_dense", "max_coverage", "max_bigram_coverage", "max_quantities_matched",
    "max_quantities_conflicting", "min_missing_words", "union_coverage", "union_entity_coverage",
    "dense_margin", "score_margin", "mean_dense_rest", "same_source_share", "passages",
    "single_passage",
)
_RULES = ("rules_supported", "rules_contradicted", "rules_confidence", "rules_by_figures")
FEATURE_NAMES = tuple(f"top_{name}" for name in PAIR_FEATURES) + _AGGREGATES + _RULES
"""Features of a claim with its retrieved passages, in vector order (the learned model's input)."""

_HEDGE = re.compile(
    r"\b(may|might|could|possibly|perhaps|likely|suggests?|appears?|seems?|potential(?:ly)?|"
    r"some|reportedly|claims?)\b",
    re.IGNORECASE,
)
_OPPOSITE_OF: dict[str, set[str]] = {}
for _a, _b in ANTONYMS + GENERAL_OPPOSITES:
    _OPPOSITE_OF.setdefault(stem(_a), set()).add(stem(_b))
    _OPPOSITE_OF.setdefault(stem(_b), set()).add(stem(_a))
# Opposites the retrieval tokenizer drops as stopwords must survive here.
_KEEP = frozenset({"more", "most", "up", "down", "all", "before", "after", "no", "not", "few"})
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def words(text: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """Stemmed lower-case words and numbers, keeping opposites the retrieval tokenizer drops
    (and leaving out the lower-case words in ``skip``)."""
    found = []
    for token in _WORD.findall(text.lower()):
        if token in skip:
            continue
        if token[0].isdigit():
            token = token.replace(",", "")
            found.append(token[:-2] if token.endswith(".0") else token)
        elif token in _KEEP or token not in STOPWORDS:
            found.append(stem(re.sub(r"['’]s?$", "", token)))
    return found


def pair_features(claim_text: str, comparison: Comparison) -> np.ndarray:
    """The :data:`PAIR_FEATURES` of one claim and one retrieved (or given) passage."""
    return _pair_row(claim_text, comparison.hit, comparison, len(names_in(claim_text)))


def rules_verdict(claim_text: str, hits: Sequence[Hit], settings: Settings | None = None,
                  comparisons: Sequence[Comparison] | None = None) -> Verdict:
    """The rules judge's verdict on a claim text (as the learned judge sees it).

    ``comparisons`` are the claim's comparisons with ``hits`` when already made (else made here).
    """
    settings = settings or Settings()
    claim = Claim("features", "features", claim_text, 0, (Span(0, len(claim_text)),), 1.0)
    made = compare_all(claim_text, hits) if comparisons is None else comparisons
    return RulesJudge(settings).decide(claim, hits, evidence_of(hits, made, settings))


def decided_by_figures(claim_text: str, verdict: Verdict,
                       comparisons: Sequence[Comparison] | None = None) -> bool:
    """Whether a rules verdict rests on figures: its passage states the claim's numbers, money,
    percentages or dates alike (supported) or differently (contradicted).

    Numbers inside names ("SARS-CoV-2", "COVID-19", "5G") are not figures and do not count.
    """
    if verdict.label is Label.UNVERIFIED or not verdict.evidence:
        return False
    top = verdict.evidence[0]
    comparison = (compare(claim_text, top) if comparisons is None
                  else comparison_of(top, comparisons))
    pairs = comparison.matched if verdict.label is Label.SUPPORTED else comparison.conflicts
    return any(not inside_name(claim_text, quantity)
               and not (verdict.label is Label.SUPPORTED and _names_event(claim_text, quantity))
               for quantity, _ in pairs)


# A year before the name of an event: "the 2023 World Cup final", "the 2024 Tour de France".
_EVENT_YEAR = re.compile(r"\s+(?:(?:men|women)['’]s\s+)?[A-Z]")


def _names_event(text: str, quantity: Quantity) -> bool:
    """Whether a year only says which edition of a named event the claim is about: agreeing on
    it says nothing about what the claim states of that event."""
    return (quantity.kind is QuantityKind.DATE and len(quantity.surface) == 4
            and _EVENT_YEAR.match(text, quantity.end) is not None)


def claim_features(claim_text: str, hits: Sequence[Hit], settings: Settings | None = None, *,
                   rules: Verdict | None = None,
                   comparisons: Sequence[Comparison] | None = None) -> np.ndarray:
    """The :data:`FEATURE_NAMES` vector of a claim and its passages (best first; may be empty).

    The last features are the rules judge's verdict (``rules``, computed with ``settings`` if not
    given) and whether it rests on figures, so the model can lean on it where the training data
    show it right. With no passage at all every feature is zero (no similarity, nothing covered),
    the signature of a claim the corpus says nothing about.
    """
    if not hits:
        return np.zeros(len(FEATURE_NAMES), dtype=np.float64)
    if comparisons is None:
        comparisons = compare_all(claim_text, hits)
    if rules is None:
        rules = rules_verdict(claim_text, hits, settings, comparisons)
    ordered = sorted(hits, key=lambda h: h.rank)
    entities = len(names_in(claim_text))
    comparisons = [comparison_of(hit, comparisons) for hit in ordered]
    rows = np.vstack([_pair_row(claim_text, h, c, entities)
                      for h, c in zip(ordered, comparisons, strict=True)])
    column = {name: rows[:, i] for i, name in enumerate(PAIR_FEATURES)}
    content = {w for w in tokenize(claim_text) if not w[0].isdigit()}
    union: set[str] = set()
    for hit in ordered:
        union |= set(tokenize(hit.passage.text)) | set(tokenize(hit.passage.title or ""))
    missing_everywhere = set.intersection(*(set(c.missing_entities) for c in comparisons))
    top, others = ordered[0], ordered[1:]
    aggregates = [
        column["dense"].max(),
        column["coverage"].max(),
        column["bigram_coverage"].max(),
        column["quantities_matched"].max(),
        column["quantities_conflicting"].max(),
        column["missing_words"].min(),
        len(content & union) / len(content) if content else 0.0,
        1.0 - min(len(missing_everywhere), entities) / entities if entities else 1.0,
        top.dense - others[0].dense if others else 0.0,
        top.score - others[0].score if others else 0.0,
        float(np.mean([h.dense for h in others])) if others else top.dense,
        (sum(h.passage.source == top.passage.source for h in others) / len(others)
         if others else 1.0),
        math.log1p(len(ordered)),
        float(len(ordered) == 1),
        float(rules.label is Label.SUPPORTED),
        float(rules.label is Label.CONTRADICTED),
        rules.confidence,
        float(decided_by_figures(claim_text, rules, comparisons)),
    ]
    return np.concatenate([rows[0], np.array(aggregates, dtype=np.float64)])


def _pair_row(claim_text: str, hit: Hit, comparison: Comparison, entities: int) -> np.ndarray:
    passage_text = hit.passage.text
    claim_words = tokenize(claim_text)
    content = [w for w in claim_words if not w[0].isdigit()]
    numbers = {w for w in claim_words if w[0].isdigit()}
    passage_tokens = tokenize(passage_text)
    passage_words = set(passage_tokens) | set(tokenize(hit.passage.title or ""))
    missing = {w for w in content if w not in passage_words}
    claim_pairs = _bigrams(content)
    passage_pairs = _bigrams([w for w in passage_tokens if not w[0].isdigit()])
    claim_negated = bool(GENERAL_NEGATION.search(claim_text))
    passage_negated = bool(GENERAL_NEGATION.search(passage_text))
    # A negation counts against the other text only when it is about something that text says:
    # "not as completed" in a passage does not deny a claim that never says "completed".
    claim_denies = bool(negation_about(claim_text, passage_text, GENERAL_NEGATION))
    passage_denies = bool(negation_about(passage_text, claim_text, GENERAL_NEGATION))
    absent_names = min(len(comparison.missing_entities), entities)
    return np.array([
        hit.dense,
        hit.lexical,
        hit.score,
        comparison.coverage,
        len(claim_pairs & passage_pairs) / len(claim_pairs) if claim_pairs else comparison.coverage,
        math.log1p(len(missing)),
        math.log1p(sum(1 for w in missing if len(w) >= 7)),
        len(numbers & passage_words) / len(numbers) if numbers else 1.0,
        math.log1p(len(numbers - passage_words)),
        min(len(comparison.matched), 3),
        min(len(comparison.conflicts), 3),
        min(len(comparison.unmatched), 3),
        1.0 - absent_names / entities if entities else 1.0,
        min(absent_names, 3),
        float(claim_negated),
        float(passage_negated),
        float(claim_denies and not passage_negated or passage_denies and not claim_negated),
        float(_antonym_clash(claim_text, passage_text)),
        float(bool(_HEDGE.search(claim_text))),
        math.log1p(len(claim_words)),
        math.log1p(len(passage_words)),
    ], dtype=np.float64)


def _bigrams(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:], strict=False))


# Words the stemmer folds onto an opposite they do not mean: a "site" is no "sit", "Los Angeles"
# no "lose", a match "lasted" no "last", "shortly after" no "short", the "standings" no
# "stand", a "missing" person no "miss". They are left out of the opposites' word sets.
_STEM_HOMOGRAPHS = frozenset({
    "site", "sites", "los", "lasted", "lasting", "lasts", "like", "liked", "non", "denis",
    "shortly", "largely", "highly", "deadly", "presented", "presentation", "presentations",
    "publication", "publications", "commons", "severed", "overs", "slide", "slides",
    "sliding", "standings", "closely", "missing", "narrowly", "truly", "effectively", "hotly",
    "downs", "unlike",
})


@functools.lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(words(text, _STEM_HOMOGRAPHS))


def _antonym_clash(claim_text: str, passage_text: str) -> bool:
    return _opposites(claim_text, passage_text) is not None


def _opposites(claim_text: str, passage_text: str) -> tuple[str, str] | None:
    """The first claim word (in sorted order, so a rationale is stable) with its opposite in the
    passage, neither in the other text (stems): what :func:`_antonym_clash` finds, said."""
    claim_words = _word_set(claim_text)
    passage_words = _word_set(passage_text)
    for word in sorted(claim_words - passage_words):
        # (an opposite of time or age about another noun is none: "a late-night news
        # conference" against "an idea at a very early stage")
        opposite = {other for other in _OPPOSITE_OF.get(word, set()) & (passage_words - claim_words)
                    if not of_other_nouns(claim_text, word, passage_text, other)}
        if opposite:
            return word, min(opposite)
    return None


def conflict_cue(claim_text: str, passage_text: str) -> str:
    """In words, the opposite or the denial the model's conflict features find between a claim
    and a passage ("claim says 'rose', evidence says 'fell'"), or ""."""
    pair = _opposites(claim_text, passage_text)
    if pair is not None:
        said = [_surface(stemmed, text) for stemmed, text in zip(pair, (claim_text, passage_text),
                                                                  strict=True)]
        return f"claim says '{said[0]}', evidence says '{said[1]}'"
    denial = negation_about(passage_text, claim_text, GENERAL_NEGATION)
    if denial and not GENERAL_NEGATION.search(claim_text):
        return f"the evidence is negated ('{denial}')"
    denial = negation_about(claim_text, passage_text, GENERAL_NEGATION)
    if denial and not GENERAL_NEGATION.search(passage_text):
        return f"the claim is negated ('{denial}')"
    return ""


def _surface(stemmed: str, text: str) -> str:
    """The first word of ``text`` whose stem is ``stemmed``, as written there."""
    return next((w for w in _WORD.findall(text) if words(w) == [stemmed]), stemmed)
