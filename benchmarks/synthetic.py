"""Reproducible synthetic evidence corpora, news articles and embedding vectors for the benchmark.

Passages read like the curated corpus: one checkable fact each (a company, a figure with a unit or
currency, a date, a place), often with its source or some context, about 28 tokens. There are as
many invented companies as the corpus needs, so BM25 postings and the embedding space look like a
real corpus of that size, not like one fact repeated. Articles restate passages (a third with a
changed figure, so all three verdicts occur) between filler and opinion sentences. The same seed
always gives the same texts.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from factcheck.records import Article, Passage
from factcheck.retrieval.corpus import Corpus

_SYLLABLES = ("ka", "lo", "mi", "ra", "ten", "vo", "zu", "shi", "an", "del", "bor", "qu", "ne",
              "tra", "xin", "yu", "gar", "so", "li", "mar", "ko", "ven", "ta", "ri")
_SUFFIXES = ("Motors", "Auto", "Energy", "Tech", "Mobility", "Electric", "Robotics", "Group",
             "Semiconductor", "Battery", "Systems", "Holdings")
_CITIES = ("Beijing", "Shanghai", "Shenzhen", "Munich", "Stuttgart", "Detroit", "Austin", "Osaka",
           "Seoul", "Wuhan", "Hefei", "Chongqing", "Turin", "Lyon", "Gothenburg", "Chennai",
           "Guangzhou", "Nagoya", "Leipzig", "Valencia", "Monterrey", "Bangkok", "Jakarta")
_PRODUCTS = ("sedan", "SUV", "pickup truck", "battery pack", "charging network", "robotaxi",
             "driver-assistance chip", "electric van", "solid-state cell", "motor", "hatchback")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_PEOPLE = ("Lei", "Chen", "Weber", "Tanaka", "Kim", "Rossi", "Dubois", "Larsen", "Patel", "Ortiz",
           "Nguyen", "Schmidt", "Wang", "Sato", "Moreau")

_TEMPLATES = (
    "{company} said in {month} {year} that it would invest {money} in a {product} plant in {city}.",
    "{company} delivered {count:,} vehicles in {month} {year}, up {pct}% from a year earlier.",
    "The {city} factory of {company} can build {count:,} cars a year once both phases are done.",
    "{company} employs more than {staff:,} engineers in research and development in {city}.",
    "In {year} {company} sold its {product} for a starting price of {price:,} yuan.",
    "{company} opened its first {product} line in {city} on {day} {month} {year}.",
    "Regulators approved {company}'s licence to build cars in {city} in {month} {year}.",
    "{company} reported revenue of {money} for the {quarter} quarter of {year}.",
    "Chief executive {person} said {company} aimed to be among the top {rank} carmakers by {year}.",
    "{company} has tested {fleet} autonomous {product}s on public roads in {city} since {year}.",
    "{company} raised {money} from investors in {month} {year} to expand its {product} business.",
    "{company} recalled {recall:,} {product}s in {year} over a software fault in the brakes.",
)
_CONTEXT = (
    ", the company said in a statement",
    ", according to a filing with the stock exchange",
    ", local media reported, citing people familiar with the matter",
    ". Analysts had expected a smaller figure",
    ". The plan still needs approval from the provincial government",
    ", its chief financial officer told investors on a conference call",
    ". It was the first time the company disclosed the number",
)
_FILLER = (
    "The announcement drew attention across the industry.",
    "Analysts were divided about what it means for the market.",
    "Is this the start of a new era for electric cars?",
    "Many drivers remain sceptical, and the debate is likely to continue.",
    "The company did not respond to a request for comment.",
    "In my view, the strategy is bold but risky.",
)
_LEADS = ("", "According to company filings, ", "Reports say ", "", "As announced, ")


def _names(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        names.add(f"{stem} {rng.choice(_SUFFIXES)}")
    return sorted(names)


def _fields(rng: random.Random, companies: list[str]) -> dict[str, object]:
    return {
        "company": rng.choice(companies), "city": rng.choice(_CITIES),
        "product": rng.choice(_PRODUCTS), "month": rng.choice(_MONTHS),
        "year": rng.randint(2015, 2025), "day": rng.randint(1, 28),
        "money": rng.choice(("US${} billion", "€{} billion", "{} billion yuan")).format(
            rng.randint(1, 90) / 10),
        "count": rng.randint(1, 400) * 1000, "pct": rng.randint(2, 160),
        "staff": rng.randint(2, 90) * 100, "price": rng.randint(90, 600) * 1000,
        "quarter": rng.choice(("first", "second", "third", "fourth")),
        "person": rng.choice(_PEOPLE), "rank": rng.choice((3, 5, 10)),
        "fleet": rng.randint(10, 900), "recall": rng.randint(1, 300) * 100,
    }


def passage_texts(count: int, seed: int = 0) -> Iterator[tuple[str, dict[str, object]]]:
    """``count`` distinct passage texts with the fields they were made from."""
    rng = random.Random(seed)
    companies = _names(rng, max(20, count // 25))
    seen: set[str] = set()
    while len(seen) < count:
        template = rng.choice(_TEMPLATES)
        fields = _fields(rng, companies)
        text = template.format(**fields)
        if rng.random() < 0.6:  # real passages often carry their source or some context
            text = text[:-1] + rng.choice(_CONTEXT) + "."
        if text not in seen:
            seen.add(text)
            yield text, {"template": template, **fields}


def make_corpus(count: int, seed: int = 0) -> tuple[Corpus, list[dict[str, object]]]:
    """A corpus of ``count`` passages (and each passage's fields, to write articles from)."""
    passages, fields = [], []
    for row, (text, values) in enumerate(passage_texts(count, seed)):
        record = _record(row, seed, text, values)
        passages.append(Passage(record["id"], text, record["source"], None, None,
                                record["published"], f"synthetic line {row + 1}"))
        fields.append(values)
    return Corpus(tuple(passages), (), f"synthetic-{count}-{seed}"), fields


def _record(row: int, seed: int, text: str, values: dict[str, object]) -> dict[str, str]:
    return {"id": f"s{seed}-{row:07d}", "text": text, "source": f"Wire {row % 53}",
            "published": f"{values['year']}"}


def write_corpus_jsonl(path: Path, count: int, seed: int = 0,
                       sample: int = 2000) -> list[dict[str, object]]:
    """Write the passages of ``make_corpus(count, seed)`` as a corpus JSONL file, atomically.

    Streams, so a million passages never sit in memory as records. Returns the fields of about
    ``sample`` passages spread over the corpus, to write articles (and so claims) from.
    """
    step = max(1, count // sample)
    kept = []
    partial = path.with_name(path.name + ".tmp")
    with open(partial, "w", encoding="utf-8") as out:
        for row, (text, values) in enumerate(passage_texts(count, seed)):
            out.write(json.dumps(_record(row, seed, text, values), ensure_ascii=False) + "\n")
            if row % step == 0:
                kept.append(values)
    os.replace(partial, path)
    return kept


def make_articles(fields: list[dict[str, object]], count: int, facts: int = 12,
                  seed: int = 1) -> list[Article]:
    """``count`` articles, each restating ``facts`` passages (a third with a changed figure)
    among filler and opinion sentences."""
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        sentences = []
        for _ in range(facts):
            values = dict(rng.choice(fields))
            if rng.random() < 0.33:
                for key in ("count", "staff", "price", "fleet", "recall"):
                    values[key] = int(values[key]) * 2  # type: ignore[call-overload]
                values["year"] = int(values["year"]) + 1  # type: ignore[call-overload]
            sentence = str(values["template"]).format(**values)
            lead = rng.choice(_LEADS)
            if lead and sentence.split()[0] in ("The", "In", "Regulators", "Chief"):
                sentence = sentence[0].lower() + sentence[1:]
            sentences.append(lead + sentence)
            if rng.random() < 0.3:
                sentences.append(rng.choice(_FILLER))
        title = f"Industry roundup {number + 1}"
        articles.append(Article(f"article-{number:05d}", title + "\n\n" + " ".join(sentences),
                                f"synthetic/article-{number:05d}.txt", title))
    return articles


def clustered_vectors(rows: int, dim: int = 384, *, seed: int = 0,
                      block: int = 65_536) -> Iterator[np.ndarray]:
    """Unit vectors in blocks: points around ``rows / 200`` random topic centres.

    Sentence embeddings of a corpus cluster by topic, and approximate indexes rely on that; pure
    uniform noise in 384 dimensions has no nearest neighbours worth the name. Two passages of a
    topic have cosine about 0.5 (noise norm 1 around a unit centre); queries made by
    :func:`noisy_queries` sit at cosine about 0.8 from their source passage.
    """
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(1, rows // 200), dim), dtype=np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    for start in range(0, rows, block):
        size = min(block, rows - start)
        vectors = centres[rng.integers(0, len(centres), size)]
        vectors = vectors + rng.standard_normal((size, dim), dtype=np.float32) / np.sqrt(dim)
        yield vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def noisy_queries(vectors: np.ndarray, count: int, *, seed: int = 2) -> np.ndarray:
    """``count`` unit queries, each a corpus row plus noise (a claim near its evidence)."""
    rng = np.random.default_rng(seed)
    rows = np.sort(rng.choice(len(vectors), size=count, replace=False))
    queries = np.asarray(vectors[rows], dtype=np.float32)
    queries = queries + rng.standard_normal(queries.shape, dtype=np.float32) * 0.75 / np.sqrt(
        queries.shape[1])
    return queries / np.linalg.norm(queries, axis=1, keepdims=True)
