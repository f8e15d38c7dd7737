"""Claim extraction: split an article into atomic, self-contained, check-worthy claims.

The stage is rule based (standard library only) and runs in four steps:

1. **Drop non-claims** (:mod:`factcheck.claims.checkworthiness`): headings, bylines, "Read more:"
   blocks and the link titles after them, questions, short fragments, first-person asides and
   opinions with nothing checkable in them (evaluative words, idioms, hype without a figure or
   a second name); strip datelines ("SHENZHEN, Jan 2 (Reuters) -", :mod:`factcheck.claims.clauses`).
2. **Split** compound sentences (:mod:`factcheck.claims.clauses`): clauses joined by ``;``,
   ``, and``/``, but`` or ``, while`` that have their own subject (also when it follows a
   fronted phrase: "..., and in 2023 the company cancelled X"), verb phrases sharing one subject
   ("unveiled X ... and put it on sale"), ``Whereas/While/Although X, Y``, and side facts:
   ", which ..." clauses, "a venture in which X holds 60%", appositives ("Project Titan, a team
   of 2,000 staff") and ", with a team of N". Noun lists ("Apple, Oppo, Sony, and more") stay
   whole.
3. **Decontextualise** with typed entities (:mod:`factcheck.claims.entities`,
   :mod:`factcheck.claims.references`). Capitalised names are typed as organisations, people, places
   or things (products, projects, events) from cues in the article: company suffixes and verbs,
   titles ("founder", "CEO"), speech verbs, a gazetteer, model numbers. Months, units and
   sentence-initial common words are not names. Then "the company"/"the Chinese tech giant"
   resolve to an organisation (the latest one that was a subject, else the article's main one),
   "it"/"its" to the previous claim's subject (or that organisation), "he"/"she" to the latest
   main-clause subject that is a person, "the country"/"the city" to the last one named, "the
   factory" to its owner's ("Xiaomi's factory"), "at that time" to the last date, and quotes
   become reported speech ("Lei Jun said that ... Xiaomi will ...").
4. **Score** check-worthiness (:mod:`factcheck.claims.checkworthiness`: numbers, money, dates,
   names, comparisons and a definite subject with a concrete predicate raise it; opinion
   words, idioms, hedges and the first person lower it) and keep claims scoring at least
   ``min_checkworthiness``.

A sentence with a figure, a date or a name that yields no claim (a question, a fragment,
opinion, the writer's own experience, a "he"/"she" naming nobody, too vague) is returned by
:func:`extract_claims_and_skipped` as :class:`factcheck.records.Skipped` with its reason, and
so is a checkable clause dropped from a sentence whose other clauses gave claims ("..., and
Czech President Petr Pavel warned that the worst was not yet over"), so reports can list it:
nothing checkable disappears silently.

"He"/"she" resolve to the latest main-clause subject that is a person, never to a name seen
only in a side clause. This stays a hand-written rule: spaCy's parser, measured on the four
topic articles in ``benchmarks/topics``, would cost about a tenth of a second per four
articles (2,500 claims/s down to about 300), and the subject rule resolves every pronoun there.

Every claim keeps the character spans of the article words it was built from
(:mod:`factcheck.claims.grammar`); a resolved reference points at the original words ("the
company"), not at its replacement ("Xiaomi"). The word lists all steps share are in
:mod:`factcheck.claims.lexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.checkworthiness import (
    checkworthiness,
    content_sentences,
    is_checkable,
    is_concrete,
    is_opinion,
    is_personal,
    is_question,
)
from factcheck.claims.clauses import (
    Clause,
    Role,
    fix_case,
    fix_its,
    repair_absolute,
    split_clauses,
    strip_dateline,
    strip_markers,
)
from factcheck.claims.entities import Entities
from factcheck.claims.grammar import (
    Token,
    balance,
    find_subject,
    has_finite_verb,
    render,
    token_spans,
    trim,
    word_tokens,
)
from factcheck.claims.references import Context
from factcheck.claims.segment import Sentence, split_sentences
from factcheck.records import Article, Claim, Skipped, Span
from factcheck.settings import DEFAULTS

__all__ = ["Extraction", "checkworthiness", "extract_claims", "extract_claims_and_skipped"]


@dataclass(frozen=True, slots=True)
class _Draft:
    """A finished claim before scoring: its tokens, and whether its sentence restates another."""

    tokens: tuple[Token, ...]
    restates: bool
    concrete: bool


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the splitter made of an article: its claims, and the checkable sentences (a figure,
    a date or a name) that yielded none, each with the reason."""

    claims: list[Claim]
    skipped: tuple[Skipped, ...]


# Why a clause is not a claim, in the words a report reader sees.
QUESTION = "a question, not a statement"
FRAGMENT = "no verb: a fragment, not a statement"
PERSONAL = "the writer's own experience"
OPINION = "opinion: evaluation with no figure to check"
UNRESOLVED = "'{pronoun}' could not be tied to a person named before it"
VAGUE = "too vague to check (check-worthiness {score:.2f}, below {minimum:.2f})"

_RESTATEMENT_PENALTY = 0.2
_MIN_WORDS = 3  # "Xiaomi bought Borgward" is a claim; "It rose" is a fragment


def extract_claims(article: Article, *,
                   min_checkworthiness: float = DEFAULTS.min_checkworthiness) -> list[Claim]:
    """Split an article into atomic, self-contained claims worth checking, in article order.

    Args:
        article: the article to read; claims point into ``article.text``.
        min_checkworthiness: claims scoring below this (0-1) are dropped.

    Returns:
        Claims with ids ``"{article.id}-c01"``, ``"-c02"``, ... in reading order, each with
        the spans of the article characters it was built from.
    """
    return extract_claims_and_skipped(article, min_checkworthiness=min_checkworthiness).claims


def extract_claims_and_skipped(
    article: Article, *, min_checkworthiness: float = DEFAULTS.min_checkworthiness
) -> Extraction:
    """:func:`extract_claims`, and the checkable sentences that yielded no claim.

    Args:
        article: the article to read; claims and skipped sentences point into ``article.text``.
        min_checkworthiness: claims scoring below this (0-1) are dropped.

    Returns:
        The claims (as :func:`extract_claims` returns them) and, in article order, every
        sentence with a figure, a date or a name that gave no claim: a question, a fragment,
        opinion, the writer's own experience, a pronoun naming nobody, or too vague a claim;
        and every such clause dropped beside the claims of its sentence.
        Headings, bylines and link lists are not statements and are not listed.
    """
    text = article.text
    sentences = split_sentences(text)
    content = content_sentences(sentences, article.title)
    headline = article.title or next((s.text for s in sentences if s.is_heading), "")
    entities = Entities(text, [sentences[i] for i in content], headline)
    apostrophe = "\u2019" if text.count("\u2019") > text.count("'") else "'"
    context = Context(entities, apostrophe)
    reasons: dict[int, str] = {}

    claims: list[Claim] = []
    seen: set[str] = set()
    # clauses dropped from sentences that gave claims too ("..., and Czech President Petr
    # Pavel warned that the worst was not yet over"): listed on their own
    clause_skips: list[Skipped] = []
    for index in content:
        sentence = sentences[index]
        drafts, dropped_clauses = _sentence_claims(context, sentence, text)
        if dropped_clauses:
            reasons[index] = dropped_clauses[0][1]
        if drafts:
            clause_skips += [skip for toks, reason in dropped_clauses
                             if is_checkable(render(toks), entities.names)
                             and (skip := _skipped_clause(toks, reason, text)) is not None]
        for draft in drafts:
            claim_text = render(draft.tokens)
            if claim_text.lower() in seen:
                continue
            seen.add(claim_text.lower())
            score = checkworthiness(claim_text, entities.names, concrete=draft.concrete)
            if draft.restates:  # "In other words, ..." repeats the sentence before
                score = max(0.0, round(score - _RESTATEMENT_PENALTY, 2))
            if score < min_checkworthiness:
                reasons.setdefault(index, VAGUE.format(score=score, minimum=min_checkworthiness))
                continue
            spans = token_spans(draft.tokens, text)
            if not spans:
                continue
            claims.append(
                Claim(
                    id=f"{article.id}-c{len(claims) + 1:02d}",
                    article_id=article.id,
                    text=claim_text,
                    sentence_index=index,
                    spans=spans,
                    checkworthiness=score,
                )
            )
        context.finish_sentence(sentence)
    kept = {claim.sentence_index for claim in claims}
    content_set = set(content)
    for sentence in sentences:
        if sentence.index in kept:
            continue
        if sentence.index in content_set:
            reason = reasons.get(sentence.index)
        elif not sentence.is_heading and is_question(sentence.text):
            reason = QUESTION
        else:
            continue  # headings, bylines, link lists: not statements
        if reason is not None and is_checkable(sentence.text, entities.names):
            reasons[sentence.index] = reason
        else:
            reasons.pop(sentence.index, None)
    whole = [
        Skipped(" ".join(sentences[i].text.split()), Span(sentences[i].start, sentences[i].end),
                reasons[i])
        for i in sorted(reasons)
        if i not in kept
    ]
    skipped = tuple(sorted(whole + clause_skips, key=lambda skip: skip.span.start))
    return Extraction(claims, skipped)


def _skipped_clause(tokens: list[Token], reason: str, text: str) -> Skipped | None:
    """A dropped clause as the article writes it, with its reason (None: no article words)."""
    spans = token_spans(tokens, text)
    if not spans:
        return None
    span = Span(spans[0].start, spans[-1].end)
    return Skipped(" ".join(text[span.start:span.end].split()), span, reason)


def _sentence_claims(
    context: Context, sentence: Sentence, text: str
) -> tuple[list[_Draft], list[tuple[list[Token], str]]]:
    """The claims of one sentence, split and resolved but not yet scored, and each clause that
    is not a claim with why it was dropped."""
    context.start_sentence(sentence)
    tokens = strip_dateline(trim(word_tokens(text, sentence.start, sentence.end)))
    tokens, judgement, restates = strip_markers(tokens)
    tokens = fix_its(fix_case(context.resolve_time(tokens)))
    reported = context.reported_speech(tokens)
    clauses = [Clause(tuple(reported))] if reported is not None else split_clauses(tokens)
    results: list[_Draft] = []
    dropped: list[tuple[list[Token], str]] = []
    for clause in clauses:
        toks = repair_absolute(trim(list(clause.tokens)))
        if not toks:
            continue
        toks = balance(context.resolve(toks))
        if not toks:
            continue
        if clause.role is Role.MAIN:
            context.remember(toks)
        context.note_facility(toks)
        words = [tok for tok in toks if tok.is_word]
        reason = None
        if len(words) < _MIN_WORDS or not has_finite_verb(toks):
            reason = FRAGMENT
        elif is_personal(toks):
            reason = PERSONAL
        elif is_opinion(toks, judgement, context.entities.names):
            reason = OPINION
        elif (pronoun := _unresolved_person(toks)) is not None:
            reason = UNRESOLVED.format(pronoun=pronoun)
        if reason is not None:
            dropped.append((toks, reason))
            continue
        results.append(_Draft(tuple(toks), restates, is_concrete(toks)))
    return results, dropped


def _unresolved_person(tokens: list[Token]) -> str | None:
    """"He"/"she" still the subject after resolution: the claim would say nothing checkable
    about anyone ("He also won in 2019"), so it is skipped with this pronoun as the reason."""
    subject = find_subject(tokens)
    if subject is None:
        return None
    words = tokens[subject[0] : subject[1]]
    if len(words) == 1 and not words[0].replaced and words[0].lower in ("he", "she"):
        return words[0].lower
    return None
