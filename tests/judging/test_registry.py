"""Pluggable judges: the registry, an NLI cross-encoder built here, and an LLM over real HTTP."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factcheck.errors import ConfigError, ModelError
from factcheck.judging.learned import LearnedJudge
from factcheck.judging.nli import map_nli_labels
from factcheck.judging.registry import LLMJudge, NLIJudge, SimilarityJudge, make_judge
from factcheck.judging.rules import RulesJudge
from factcheck.records import Claim, Hit, Label, Passage, Span, Verdict
from factcheck.settings import Settings

TEAM = "Xiaomi's car research and development team has more than 2,300 members."
FACTORY = "Xiaomi's Beijing car factory can build 300,000 vehicles a year in two phases."


def claim(text: str = "Xiaomi's car team has more than 2,300 members.") -> Claim:
    return Claim("a-c01", "a", text, 0, (Span(0, len(text)),), 0.9)


def hit(text: str, rank: int = 1, dense: float = 0.8) -> Hit:
    passage = Passage(f"p{rank}", text, "Reuters", None, None, "2024-01-02", "t:1")
    return Hit(passage, rank, dense, dense, 0.4)


HITS = [hit(FACTORY, 1, 0.6), hit(TEAM, 2, 0.8)]


def assert_is_a_verdict(verdict: Verdict, label: Label) -> None:
    assert verdict.label is label
    assert 0.0 <= verdict.confidence <= 1.0
    assert verdict.rationale
    assert all(isinstance(h, Hit) for h in verdict.evidence)


# --- registry -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "kind"),
    [("rules", RulesJudge), ("learned", LearnedJudge), ("nli:some/model", NLIJudge),
     ("llm:http://localhost:8000/v1", LLMJudge), ("similarity:0.5,0.7", SimilarityJudge)],
)
def test_specs_build_their_judge(spec: str, kind: type):
    judge = make_judge(spec, Settings())
    assert isinstance(judge, kind)
    assert judge.name


@pytest.mark.parametrize(
    ("spec", "message"),
    [("oracle", "unknown judge 'oracle'"), ("nli:", "name the model"),
     ("llm:localhost:8000", "must start with http"), ("similarity:high", "similarity:<low>")],
)
def test_bad_specs_say_what_to_write(spec: str, message: str):
    with pytest.raises(ConfigError, match=message):
        make_judge(spec, Settings())


def test_missing_learned_model_is_a_model_error(tmp_path: Path):
    with pytest.raises(ModelError, match="train-judge"):
        make_judge(f"learned:{tmp_path / 'nope.json'}", Settings())


def test_judge_setting_is_validated():
    with pytest.raises(ConfigError, match="setting 'judge'"):
        Settings().replace(judge="not a spec")
    assert Settings().replace(judge="nli:cross-encoder/nli-deberta-v3-small").judge.startswith(
        "nli:")


def test_similarity_baseline_reads_only_the_best_similarity():
    judge = SimilarityJudge(0.5, 0.7)
    assert judge.judge(claim(), HITS).label is Label.SUPPORTED
    assert judge.judge(claim(), [hit(TEAM, 1, 0.6)]).label is Label.CONTRADICTED
    assert judge.judge(claim(), [hit(TEAM, 1, 0.2)]).label is Label.UNVERIFIED
    assert judge.judge(claim(), []).label is Label.UNVERIFIED


# --- NLI cross-encoder ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("id2label", "expected"),
    [
        ({0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"},
         [Label.CONTRADICTED, Label.SUPPORTED, Label.UNVERIFIED]),
        ({0: "entailment", 1: "neutral", 2: "contradiction"},
         [Label.SUPPORTED, Label.UNVERIFIED, Label.CONTRADICTED]),
        ({"0": "SUPPORTS", "1": "REFUTES", "2": "NOT ENOUGH INFO"},
         [Label.SUPPORTED, Label.CONTRADICTED, Label.UNVERIFIED]),
        ({0: "entailment", 1: "not_entailment"}, [Label.SUPPORTED, Label.UNVERIFIED]),
    ],
)
def test_nli_labels_map_in_any_order_and_spelling(id2label, expected):
    mapping = map_nli_labels(id2label)
    assert [mapping[i] for i in sorted(mapping)] == expected


@pytest.mark.parametrize("id2label", [{0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"},
                                      {0: "neutral", 1: "contradiction"},
                                      {0: "entailment", 1: "entails", 2: "neutral"}])
def test_unmappable_nli_labels_are_refused(id2label):
    with pytest.raises(ModelError):
        map_nli_labels(id2label)


def tiny_nli_model(folder: Path, id2label: dict[int, str], winner: str) -> Path:
    """A 1-layer BERT cross-encoder with random weights whose classifier always picks ``winner``."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    words = sorted({w.lower().strip(".,'") for w in (TEAM + " " + FACTORY).split()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]
    folder.mkdir(parents=True)
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer(str(folder / "vocab.txt"))
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=32, max_position_embeddings=64,
                        num_labels=len(id2label), id2label=id2label,
                        label2id={v: k for k, v in id2label.items()})
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor(
            [6.0 if name == winner else 0.0 for _, name in sorted(id2label.items())]))
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def nli_models(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("nli")
    order = {0: "CONTRADICTION", 1: "ENTAILMENT", 2: "NEUTRAL"}
    other = {0: "entailment", 1: "neutral", 2: "contradiction"}
    return {
        "supported": tiny_nli_model(base / "entails", order, "ENTAILMENT"),
        "contradicted": tiny_nli_model(base / "contradicts", other, "contradiction"),
        "unverified": tiny_nli_model(base / "neutral", order, "NEUTRAL"),
    }


@pytest.mark.parametrize("label", list(Label))
def test_nli_judge_runs_a_local_cross_encoder(nli_models, label: Label):
    judge = make_judge(f"nli:{nli_models[label.value]}", Settings())
    verdict = judge.judge(claim(), HITS)
    assert_is_a_verdict(verdict, label)
    assert verdict.judge.startswith("nli:")
    if label is not Label.UNVERIFIED:
        assert verdict.confidence > 0.9
        assert "probability" in verdict.rationale


def test_nli_judge_with_no_passages_is_unverified(nli_models):
    verdict = make_judge(f"nli:{nli_models['supported']}", Settings()).judge(claim(), [])
    assert verdict.label is Label.UNVERIFIED


def test_nli_judge_names_a_model_it_cannot_load(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    judge = make_judge(f"nli:{tmp_path / 'empty'}", Settings())
    with pytest.raises(ModelError, match="cannot load NLI model"):
        judge.judge(claim(), HITS)


# --- LLM over an OpenAI-compatible endpoint, on a loopback server ---------------------------------


class ChatServer:
    """A chat-completions server on 127.0.0.1 answering from a script, one step per request."""

    def __init__(self) -> None:
        self.script: list[tuple[str, object]] = []
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                server.requests.append({"path": self.path, "body": body,
                                        "auth": self.headers.get("Authorization")})
                kind, value = server.script.pop(0) if server.script else ("status", 500)
                if kind == "slow":
                    time.sleep(float(value))  # type: ignore[arg-type]
                    kind, value = "answer", {"label": "supported"}
                if kind == "status":
                    self.send_response(int(value))  # type: ignore[arg-type]
                    self.end_headers()
                    self.wfile.write(b'{"error": "nope"}')
                    return
                if kind == "answer":
                    content = value if isinstance(value, str) else json.dumps(value)
                    payload = json.dumps({"choices": [{"message": {"role": "assistant",
                                                                   "content": content}}]})
                else:  # raw body
                    payload = str(value)
                data = payload.encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def chat() -> Iterator[ChatServer]:
    with ChatServer() as server:
        yield server


def llm(server: ChatServer, *, timeout: float = 2.0, retries: int = 2,
        key: str = "sk-test") -> tuple[LLMJudge, list[float]]:
    pauses: list[float] = []
    settings = Settings(llm_model="tiny-chat", llm_timeout=timeout, llm_retries=retries)
    return LLMJudge(server.url, settings, api_key=key, sleep=pauses.append), pauses


GOOD = {"label": "supported", "confidence": 0.9, "passage": 2,
        "evidence": "team has more than 2,300 members", "rationale": "The passage states it."}


def test_llm_answer_becomes_a_verdict_quoting_its_passage(chat: ChatServer):
    chat.script = [("answer", GOOD)]
    judge, pauses = llm(chat)
    verdict = judge.judge(claim(), HITS)
    assert_is_a_verdict(verdict, Label.SUPPORTED)
    assert verdict.evidence[0].passage.text == TEAM
    assert "2,300 members" in verdict.rationale and verdict.confidence == 0.9
    request = chat.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["auth"] == "Bearer sk-test"
    assert request["body"]["model"] == "tiny-chat"
    assert request["body"]["response_format"] == {"type": "json_object"}
    assert TEAM in request["body"]["messages"][-1]["content"]
    assert pauses == []


def test_llm_key_comes_from_the_environment(chat: ChatServer, monkeypatch):
    monkeypatch.setenv("FACTCHECK_LLM_API_KEY", "sk-from-env")
    chat.script = [("answer", GOOD)]
    make_judge(f"llm:{chat.url}", Settings()).judge(claim(), HITS)
    assert chat.requests[0]["auth"] == "Bearer sk-from-env"


def test_llm_fenced_json_and_contradiction(chat: ChatServer):
    answer = {**GOOD, "label": "Contradicted", "passage": 1,
              "evidence": "can build 300,000 vehicles a year"}
    chat.script = [("answer", "```json\n" + json.dumps(answer) + "\n```")]
    verdict = llm(chat)[0].judge(claim(), HITS)
    assert_is_a_verdict(verdict, Label.CONTRADICTED)
    assert verdict.evidence[0].passage.text == FACTORY


def test_llm_retries_errors_and_malformed_answers_with_backoff(chat: ChatServer):
    chat.script = [("status", 500), ("answer", "I think it is true!"), ("answer", GOOD)]
    judge, pauses = llm(chat, retries=2)
    verdict = judge.judge(claim(), HITS)
    assert verdict.label is Label.SUPPORTED
    assert len(chat.requests) == 3
    assert pauses == [1.0, 2.0]


@pytest.mark.parametrize(
    ("script", "reason"),
    [
        ([("answer", "not json at all")] * 2, "not JSON"),
        ([("answer", {**GOOD, "label": "mostly true"})] * 2, "unknown label"),
        ([("answer", {**GOOD, "confidence": 7})] * 2, "confidence 7"),
        ([("answer", {**GOOD, "evidence": "Xiaomi has 9,000 engineers"})] * 2,
         "not in any passage"),
        ([("raw", "<html>busy</html>")] * 2, "not a chat-completions response"),
        ([("status", 503)] * 2, "HTTP 503"),
        ([("status", 429)] * 2, "HTTP 429"),
    ],
)
def test_unusable_answers_fall_back_to_unverified_with_the_reason(chat: ChatServer, script,
                                                                  reason: str):
    chat.script = list(script)
    judge, pauses = llm(chat, retries=1)
    verdict = judge.judge(claim(), HITS)
    assert_is_a_verdict(verdict, Label.UNVERIFIED)
    assert reason in verdict.rationale and "after 2 attempt(s)" in verdict.rationale
    assert len(chat.requests) == 2 and pauses == [1.0]


def test_a_slow_server_times_out(chat: ChatServer):
    chat.script = [("slow", 1.5), ("slow", 1.5)]
    judge, _ = llm(chat, timeout=0.3, retries=1)
    started = time.perf_counter()
    verdict = judge.judge(claim(), HITS)
    assert verdict.label is Label.UNVERIFIED
    assert "timed out after 0.3s" in verdict.rationale
    assert time.perf_counter() - started < 2.5


def test_an_unverified_answer_needs_no_quote(chat: ChatServer):
    chat.script = [("answer", {"label": "unverified", "confidence": 0.6, "evidence": "",
                               "rationale": "No passage gives the team size."})]
    verdict = llm(chat)[0].judge(claim(), HITS)
    assert_is_a_verdict(verdict, Label.UNVERIFIED)
    assert verdict.rationale == "No passage gives the team size."


@pytest.mark.parametrize("status", [401, 403, 404])
def test_a_refused_key_or_wrong_url_stops_the_run(chat: ChatServer, status: int):
    chat.script = [("status", status)]
    with pytest.raises(ModelError, match="FACTCHECK_LLM_API_KEY|base URL"):
        llm(chat)[0].judge(claim(), HITS)


def test_an_unreachable_server_falls_back(tmp_path: Path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(llm_timeout=1.0, llm_retries=0)
    judge = LLMJudge(f"http://127.0.0.1:{port}/v1", settings, api_key="", sleep=lambda s: None)
    verdict = judge.judge(claim(), HITS)
    assert verdict.label is Label.UNVERIFIED and "cannot reach" in verdict.rationale


def test_no_passages_means_no_request(chat: ChatServer):
    verdict = llm(chat)[0].judge(claim(), [])
    assert verdict.label is Label.UNVERIFIED and chat.requests == []


# --- the command line ----------------------------------------------------------------------------


@pytest.mark.parametrize("spec", ["rules", "learned"])
def test_check_takes_a_judge(spec: str, tiny_corpus_dir: Path, tmp_path: Path, monkeypatch,
                             fake_embedder):
    from typer.testing import CliRunner

    from factcheck import pipeline
    from factcheck.cli import app

    monkeypatch.setattr(pipeline, "make_embedder", lambda settings, **kw: fake_embedder)
    article = tmp_path / "a.txt"
    article.write_text("Xiaomi Builds Cars\n\nXiaomi's car research and development team has 900 "
                       "members.\n")
    out = tmp_path / "r"
    result = CliRunner().invoke(app, ["check", str(article), "-e", str(tiny_corpus_dir), "-o",
                                      str(out), "-q", "--format", "json", "--judge", spec,
                                      "--cache-dir", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "a.json").read_text())
    assert report["run"]["judge"] == spec
    assert [c["verdict"]["label"] for c in report["claims"]] == ["contradicted"]


def test_registry_is_what_the_cli_offers():
    from factcheck.judging.registry import JUDGES, judge_help

    assert set(JUDGES) == {"learned", "rules", "nli", "llm", "similarity"}
    assert all(kind.syntax in judge_help() for kind in JUDGES.values())
