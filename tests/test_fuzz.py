"""Generated inputs never crash the claim splitter, the number and date reader or the corpus loader.

What "recoverable from its spans" means here, for every claim of every generated article:

* the spans are sorted, non-empty, non-overlapping ranges inside the article text;
* every number in the claim text (digits standing alone, as in "5,000" or "2.5", not inside a
  name like "SU7") is a number of its spanned text, or of the article before the claim: the
  splitter resolves "at that time" to a date named earlier;
* no content word (letters only, three or more, minus a short list of function words the
  splitter may add such as "that", "said" or "its") is invented: each occurs in the article;
* at least 60 % of the claim's content words occur in its spanned text, not counting resolved
  references: words missing from the spans that the claim writes capitalised (a name put in place
  of "the company" or "he") or that the article used before the claim (context such as "of
  Xiaomi's plant").

Case counts (``max_examples``) are set per test and add up to several thousand; ``deadline=None``
because the first examples also pay for imports and regex compilation.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from factcheck.analysis.quantities import (
    DAY_OF_YEAR,
    DAYS,
    MONTH_OF_YEAR,
    QuantityKind,
    extract_quantities,
)
from factcheck.claims.extract import extract_claims
from factcheck.errors import CorpusError
from factcheck.records import Article, Claim
from factcheck.retrieval.corpus import Corpus, load_corpus

# Hypothesis runs hundreds of examples per property: seconds each, so CI runs them (make test).
pytestmark = pytest.mark.slow

CLAIM_EXAMPLES = 2_500
QUANTITY_EXAMPLES = 3_000
UNICODE_EXAMPLES = 500
CORPUS_EXAMPLES = 1_000
FUZZ = settings(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# -- generated article text ---------------------------------------------------------------------

ANY_CHARACTER = st.characters(codec="utf-8", exclude_categories=("Cs",))
UNICODE = st.characters(codec="utf-8", exclude_categories=("Cs",))
MONTHS = ("January February March April May June July August September October November "
          "December Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec.").split()
SUBJECTS = ["Xiaomi", "Xiaomi's factory", "Lei Jun", "Dr. Smith", "J. K. Rowling",
            "U.S. regulators", "Müller GmbH", "BYD Co. Ltd.", "The company", "The plant", "It",
            "He", "She", "They", "We", "I", "Renault-Nissan", "小米", "Škoda Auto", "Its team",
            "The second phase", "Tesla Inc.", "The firm's CEO"]
VERBS = ["sold", "said", "hired", "opened", "plans to build", "was founded in", "delivered",
         "will invest", "rose", "reported", "has", "employs", "is expected to reach", "built",
         "cut", "announced that it had sold", "Planned to invest"]
ABBREVIATIONS = ["e.g.", "approx.", "Inc.", "No. 3", "vs.", "etc.", "i.e.", "U.K.", "a.m.",
                 "St.", "Mr.", "Gen.", "p.m.", "et al."]
BYLINES = ["By Jane Doe", "Written by Test Writer · 3 min read", "Updated 5 March 2024, 10:32 GMT",
           "SHENZHEN, Jan 2 (Reuters) -", "Photo: Reuters", "# Xiaomi Builds A Factory",
           "Related: Xiaomi SU7 review", "Share this article", "- list item", "1. first point",
           "Last updated: 2024-03-05", "(Reuters)", "EDITOR'S NOTE:"]
TIME_REFERENCES = ["At that time,", "By that time,", "Around the same time,", "Later,",
                   "In other words,", "As we know,", "However,", "Meanwhile,"]

numbers = st.one_of(
    st.integers(0, 10**12).map(lambda n: f"{n:,}"),
    st.integers(0, 10**6).map(str),
    st.decimals(0, 10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.builds("{}{}".format, st.integers(0, 999),
              st.sampled_from(["%", " percent", " per cent", "m", "bn", " billion", " million",
                               " units", " cars", "km", " kWh", "+", " employees", "th", "st"])),
    st.builds("{}{}{}".format, st.sampled_from(["$", "US$", "€", "£", "¥", "RMB ", "Rs. ", "~"]),
              st.integers(0, 999), st.sampled_from(["", " million", " billion", "bn", "m", "k"])),
)
dates = st.one_of(
    st.builds("{} {} {}".format, st.integers(1, 31), st.sampled_from(MONTHS),
              st.integers(1890, 2110)),
    st.builds("{} {}, {}".format, st.sampled_from(MONTHS), st.integers(1, 31),
              st.integers(1890, 2110)),
    st.builds("{}-{:02d}-{:02d}".format, st.integers(1890, 2110), st.integers(0, 13),
              st.integers(0, 32)),
    st.builds("{}{} {}".format, st.sampled_from(["Q", "H", "q"]), st.integers(0, 5),
              st.integers(1990, 2030)),
    st.sampled_from(["the first half of 2024", "early 2021", "last year", "the 1990s",
                     "the second quarter of 2023", "Q1'24", "22:00", "2021/22", "FY2023"]),
)
words = st.sampled_from(["the", "a", "new", "factory", "in", "Beijing", "cars", "of", "and",
                         "which", "that", "its", "first", "second", "plant", "because",
                         "while", "but", "with", "sales", "rolling", "off", "line", ",", ";",
                         "(", ")", "-", "—", "...", "'s", "“", "”", '"', "'"])
fragments = st.one_of(numbers, dates, words, words, st.sampled_from(ABBREVIATIONS),
                      st.text(ANY_CHARACTER, max_size=8))


@st.composite
def sentences(draw) -> str:
    body = " ".join([draw(st.sampled_from(SUBJECTS)), draw(st.sampled_from(VERBS)),
                     *draw(st.lists(fragments, max_size=7))])
    if draw(st.booleans()):
        body = f"{draw(st.sampled_from(TIME_REFERENCES))} {body}"
    end = draw(st.sampled_from([".", ".", ".", "!", "?", "...", "…", "", ".\u201d", '."', ";"]))
    quote = draw(st.integers(0, 5))
    if quote == 0:
        speaker = draw(st.sampled_from(["he said", "said Lei Jun", "Mr. Lei told Reuters"]))
        return f"\u201c{body},\u201d {speaker}."
    if quote == 1:
        speaker = draw(st.sampled_from(["Lei Jun said:", "He said", "Founder Lei Jun wrote:"]))
        return f'{speaker} "{body}{end}"'
    return body + end


separators = st.sampled_from([" ", " ", " ", "\n", "\n\n", " \n", "\t", "\r\n", "  ", "\n\n\n",
                              "\u2028", "\x0c", "\n- ", "\n1. "])
articles = st.builds(
    lambda parts, seps: "".join(p + s for p, s in zip(parts, seps, strict=False)),
    st.lists(st.one_of(sentences(), sentences(), sentences(), st.sampled_from(BYLINES),
                       st.text(ANY_CHARACTER, max_size=40)), min_size=1, max_size=12),
    st.lists(separators, min_size=12, max_size=12),
)

# -- what a claim must satisfy ------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")
WORD = re.compile(r"[^\W\d_]{3,}")
# Words the splitter adds for grammar, or that resolving a reference brings in.
FUNCTION_WORDS = frozenset(
    "the and that said was were are has have had its his her him hers himself herself itself "
    "themselves their they them this these those which who whom with for from into onto not "
    "but also than then there here what when where while".split())


def content_words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in FUNCTION_WORDS}


def check_claim(claim: Claim, article: Article) -> None:
    text = article.text
    spans = claim.spans
    assert spans, claim
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text), (claim, span)
        previous_end = span.end
    spanned = " ".join(text[s.start:s.end] for s in spans)
    before = text[: spans[0].start]
    for number in NUMBER.findall(claim.text):
        assert number in NUMBER.findall(spanned) or number in NUMBER.findall(before), (
            f"number {number!r} of claim {claim.text!r} is not in its spans {spanned!r}")
    claim_words = content_words(claim.text)
    article_words = content_words(text)
    invented = claim_words - article_words
    assert not invented, f"claim {claim.text!r} invents {invented}"
    in_spans = claim_words & content_words(spanned)
    capitalised = {w.lower() for w in WORD.findall(claim.text) if w[0].isupper()}
    resolved = (claim_words - in_spans) & (capitalised | content_words(before))
    counted = claim_words - resolved
    if counted:
        assert len(in_spans) >= 0.6 * len(counted), (
            f"claim {claim.text!r}: only {sorted(in_spans)} of {sorted(counted)} are in its "
            f"spans {spanned!r}")


def check_article(text: str) -> list[Claim]:
    article = Article("fuzz", text, "fuzz.txt", text.split("\n", 1)[0][:60])
    claims = extract_claims(article, min_checkworthiness=0.0)
    assert len({c.id for c in claims}) == len(claims)
    for claim in claims:
        assert claim.article_id == "fuzz" and claim.text.strip()
        assert 0.0 <= claim.checkworthiness <= 1.0
        check_claim(claim, article)
    return claims


@settings(FUZZ, max_examples=CLAIM_EXAMPLES)
@given(articles)
@example("Xiaomi sold. \rßa “Xiaomi sold,” he said. ")  # "ß" capitalised is "SS": not invented
def test_claims_never_crash_and_are_recoverable_from_their_spans(text: str):
    claims = check_article(text)
    event("claims per article", "0" if not claims else "1-2" if len(claims) < 3 else "3+")


@settings(FUZZ, max_examples=UNICODE_EXAMPLES)
@given(st.text(ANY_CHARACTER, max_size=400))
def test_claims_of_arbitrary_unicode_text(text: str):
    check_article(text)


def test_a_decimal_never_becomes_the_date_of_a_later_claim():
    text = "The index stood at 2019.6 points. At that time, BYD employed 900 engineers."
    article = Article("a", text, "a.txt", "")
    for claim in extract_claims(article):
        check_claim(claim, article)


def test_the_claim_checks_hold_on_the_demo_articles():
    """The same definition on real articles, so the fuzz checks are not vacuous."""
    demo = Path(__file__).resolve().parents[1] / "claims"
    total = 0
    for path in sorted(demo.glob("*.txt")):
        total += len(check_article(path.read_text(encoding="utf-8")))
    assert total >= 40


# -- numbers and dates ----------------------------------------------------------------------------

quantity_text = st.lists(st.one_of(numbers, dates, words, st.sampled_from(ABBREVIATIONS),
                                   st.sampled_from(["about", "more than", "under", "nearly",
                                                    "at least", "up to", "~", "+"]),
                                   st.text(UNICODE, max_size=10)),
                         max_size=12).map(" ".join)


@settings(FUZZ, max_examples=QUANTITY_EXAMPLES)
@given(st.one_of(quantity_text, quantity_text, st.text(UNICODE, max_size=80)))
def test_quantities_never_crash_and_point_into_the_text(text: str):
    found = extract_quantities(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    for quantity in found:
        assert 0 <= quantity.start < quantity.end <= len(text), quantity
        assert text[quantity.start:quantity.end] == quantity.surface
        assert quantity.value <= quantity.high or quantity.value != quantity.value  # nan-safe
        if quantity.kind is QuantityKind.DATE:
            assert quantity.unit in (DAYS, MONTH_OF_YEAR, DAY_OF_YEAR) and quantity.value >= 0


@settings(deadline=None, database=None)
@given(st.sampled_from(["On 1 Auguſt 2021 it rose.", "It was the ſecond plant.",
                        "It cost 5 dollarſ.", "the fırst half of 2021", "the fırst plant"]))
@example("On 1 Auguſt 2021 it rose.")
def test_lookalike_letters_do_not_crash_extract_quantities(text: str):
    extract_quantities(text)


@settings(deadline=None, database=None)
@given(st.sampled_from(["Xiaomi sold 10 cars 5 times a day.", "0CARS 0",
                        "The team has 900 members 3 years on."]))
@example("Xiaomi sold 10 cars 5 times a day.")
def test_money_prefix_is_never_read_inside_a_word(text: str):
    found = extract_quantities(text)
    assert not [q for q in found if q.kind is QuantityKind.MONEY], found
    for first, second in zip(found, found[1:], strict=False):
        assert first.end <= second.start, (first, second)  # one piece of text, one figure


# -- corpus files -------------------------------------------------------------------------------

field_values = st.one_of(
    st.text(ANY_CHARACTER, max_size=30), st.integers(-10**30, 10**30), st.none(), st.booleans(),
    st.floats(allow_nan=True), st.lists(st.integers(), max_size=2),
    st.sampled_from(["2021-03-25", "2021-13", "27/11/2021", "https://example.com/a",
                     "javascript:alert(1)", "", "   ", "x" * 10_001]),
)
records = st.one_of(
    st.fixed_dictionaries(  # valid, mostly
        {"id": st.integers(0, 10**6).map("p{}".format),
         "text": st.text(ANY_CHARACTER, min_size=1, max_size=40),
         "source": st.sampled_from(["Reuters", "Nikkei", "s"])},
        optional={"url": st.sampled_from(["https://example.com/a", None]),
                  "published": st.sampled_from(["2021", "2021-03-25", None])},
    ),
    st.fixed_dictionaries(
        {},
        optional={name: field_values
                  for name in ("id", "text", "source", "url", "title", "published")},
    ),
)


@st.composite
def jsonl_bytes(draw) -> bytes:
    lines = []
    for record in draw(st.lists(records, max_size=6)):
        kind = draw(st.integers(0, 9))
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        if kind == 0:
            line = line[: draw(st.integers(0, len(line)))]  # torn line
        elif kind == 1:
            line = draw(st.text(ANY_CHARACTER, max_size=30))
        lines.append(line)
    data = draw(st.sampled_from(["\n", "\r\n", "\n\n"])).join(lines).encode("utf-8")
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xc3("])) + data
    return data


csv_cells = st.one_of(st.text(ANY_CHARACTER, max_size=15), st.sampled_from(
    ['"', '""', '"quoted"', 'a "stray', "a,b", "line\nbreak", "2021-03-25", "https://e.com/x",
     "", "p1", "p1", "p2"]))


@st.composite
def csv_bytes(draw) -> bytes:
    header = draw(st.one_of(
        st.just(["id", "text", "source"]),
        st.permutations(["id", "text", "source", "url", "published"]),
        st.lists(st.sampled_from(["id", "text", "source", "url", "title", "x", "text"]),
                 max_size=5),
    ))
    rows = [",".join(header)]
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(csv_cells, min_size=max(0, len(header) - 1),
                              max_size=len(header) + 1))
        quoted = [f'"{c}"' if draw(st.booleans()) else c for c in cells]
        rows.append(",".join(quoted))
    return draw(st.sampled_from(["\n", "\r\n"])).join(rows).encode("utf-8")


@settings(FUZZ, max_examples=CORPUS_EXAMPLES)
@given(st.one_of(
    st.tuples(st.just("corpus.jsonl"), jsonl_bytes()),
    st.tuples(st.just("corpus.csv"), csv_bytes()),
    st.tuples(st.sampled_from(["corpus.jsonl", "corpus.csv", "notes.txt", "notes.md"]),
              st.binary(max_size=200)),
    st.tuples(st.sampled_from(["notes.txt", "notes.md"]),
              st.text(ANY_CHARACTER, max_size=300).map(lambda t: t.encode("utf-8"))),
))
def test_corpus_loader_returns_a_corpus_or_a_corpus_error(named_file: tuple[str, bytes]):
    name, data = named_file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        try:
            corpus = load_corpus(folder)
        except CorpusError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.startswith(folder), problem  # names the file (or the folder)
                assert "\n" not in problem
            event("corpus error")
            return
    event("corpus loaded")
    assert isinstance(corpus, Corpus) and len(corpus) >= 1
    assert len({p.id for p in corpus.passages}) == len(corpus)
    for passage in corpus.passages:
        assert passage.id and passage.text.strip() and passage.source
        assert passage.origin.startswith(str(path))
