"""A chat model as judge (``llm:<base url>``, an OpenAI-compatible ``/chat/completions``).

The key comes from ``$FACTCHECK_LLM_API_KEY`` (optional for local servers), the model name from
the ``llm_model`` setting. This is the only judge that uses the network; every request has a
timeout and a response size limit, failures are retried with backoff, and an unusable answer
becomes ``unverified`` with the reason.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from factcheck.errors import ModelError
from factcheck.judging.base import unverified
from factcheck.records import Claim, Hit, Label, Verdict
from factcheck.settings import Settings

API_KEY_ENV = "FACTCHECK_LLM_API_KEY"
"""Environment variable holding the LLM API key (never read from config files)."""

_SYSTEM_PROMPT = """You are a careful fact-checker. Judge the claim only by the numbered evidence \
passages, never by outside knowledge. Answer with one JSON object and nothing else:
{"label": "supported" | "contradicted" | "unverified",
 "confidence": a number from 0 to 1,
 "passage": the number of the passage you quote (0 if none),
 "evidence": an exact quote copied from that passage that decides the label ("" if unverified),
 "rationale": one sentence saying why}
Use "supported" only if a passage states what the claim says, "contradicted" only if a passage \
states something incompatible with it (a different figure, date, name or the opposite), and \
"unverified" otherwise."""

MAX_RESPONSE_BYTES = 1_000_000
"""Larger LLM responses are refused (a chat answer is a few hundred bytes)."""


class UnusableAnswer(Exception):  # noqa: N818 - internal signal, never reaches a user
    """The LLM's answer cannot be used; the message says why. Internal: becomes a retry."""


class LLMJudge:
    """A chat model judges each claim from the retrieved passages, answering in strict JSON.

    Transient failures (timeouts, connection errors, 429 and 5xx, malformed answers) are retried
    up to ``llm_retries`` times with exponential backoff; if every attempt fails the claim is
    ``unverified`` and the rationale says why. A refused key or a wrong URL (401, 403, 404) raises
    :class:`ModelError`, since no claim could be judged.
    """

    def __init__(self, base_url: str, settings: Settings | None = None, *,
                 api_key: str | None = None, client: httpx.Client | None = None,
                 sleep: Callable[[float], None] = time.sleep, backoff: float = 1.0) -> None:
        self.settings = settings or Settings()
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.name = f"llm:{self.settings.llm_model}"
        self.api_key = api_key if api_key is not None else os.environ.get(API_KEY_ENV, "")
        self._client = client
        self._sleep = sleep
        self.backoff = backoff

    @property
    def client(self) -> httpx.Client:
        """The HTTP client (created on first use, with the configured timeout)."""
        if self._client is None:
            import httpx

            self._client = httpx.Client(timeout=httpx.Timeout(self.settings.llm_timeout))
        return self._client

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """Ask the model about ``claim``; ``unverified`` with the reason if no usable answer."""
        if not hits:
            return unverified(claim, hits, "the evidence corpus has no passages to compare with",
                               self.name, 0.9)
        messages = [{"role": "system", "content": _SYSTEM_PROMPT},
                    {"role": "user", "content": _user_prompt(claim.text, hits)}]
        problem = ""
        for attempt in range(self.settings.llm_retries + 1):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                return self._verdict(claim, hits, self._ask(messages))
            except UnusableAnswer as exc:
                problem = str(exc)
        tries = self.settings.llm_retries + 1
        return unverified(claim, hits, f"no usable answer from the LLM after {tries} "
                           f"attempt(s): {problem}", self.name, 0.0)

    def _ask(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        import httpx

        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        body = {"model": self.settings.llm_model, "messages": messages, "temperature": 0,
                "response_format": {"type": "json_object"}}
        try:
            with self.client.stream("POST", self.url, json=body, headers=headers) as response:
                if response.status_code in (401, 403):
                    raise ModelError(f"LLM server {self.url} refused the request "
                                     f"({response.status_code}); set ${API_KEY_ENV} to a "
                                     "valid key")
                if response.status_code == 404:
                    raise ModelError(f"LLM server has no {self.url} (404) or no model "
                                     f"'{self.settings.llm_model}'; pass the base URL ending "
                                     "in /v1 and set llm_model")
                if response.status_code != 200:
                    raise UnusableAnswer(f"HTTP {response.status_code} from {self.url}")
                raw = bytearray()
                for chunk in response.iter_bytes():
                    raw.extend(chunk)
                    if len(raw) > MAX_RESPONSE_BYTES:
                        raise UnusableAnswer(f"response larger than {MAX_RESPONSE_BYTES} bytes")
        except httpx.TimeoutException:
            raise UnusableAnswer(f"timed out after {self.settings.llm_timeout:g}s") from None
        except httpx.TransportError as exc:
            raise UnusableAnswer(f"cannot reach {self.url} ({exc.__class__.__name__})") from None
        try:
            payload = json.loads(raw)
            content = payload["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise UnusableAnswer("not a chat-completions response") from None
        if not isinstance(content, str):
            raise UnusableAnswer("the message content is not text")
        return parse_answer(content)

    def _verdict(self, claim: Claim, hits: Sequence[Hit], answer: dict[str, Any]) -> Verdict:
        label: Label = answer["label"]
        quote: str = answer["evidence"]
        quoted = _find_quote(quote, answer["passage"], hits) if quote else None
        if label is not Label.UNVERIFIED and quoted is None:
            raise UnusableAnswer("the quoted evidence is not in any passage"
                                 if quote else f"a '{label.value}' answer without a quote")
        ordered = ((quoted, *(h for h in hits if h is not quoted)) if quoted is not None
                   else tuple(hits))
        rationale = answer["rationale"]
        if quoted is not None:
            rationale += f' (quoting {quoted.passage.source}: "{quote}")'
        keep = 3 if label is not Label.UNVERIFIED else 2
        return Verdict(claim, label, round(answer["confidence"], 4), tuple(ordered[:keep]),
                       rationale, self.name)


def _user_prompt(claim_text: str, hits: Sequence[Hit]) -> str:
    lines = [f"Claim: {claim_text}", "", "Evidence passages:"]
    for number, hit in enumerate(hits, start=1):
        passage = hit.passage
        where = ", ".join(x for x in (passage.source, passage.published) if x)
        lines.append(f"[{number}] ({where}) {passage.text}")
    return "\n".join(lines)


def parse_answer(content: str) -> dict[str, Any]:
    """Validate the model's JSON answer: label, confidence in [0, 1], quote, passage, rationale.

    Raises:
        UnusableAnswer: naming what is wrong (not JSON, unknown label, bad confidence...).
    """
    text = content.strip()
    fenced = re.fullmatch(r"```(?:json)?\s*(.*?)\s*```", text, re.DOTALL)
    if fenced:
        text = fenced.group(1)
    try:
        data = json.loads(text)
    except ValueError:
        raise UnusableAnswer(f"the answer is not JSON: {content[:80]!r}") from None
    if not isinstance(data, dict):
        raise UnusableAnswer("the answer is not a JSON object")
    try:
        label = Label(str(data.get("label", "")).strip().lower())
    except ValueError:
        raise UnusableAnswer(f"unknown label {data.get('label')!r}") from None
    confidence = data.get("confidence")
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) \
            or not 0.0 <= confidence <= 1.0:
        raise UnusableAnswer(f"confidence {confidence!r} is not a number from 0 to 1")
    evidence = data.get("evidence", "")
    rationale = data.get("rationale", "")
    passage = data.get("passage", 0)
    if not isinstance(evidence, str) or not isinstance(rationale, str):
        raise UnusableAnswer("'evidence' and 'rationale' must be strings")
    if isinstance(passage, bool) or not isinstance(passage, int):
        passage = 0
    return {"label": label, "confidence": float(confidence), "evidence": evidence.strip(),
            "passage": passage, "rationale": rationale.strip() or "(no rationale given)"}


def _find_quote(quote: str, number: int, hits: Sequence[Hit]) -> Hit | None:
    """The hit whose text contains ``quote`` (whitespace and case folded), preferring ``number``."""
    wanted = _fold(quote.strip(" \"'“”‘’."))
    if not wanted:
        return None
    preferred = [hits[number - 1]] if 1 <= number <= len(hits) else []
    return next((h for h in [*preferred, *hits] if wanted in _fold(h.passage.text)), None)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("“", '"').replace("”", '"').split())
