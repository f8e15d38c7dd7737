"""Claim extraction: split an article into atomic, self-contained, check-worthy claims.

The stage is rule based (standard library only) and runs in four steps:

1. **Drop non-claims**: headings, bylines, "Read more:" blocks and the link titles after them,
   questions, short fragments and opinions with nothing checkable in them; strip datelines
   ("SHENZHEN, Jan 2 (Reuters) -").
2. **Split** compound sentences: clauses joined by ``;`` or ``, and``/``, but`` that have their own
   subject, verb phrases coordinated with ``and``/``but`` that share one subject,
   ``Whereas/While/Although X, Y`` and ", which ..." clauses about a name ("BYD, which is backed
   by X, plans ..."). Noun lists ("Apple, Oppo, Sony, and more") stay whole.
3. **Decontextualise**: drop discourse markers ("However,", "According to reports,"), resolve
   "the company"/"the firm"/"a Chinese tech giant"/"it" to the organisation the article is
   talking about, "at that time" to the last date named, and "The factory" to "Xiaomi's factory
   in Beijing" when the previous sentence introduced it.
4. **Score** check-worthiness (numbers, money, dates, names and comparisons raise it; opinion
   words and hedges lower it) and keep claims scoring at least ``min_checkworthiness``.

Every claim keeps the character spans of the article words it was built from; a resolved
reference points at the original words ("the company"), not at its replacement ("Xiaomi").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.records import Article, Claim, Span
from factcheck.segment import Sentence, split_sentences

__all__ = ["checkworthiness", "extract_claims"]

# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

_AUXILIARIES = frozenset(
    "is are was were am has have had will would shall should can could may might must does do "
    "did isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't cannot couldn't "
    "shouldn't doesn't don't didn't".split()
)
_IRREGULAR_PAST = frozenset(
    "took made began became said told gave got went came built bought sold led won lost paid grew "
    "rose fell saw found left kept held brought thought spent sent ran wrote drove chose broke "
    "spoke stood met knew struck sought taught caught fought overtook undertook withdrew drew "
    "flew forgot understood shook threw wore".split()
)
# Past tenses spelled like the base form: verbs only right after a subject.
_SAME_FORM_PAST = frozenset(
    "set put cut hit let quit spread cost hurt shut bet split read beat cast broadcast "
    "forecast upset".split()
)
# Verb stems whose -s and -ed forms count as finite verbs (a lexicon, since there is no tagger).
_VERB_STEMS = frozenset(
    "plan say produce make include launch sell invest build aim expect show state report claim "
    "own operate employ manufacture develop use offer provide announce hold lead open start "
    "begin test want need intend hope seek remain become seem appear continue reach exceed "
    "surpass rank account control acquire buy purchase deliver ship release unveil introduce "
    "establish showcase receive increase decrease grow rise fall drop decline expand hire sign "
    "partner compete prioritize prioritise emphasize emphasise note add confirm deny reveal "
    "estimate predict forecast generate earn lose post record register file apply obtain get "
    "take give pay cost spend support enable allow require help work try complete finish end "
    "create design win reduce raise cut close merge form found join enter export import supply "
    "power spot speed tighten receive fail disappear decide agree approve ban block sue settle "
    "achieve target double triple halve top lag trail rely focus market price value weigh "
    "measure cover serve employ house contain feature comprise represent mark boost push "
    "delay postpone cancel suspend resume halt restart move shift relocate invite attract "
    "consider discuss describe call name mention suggest believe expect perform occur happen "
    "arrive depart".split()
)
_DETERMINERS = frozenset(
    "a an the this that these those its their his her our my your some any each every no "
    "another such".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions "
    "billion billions trillion dozen dozens several multiple".split()
)
_PREPOSITIONS = frozenset(
    "in on at by for with from to of about after before during since until till up over under "
    "into onto across through between among against without within beyond despite like near "
    "around behind than via per upon toward towards".split()
)
_SUBORDINATORS = frozenset(
    "if when while whereas although though because as since unless once whether after before "
    "where which who that so and or but nor yet".split()
)
_RELATIVES = frozenset({"which", "who", "whose"})
_PRONOUN_SUBJECTS = frozenset("it he she they we i you this that there".split())
_FUNCTION_WORDS = _DETERMINERS | _PREPOSITIONS | _SUBORDINATORS | _PRONOUN_SUBJECTS
_EXPLETIVE_IT = re.compile(
    r"^it (?:is|was|seems|seemed|appears|appeared|has been|had been|will be|would be|"
    r"remains|remained) (?:\w+ )?(?:that|whether|if)\b"
    r"|^it (?:is|was|will be|would be) (?!\w+ed\b)\w+ (?:to|for)\b"
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DEMONYMS = frozenset(
    "chinese american german japanese korean indian british french european asian russian "
    "italian spanish canadian australian pakistani taiwanese swedish dutch swiss israeli "
    "brazilian mexican african arab arabic turkish vietnamese thai indonesian malaysian "
    "singaporean saudi iranian ukrainian polish norwegian danish finnish irish scottish english "
    "western eastern northern southern".split()
)
_PLACES = frozenset(
    "china india japan korea taiwan pakistan bangladesh vietnam thailand indonesia malaysia "
    "singapore philippines russia ukraine germany france italy spain portugal britain england "
    "scotland ireland sweden norway denmark finland netherlands belgium switzerland austria "
    "poland turkey israel iran iraq egypt nigeria kenya brazil mexico canada argentina chile "
    "australia zealand america europe asia africa beijing shanghai shenzhen guangzhou wuhan "
    "hangzhou tokyo seoul delhi mumbai karachi lahore london paris berlin munich madrid rome "
    "moscow kyiv dubai york california texas washington silicon valley hong kong new united "
    "states kingdom emirates south north east west".split()
)
# All-caps words that are common nouns, not organisations.
_COMMON_ACRONYMS = frozenset(
    "ev evs ai ceo cto cfo coo r&d us usa uk eu un gdp ipo tv pc pcs suv suvs os app apps "
    "it id ok faq pdf usb gps led lcd oled cpu gpu ram ssd 5g 4g km kwh mph q1 q2 q3 q4".split()
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_COMPANY_SUFFIXES = frozenset("inc ltd corp corporation co llc plc gmbh ag sa".split())
_SPEECH_VERBS = frozenset(
    "said says emphasized emphasised told added noted stated explained argued insisted "
    "stressed tweeted wrote remarked commented".split()
)
_PERSON_TITLES = frozenset(
    "mr mrs ms dr prof ceo founder chairman chairwoman president minister spokesperson "
    "spokesman spokeswoman analyst".split()
)
_OPINION = re.compile(
    r"\b(?:exciting|excited|amazing|incredible|impressive|remarkable|awesome|fantastic|"
    r"wonderful|crucial|tremendous|revolutionary|game[- ]changer|stunning|exceptional|"
    r"outstanding|brilliant|unbelievable|breathtaking|tirelessly|beautiful|terrible|awful|"
    r"disappointing|thrilled|delighted|proud|"
    r"(?:surpassed|exceeded|beyond|above|below) (?:all )?expectations|"
    r"i think|i believe|we believe|in my opinion|in our view|arguably|undoubtedly|obviously|"
    r"hopefully|must-have)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:likely|probably|possibly|perhaps|might|reportedly|allegedly|rumou?red|seems?|"
    r"appears? to|is expected|are expected|could)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|[Uu]s)\b")
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|trillion|dozen)s?\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"[$\u20ac\u00a3\u00a5]\s?\d|\b(?:dollars?|usd|yuan|rmb|euros?|pounds|rupees|yen)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d\s?%|\bper ?cent\b|\bpercentage points?\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:1[89]\d{2}|20\d{2})s?\b|\bQ[1-4]\b|\b(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|"
    r"Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:first|second|third|fourth) quarter\b|\b(?:last|next|this) (?:year|month|week)\b"
)
_LAST_DATE = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?:\d{1,2},?\s+)?"
    r"(?:1[89]\d{2}|20\d{2})|Q[1-4]\s+(?:1[89]\d{2}|20\d{2})|(?:1[89]\d{2}|20\d{2}))\b"
)
_COMPARISON = re.compile(
    r"\b(?:more|fewer|less|greater|higher|lower|larger|smaller|bigger|cheaper|faster) than\b|"
    r"\b(?:over|under|nearly|almost|about|around|up to|at least) (?=[$\u20ac\u00a3~]?\d)|"
    r"\b(?:largest|biggest|first|most|least|highest|lowest|fastest|leading|record|only|"
    r"second-largest|top)\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# Non-claim detection
# --------------------------------------------------------------------------------------------

_BYLINE = re.compile(
    r"^(?:avatar\s+)?(?:written|posted|published|reported|edited|reviewed|compiled)\s+by\b"
    r"|\b\d+\s*min(?:ute)?s?\s+read\b"
    r"|^(?:photo|image|picture|credit|credits|source|via|video)\s*:"
    r"|^(?:share|tweet|follow us|subscribe|sign up|advertisement|click here|comments?)\b",
    re.IGNORECASE,
)
_BY_NAME = re.compile(r"^By\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\b")
_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|published|posted)\b", re.IGNORECASE)
_RELATED = re.compile(
    r"^(?:read more|read also|also read|read next|related(?: articles| stories| posts| news|"
    r" reading| content)?|see also|recommended(?: for you)?|more from [\w ]+|"
    r"you (?:may|might) also like|further reading|more stories|trending(?: now)?)"
    r"\s*(?::|$|[-\u2013\u2014]\s)",
    re.IGNORECASE,
)

# Discourse markers and unnamed attributions removed from the front of a claim. Words are
# matched lower-cased and separated by single spaces, punctuation being its own token.
_MARKERS = re.compile(
    r"(?:(?:however|moreover|furthermore|additionally|in addition|on the other hand|"
    r"in other words|though|therefore|thus|hence|meanwhile|also|besides|as a result|"
    r"consequently|in fact|notably|interestingly|importantly|surprisingly|unsurprisingly|"
    r"of course|indeed|still|nevertheless|nonetheless|that said|for example|for instance|"
    r"similarly|likewise|overall|in short|finally|firstly|secondly|thirdly|lastly|then|now|"
    r"so|after all|in any case|anyway|admittedly|apparently|reportedly|basically|essentially|"
    r"in general|generally|ultimately|in conclusion|to sum up|all in all|as we know|"
    r"as you know|as we all know|needless to say|to be sure|according to [^,]{1,60}|"
    r"as (?:per|reported by) [^,]{1,60}|if we (?:talk|speak) about [^,]{1,60}|"
    r"speaking of [^,]{1,60}|talking about [^,]{1,60}|when it comes to [^,]{1,60}) ,"
    r"|(?:and|but|yet|plus) (?=\w)"
    r"|(?:the |a |some |recent |latest |new )*(?:reports?|sources?|analysts?) (?:also )?"
    r"(?:states?|says?|said|suggests?|suggested|claims?|claimed|notes?|noted|shows?|showed|"
    r"indicates?|indicated) (?:that )?"
    r"|it is (?:reported|said|believed|claimed|understood) (?:that )?) ?"
)
_JUDGEMENT_MARKERS = re.compile(r"^(?:as we know|as you know|as we all know|needless to say)")
_RESTATEMENT_MARKERS = re.compile(r"^(?:in other words|that is to say|that is|i\.e\.)")
_CONTRAST_OPENERS = frozenset({"whereas", "while", "although", "though"})
_TIME_ANAPHORA = re.compile(r"(?:at|around|by) (?:that|the|this) time ,")
_ORG_REFERENCE = re.compile(
    r"^the (?:(?:chinese|american|japanese|korean|german|tech|technology|smartphone|phone|"
    r"electronics|consumer|car|ev|[\w.&-]+) ){0,3}"
    r"(?:company|firm|group|giant|maker|manufacturer|automaker|carmaker|startup|brand|"
    r"conglomerate|corporation|vendor)(?:'s|\u2019s)?$"
    r"|^an? (?:(?:chinese|american|japanese|korean|german|tech|technology|smartphone|phone|"
    r"electronics|consumer) ){1,3}(?:giant|maker)$"
)

_OPEN_QUOTES = frozenset("\u201c\u2018\u00ab")
_CLOSE_QUOTES = frozenset("\u201d\u2019\u00bb")
_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_LEADING = "\"'\u201c\u2018([{\u00ab"
_TRAILING = "\"'\u201d\u2019)]}\u00bb.,;:!?\u2026"
_END_MARKS = frozenset(".,;:!?\u2026-\u2013\u2014")
_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Z]\.|(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|Mr|Mrs|Ms|No|etc|approx)\."
)


@dataclass(frozen=True, slots=True)
class _Token:
    """One word or punctuation mark; ``start/end`` are the article characters it stands for.

    A replacement ("Xiaomi" for "the company") keeps the span of the words it replaced; a token
    added for grammar alone ("is", "in Beijing") has ``start == end == -1``.
    """

    text: str
    start: int
    end: int
    replaced: bool = False

    @property
    def lower(self) -> str:
        return self.text.lower().replace("\u2019", "'")

    @property
    def is_word(self) -> bool:
        return any(ch.isalnum() for ch in self.text)


_ADDED = -1


@dataclass(frozen=True, slots=True)
class _Clause:
    """Tokens of one candidate claim, and the name an "it" subject stands for, if known."""

    tokens: tuple[_Token, ...]
    it_means: str | None


@dataclass(frozen=True, slots=True)
class _Draft:
    """A finished claim before scoring: its tokens, and whether its sentence restates another."""

    tokens: tuple[_Token, ...]
    restates: bool


_RESTATEMENT_PENALTY = 0.2
_MIN_WORDS = 3  # "Xiaomi bought Borgward" is a claim; "It rose" is a fragment

# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def extract_claims(article: Article, *, min_checkworthiness: float = 0.25) -> list[Claim]:
    """Split an article into atomic, self-contained claims worth checking, in article order.

    Args:
        article: the article to read; claims point into ``article.text``.
        min_checkworthiness: claims scoring below this (0-1, default 0.25) are dropped.

    Returns:
        Claims with ids ``"{article.id}-c01"``, ``"-c02"``, ... in reading order, each with
        the spans of the article characters it was built from.
    """
    text = article.text
    sentences = split_sentences(text)
    content = _content_sentences(sentences, article.title)
    entities = _Entities(text, [sentences[i] for i in content])
    apostrophe = "\u2019" if text.count("\u2019") > text.count("'") else "'"
    context = _Context(entities, apostrophe)

    claims: list[Claim] = []
    seen: set[str] = set()
    for index in content:
        sentence = sentences[index]
        for draft in context.claims_of(sentence, text):
            claim_text = _render(draft.tokens)
            if claim_text.lower() in seen:
                continue
            seen.add(claim_text.lower())
            score = checkworthiness(claim_text, entities.names)
            if draft.restates:  # "In other words, ..." repeats the sentence before
                score = max(0.0, round(score - _RESTATEMENT_PENALTY, 2))
            if score < min_checkworthiness:
                continue
            spans = _spans(draft.tokens, text)
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
    return claims


def checkworthiness(text: str, names: Iterable[str] = ()) -> float:
    """Score 0-1 for how checkable a claim is; ``names`` are known entities, counted anywhere.

    Numbers, money, percentages, dates, named entities and comparisons raise the score;
    opinion words, hedges and the first person lower it.
    """
    known = _name_words(names)
    score = 0.15
    if _NUMBER.search(text):
        score += 0.25
    if _MONEY.search(text):
        score += 0.1
    if _PERCENT.search(text):
        score += 0.1
    if _DATE.search(text):
        score += 0.2
    if _COMPARISON.search(text):
        score += 0.1
    score += 0.15 * min(_count_names(text, known), 2.0)
    score -= 0.2 * min(len(_OPINION.findall(text)), 2)
    score -= 0.05 * min(len(_HEDGE.findall(text)), 2)
    if _FIRST_PERSON.search(text):
        score -= 0.1
    return round(min(1.0, max(0.0, score)), 2)


# --------------------------------------------------------------------------------------------
# Step 1: which sentences can hold claims
# --------------------------------------------------------------------------------------------


def _content_sentences(sentences: Sequence[Sentence], title: str) -> list[int]:
    """Indices of sentences that may hold claims (not headings, bylines or link lists)."""
    keep: list[int] = []
    in_related = False
    title_key = " ".join(title.split()).lower()
    for sentence in sentences:
        text = " ".join(sentence.text.split())
        if _RELATED.match(text):
            in_related = True
            continue
        if in_related:
            if sentence.is_heading or sentence.is_list_item or _title_case(text):
                continue  # a link title under "Read more:"
            in_related = False
        if sentence.is_heading or text.lower() == title_key or _is_byline(text):
            continue
        if text.rstrip("\"'\u201d\u2019)]").endswith("?"):
            continue
        keep.append(sentence.index)
    return keep


def _is_byline(text: str) -> bool:
    """Whether a line names the author, date or reading time rather than saying anything."""
    if _BYLINE.search(text):
        return True
    words = text.split()
    if _BY_NAME.match(text) and len(words) <= 6:
        return True
    return bool(_UPDATED.match(text)) and len(words) <= 12 and bool(re.search(r"[\d:]", text))


def _title_case(text: str) -> bool:
    """Whether most longer words are capitalised, as in a headline or link title."""
    words = [word for word in text.split() if len(word) > 3 and word[0].isalpha()]
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.6 * len(words)


# --------------------------------------------------------------------------------------------
# Entities: who "the company" is
# --------------------------------------------------------------------------------------------


class _Entities:
    """Capitalised names in the article: counts, kinds and the sentences mentioning them.

    People (a name before "said" or after "CEO") and places (a gazetteer, or a name only ever
    seen after "in"/"at") are told apart from organisations, the referents of "the company".
    """

    def __init__(self, text: str, sentences: Sequence[Sentence]) -> None:
        tokenised = [(s.index, _tokenize(text, s.start, s.end)) for s in sentences]
        non_initial = {tok.text for _, toks in tokenised for tok in toks[1:] if tok.is_word}
        # A sentence's first word is a name if it is also capitalised mid-sentence, or if it is
        # the whole subject ("Xiaomi sold ...") and the article never writes it in lower case.
        lower_words = set(re.findall(r"[a-z][\w&'\u2019-]*", text))
        for _, toks in tokenised:
            if len(toks) > 1 and _is_initial_name(toks, lower_words, non_initial):
                non_initial.add(toks[0].text)
        self.counts: Counter[str] = Counter()
        self.mentions: dict[str, list[int]] = {}
        people: set[str] = set()
        located: Counter[str] = Counter()
        for index, toks in tokenised:
            for name, first, last in _name_runs(toks, non_initial):
                before = toks[first - 1].lower.rstrip(".") if first > 0 else ""
                if before == "(":
                    continue  # a ticker or abbreviation: "Apple (AAPL)"
                self.counts[name] += 1
                self.mentions.setdefault(name, []).append(index)
                after = toks[last + 1].lower if last + 1 < len(toks) else ""
                if after in _SPEECH_VERBS or before in _PERSON_TITLES:
                    people.add(name)
                if before in ("in", "at", "near", "across", "from"):
                    located[name] += 1
        self.names = frozenset(self.counts)
        self.organisations = [  # in order of first mention
            name
            for name in self.counts
            if name not in people
            and not set(name.lower().split()) <= _PLACES
            and located[name] < self.counts[name]
        ]
        frequent = [name for name in self.organisations if self.counts[name] >= 2]
        self.main = max(frequent, key=lambda name: self.counts[name], default=None)

    def organisation_at(self, sentence_index: int) -> str | None:
        """The organisation "the company" means in a sentence.

        The article's main organisation if named in this or the three sentences before, else
        the organisation named last in that window, else the main one, else the one named last.
        """
        window = range(sentence_index - 3, sentence_index + 1)
        recent: list[tuple[int, int, str]] = []
        for name in self.organisations:
            seen = [i for i in self.mentions[name] if i in window]
            if seen:
                recent.append((max(seen), self.counts[name], name))
        if self.main and any(name == self.main for _, _, name in recent):
            return self.main
        if recent or self.main:
            return max(recent)[2] if recent else self.main
        earlier = [
            (max(i for i in self.mentions[name] if i <= sentence_index), name)
            for name in self.organisations
            if min(self.mentions[name]) <= sentence_index
        ]
        return max(earlier)[1] if earlier else None


def _is_name_word(toks: Sequence[_Token], i: int, non_initial: set[str]) -> bool:
    """Whether token ``i`` can be part of a proper name (titles and company suffixes are not).

    A sentence's first word counts only when the article also capitalises it elsewhere or a
    company suffix follows it ("Tesla Inc. opened ...").
    """
    tok = toks[i]
    word = tok.text
    if not word[:1].isupper() or not tok.is_word or _INITIALS.fullmatch(word):
        return False
    lower = _strip_possessive(tok.lower)
    if lower.rstrip(".") in _PERSON_TITLES or lower.rstrip(".") in _COMPANY_SUFFIXES:
        return False
    following = toks[i + 1].lower if i + 1 < len(toks) else ""
    if lower in _MONTHS and (len(lower) > 3 or following[:1].isdigit()):
        return False
    if lower in _WEEKDAYS or lower in _DEMONYMS or lower == "i":
        return False
    if word.isupper() and (len(word) < 3 or lower in _COMMON_ACRONYMS):
        return False
    if lower in _COMMON_ACRONYMS or (_is_verb_form(lower) and lower.endswith("ed")):
        return False
    return i > 0 or word in non_initial or following.rstrip(".") in _COMPANY_SUFFIXES


def _is_initial_name(toks: Sequence[_Token], lower_words: set[str], non_initial: set[str]) -> bool:
    """Whether a sentence's first word reads as a name: a capitalised word never written in
    lower case that is the subject ("Xiaomi sold", "Apple (AAPL) reported") or starts a name
    ("Samsung Electronics")."""
    word = _strip_possessive(toks[0].text)
    lower = word.lower()
    if not word[:1].isupper() or not word.isalpha() or lower in lower_words:
        return False
    if lower in _FUNCTION_WORDS or lower.endswith(("s", "ing", "ly")) or len(word) < 3:
        return False
    if _is_possessive(toks[0].text) or _is_name_word(toks, 1, non_initial):
        return True
    verb = 1
    if toks[1].text == "(":
        verb = next((i + 1 for i in range(2, len(toks)) if toks[i].text == ")"), len(toks))
    return verb < len(toks) and _is_finite([toks[0], *toks[verb:]], 1)


def _name_runs(toks: Sequence[_Token], non_initial: set[str]) -> list[tuple[str, int, int]]:
    """``(name, first, last)`` for every run of consecutive capitalised tokens."""
    runs: list[tuple[str, int, int]] = []
    i = 0
    while i < len(toks):
        if not _is_name_word(toks, i, non_initial):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(toks)
            and not _is_possessive(toks[j].text)
            and _is_name_word(toks, j + 1, non_initial)
        ):
            j += 1
        name = " ".join(_strip_possessive(tok.text) for tok in toks[i : j + 1])
        if name.lower() not in _FUNCTION_WORDS:
            runs.append((name, i, j))
        i = j + 1
    return runs


def _is_possessive(word: str) -> bool:
    return word.endswith(("'s", "\u2019s")) and len(word) > 2


def _strip_possessive(word: str) -> str:
    return word[:-2] if _is_possessive(word) else word


def _name_words(names: Iterable[str]) -> set[str]:
    """Every lower-cased word of the given names ("Lei Jun" -> lei, jun)."""
    return {word.lower() for name in names for word in name.split()}


def _count_names(text: str, known: set[str]) -> float:
    """Capitalised words after the first (acronyms count half), plus a known name first."""
    words = re.findall(r"[\w&'\u2019-]+", text)
    count = 0.0
    for position, word in enumerate(words):
        bare = _strip_possessive(word)
        if not bare[:1].isupper() or bare == "I":
            continue
        if position == 0 and bare.lower() not in known:
            continue
        count += 0.5 if bare.isupper() else 1.0
    return count


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------


def _tokenize(text: str, start: int, end: int) -> list[_Token]:
    """Words and punctuation of ``text[start:end]`` with their article offsets."""
    tokens: list[_Token] = []
    for match in re.finditer(r"\S+", text[start:end]):
        word_start, word_end = start + match.start(), start + match.end()
        lead: list[_Token] = []
        while word_end - word_start > 1 and text[word_start] in _LEADING:
            lead.append(_Token(text[word_start], word_start, word_start + 1))
            word_start += 1
        trail: list[_Token] = []
        while word_end - word_start > 1 and text[word_end - 1] in _TRAILING:
            word = text[word_start:word_end]
            if word.endswith(".") and _ABBREVIATION.fullmatch(word):
                break
            trail.append(_Token(text[word_end - 1], word_end - 1, word_end))
            word_end -= 1
        tokens.extend(lead)
        tokens.append(_Token(text[word_start:word_end], word_start, word_end))
        tokens.extend(reversed(trail))
    return tokens


def _joined(tokens: Sequence[_Token]) -> tuple[str, list[int]]:
    """Lower-cased tokens joined by single spaces, and where each token ends in that string."""
    parts, ends, length = [], [], 0
    for tok in tokens:
        length += len(tok.lower) + (1 if parts else 0)
        parts.append(tok.lower)
        ends.append(length)
    return " ".join(parts), ends


def _match_prefix(tokens: Sequence[_Token], pattern: re.Pattern[str]) -> int:
    """How many leading tokens ``pattern`` matches exactly (0 when none)."""
    joined, ends = _joined(tokens)
    match = pattern.match(joined)
    if not match:
        return 0
    end = match.end()
    while end > 0 and joined[end - 1] == " ":
        end -= 1
    return ends.index(end) + 1 if end in ends else 0


def _render(tokens: Sequence[_Token]) -> str:
    """The claim as a sentence: original spacing, capital first letter, final full stop."""
    text = _join(tokens)
    if text[:1].islower() and not any(ch.isupper() for ch in text.split(" ")[0]):
        text = text[0].upper() + text[1:]
    if not text.endswith("."):
        text += "."
    return text


def _join(tokens: Sequence[_Token]) -> str:
    """Tokens as text, spaced as in the article (single spaces, no line breaks)."""
    out: list[str] = []
    previous: _Token | None = None
    inside = False  # within straight double quotes, whose closing one hugs the word before
    for tok in tokens:
        closes = tok.text == '"' and inside
        opened = previous is not None and previous.text == '"' and inside
        if previous is not None and not (_attached(previous, tok) or closes or opened):
            out.append(" ")
        out.append(tok.text)
        if tok.text == '"':
            inside = not inside
        previous = tok
    return " ".join("".join(out).split())


def _attached(previous: _Token, tok: _Token) -> bool:
    """Whether ``tok`` follows ``previous`` without a space."""
    if not previous.replaced and not tok.replaced and previous.end == tok.start >= 0:
        return True
    if tok.text in (",", ".", ";", ":", "!", "?", "%", ")", "]") or tok.text in _CLOSE_QUOTES:
        return True
    return previous.text in _OPEN_QUOTES or previous.text in ("(", "[")


def _spans(tokens: Sequence[_Token], text: str) -> tuple[Span, ...]:
    """Merged article ranges of the tokens, joined across white space only."""
    ranges = sorted({(t.start, t.end) for t in tokens if 0 <= t.start < t.end <= len(text)})
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    # A lone closing quote cut off by a dropped full stop is not worth a span of its own.
    worded = [pair for pair in merged if any(ch.isalnum() for ch in text[pair[0] : pair[1]])]
    return tuple(Span(start, end) for start, end in (worded or merged))


# --------------------------------------------------------------------------------------------
# Verbs and subjects
# --------------------------------------------------------------------------------------------


def _is_verb_form(lower: str) -> bool:
    """Whether a lower-cased word is an -s or -ed form of a known verb, or an irregular past."""
    if lower in _IRREGULAR_PAST:
        return True
    candidates: list[str] = []
    if lower.endswith("ies"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("es"):
        candidates.append(lower[:-2])
    if lower.endswith("s"):
        candidates.append(lower[:-1])
    if lower.endswith("ied"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        candidates.extend([lower[:-2], lower[:-1]])
        if len(lower) > 4 and lower[-3] == lower[-4]:
            candidates.append(lower[:-3])  # planned -> plan
    return any(candidate in _VERB_STEMS for candidate in candidates)


def _is_finite(tokens: Sequence[_Token], i: int) -> bool:
    """Whether token ``i`` is probably a finite verb (no tagger: word lists and position)."""
    tok = tokens[i]
    if not tok.is_word:
        return False
    lower = tok.lower
    previous = tokens[i - 1].lower if i > 0 else ""
    if previous in _DETERMINERS or _is_possessive(previous):
        return False
    if tok.text[:1].isupper() and i > 0 and not (lower.endswith("ed") and _is_verb_form(lower)):
        return False
    if lower in _AUXILIARIES or lower in _IRREGULAR_PAST:
        return True
    if i == 0 or previous in _PREPOSITIONS:
        return False
    if _is_verb_form(lower):
        return True
    before = tokens[i - 1]
    plural = previous in ("i", "we", "they", "you") or (
        previous.isalpha() and previous.endswith("s") and not previous.endswith("ss")
    )
    named = (before.is_word and before.text[:1].isupper()) or previous in ("it", "he", "she")
    if lower in _SAME_FORM_PAST and (plural or named):
        return True  # "Xiaomi set up", "it cost"
    if lower in _VERB_STEMS and plural:
        return True  # "analysts expect"
    # An unknown -ed word after a noun ("the car tested ...") is probably a verb.
    return len(lower) > 4 and lower.endswith("ed") and lower not in ("hundred", "indeed")


def _starts_verb_phrase(tokens: Sequence[_Token]) -> bool:
    """Whether ``tokens`` begin with a finite verb (after adverbs), with no subject of their own."""
    k = 0
    while k < len(tokens) - 1 and _is_adverb(tokens[k].lower):
        k += 1
    if not tokens or not _is_finite(_with_dummy_subject(tokens), k + 1):
        return False
    lower = tokens[k].lower
    # "costs fell": the -s word is a noun when another verb follows it at once.
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    if lower.endswith("s") and following is not None and following.lower in _AUXILIARIES:
        return False
    if lower in _AUXILIARIES or lower in _IRREGULAR_PAST or _is_verb_form(lower):
        return True
    nxt = following.lower if following else ""
    return nxt in _DETERMINERS or nxt in _NUMBER_WORDS or nxt[:1].isdigit()


def _with_dummy_subject(tokens: Sequence[_Token]) -> list[_Token]:
    """Tokens behind a placeholder subject, so the verb test sees a preceding noun."""
    return [_Token("it", _ADDED, _ADDED)] + list(tokens)


def _is_adverb(lower: str) -> bool:
    return lower in ("also", "then", "later", "soon", "still", "already", "now", "even") or (
        lower.endswith("ly") and len(lower) > 4
    )


def _find_subject(tokens: Sequence[_Token]) -> tuple[int, int] | None:
    """``(start, end)`` of the clause subject: the words before its first finite verb.

    Introductory phrases ending in a comma ("In Jan 2023, ...") are skipped; for an appositive
    ("Xiaomi, a Chinese firm, has ...") the first noun phrase is the subject.
    """
    verb, i = None, 0
    while i < len(tokens):
        if not _is_finite(tokens, i):
            i += 1
            continue
        chunk = max((k + 1 for k in range(i) if tokens[k].text == ","), default=0)
        if chunk == 0 or tokens[chunk].lower not in _RELATIVES:
            verb = i
            break
        # The verb of ", which is backed by ..., " is not the clause's: look past the clause.
        i = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == ","), len(tokens))
    if verb is None:
        return None
    chunk = max((i + 1 for i in range(verb) if tokens[i].text == ","), default=0)
    if verb > chunk:
        start, end = chunk, verb
        while end - 1 > start and _is_adverb(tokens[end - 1].lower):
            end -= 1
        return (start, end) if _is_noun_phrase(tokens[start:end]) else None
    bounds = [-1] + [i for i in range(verb) if tokens[i].text == ","]
    for left, right in zip(bounds, bounds[1:], strict=False):
        if _is_noun_phrase(tokens[left + 1 : right]):
            return left + 1, right
    return None


def _is_noun_phrase(tokens: Sequence[_Token]) -> bool:
    """Whether tokens can be a subject: 1-10 words, not opening with a preposition or 'that'."""
    words = [tok for tok in tokens if tok.is_word]
    if not words or len(words) > 10 or not tokens[0].is_word:
        return False
    first = tokens[0].lower
    if first in _PREPOSITIONS or first in _SUBORDINATORS or first in _CONTRAST_OPENERS:
        return first in ("that", "this")  # demonstratives
    return not any(tok.text in (";", ":") for tok in tokens)


def _is_proper_name(tokens: Sequence[_Token]) -> bool:
    """Whether a subject is a bare proper name ("China", "Lei Jun")."""
    words = [tok for tok in tokens if tok.is_word]
    return bool(words) and all(tok.text[:1].isupper() for tok in words) and (
        words[0].lower not in _PRONOUN_SUBJECTS and words[0].lower not in _DETERMINERS
    )


def _has_finite_verb(tokens: Sequence[_Token]) -> bool:
    """Loose test that a clause is a sentence, not a fragment."""
    for i, tok in enumerate(tokens):
        if _is_finite(tokens, i):
            return True
        lower = tok.lower
        if i > 0 and tok.is_word and tok.text.islower() and len(lower) > 3:
            if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous")):
                if tokens[i - 1].lower not in _DETERMINERS | _PREPOSITIONS:
                    return True
    return False


# --------------------------------------------------------------------------------------------
# Steps 2 and 3: split and decontextualise, sentence by sentence
# --------------------------------------------------------------------------------------------


class _Context:
    """What earlier sentences established: dates, new things ("a factory"), who "it" is."""

    def __init__(self, entities: _Entities, apostrophe: str) -> None:
        self.entities = entities
        self.apostrophe = apostrophe
        self.last_date: str | None = None
        self.last_subject: str | None = None
        # noun -> (owner, words locating it, sentence index), e.g. factory -> (Xiaomi, in Beijing)
        self.introduced: dict[str, tuple[str, str, int]] = {}
        self.index = 0

    def claims_of(self, sentence: Sentence, text: str) -> list[_Draft]:
        """The claims of one sentence, split and resolved but not yet scored."""
        self.index = sentence.index
        tokens = _strip_dateline(_trim(_tokenize(text, sentence.start, sentence.end)))
        tokens, judgement, restates = _strip_markers(tokens)
        tokens = _fix_its(_fix_case(self._resolve_time(tokens)))
        results: list[_Draft] = []
        for clause in _split(tokens):
            toks = _trim(list(clause.tokens))
            toks = _repair_absolute(toks)
            words = [tok for tok in toks if tok.is_word]
            if len(words) < _MIN_WORDS or not _has_finite_verb(toks):
                continue
            if _is_opinion(toks, judgement, self.entities.names):
                continue
            toks = self._resolve(toks, clause.it_means)
            toks = _balance(toks)
            if toks:
                self._remember(toks)
                results.append(_Draft(tuple(toks), restates))
        return results

    def finish_sentence(self, sentence: Sentence) -> None:
        """Note the last date a sentence names, for a later "at that time"."""
        dates = _LAST_DATE.findall(sentence.text)
        if dates:
            self.last_date = " ".join(dates[-1].split())

    def _resolve_time(self, tokens: list[_Token]) -> list[_Token]:
        """"At that time, X ..." -> "In March 2021, X ..." when an earlier date is known."""
        count = _match_prefix(tokens, _TIME_ANAPHORA)
        if not count or not self.last_date:
            return tokens
        original = tokens[: count - 1]
        replacement = _Token(f"in {self.last_date}", original[0].start, original[-1].end, True)
        return [replacement] + tokens[count - 1 :]

    def _resolve(self, tokens: list[_Token], it_means: str | None) -> list[_Token]:
        """Replace references to earlier entities by their names."""
        org = self.entities.organisation_at(self.index)
        subject = _find_subject(tokens)
        if subject is not None:
            start, end = subject
            words = tokens[start:end]
            joined, _ = _joined(words)
            if org and _ORG_REFERENCE.match(joined):
                name = org + (self.apostrophe + "s" if _is_possessive(words[-1].text) else "")
                tokens = tokens[:start] + [_replace(words, name)] + tokens[end:]
            elif joined == "it" and not _EXPLETIVE_IT.match(_joined(tokens[start:])[0]):
                name = it_means or (self.last_subject if start == 0 else None) or org
                if name:
                    tokens = tokens[:start] + [_replace(words, name)] + tokens[end:]
            elif len(words) == 2 and words[0].lower == "the" and words[1].lower in self.introduced:
                owner, where, seen = self.introduced[words[1].lower]
                if self.index - seen <= 1:
                    head = _replace(words[:1], owner + self.apostrophe + "s")
                    added = [_Token(where, _ADDED, _ADDED, True)] if where else []
                    tokens = tokens[:start] + [head, words[1], *added] + tokens[end:]
        if tokens and tokens[0].lower == "its" and not tokens[0].replaced:
            name = it_means or self.last_subject or org
            if name:
                tokens = [_replace(tokens[:1], name + self.apostrophe + "s"), *tokens[1:]]
        # Definite descriptions anywhere else ("a challenge to the company").
        if org:
            tokens = _replace_descriptions(tokens, org, self.apostrophe)
        return tokens

    def _remember(self, tokens: list[_Token]) -> None:
        """Record the subject's name and things the claim introduces ("a factory in Beijing")."""
        subject = _find_subject(tokens)
        if subject is None:
            self.last_subject = None
            return
        words = tokens[subject[0] : subject[1]]
        self.last_subject = _antecedent(words)
        if not _is_proper_name(words) and not all(tok.replaced for tok in words):
            return
        owner = _antecedent(words) or ""
        for i in range(subject[1], len(tokens) - 1):
            if tokens[i].lower not in ("a", "an"):
                continue
            noun = tokens[i + 1]
            if not noun.text.isalpha() or not noun.text.islower():
                continue
            where = ""
            rest = tokens[i + 2 :]
            located = len(rest) >= 2 and rest[0].lower in ("in", "at", "near")
            if located and rest[1].text[:1].isupper():
                where = rest[0].text + " " + rest[1].text
            self.introduced[noun.lower] = (owner, where, self.index)


def _replace(words: Sequence[_Token], name: str) -> _Token:
    """A token showing ``name`` that keeps the span of the words it replaces."""
    spanned = [tok for tok in words if tok.start >= 0]
    if not spanned:
        return _Token(name, _ADDED, _ADDED, True)
    return _Token(name, spanned[0].start, spanned[-1].end, True)


def _replace_descriptions(tokens: list[_Token], org: str, apostrophe: str) -> list[_Token]:
    """Resolve "the company"/"the firm"/"the group('s)" wherever they occur."""
    out: list[_Token] = []
    i = 0
    while i < len(tokens):
        if tokens[i].lower == "the" and i + 1 < len(tokens):
            head = tokens[i + 1]
            bare = _strip_possessive(head.lower)
            if bare in ("company", "firm", "group") and not head.replaced:
                suffix = apostrophe + "s" if _is_possessive(head.text) else ""
                out.append(_replace(tokens[i : i + 2], org + suffix))
                i += 2
                continue
        out.append(tokens[i])
        i += 1
    return out


def _trim(tokens: list[_Token]) -> list[_Token]:
    """Drop punctuation at either end of a clause, keeping a closing quote that has its opener."""
    start, end = 0, len(tokens)
    while start < end and not tokens[start].is_word and tokens[start].text not in _LEADING:
        start += 1
    closing: _Token | None = None
    while end > start and not tokens[end - 1].is_word and (
        tokens[end - 1].text in _END_MARKS or tokens[end - 1].text in _QUOTES
        or tokens[end - 1].text in (")", "]")
    ):
        if tokens[end - 1].text in ('"', "\u201d") and closing is None:
            closing = tokens[end - 1]
        end -= 1
    kept = tokens[start:end]
    if closing is not None and _open_quotes(kept):
        kept.append(closing)
    return kept


def _open_quotes(tokens: Sequence[_Token]) -> bool:
    """Whether a double quote is opened and not closed."""
    straight = sum(tok.text == '"' for tok in tokens)
    opened = sum(tok.text == "\u201c" for tok in tokens)
    closed = sum(tok.text == "\u201d" for tok in tokens)
    return straight % 2 == 1 or opened > closed


def _balance(tokens: list[_Token]) -> list[_Token]:
    """Drop quotes and brackets left unpaired by trimming and splitting."""
    out = list(tokens)
    doubles = [t for t in out if t.text in ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")]
    opens = sum(t.text in ("\u201c", "\u00ab") for t in doubles)
    closes = sum(t.text in ("\u201d", "\u00bb") for t in doubles)
    straight = sum(t.text == '"' for t in doubles)
    if opens != closes or straight % 2:
        out = [t for t in out if t not in doubles]
    if sum(t.text == "(" for t in out) != sum(t.text == ")" for t in out):
        out = [t for t in out if t.text not in ("(", ")")]
    return _trim(out)


def _strip_dateline(tokens: list[_Token]) -> list[_Token]:
    """Drop a news dateline: "SHENZHEN, Jan 2 (Reuters) - China's BYD ..." -> "China's BYD ..."."""
    first = tokens[0].text if tokens else ""
    if len(first) < 3 or not first.isupper() or not first.isalpha():
        return tokens
    for k in range(1, min(len(tokens) - 1, 12)):
        if tokens[k].text in ("-", "\u2013", "\u2014"):
            return tokens[k + 1 :]
        if tokens[k].is_word and tokens[k].text.islower():
            break
    return tokens


def _strip_markers(tokens: list[_Token]) -> tuple[list[_Token], bool, bool]:
    """Remove leading discourse markers; report judgement ("As we know") and restatement."""
    judgement = restatement = False
    while True:
        count = _match_prefix(tokens, _MARKERS)
        if not count or count >= len(tokens):
            return tokens, judgement, restatement
        joined, _ = _joined(tokens[:count])
        judgement = judgement or bool(_JUDGEMENT_MARKERS.match(joined))
        restatement = restatement or bool(_RESTATEMENT_MARKERS.match(joined))
        tokens = tokens[count:]


def _split(tokens: list[_Token]) -> list[_Clause]:
    """Atomic clauses of a sentence: contrast clauses, ``;`` parts, clause and verb coordination."""
    clauses: list[_Clause] = []
    for part in _split_semicolons(tokens):
        for piece in _split_contrast(part):
            main, relatives = _split_relatives(piece)
            clauses.extend(_split_coordination(main, None))
            clauses.extend(_Clause(tuple(relative), None) for relative in relatives)
    return clauses


def _split_relatives(tokens: list[_Token]) -> tuple[list[_Token], list[list[_Token]]]:
    """Take out ", which/who ..." clauses about a name: "BYD, which is backed by X, plans ..."
    -> "BYD plans ..." and "BYD is backed by X"."""
    relatives: list[list[_Token]] = []
    k = 1
    while k < len(tokens) - 2:
        if tokens[k].text != "," or tokens[k + 1].lower not in ("which", "who"):
            k += 1
            continue
        first = k
        while first > 0 and tokens[first - 1].is_word and tokens[first - 1].text[:1].isupper():
            first -= 1
        close = next((i for i in range(k + 2, len(tokens)) if tokens[i].text == ","), len(tokens))
        body = tokens[k + 2 : close]
        if first == k or not body or not _starts_verb_phrase(body):
            k += 1
            continue
        relatives.append(tokens[first:k] + body)
        tokens = tokens[:k] + tokens[close + 1 :]
    return tokens, relatives


def _split_semicolons(tokens: list[_Token]) -> list[list[_Token]]:
    parts: list[list[_Token]] = [[]]
    for tok in tokens:
        if tok.text == ";":
            parts.append([])
        else:
            parts[-1].append(tok)
    return [part for part in parts if part]


def _split_contrast(tokens: list[_Token]) -> list[list[_Token]]:
    """"Whereas X, Y" -> X and Y, when both have a subject."""
    if len(tokens) < 4 or tokens[0].lower not in _CONTRAST_OPENERS or tokens[1].text == ",":
        return [tokens]
    comma = next((i for i in range(3, len(tokens)) if tokens[i].text == ","), None)
    if comma is None:
        return [tokens]
    left, right = tokens[1:comma], tokens[comma + 1 :]
    if _find_subject(left) is None or _find_subject(right) is None:
        return [tokens]
    return [left, right]


def _split_coordination(tokens: list[_Token], it_means: str | None) -> list[_Clause]:
    """Split at the first ``and``/``but`` that joins two clauses or two verb phrases."""
    for j in range(1, len(tokens) - 1):
        if tokens[j].lower not in ("and", "but"):
            continue
        comma = tokens[j - 1].text == ","
        left = tokens[: j - 1] if comma else tokens[:j]
        right = tokens[j + 1 :]
        subject = _find_subject(left)
        if subject is None or not right:
            continue
        own = _find_subject(right)
        if comma and own is not None and not _starts_verb_phrase(right):
            hint = _antecedent(left[subject[0] : subject[1]])
            return [_Clause(tuple(left), it_means), *_split_coordination(right, hint)]
        if _starts_verb_phrase(right):
            shared = tokens[subject[0] : subject[1]]
            return [
                _Clause(tuple(left), it_means),
                *_split_coordination(list(shared) + right, it_means),
            ]
    return [_Clause(tuple(tokens), it_means)]


def _antecedent(words: Sequence[_Token]) -> str | None:
    """What a following "it" means when ``words`` were the subject: "Tesla" for "Tesla Inc.",
    "the plant" for "The plant"; None for a plural ("the new rules"), which "it" cannot mean."""
    if _is_proper_name(words) or all(tok.replaced for tok in words):
        while len(words) > 1 and words[-1].lower.rstrip(".") in _COMPANY_SUFFIXES:
            words = words[:-1]
        return " ".join(_strip_possessive(tok.text) for tok in words) or None
    head = words[-1].lower if words else ""
    if not head or head in _PRONOUN_SUBJECTS or head in _RELATIVES:
        return None
    if head.endswith("s") and not head.endswith(("ss", "'s")):
        return None
    phrase = _join(words)
    first = phrase.split(" ", 1)[0]
    if first.lower() in _DETERMINERS:
        phrase = first.lower() + phrase[len(first) :]
    return phrase


def _repair_absolute(tokens: list[_Token]) -> list[_Token]:
    """Give a verbless "With the car rolling off the line." the verb: "The car was rolling ..."."""
    if len(tokens) < 4 or tokens[0].lower != "with" or _has_finite_verb(tokens):
        return tokens
    for k in range(2, min(len(tokens), 12)):
        word = tokens[k].lower
        if word.endswith("ing") and len(word) > 4 and tokens[k].text.islower():
            noun_phrase = tokens[1:k]
            if not _is_noun_phrase(noun_phrase):
                return tokens
            head = noun_phrase[-1].lower
            verb = "were" if head.endswith("s") and not head.endswith("ss") else "was"
            return noun_phrase + [_Token(verb, _ADDED, _ADDED, True)] + tokens[k:]
    return tokens


def _fix_case(tokens: list[_Token]) -> list[_Token]:
    """Lower-case a verb capitalised by mistake mid-sentence ("Xiaomi Planned to invest")."""
    out = list(tokens)
    for i in range(1, len(out) - 1):
        tok, nxt = out[i], out[i + 1]
        lower = tok.text.lower()
        if (
            tok.text[:1].isupper()
            and tok.text[1:].islower()
            and lower.endswith("ed")
            and _is_verb_form(lower)
            and nxt.text[:1].islower()
        ):
            out[i] = _Token(lower, tok.start, tok.end, tok.replaced)
    return out


def _fix_its(tokens: list[_Token]) -> list[_Token]:
    """Read the common typo "its constantly working" as "it is constantly working"."""
    out: list[_Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        after = tokens[i + 2].lower if i + 2 < len(tokens) else ""
        # "its working to" is the typo; "its working conditions" is a possessive.
        gerund = (_is_adverb(nxt) and after.endswith("ing")) or (
            nxt.endswith("ing") and (after in _PREPOSITIONS or after in _DETERMINERS)
        )
        if tok.lower == "its" and gerund:
            out.append(_Token(tok.text[:2], tok.start, tok.end))
            out.append(_Token("is", _ADDED, _ADDED, True))
        else:
            out.append(tok)
    return out


def _is_opinion(tokens: Sequence[_Token], judgement: bool, names: frozenset[str]) -> bool:
    """Whether a clause is judgement or hype with nothing checkable (no number, date or name)."""
    text = _render(tokens)
    if not (judgement or _OPINION.search(text)):
        return False
    if _NUMBER.search(text) or _DATE.search(text):
        return False
    return _count_names(text, _name_words(names)) < 1
