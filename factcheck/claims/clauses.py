"""Clause splitting: one sentence's tokens become atomic clauses, each a candidate claim.

Compound sentences split at ``;``, at ``and``/``but`` joining clauses or verb phrases, and at
``while``/``whereas`` contrasts; side facts (", which ...", appositives, ", with a team of N")
become clauses of their own. Datelines and leading discourse markers are stripped first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from factcheck.claims.grammar import (
    Token,
    added_token,
    find_subject,
    is_adverb,
    is_finite,
    is_noun_phrase,
    is_past,
    is_proper_name,
    is_verb_form,
    join_tokens,
    joined_lower,
    main_verb,
    match_prefix,
    replacement_token,
    starts_verb_phrase,
    trim,
)
from factcheck.claims.lexicon import (
    CONTRAST_OPENERS,
    DATE,
    DEMONYMS,
    DETERMINERS,
    EVENT_NOUNS,
    PREPOSITIONS,
    RELATIVES,
    SPEECH_VERBS,
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
    r"as you know|as we all know|needless to say|to be sure|honestly|frankly|"
    r"according to [^,]{1,60}|"
    r"as (?:per|reported by) [^,]{1,60}|if we (?:talk|speak) about [^,]{1,60}|"
    r"speaking of [^,]{1,60}|talking about [^,]{1,60}|when it comes to [^,]{1,60}) ,"
    r"|(?:and|but|yet|plus) (?=\w)"
    r"|(?:the |a |some |recent |latest |new )*(?:reports?|sources?|analysts?) (?:also )?"
    r"(?:states?|says?|said|suggests?|suggested|claims?|claimed|notes?|noted|shows?|showed|"
    r"indicates?|indicated) (?:that )?"
    r"|it is (?:reported|said|believed|claimed|understood) (?:that )?) ?"
)
_JUDGEMENT_MARKERS = re.compile(
    r"^(?:as we know|as you know|as we all know|needless to say|honestly|frankly)"
)
_RESTATEMENT_MARKERS = re.compile(r"^(?:in other words|that is to say|that is|i\.e\.)")


class Role(Enum):
    """Where a clause came from: the sentence's main line, or a side fact about a name."""

    MAIN = "main"
    ASIDE = "aside"  # relative clause, appositive, "with ..." or a contrasted "while" clause


@dataclass(frozen=True, slots=True)
class Clause:
    """Tokens of one candidate claim and its role in the sentence."""

    tokens: tuple[Token, ...]
    role: Role = Role.MAIN


def split_clauses(tokens: list[Token]) -> list[Clause]:
    """Atomic clauses of a sentence: ``;`` parts, contrasts, side facts and coordination."""
    clauses: list[Clause] = []
    for part in _split_semicolons(tokens):
        for piece, role in _split_contrast(part):
            main, asides = _split_asides(piece)
            for clause in _split_coordination(main):
                kept = _take_with_phrase(list(clause.tokens), asides)
                kept = _take_trailing_appositive(kept, asides)
                kept = _take_speech_participle(kept, asides)
                clauses.append(Clause(tuple(kept), role))
            clauses.extend(Clause(tuple(aside), Role.ASIDE) for aside in asides)
    return clauses


def _split_semicolons(tokens: list[Token]) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text == ";":
            parts.append([])
        else:
            parts[-1].append(tok)
    return [part for part in parts if part]


def _split_contrast(tokens: list[Token]) -> list[tuple[list[Token], Role]]:
    """"Whereas X, Y" and "Y, while X" -> X and Y, when both have a subject; X is an aside.
    So are a lead-in before a colon ("Brussels had its say: the Commission cleared the deal")
    and a clause after ", so", ", before" or ", until" ("... fell 8%, before the two sides met
    at $83.50")."""
    whole = [(tokens, Role.MAIN)]
    lead = _split_lead_in(tokens)
    if lead is not None:
        return lead
    for j in range(3, len(tokens) - 2):
        if tokens[j].lower in _TRAILING_CLAUSE_OPENERS and tokens[j - 1].text == ",":
            left, right = tokens[: j - 1], tokens[j + 1 :]
            if find_subject(left) is not None and find_subject(right) is not None:
                return [(left, Role.MAIN), (right, Role.ASIDE)]
    if len(tokens) >= 4 and tokens[0].lower in CONTRAST_OPENERS and tokens[1].text != ",":
        comma = next((i for i in range(3, len(tokens)) if tokens[i].text == ","), None)
        if comma is None:
            return whole
        left, right = tokens[1:comma], tokens[comma + 1 :]
        if find_subject(left) is None or find_subject(right) is None:
            return whole
        return [(left, Role.ASIDE), (right, Role.MAIN)]
    for j in range(2, len(tokens) - 2):
        if tokens[j].lower not in ("while", "whereas") or tokens[j - 1].text != ",":
            continue
        left, right = tokens[: j - 1], tokens[j + 1 :]
        if right[0].lower.endswith("ing"):
            return whole  # ", while driving ..." has no clause of its own
        if find_subject(left) is None or find_subject(right) is None:
            return whole
        return [(left, Role.MAIN), (right, Role.ASIDE)]
    return whole


_TRAILING_CLAUSE_OPENERS = frozenset({"so", "before", "until"})


def _split_lead_in(tokens: list[Token]) -> list[tuple[list[Token], Role]] | None:
    """A sentence's one colon between two clauses: the clause after it tells the fact, the one
    before leads in ("Investors did not need long: Kellanova's shares climbed 8%"); not a
    speaker's words ("He said: ...") nor a list, which have no subject of their own."""
    colons = [i for i, tok in enumerate(tokens) if tok.text == ":"]
    if len(colons) != 1 or colons[0] < 3 or colons[0] > len(tokens) - 4:
        return None
    left, right = tokens[: colons[0]], tokens[colons[0] + 1 :]
    if left[-1].lower in SPEECH_VERBS or not right[0].is_word:
        return None  # (a quotation opens with its mark)
    if find_subject(left) is None or find_subject(right) is None:
        return None
    return [(left, Role.ASIDE), (right, Role.MAIN)]


def _split_asides(tokens: list[Token]) -> tuple[list[Token], list[list[Token]]]:
    """Take side facts out of a sentence part, each as a claim of its own (the last two are
    taken from each coordinated clause, so they borrow that clause's subject):

    * ", which/who ..." about a name or the subject: "BYD, which is backed by X, plans ..."
      -> "BYD plans ..." and "BYD is backed by X";
    * "NAME, a venture in which Honda holds 60%" -> "Honda holds 60% of NAME";
    * a trailing appositive: "... cancelled Project Titan, a team of 2,000 staff" -> "Project
      Titan was a team of 2,000 staff", or after a date, about the subject: "... in 2023, the
      third company to do so" -> "X was the third company to do so";
    * a subject's descriptive appositive: "Kestrel, a Portland startup, launched ..." ->
      "Kestrel launched ..." and "Kestrel is a Portland startup";
    * ", with a team of 1,500 people" -> "X had a team of 1,500 people".
    """
    asides: list[list[Token]] = []
    tokens = _take_relatives(tokens, asides)
    tokens = _take_prepositional_relative(tokens, asides)
    tokens = _take_subject_appositive(tokens, asides)
    return tokens, asides


def _take_relatives(tokens: list[Token], asides: list[list[Token]]) -> list[Token]:
    k = 1
    while k < len(tokens) - 2:
        if tokens[k].text != "," or tokens[k + 1].lower not in ("which", "who"):
            k += 1
            continue
        first = k
        while first > 0 and tokens[first - 1].is_word and tokens[first - 1].text[:1].isupper():
            first -= 1
        if first == k and is_noun_phrase(tokens[:k]) and _is_definite(tokens[:k]):
            first = 0  # "The company, which is part-owned by Volvo, makes ..."
        close = next((i for i in range(k + 2, len(tokens)) if tokens[i].text == ","), len(tokens))
        body = tokens[k + 2 : close]
        if first == k or not body or not starts_verb_phrase(body):
            k += 1
            continue
        asides.append(tokens[first:k] + body)
        tokens = tokens[:k] + tokens[close + 1 :]
    return tokens


def _is_definite(tokens: Sequence[Token]) -> bool:
    return bool(tokens) and tokens[0].lower in ("the", "its", "their", "this")


def _take_prepositional_relative(
    tokens: list[Token], asides: list[list[Token]]
) -> list[Token]:
    """"Sony Honda Mobility, a joint venture in which Honda holds 60%" -> the aside "Honda
    holds 60% of Sony Honda Mobility"; the clause keeps "... Sony Honda Mobility"."""
    for k in range(1, len(tokens) - 4):
        if tokens[k].text != "," or tokens[k + 1].lower not in ("a", "an", "the"):
            continue
        which = next(
            (
                i
                for i in range(k + 2, min(len(tokens) - 2, k + 8))
                if tokens[i].lower == "which" and tokens[i - 1].lower in PREPOSITIONS
            ),
            None,
        )
        if which is None or any(tok.text == "," for tok in tokens[k + 1 : which]):
            continue
        name_start = k
        while name_start > 0 and tokens[name_start - 1].text[:1].isupper():
            name_start -= 1
        if name_start == k:
            continue
        close = next((i for i in range(which + 1, len(tokens)) if tokens[i].text == ","),
                     len(tokens))
        body = trim(tokens[which + 1 : close])
        if not body or find_subject(body) is None:
            continue
        last = body[-1].lower
        share = last in ("%", "percent", "stake", "share") or last.endswith("%")
        preposition = "of" if share else tokens[which - 1].lower
        asides.append(body + [added_token(preposition)] + tokens[name_start:k])
        return tokens[:k] + tokens[close + 1 :]
    return tokens


def _take_with_phrase(tokens: list[Token], asides: list[list[Token]]) -> list[Token]:
    """", with a team of more than 1,500 people" at the end -> "X had a team of ..."."""
    for k in range(2, len(tokens) - 4):
        if tokens[k].text != "," or tokens[k + 1].lower != "with":
            continue
        if tokens[k + 2].lower not in ("a", "an"):
            continue
        rest = trim(tokens[k + 2 :])
        of = next((i for i in range(1, min(len(rest), 6)) if rest[i].lower == "of"), None)
        if of is None or not any(tok.text[:1].isdigit() for tok in rest[of + 1 : of + 5]):
            continue
        left = tokens[:k]
        subject = find_subject(left)
        verb = main_verb(left)
        if subject is None or verb is None:
            continue
        have = "had" if is_past(left[verb].lower) else "has"
        fronted = left[: subject[0]] if subject[0] > 0 else []
        if fronted and fronted[-1].text == ",":
            fronted = fronted[:-1]
        have_token = Token(have, tokens[k + 1].start, tokens[k + 1].end, True)
        asides.append(fronted + left[subject[0] : subject[1]] + [have_token] + rest)
        return left
    return tokens


_SPEECH_PARTICIPLES = {"saying": "said", "telling": "told", "adding": "added",
                       "noting": "noted", "warning": "warned", "arguing": "argued",
                       "concluding": "concluded", "insisting": "insisted",
                       "explaining": "explained", "claiming": "claimed"}


def _take_speech_participle(tokens: list[Token], asides: list[list[Token]]) -> list[Token]:
    """", telling MPs that ..." at the end -> "X told MPs that ...": what the subject said
    while doing the clause's deed is a claim of its own (past tense: "saying" -> "said")."""
    for k in range(3, len(tokens) - 3):
        if tokens[k].text != "," or tokens[k + 1].lower not in _SPEECH_PARTICIPLES:
            continue
        left = tokens[:k]
        subject = find_subject(left)  # (a subject needs the clause's verb)
        if subject is None:
            continue
        said = Token(_SPEECH_PARTICIPLES[tokens[k + 1].lower], tokens[k + 1].start,
                     tokens[k + 1].end, True)
        asides.append(left[subject[0] : subject[1]] + [said] + trim(tokens[k + 2 :]))
        return left
    return tokens


def _take_trailing_appositive(tokens: list[Token], asides: list[list[Token]]) -> list[Token]:
    """A final ", a/an/the ..." after a name describes the name; after a date, the subject."""
    k = max((i for i, tok in enumerate(tokens) if tok.text == ","), default=-1)
    if k < 2 or k + 2 >= len(tokens) or tokens[k + 1].lower not in ("a", "an", "the"):
        return tokens
    appositive = trim(tokens[k + 1 :])
    if len(appositive) < 3 or _names_it(appositive):
        return tokens  # "..., the SU7 sedan": a name, kept with the clause
    if _tells_an_event(appositive):
        return tokens  # "in May, a result that kept the pressure on": no "May was a result"
    if any(is_finite(appositive, i) for i in range(1, len(appositive))):
        if not _is_participle_phrase(appositive):
            return tokens
    left = tokens[:k]
    verb = main_verb(left)
    subject = find_subject(left)
    if verb is None or subject is None or verb > k:
        return tokens
    copula = added_token("was" if is_past(left[verb].lower) else "is")
    before = tokens[k - 1]
    if before.text[:1].isupper() and before.is_word and k - 1 > verb:
        start = k - 1
        while start - 1 > verb and tokens[start - 1].text[:1].isupper():
            start -= 1
        owner = tokens[start:k]
    elif DATE.search(before.text) or before.text[:1].isdigit():
        owner = left[subject[0] : subject[1]]
    else:
        return tokens
    asides.append(list(owner) + [copula] + appositive)
    return left


def _tells_an_event(appositive: Sequence[Token]) -> bool:
    """Whether an appositive's noun, before any clause or phrase of its own, is an act or a
    time ("a decision he announced", "the first trading day after the accident")."""
    for tok in appositive[1:]:
        if tok.lower in _APPOSITIVE_HEAD_ENDS or not tok.is_word:
            return False
        if tok.lower in EVENT_NOUNS:
            return True
    return False


_APPOSITIVE_HEAD_ENDS = RELATIVES | PREPOSITIONS | frozenset(
    {"that", "he", "she", "it", "they", "we", "ever", "known", "called", "named"})


def _names_it(appositive: Sequence[Token]) -> bool:
    """Whether an appositive is a name ("the SU7 sedan"), not a description ("the German
    brand", "a team of 2,000")."""
    if len(appositive) < 2 or appositive[0].lower != "the":
        return False
    word = appositive[1]
    return word.text[:1].isupper() and word.lower not in DEMONYMS


def _is_participle_phrase(tokens: Sequence[Token]) -> bool:
    """Whether the only verbs of an appositive are participles ("the brand revived by Foton")
    or infinitives ("the third company to do so")."""
    for i in range(1, len(tokens)):
        if tokens[i - 1].lower == "to":
            continue
        if is_finite(tokens, i):
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if not (tokens[i].lower.endswith("ed") and nxt in ("by", "in", "on", "at", "for")):
                return False
    return True


def _take_subject_appositive(tokens: list[Token], asides: list[list[Token]]) -> list[Token]:
    """"Kestrel Cycles, a Portland startup founded in 2019, launched ..." -> "Kestrel Cycles
    launched ..." and "Kestrel Cycles is a Portland startup founded in 2019"."""
    if len(tokens) < 6 or not tokens[0].text[:1].isupper():
        return tokens
    comma = next((i for i, tok in enumerate(tokens) if tok.text == ","), None)
    if comma is None or comma + 2 >= len(tokens) or not is_proper_name(tokens[:comma]):
        return tokens
    if tokens[comma + 1].lower not in ("a", "an", "the"):
        return tokens
    if _names_it(tokens[comma + 1 :]):
        return tokens  # "Its first car, the Afeela 1, ..." names, not describes
    close = next((i for i in range(comma + 2, len(tokens)) if tokens[i].text == ","), None)
    if close is None or close + 1 >= len(tokens):
        return tokens
    appositive = tokens[comma + 1 : close]
    if not _is_participle_phrase(appositive) or not starts_verb_phrase(tokens[close + 1 :]):
        return tokens
    name = tokens[:comma]
    asides.append(list(name) + [added_token("is")] + appositive)
    return name + tokens[close + 1 :]


def _split_coordination(tokens: list[Token]) -> list[Clause]:
    """Split at each ``and``/``but`` that joins two clauses or two verb phrases."""
    for j in range(1, len(tokens) - 1):
        if tokens[j].lower not in ("and", "but"):
            continue
        comma = tokens[j - 1].text == ","
        left = tokens[: j - 1] if comma else tokens[:j]
        right = tokens[j + 1 :]
        subject = find_subject(left)
        if subject is None or not right:
            continue
        own = find_subject(right)
        if comma and own is not None and not starts_verb_phrase(right):
            return [Clause(tuple(left)), *_split_coordination(right)]
        if starts_verb_phrase(right):
            if any(tok.lower in RELATIVES for tok in tokens[subject[1] : j]) and not comma:
                continue  # "a player who started 2023 outside the top 3,000 and finished the
                # year in the top 30": the verb phrase is the relative clause's
            shared = tokens[subject[0] : subject[1]]
            right = _resolve_object_it(left, subject, right)
            return [Clause(tuple(left)), *_split_coordination(list(shared) + right)]
    return [Clause(tuple(tokens))]


def _resolve_object_it(
    left: Sequence[Token], subject: tuple[int, int], right: list[Token]
) -> list[Token]:
    """"unveiled its first car, the SU7 sedan, ... and put it on sale" -> "put the SU7 sedan
    on sale": an object "it" in the second verb phrase is the object of the first."""
    k = 0
    while k < len(right) - 1 and is_adverb(right[k].lower):
        k += 1
    if k + 1 >= len(right) or right[k + 1].lower != "it":
        return right
    verb = main_verb(left)
    if verb is None or verb < subject[1]:
        return right
    start = verb + 1
    end = start
    while end < len(left) and left[end].is_word and left[end].lower not in PREPOSITIONS:
        end += 1
    if end == start or left[start].lower not in DETERMINERS:
        return right
    object_words = list(left[start:end])
    if end + 2 < len(left) and left[end].text == "," and left[end + 1].lower == "the":
        close = next((i for i in range(end + 2, len(left)) if left[i].text == ","), len(left))
        if left[end + 2].text[:1].isupper():
            object_words = list(left[end + 1 : close])  # the appositive names it
    phrase = join_tokens(object_words)
    first = phrase.split(" ", 1)[0]
    if first.lower() in DETERMINERS:
        phrase = first.lower() + phrase[len(first) :]
    return right[: k + 1] + [replacement_token(right[k + 1 : k + 2], phrase)] + right[k + 2 :]


# --------------------------------------------------------------------------------------------
# Repairs around the split: verbless clauses, typos, datelines, discourse markers
# --------------------------------------------------------------------------------------------


def repair_absolute(tokens: list[Token]) -> list[Token]:
    """Give a verbless "With the car rolling off the line." the verb: "The car was rolling ...".

    Only a verb that is surely finite keeps the clause as it is: the loose test of
    :func:`has_finite_verb` takes plurals ("new cars", "76 seconds") for verbs."""
    if len(tokens) < 4 or tokens[0].lower != "with":
        return tokens
    if any(is_finite(tokens, i) for i in range(len(tokens))):
        return tokens
    for k in range(2, min(len(tokens), 12)):
        word = tokens[k].lower
        if word.endswith("ing") and len(word) > 4 and tokens[k].text.islower():
            noun_phrase = tokens[1:k]
            if not is_noun_phrase(noun_phrase):
                return tokens
            head = noun_phrase[-1].lower
            verb = "were" if head.endswith("s") and not head.endswith("ss") else "was"
            return noun_phrase + [added_token(verb)] + tokens[k:]
    return tokens


def fix_case(tokens: list[Token]) -> list[Token]:
    """Lower-case a verb capitalised by mistake mid-sentence ("Xiaomi Planned to invest")."""
    out = list(tokens)
    for i in range(1, len(out) - 1):
        tok, nxt = out[i], out[i + 1]
        lower = tok.text.lower()
        if (
            tok.text[:1].isupper()
            and tok.text[1:].islower()
            and lower.endswith("ed")
            and is_verb_form(lower)
            and nxt.text[:1].islower()
        ):
            out[i] = Token(lower, tok.start, tok.end, tok.replaced)
    return out


def fix_its(tokens: list[Token]) -> list[Token]:
    """Read the common typo "its constantly working" as "it is constantly working"."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        after = tokens[i + 2].lower if i + 2 < len(tokens) else ""
        # "its working to" is the typo; "its working conditions" is a possessive.
        gerund = (is_adverb(nxt) and after.endswith("ing")) or (
            nxt.endswith("ing") and (after in PREPOSITIONS or after in DETERMINERS)
        )
        if tok.lower == "its" and gerund:
            out.append(Token(tok.text[:2], tok.start, tok.end))
            out.append(added_token("is"))
        else:
            out.append(tok)
    return out


def strip_dateline(tokens: list[Token]) -> list[Token]:
    """Drop a news dateline: "SHENZHEN, Jan 2 (Reuters) - China's BYD ..." -> "China's BYD ..."."""
    first = tokens[0].text if tokens else ""
    if len(first) < 3 or not first.isupper() or not first.isalpha():
        return tokens
    bracketed = False  # "(dpa)", "(Reuters)"
    for k in range(1, min(len(tokens) - 1, 14)):
        text = tokens[k].text
        if text in ("-", "\u2013", "\u2014", "--"):
            return tokens[k + 1 :]
        bracketed = (bracketed or text == "(") and text != ")"
        if tokens[k].is_word and text.islower() and not bracketed:
            break
    return tokens


def strip_markers(tokens: list[Token]) -> tuple[list[Token], bool, bool]:
    """Remove leading discourse markers; report judgement ("As we know") and restatement."""
    judgement = restatement = False
    while True:
        count = match_prefix(tokens, _MARKERS)
        if not count or count >= len(tokens):
            return tokens, judgement, restatement
        joined, _ = joined_lower(tokens[:count])
        judgement = judgement or bool(_JUDGEMENT_MARKERS.match(joined))
        restatement = restatement or bool(_RESTATEMENT_MARKERS.match(joined))
        tokens = tokens[count:]
