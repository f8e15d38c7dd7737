"""Speed and scale benchmark: index build, end-to-end checking, model load, memory, 1M search.

Run ``python benchmarks/bench_pipeline.py`` (or ``make bench``); ``--help`` lists the options,
e.g. ``--sizes 1000,10000`` for a short run and ``--million 0`` to skip the 1M-passage case. It
prints one table; every figure stands next to a baseline measured in the same run (the naive way:
one encoder call per passage or claim with sentence-transformers, and brute-force search) and
their ratio. ``--json FILE`` also writes the raw numbers.

Each case runs in its own process, so its model load time and peak memory are its own; each
throughput figure is the best of ``--repeat`` passes, since other load only slows a pass down,
and every pass checks articles no pass before it checked (the judge remembers what it read).
Corpora are synthetic but realistic and reproducible (``benchmarks/synthetic.py``); their
embeddings are cached under ``--cache-dir`` (default ``.bench-cache``), so only the first run
encodes the 100k-passage corpus (a few minutes on two cores; the build figure itself is always
measured on a fresh cache). The 1M case is search only, over clustered random unit vectors
(float16, on disk) with the approximate index; its recall@10 is measured against exact search.
The text case (``--text-million``, default 1M passages) is the other half of a real corpus of that
size, never embedded: a JSONL file read with ``load_corpus``, its BM25 index built as retrieval
builds it, lexical search per claim, resident memory after each step and where it goes; then the
corpus is opened again with BM25 read from its cache, as a second run would.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))



# Measurements shared by the cases ------------------------------------------------------------

def memory_mb() -> tuple[float, float]:
    """Current and peak resident memory of this process, in MB (Linux /proc)."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def reset_peak() -> bool:
    """Restart this process's peak resident memory (VmHWM), so the next peak is one phase's own.

    Returns False where the kernel does not allow it; peaks then count from process start.
    """
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    except OSError:
        return False
    return True


def settings_for(args: argparse.Namespace, encoder: str | None = None) -> Any:
    """Settings of a case; each corpus size has its own cache, so sizes never evict each other."""
    from factcheck.settings import Settings

    folder = Path(args.cache_dir) / (f"corpus-{args.size}" if args.size else "models")
    return Settings(cache_dir=folder, encoder=encoder or args.encoder)


def emit(result: dict[str, Any]) -> None:
    print("RESULT " + json.dumps(result), flush=True)


def naive_claims_per_second(checker: Any, torch_embedder: Any, articles: list[Any],
                            limit: int) -> tuple[float, float]:
    """The baseline: one encoder call per claim (sentence-transformers) + brute-force search.

    Returns claims per second and CPU seconds per claim.
    """
    from factcheck.claims.extract import extract_claims
    from factcheck.records import Hit
    from factcheck.text import tokenize

    index = checker.index
    vectors = np.asarray(index.vectors, dtype=np.float32)  # brute force over every passage
    done = 0
    cpu = time.process_time()
    started = time.perf_counter()
    for article in articles:
        for claim in extract_claims(article):
            query = torch_embedder.embed([claim.text])[0]
            dense = vectors @ query
            lexical = index.bm25.scores(tokenize(claim.text))
            fused = 0.7 * dense + 0.3 * lexical
            best = np.argsort(-fused)[:5]
            hits = [Hit(index.corpus.passages[i], r, float(fused[i]), float(dense[i]),
                        float(lexical[i])) for r, i in enumerate(best, start=1)]
            checker.judge.judge(claim, hits)
            done += 1
            if done >= limit:
                break
        if done >= limit:
            break
    return done / (time.perf_counter() - started), (time.process_time() - cpu) / done


# Cases (each in its own process) --------------------------------------------------------------

def case_model(args: argparse.Namespace) -> None:
    """Model load time, memory, encoding speed and vectors for the agreement check."""
    from synthetic import make_articles, make_corpus

    from factcheck.claims.extract import extract_claims
    from factcheck.pipeline import make_embedder

    corpus, fields = make_corpus(args.encode_sample, seed=7)
    texts = [p.text for p in corpus.passages]
    claims = [c.text for a in make_articles(fields, 40, seed=8) for c in extract_claims(a)]
    embedder = make_embedder(settings_for(args, args.encoder))
    if args.encoder != "torch":
        embedder.load()  # the one-off export, not part of loading
        embedder = make_embedder(settings_for(args, args.encoder))
    rss_before, _ = memory_mb()
    started = time.perf_counter()
    embedder.load()
    load = time.perf_counter() - started
    rss_loaded, _ = memory_mb()
    embedder.embed(texts[:64])  # warm-up
    cpu = time.process_time()
    started = time.perf_counter()
    vectors = embedder.embed(texts)
    passages_rate = len(texts) / (time.perf_counter() - started)
    passages_per_cpu_s = len(texts) / (time.process_time() - cpu)
    started = time.perf_counter()
    claim_vectors = embedder.embed(claims)
    claims_rate = len(claims) / (time.perf_counter() - started)
    result = {"case": "model", "encoder": args.encoder, "load_s": load,
              "model_mb": rss_loaded - rss_before, "peak_mb": memory_mb()[1],
              "passages_per_s": passages_rate, "claims_per_s": claims_rate,
              "passages_per_cpu_s": passages_per_cpu_s,
              "tokens_per_passage": _tokens(texts)}
    if args.encoder == "torch":
        sample = texts[: args.naive_sample]
        started = time.perf_counter()
        for text in sample:
            embedder.embed([text])
        result["naive_passages_per_s"] = len(sample) / (time.perf_counter() - started)
    out = Path(args.cache_dir) / f"agreement-{args.encoder}.npz"
    np.savez(out, passages=vectors, claims=claim_vectors)
    emit(result)


def _tokens(texts: list[str]) -> float:
    from tokenizers import Tokenizer

    from factcheck.retrieval.embedding import resolve_model

    tokenizer = Tokenizer.from_file(str(Path(resolve_model("all-MiniLM-L6-v2")[0]) /
                                        "tokenizer.json"))
    tokenizer.no_padding()
    return float(np.mean([len(e.ids) for e in tokenizer.encode_batch(texts[:2000])]))


def case_build(args: argparse.Namespace) -> None:
    """Index build throughput on a fresh cache (encode + BM25 + cache write), without and with
    the passages' name analysis, and the name analysis alone (spaCy, as at index time)."""
    from synthetic import make_corpus

    from factcheck.pipeline import make_embedder
    from factcheck.retrieval.analysis import corpus_names
    from factcheck.retrieval.index import build_index

    rows = min(args.size, args.build_sample)
    corpus, _ = make_corpus(rows, seed=args.size)
    embedder = make_embedder(settings_for(args))
    embedder.load()
    embedder.embed(["warm up"])
    corpus_names(make_corpus(50, seed=1)[0], None)  # spaCy imported and loaded once, untimed
    best: dict[str, float] = {}
    for _ in range(args.repeat):  # best of: other load on the machine only slows a pass down
        for label, names in (("plain", False), ("names", True)):
            with tempfile.TemporaryDirectory(dir=args.cache_dir) as fresh:  # model stays exported
                began_cpu = time.process_time()
                started = time.perf_counter()
                _, stats = build_index(corpus, embedder, cache_dir=Path(fresh),
                                       analyse_names=names)
                best[label] = min(best.get(label, float("inf")), time.perf_counter() - started)
                best[label + "_cpu"] = min(best.get(label + "_cpu", float("inf")),
                                           time.process_time() - began_cpu)
        started = time.perf_counter()
        corpus_names(corpus, None)  # the analysis alone, in memory (with its worker processes)
        best["analysis"] = min(best.get("analysis", float("inf")), time.perf_counter() - started)
    emit({"case": "build", "size": args.size, "rows": rows, "encoder": args.encoder,
          "passages_per_s": rows / best["names"], "passages_per_cpu_s": rows / best["names_cpu"],
          "plain_passages_per_s": rows / best["plain"],
          "plain_passages_per_cpu_s": rows / best["plain_cpu"],
          "analysis_passages_per_s": rows / best["analysis"],
          "encoded": stats.encoded, "peak_mb": memory_mb()[1]})


def case_e2e(args: argparse.Namespace) -> None:
    """End-to-end checking of synthetic articles against an N-passage corpus."""
    from synthetic import make_articles, make_corpus

    from factcheck.backends import open_workers
    from factcheck.backends.local import WORKER_GROUP
    from factcheck.pipeline import Checker, collect
    from factcheck.retrieval.ann import AnnIndex, faiss_available
    from factcheck.retrieval.embedding import SentenceTransformerEmbedder
    from factcheck.retrieval.search import dense_top

    corpus, fields = make_corpus(args.size, seed=args.size)
    articles = make_articles(fields, args.articles, seed=args.size + 1)

    # New articles for every pass of every run: the judge remembers what it read of each
    # passage (figures, words, names), so a pass repeating articles would find it all known.
    one_passes, other_passes, worker_passes = (
        [make_articles(fields, args.articles, seed=args.size + 2 + run * 100 + i)
         for i in range(args.repeat)] for run in (1, 2, 3))
    del fields
    settings = settings_for(args)
    started = time.perf_counter()
    _ = Checker(corpus, settings).index  # fills the cache on the first run only
    fill = time.perf_counter() - started
    gc.collect()
    checker = Checker(corpus, settings)  # now measure a cold start from the warm cache
    started = time.perf_counter()
    checker.embedder.load()  # type: ignore[attr-defined]
    load = time.perf_counter() - started
    started = time.perf_counter()
    index = checker.index
    open_s = time.perf_counter() - started
    claims_per_s, claims, cpu_per_claim = _throughput(checker, articles[:4], one_passes)
    latencies = []
    # one article at a time, as a service would; articles the warm-up did not read
    for article in articles[4: 4 + args.latency_articles]:
        begun = time.perf_counter()
        checker.check_article(article)
        latencies.append(time.perf_counter() - begun)
    approximate = bool(checker.index_stats and checker.index_stats.approximate)
    names = _name_costs(checker, corpus, articles, args.repeat)
    result: dict[str, Any] = {
        "case": "e2e", "size": args.size, "encoder": args.encoder, "articles": len(articles),
        "claims": claims, "claims_per_s": claims_per_s, "cpu_ms_per_claim": 1000 * cpu_per_claim,
        "model_load_s": load, "index_open_s": open_s, "cache_fill_s": fill if fill > 1 else 0.0,
        "latency_p50_ms": 1000 * statistics.median(latencies),
        "latency_p95_ms": 1000 * float(np.percentile(latencies, 95)),
        "approximate": approximate, "dtype": str(index.vectors.dtype),
        "peak_mb": memory_mb()[1], **names,
    }
    if args.size >= args.ann_e2e_from and faiss_available():  # the other search mode, compared
        other = Checker(corpus, settings.replace(ann_threshold=10**9 if approximate else 1),
                        embedder=checker.embedder)
        _ = other.index
        result["other_claims_per_s"], _, _ = _throughput(other, articles[:4], other_passes)
        del other
    # Dense search alone, exact and approximate; recall@10 of the whole large-corpus path
    # (float16 vectors, ANN candidates, float16 re-ranking) against exact float32 search.
    texts = [c.text for a in articles for c in _claims(a)]
    vectors = checker.embed_claims(texts)
    full = np.asarray(index.vectors, dtype=np.float32)
    started = time.perf_counter()
    exact = dense_top(vectors, full, 10)
    result["exact_search_ms"] = 1000 * (time.perf_counter() - started) / len(texts)
    if faiss_available() and args.size >= 10_000:
        half = full.astype(np.float16)
        started = time.perf_counter()
        ann = AnnIndex.build(half)
        result["ann_build_s"] = time.perf_counter() - started
        started = time.perf_counter()
        found = ann.search(vectors, 50)
        reranked = [c[np.argsort(-(half[c].astype(np.float32) @ q))][:10]
                    for c, q in zip(found, vectors, strict=True)]
        result["ann_search_ms"] = 1000 * (time.perf_counter() - started) / len(texts)
        result["recall_at_10"] = _recall(reranked, exact, vectors, full)
        del half, ann
    del full
    # Worker processes: each loads the model and index once (start-up timed apart).
    if args.workers > 1:
        started = time.perf_counter()
        with open_workers(checker, workers=args.workers) as mapper:
            list(mapper(articles[: args.workers * WORKER_GROUP]))  # every worker up and warm
            result["workers_start_s"] = time.perf_counter() - started
            rates = []
            for fresh in worker_passes:  # workers remember claims: each pass has new articles
                started = time.perf_counter()
                batch = collect(outcome for outcome, _ in mapper(fresh))
                rates.append(len(batch.verdicts()) / (time.perf_counter() - started))
            result["workers_claims_per_s"] = max(rates)
        result["workers"] = args.workers
    naive = SentenceTransformerEmbedder("all-MiniLM-L6-v2")
    naive.load()
    result["naive_claims_per_s"], naive_cpu = naive_claims_per_second(checker, naive, articles,
                                                                      args.naive_sample)
    result["naive_cpu_ms_per_claim"] = 1000 * naive_cpu
    emit(result)


def _name_costs(checker: Any, corpus: Any, articles: list[Any], repeat: int) -> dict[str, Any]:
    """What the name analysis costs once the index is built: opening its cache, its size, and
    finding the names of claims (spaCy ner with the corpus's names, in one batch per group)."""
    from factcheck.retrieval.analysis import corpus_names

    index = checker.index
    if index.names is None or checker.index_stats is None or checker.index_stats.cache_dir is None:
        return {}
    folder = checker.index_stats.cache_dir
    started = time.perf_counter()
    corpus_names(corpus, folder)
    open_s = time.perf_counter() - started
    texts = list(dict.fromkeys(c.text for a in articles for c in _claims(a)))
    finder = index.names.finder
    finder.find(texts[:20])  # the pipeline with the corpus's names is loaded, untimed
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        cpu = time.process_time()
        started = time.perf_counter()
        for start in range(0, len(texts), 400):  # about one group of articles' claims
            finder.find(texts[start: start + 400])
        best_wall = min(best_wall, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    size = sum(p.stat().st_size for p in folder.glob("names-*"))
    return {"names_open_s": open_s, "names_cache_mb": size / 2**20,
            "claim_names_ms": 1000 * best_wall / len(texts),
            "claim_names_cpu_ms": 1000 * best_cpu / len(texts),
            "name_table": len(finder.table.kinds)}


def _throughput(checker: Any, warm_up: list[Any], passes: list[list[Any]]
                ) -> tuple[float, int, float]:
    """Claims per second checking each pass's articles the way ``factcheck check`` does
    (grouped), the claim count, and CPU seconds per claim (all threads of this process); best
    of the passes, since other load on the machine only ever slows a pass down. Every pass has
    articles never checked before, so nothing of theirs is remembered."""
    list(checker.map_articles(warm_up))
    best_rate, best_cpu, claims = 0.0, float("inf"), 0
    for articles in passes:
        cpu = time.process_time()
        started = time.perf_counter()
        claims = sum(len(outcome.verdicts) for outcome, _ in checker.map_articles(articles))
        best_rate = max(best_rate, claims / (time.perf_counter() - started))
        best_cpu = min(best_cpu, (time.process_time() - cpu) / claims)
    return best_rate, claims, best_cpu


def _claims(article: Any) -> list[Any]:
    from factcheck.claims.extract import extract_claims

    return extract_claims(article)


def _recall(found: list[np.ndarray], exact: np.ndarray, queries: np.ndarray,
            vectors: np.ndarray) -> float:
    """Mean share of the exact top 10 that the approximate search also returned."""
    hits = []
    for row, ids in enumerate(exact):
        scores = np.asarray(vectors[ids], dtype=np.float32) @ queries[row]
        best = set(ids[np.argsort(-scores)][:10].tolist())
        hits.append(len(best & set(found[row].tolist())) / len(best))
    return float(np.mean(hits))


def case_million(args: argparse.Namespace) -> None:
    """Search only over ``--million`` memory-mapped float16 vectors: open, memory, speed, recall."""
    from synthetic import clustered_vectors, noisy_queries

    from factcheck.retrieval.ann import AnnIndex
    from factcheck.retrieval.index import VectorFile
    from factcheck.retrieval.search import dense_top

    rows = args.million
    folder = Path(args.cache_dir) / f"million-{rows}"
    folder.mkdir(parents=True, exist_ok=True)
    path, ann_path = folder / "vectors.npy", folder / "ann.faiss"
    prepared = {}
    if not path.is_file():
        started = time.perf_counter()
        out = np.lib.format.open_memmap(folder / "vectors.tmp.npy", mode="w+",
                                        dtype=np.float16, shape=(rows, 384))
        start = 0
        for block in clustered_vectors(rows, 384, seed=11):
            out[start: start + len(block)] = block
            start += len(block)
        out.flush()
        del out
        os.replace(folder / "vectors.tmp.npy", path)
        prepared["generate_s"] = time.perf_counter() - started
    if not ann_path.is_file():
        started = time.perf_counter()
        AnnIndex.build(np.load(path, mmap_mode="r")).save(ann_path)
        prepared["ann_build_s"] = time.perf_counter() - started
    emit({"case": "million-prepare", **prepared})
    if args.prepare_only:
        return
    queries = noisy_queries(VectorFile(path), args.million_queries)
    rss_start, _ = memory_mb()
    started = time.perf_counter()
    stored = VectorFile(path)  # what the index does above ann_threshold: rows read on demand
    ann = AnnIndex.load(ann_path)
    open_s = time.perf_counter() - started
    rss_open, _ = memory_mb()
    found = []
    started = time.perf_counter()
    for query in queries:  # one claim at a time: the latency a single claim sees
        ids = ann.search(query[None], 50)[0]
        ids = ids[ids >= 0]
        scores = np.asarray(stored[ids], dtype=np.float32) @ query
        found.append(ids[np.argsort(-scores)][:10])
    search_ms = 1000 * (time.perf_counter() - started) / len(queries)
    rss_search, peak_ann = memory_mb()
    vectors = np.load(path, mmap_mode="r")  # the baseline scans everything: a memory map
    started = time.perf_counter()
    sample = queries[: args.naive_million]
    for query in sample:  # baseline: brute force over every vector, one claim at a time
        dense_top(query[None], vectors, 10)
    naive_ms = 1000 * (time.perf_counter() - started) / len(sample)
    exact = dense_top(queries, vectors, 10)
    recall = _recall(found, exact, queries, vectors)
    emit({"case": "million", "rows": rows, "open_s": open_s, "search_ms": search_ms,
          "naive_search_ms": naive_ms, "recall_at_10": recall,
          "rss_open_mb": rss_open, "rss_search_mb": rss_search, "peak_ann_mb": peak_ann,
          "peak_with_baseline_mb": memory_mb()[1], "rss_start_mb": rss_start,
          "file_mb": path.stat().st_size / 2**20, "ann_file_mb": ann_path.stat().st_size / 2**20})


def _text_folder(args: argparse.Namespace) -> Path:
    return Path(args.cache_dir) / f"text-{args.text_million}"


def _prepare_text(args: argparse.Namespace) -> None:
    """One-off for the text case: the corpus as JSONL, claims to search, a warm BM25 cache."""
    from synthetic import make_articles, write_corpus_jsonl

    from factcheck.claims.extract import extract_claims
    from factcheck.retrieval.corpus import load_corpus
    from factcheck.retrieval.index import _lexical_index

    rows, folder = args.text_million, _text_folder(args)
    folder.mkdir(parents=True, exist_ok=True)
    corpus_path, claims_path = folder / "corpus.jsonl", folder / f"claims-{args.text_claims}.json"
    prepared: dict[str, Any] = {}
    if not corpus_path.is_file() or not claims_path.is_file():
        # Written together: claims restate the corpus's facts; the seed makes the file the same.
        started = time.perf_counter()
        fields = write_corpus_jsonl(corpus_path, rows, seed=rows)
        prepared["generate_s"] = time.perf_counter() - started
        claims: list[str] = []
        for article in make_articles(fields, args.text_claims, seed=rows + 1):
            claims += [c.text for c in extract_claims(article)]
            if len(claims) >= args.text_claims:
                break
        claims_path.write_text(json.dumps(claims[: args.text_claims]), encoding="utf-8")
    (folder / "bm25").mkdir(exist_ok=True)
    if not any((folder / "bm25").glob("bm25-*.npz")):  # what a second run opens
        started = time.perf_counter()
        _lexical_index(load_corpus(corpus_path), folder / "bm25")
        prepared["bm25_cache_s"] = time.perf_counter() - started
    emit({"case": "text-prepare", "rows": rows, **prepared,
          "file_mb": corpus_path.stat().st_size / 2**20})


def case_text(args: argparse.Namespace) -> None:
    """A ``--text-million``-passage JSONL corpus, text side only (no embeddings): load time and
    memory, BM25 build time and memory, lexical search per claim, and where the memory goes."""
    from factcheck.retrieval.corpus import load_corpus
    from factcheck.retrieval.index import _lexical_index
    from factcheck.text import tokenize

    if args.prepare_only:
        _prepare_text(args)
        return
    folder = _text_folder(args)
    claims = json.loads((folder / f"claims-{args.text_claims}.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = {"case": "text", "rows": args.text_million, "claims": len(claims),
                              "rss_start_mb": memory_mb()[0], "peak_per_phase": reset_peak()}
    started = time.perf_counter()
    corpus = load_corpus(folder / "corpus.jsonl")
    result["load_s"] = time.perf_counter() - started
    result["rss_loaded_mb"], result["peak_load_mb"] = memory_mb()
    reset_peak()
    started = time.perf_counter()
    bm25 = _lexical_index(corpus, None)  # what build_index does, minus the cache file
    result["bm25_build_s"] = time.perf_counter() - started
    result["rss_bm25_mb"], result["peak_bm25_mb"] = memory_mb()
    queries = [tokenize(claim) for claim in claims]
    found = []
    started = time.perf_counter()
    for tokens in queries:  # as retrieval.search does per claim, with its 50 candidates
        found.append(bm25.top(bm25.scores(tokens), tokens, 50))
    result["search_ms"] = 1000 * (time.perf_counter() - started) / len(queries)
    sample = queries[: args.naive_sample]
    started = time.perf_counter()
    for tokens in sample:  # baseline: score every passage, then sort them all
        np.argsort(-bm25.scores(tokens))[:50]
    result["naive_search_ms"] = 1000 * (time.perf_counter() - started) / len(sample)
    result["hits_per_claim"] = float(np.mean([len(ids) for ids in found]))
    result.update(_text_memory(corpus, bm25))
    emit(result)


def case_text_open(args: argparse.Namespace) -> None:
    """The text corpus opened a second time: load it, read BM25 from the warm cache."""
    from factcheck.retrieval.corpus import load_corpus
    from factcheck.retrieval.index import _lexical_index

    folder = _text_folder(args)
    reset_peak()
    started = time.perf_counter()
    corpus = load_corpus(folder / "corpus.jsonl")
    loaded = time.perf_counter()
    bm25 = _lexical_index(corpus, folder / "bm25")
    done = time.perf_counter()
    rss, peak = memory_mb()
    emit({"case": "text-open", "rows": args.text_million, "load_s": loaded - started,
          "bm25_open_s": done - loaded, "rss_open_mb": rss, "peak_open_mb": peak,
          "bm25_terms": len(bm25.vocabulary)})


def _text_memory(corpus: Any, bm25: Any) -> dict[str, float]:
    """Where the memory of a loaded corpus and its BM25 index goes, by ``sys.getsizeof``, in MB.

    Strings are counted once per passage field, as load_corpus makes a new one for each.
    """
    mb = 2**20
    passages = corpus.passages
    fields = ("id", "text", "source", "url", "title", "published", "origin")
    strings = {name: sum(sys.getsizeof(getattr(p, name)) for p in passages
                         if getattr(p, name) is not None) / mb for name in fields}
    out = {"mem_passage_objects_mb": (sys.getsizeof(passages)
                                      + sum(sys.getsizeof(p) for p in passages)) / mb}
    out.update({f"mem_{name}_strings_mb": size for name, size in strings.items() if size})
    out["mem_bm25_arrays_mb"] = sum(getattr(bm25, name).nbytes for name in bm25._ARRAYS) / mb
    out.update({f"mem_bm25_{name}_mb": getattr(bm25, name).nbytes / mb
                for name in ("doc_ids", "weights")})
    out["mem_bm25_vocabulary_mb"] = (sys.getsizeof(bm25.vocabulary) + sum(
        sys.getsizeof(term) + sys.getsizeof(i) for term, i in bm25.vocabulary.items())) / mb
    out["bm25_terms"] = len(bm25.vocabulary)
    out["bm25_postings"] = len(bm25.doc_ids)
    return out


CASES = {"model": case_model, "build": case_build, "e2e": case_e2e, "million": case_million,
         "text": case_text, "text-open": case_text_open}


# The driver -------------------------------------------------------------------------------

def run_case(args: argparse.Namespace, case: str, **extra: Any) -> list[dict[str, Any]]:
    """Run one case in a fresh interpreter; return the RESULT lines it printed."""
    command = [sys.executable, str(Path(__file__).resolve()), "--case", case,
               "--cache-dir", args.cache_dir, "--encoder", args.encoder,
               "--articles", str(args.articles), "--workers", str(args.workers),
               "--build-sample", str(args.build_sample), "--naive-sample", str(args.naive_sample),
               "--encode-sample", str(args.encode_sample), "--million", str(args.million),
               "--million-queries", str(args.million_queries),
               "--naive-million", str(args.naive_million),
               "--latency-articles", str(args.latency_articles), "--repeat", str(args.repeat),
               "--ann-e2e-from", str(args.ann_e2e_from),
               "--text-million", str(args.text_million), "--text-claims", str(args.text_claims)]
    for key, value in extra.items():
        flag = f"--{key.replace('_', '-')}"
        command += [flag] if value is True else [flag, str(value)]
    print(f"... {case} {extra or ''}", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"benchmark case {case} {extra} failed (exit {done.returncode})")
    return [json.loads(line[len("RESULT "):]) for line in done.stdout.splitlines()
            if line.startswith("RESULT ")]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="corpus sizes for build and end-to-end (default 1000,10000,100000)")
    parser.add_argument("--million", type=int, default=1_000_000,
                        help="rows of the search-only case (default 1000000; 0 skips it)")
    parser.add_argument("--text-million", type=int, default=1_000_000,
                        help="passages of the text case: a JSONL corpus loaded and BM25-indexed, "
                             "not embedded (default 1000000; 0 skips it)")
    parser.add_argument("--text-claims", type=int, default=300,
                        help="claims searched lexically in the text case (default 300)")
    parser.add_argument("--models", action=argparse.BooleanOptionalAction, default=True,
                        help="compare the encoders (load, speed, agreement); --no-models skips "
                             "that, and the build rows then go without a baseline")
    parser.add_argument("--encoder", default="onnx-int8",
                        choices=("torch", "onnx", "onnx-int8"),
                        help="encoder for build and end-to-end (default onnx-int8)")
    parser.add_argument("--articles", type=int, default=64,
                        help="articles checked per corpus size (about 12 claims each)")
    parser.add_argument("--workers", type=int, default=2,
                        help="processes for the --workers figure (default 2; 1 skips it)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="passes per throughput figure; the best counts (default 3)")
    parser.add_argument("--latency-articles", type=int, default=20,
                        help="articles timed one at a time for the latency figures (default 20)")
    parser.add_argument("--ann-e2e-from", type=int, default=100_000,
                        help="corpus size from which end to end is also run with ANN search")
    parser.add_argument("--build-sample", type=int, default=5000,
                        help="passages encoded for the build figure (default 5000)")
    parser.add_argument("--naive-sample", type=int, default=60,
                        help="claims (and passages) for the naive baselines (default 60)")
    parser.add_argument("--encode-sample", type=int, default=2000,
                        help="passages for the encoder comparison (default 2000)")
    parser.add_argument("--million-queries", type=int, default=200,
                        help="claims searched in the 1M case (default 200)")
    parser.add_argument("--naive-million", type=int, default=5,
                        help="claims brute-forced one by one in the 1M case (default 5)")
    parser.add_argument("--cache-dir", default=".bench-cache",
                        help="embedding and vector cache (default .bench-cache)")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--case", choices=sorted(CASES), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--prepare-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    Path(args.cache_dir).mkdir(parents=True, exist_ok=True)
    if args.case:
        CASES[args.case](args)
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    load = os.getloadavg()[0]
    results: list[dict[str, Any]] = []
    if args.models:
        for encoder in ("torch", "onnx", "onnx-int8"):
            results += run_case(argparse.Namespace(**{**vars(args), "encoder": encoder}), "model")
    for size in sizes:
        results += run_case(args, "build", size=size)
        results += run_case(args, "e2e", size=size)
    if args.million:
        results += run_case(args, "million", prepare_only=True)  # one-off: vectors, ANN index
        results += run_case(args, "million")
    if args.text_million:
        results += run_case(args, "text", prepare_only=True)  # one-off: JSONL, claims, BM25 cache
        results += run_case(args, "text")
        results += run_case(args, "text-open")
    agreement = _agreement(Path(args.cache_dir)) if args.models else {}
    print(render(results, agreement, args, load, os.getloadavg()[0]))
    if args.json:
        args.json.write_text(json.dumps({"results": results, "agreement": agreement}, indent=2))


def _agreement(folder: Path) -> dict[str, dict[str, float]]:
    """Cosine of each encoder's vectors to torch's, and top-10 overlap of their rankings."""
    reference = np.load(folder / "agreement-torch.npz")
    out = {}
    for encoder in ("onnx", "onnx-int8"):
        other = np.load(folder / f"agreement-{encoder}.npz")
        cos = np.concatenate([(other[k] * reference[k]).sum(axis=1)
                              for k in ("passages", "claims")])
        ref_top = np.argsort(-(reference["claims"] @ reference["passages"].T), axis=1)[:, :10]
        top = np.argsort(-(other["claims"] @ other["passages"].T), axis=1)[:, :10]
        overlap = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(top, ref_top, strict=True)])
        out[encoder] = {"cos_min": float(cos.min()), "cos_mean": float(cos.mean()),
                        "top10_overlap": float(overlap)}
    return out


def render(results: list[dict[str, Any]], agreement: dict[str, dict[str, float]],
           args: argparse.Namespace, load_before: float, load_after: float) -> str:
    """The results as a Markdown table, each figure with its baseline, ratio and target."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    models = {r["encoder"]: r for r in results if r["case"] == "model"}
    torch = models.get("torch", {})
    naive_passages = torch.get("naive_passages_per_s")

    def add(figure: str, corpus: str, value: float, unit: str, baseline: float | None,
            target: str = "", better: str = "higher") -> None:
        if baseline:
            ratio = value / baseline if better == "higher" else baseline / value
            base, times = f"{baseline:,.3g} {unit}", f"{ratio:,.1f}x"
        else:
            base, times = "", ""
        rows.append((figure, corpus, f"{value:,.4g} {unit}", base, times, target))

    for name in models:
        m = models[name]
        add(f"model load ({name})", "", m["load_s"], "s", torch["load_s"], better="lower")
        add(f"model memory ({name})", "", m["model_mb"], "MB", torch["model_mb"], better="lower")
        add(f"encode, batched ({name})", f"{m['tokens_per_passage']:.0f} tok/passage",
            m["passages_per_s"], "passages/s", naive_passages)
        rows.append((f"encode per CPU-second ({name})", "", f"{m['passages_per_cpu_s']:,.0f} "
                     "passages", "", "", f"2 idle cores: <= {2 * m['passages_per_cpu_s']:,.0f}/s"))
    for name, a in agreement.items():
        rows.append((f"agreement with torch ({name})", "", f"cos mean {a['cos_mean']:.4f}, "
                     f"min {a['cos_min']:.4f}", "", "", f"top-10 overlap {a['top10_overlap']:.3f}"))
    for r in results:
        size = f"{r.get('size', r.get('rows', 0)):,}"
        if r["case"] == "build":
            note = f" (first {r['rows']:,})" if r["rows"] < r["size"] else ""
            add("index build, with name analysis", size + note, r["passages_per_s"],
                "passages/s", naive_passages, ">= 300")
            rows.append(("index build per CPU-second, with names", size + note,
                         f"{r['passages_per_cpu_s']:,.0f} passages", "", "",
                         f"2 idle cores: <= {2 * r['passages_per_cpu_s']:,.0f}/s"))
            if "plain_passages_per_s" in r:
                add("index build, without names", size + note, r["plain_passages_per_s"],
                    "passages/s", naive_passages)
                add("name analysis alone (spaCy ner)", size + note,
                    r["analysis_passages_per_s"], "passages/s", None)
        elif r["case"] == "e2e":
            target = ">= 250" if r["size"] >= 100_000 else ""
            mode, other = ("ANN", "exact") if r["approximate"] else ("exact", "ANN")
            if r.get("cache_fill_s"):
                add("index build, whole corpus (cold cache, with names)", size,
                    r["size"] / r["cache_fill_s"], "passages/s", None, ">= 300")
            add(f"end to end, 1 process ({mode})", size, r["claims_per_s"], "claims/s",
                r["naive_claims_per_s"], target)
            if "other_claims_per_s" in r:
                add(f"end to end, 1 process ({other})", size, r["other_claims_per_s"],
                    "claims/s", r["naive_claims_per_s"])
            if "workers_claims_per_s" in r:
                add(f"end to end, --workers {r['workers']} ({mode})", size,
                    r["workers_claims_per_s"], "claims/s", r["naive_claims_per_s"],
                    ">= 400" if target else "")
            cpu, naive_cpu = r["cpu_ms_per_claim"], r["naive_cpu_ms_per_claim"]
            rows.append(("end to end, CPU time per claim", size, f"{cpu:.2f} ms",
                         f"{naive_cpu:.3g} ms", f"{naive_cpu / cpu:.1f}x",
                         f"2 idle cores: {2000 / cpu:,.0f} claims/s"))
            per_claim = 1000 / r["naive_claims_per_s"]
            claims_per_article = r["claims"] / r["articles"]
            add("per-article latency p50", size, r["latency_p50_ms"], "ms",
                per_claim * claims_per_article, better="lower")
            add("per-article latency p95", size, r["latency_p95_ms"], "ms", None, better="lower")
            add("index open (cache warm)", size, r["index_open_s"], "s", None, better="lower")
            if "claim_names_ms" in r:
                add("claim names (spaCy ner, batches of 400)", size, r["claim_names_ms"],
                    "ms/claim", None, f"CPU {r['claim_names_cpu_ms']:.2f} ms/claim",
                    better="lower")
                add("names cache: open / size", size, r["names_open_s"], "s", None,
                    f"{r['names_cache_mb']:.1f} MB, {r['name_table']:,} corpus names",
                    better="lower")
            add("peak memory (1 process)", size, r["peak_mb"], "MB", None, better="lower")
            if "recall_at_10" in r:
                add("dense search, ANN (exact = baseline)", size, r["ann_search_ms"],
                    "ms/claim", r["exact_search_ms"], better="lower")
                add("recall@10, float16 + ANN vs exact", size, r["recall_at_10"], "", None,
                    ">= 0.95")
        elif r["case"] == "million":
            add("1M search, ANN + exact rerank", size, r["search_ms"], "ms/claim",
                r["naive_search_ms"], "< 20", better="lower")
            add("1M ANN recall@10 vs exact", size, r["recall_at_10"], "", None, ">= 0.95")
            add("1M open (mmap + ANN index)", size, r["open_s"], "s", None, "< 2", better="lower")
            add("1M RSS after searching", size, r["rss_search_mb"], "MB",
                r["peak_with_baseline_mb"], "< 1024", better="lower")
        elif r["case"] == "text":
            add("text corpus: load_corpus (JSONL)", size, r["load_s"], "s", None, better="lower")
            add("text corpus: RSS after loading", size, r["rss_loaded_mb"], "MB", None,
                better="lower")
            add("text corpus: BM25 build", size, r["bm25_build_s"], "s", None, better="lower")
            add("text corpus: RSS after BM25 build", size, r["rss_bm25_mb"], "MB", None,
                "< 1024", better="lower")
            since = "" if r["peak_per_phase"] else " (since start)"
            rows.append(("text corpus: peak RSS, load / BM25 build" + since, size,
                         f"{r['peak_load_mb']:,.0f} / {r['peak_bm25_mb']:,.0f} MB", "", "", ""))
            objects = r["mem_passage_objects_mb"] + sum(
                v for k, v in r.items() if k.startswith("mem_") and k.endswith("_strings_mb"))
            rows.append(("text corpus: passages (objects + strings)", size, f"{objects:,.0f} MB",
                         "", "", "sys.getsizeof estimate"))
            rows.append(("text corpus: BM25 arrays + vocabulary", size,
                         f"{r['mem_bm25_arrays_mb'] + r['mem_bm25_vocabulary_mb']:,.0f} MB",
                         "", "", f"{r['bm25_postings']:,} postings, {r['bm25_terms']:,} terms"))
            add("lexical search, BM25 top 50 (full sort = baseline)", size, r["search_ms"],
                "ms/claim", r["naive_search_ms"], better="lower")
        elif r["case"] == "text-open":
            add("text corpus reopened: load + BM25 from cache", size,
                r["load_s"] + r["bm25_open_s"], "s", None, better="lower")
            add("text corpus reopened: RSS", size, r["rss_open_mb"], "MB", None, "< 1024",
                better="lower")
            add("text corpus reopened: peak RSS", size, r["peak_open_mb"], "MB", None,
                better="lower")
    header = ("figure", "corpus", "measured", "baseline (naive)", "ratio", "target")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = [
        f"factcheck benchmark: {os.cpu_count()} cores, load average {load_before:.1f} at start "
        f"and {load_after:.1f} at end; build/e2e encoder {args.encoder}; BLAS {_blas()}",
        "baseline: sentence-transformers one call per passage/claim, brute-force search; "
        "ratio > 1 means faster or smaller than the baseline",
        "wall-clock figures move with other load on the cores (torch's per-call latency most); "
        "CPU-time rows are steadier, and '2 idle cores' projects them",
        "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
              for r in rows]
    return "\n".join(lines)


def _blas() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown"
    return ", ".join(f"{i['internal_api']} {i.get('architecture', '')}".strip()
                     for i in threadpool_info() if i.get("user_api") == "blas") or "unknown"


if __name__ == "__main__":
    main()
