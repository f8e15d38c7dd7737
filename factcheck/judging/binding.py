"""Whether a passage that states a claim's figures and names binds them as the claim does.

"The WHO distributed food to more than 5,000 households" is not supported by "the WFP handed out
food to more than 5,000 households, and the WHO flew in medicine": every figure and name is
there, but the 5,000 belongs to the WFP's clause. Nor is "Derna's mayor, Al-Sour" supported by a
passage naming Al-Sour as prosecutor and someone else as the mayor. :func:`misbound` finds both,
from the clauses and titles of :mod:`factcheck.analysis.binding`; :func:`slot_swap` finds another
person or organisation in the role a claim's one plays for its verb ("Suni Williams radioed"
against "Wilmore radioed").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.analysis.binding import Parser, Structure
from factcheck.analysis.names import (
    TITLES,
    Name,
    NameIndex,
    NameKind,
    has_word,
    is_country,
    is_people,
    mentioned,
    name_key,
    same_name,
    spelled_out,
    within,
)
from factcheck.analysis.places import nested
from factcheck.analysis.quantities import QuantityKind, agree, extract_quantities, named_number
from factcheck.judging.compare import Comparison, own_outlet

_BOUND_KINDS = frozenset({NameKind.PERSON, NameKind.ORG, NameKind.PLACE})
"""Names whose clause is compared: who did it, and where."""


def misbound(claim_text: str, comparison: Comparison, names: NameIndex, parser: Parser) -> str:
    """How the passage binds the claim's names otherwise ("it names X as mayor, and Y as
    General Prosecutor"; "it ties 5,000 to the WFP, not the WHO"), or "" if it does not: a
    person whose title in the claim belongs to another person in the passage, or a figure stated
    alike but in a clause with another name of the kind of a claim name that stands beside it in
    the claim (and elsewhere in the passage)."""
    claim_names = [n for n in names.of(claim_text) if n.kind in _BOUND_KINDS]
    if not claim_names:
        return ""
    tied = affiliation_of_another(claim_text, comparison, names, parser)
    if tied:
        return tied
    passage = comparison.hit.passage.text
    # the passage's own publisher tells the news ("Reuters reported on 8 October", "CNN traced
    # the saga to February 2022"): it holds no fact of it
    source = comparison.hit.passage.source
    # (nor is a time zone a name: "12:01 a.m. ET")
    figures = [(q.start, q.end) for q in extract_quantities(passage)]
    passage_names = tuple(p for p in names.of(passage) if not own_outlet(p, source)
                          and not any(start <= p.start < end for start, end in figures))
    # Only a claim name the passage mentions can be bound otherwise, and only to a name of its
    # kind the claim lacks: without both, nothing is parsed.
    strangers = {p.kind for p in passage_names if not _named(p, claim_names)}
    present = {n.kind for n in claim_names if _named(n, passage_names)}
    swappable = strangers & present
    acting = any(strangers & _rival_kinds(kind) for kind in present & _AGENT_KINDS)
    if not acting and (not swappable
                       or NameKind.PERSON not in swappable and not comparison.matched):
        return ""  # no title or deed to give another, no figure to tie to another name
    claim_side, passage_side = parser.structure(claim_text), parser.structure(passage)
    return (_title_of_another(claim_names, passage_names, claim_side, passage_side)
            or _speaker_of_another(claim_names, passage_names, claim_side, passage_side)
            or comparison.matched and _figure_of_another(
                claim_text, comparison, names.of(claim_text), passage_names, claim_side,
                passage_side)
            or _deed_of_another(claim_names, passage_names, claim_side, passage_side, claim_text)
            or _role_of_another(claim_names, passage_names, claim_side, passage_side,
                                claim_text, passage))


def _led(side: Structure, name: Name) -> set[tuple[str, str]]:
    """The name's slots, with the verbs of leading as one ("headed by" is "led by")."""
    return {(_LEADING.get(verb, verb), role) for verb, role in side.slots(_span(name))}


_LEADING = {"head": "lead", "chair": "lead", "helm": "lead", "direct": "lead"}
# "coordinated by Social Development Minister": a passive "by", titles between it and the name
_BY_BEFORE = re.compile(r"\b\w+(?:ed|en)\s+by\s+(?:[\w.-]+\s+){0,4}$")


def _role_of_another(claim_names: list[Name], passage_names: tuple[Name, ...],
                     claim_side: Structure, passage_side: Structure, claim_text: str,
                     passage: str) -> str:
    """The role the claim gives one of its people or organisations, given in the passage to
    another of its kind, while the passage names the claim's one only in another role: "the
    committee is coordinated by Finance Minister Mario Marcel" against "coordinated by Social
    Development Minister Javiera Toro ... Its other members were ... Mario Marcel". Only a
    role after a passive "by" (who leads, heads, coordinates it): one a passage fills once."""
    for name in (n for n in claim_names if n.kind in _AGENT_KINDS
                 and _BY_BEFORE.search(claim_text, max(0, n.start - 60), n.start)):
        wanted = {(verb, role) for verb, role in _led(claim_side, name)
                  if verb not in _REPORTING and verb not in _LINKING}
        own = [p for p in passage_names if same_name(name, p)]
        if not wanted or not own or any(wanted & _led(passage_side, p) for p in own):
            continue
        for other in passage_names:
            if (other.kind not in _rival_kinds(name.kind) or _named(other, claim_names)
                    or is_people(other)
                    or not _BY_BEFORE.search(passage, max(0, other.start - 60), other.start)):
                continue
            shared = sorted(wanted & _led(passage_side, other))
            if shared:
                verb, role = shared[0]
                return (f"it names {other.text} {_role_place(role)} ('{verb}'), and {name.text} "
                        f"only in another role")
    return ""


def _speaker_of_another(claim_names: list[Name], passage_names: tuple[Name, ...],
                        claim_side: Structure, passage_side: Structure) -> str:
    """What a claim's person says, said in the passage by another person, while the claim's one
    says something else there ("Fuller said there was no pier left" against "Fuller said no
    deaths had been confirmed ... Taylor said there was no pier left")."""
    for person in (n for n in claim_names if n.kind is NameKind.PERSON):
        words = claim_side.reported(_span(person))
        if len(words) < 2:
            continue
        own = [passage_side.reported(_span(p)) for p in passage_names if same_name(person, p)]
        if not own or any(len(words & said) >= 2 for said in own):
            continue  # the passage does not quote them, or quotes them saying it too
        for other in passage_names:
            said = passage_side.reported(_span(other))
            if (other.kind is NameKind.PERSON and not _named(other, claim_names)
                    and len(words & said) >= 2 and len(words & said) * 5 >= len(said) * 3):
                return f"it has {other.text} say that, not {person.text}"
    return ""


def quote_of_another(claim_text: str, comparison: Comparison, names: NameIndex,
                     parser: Parser) -> str:
    """What a claim's person, whom the passage does not name, says, said there by another
    person ("Warner Cheuk said an SMS alert would only have stated the obvious" against "Chris
    Tang said a citywide SMS alert was unnecessary"), or ""."""
    passage = comparison.hit.passage.text
    claim_names, passage_names = names.of(claim_text), names.of(passage)
    absent = [n for n in claim_names if n.kind is NameKind.PERSON
              and not _named(n, passage_names)]
    if not absent:
        return ""
    claim_side, passage_side = parser.structure(claim_text), parser.structure(passage)
    for person in absent:
        words = claim_side.reported(_span(person))
        if len(words) < 3:
            continue
        for other in passage_names:
            said = passage_side.reported(_span(other))
            shared = len(words & said)
            if (other.kind is NameKind.PERSON and not _named(other, claim_names)
                    and shared >= 3 and 2 * shared >= len(words)):
                return f"it has {other.text} say that, not {person.text}"
    return ""


def _deed_of_another(claim_names: list[Name], passage_names: tuple[Name, ...],
                     claim_side: Structure, passage_side: Structure, claim_text: str) -> str:
    """What a claim's person or organisation does, done in the passage by another of its kind
    while the claim's one does something else there ("the National Committee approved emergency
    aid ..., while the Gendarmerie sent patrols" against "the Gendarmerie approved emergency
    aid")."""
    deeds = {p: passage_side.deed(_span(p)) for p in passage_names if p.kind in _AGENT_KINDS}
    for name in (n for n in claim_names if n.kind in _AGENT_KINDS):
        wanted = claim_side.deed(_span(name))
        if len(wanted) < 3:
            continue
        # the passage must tell what the claim's one did there: a name it only mentions may
        # belong to the other ("Romania" beside "the National Committee")
        own = [deed for p, deed in deeds.items() if deed and same_name(name, p)]
        if not own:
            continue
        own_share = max(len(wanted & deed) for deed in own)
        # ("the 37-year-old Ukrainian" is someone described, maybe the claim's one)
        # (nor is one the claim names itself, typed otherwise there: "Billie Jean King")
        rivals = [(len(wanted & deed), other) for other, deed in deeds.items()
                  if other.kind in _rival_kinds(name.kind) and not _named(other, claim_names)
                  and not is_people(other) and not mentioned(other, claim_text)]
        shared, other = max(rivals, key=lambda pair: pair[0], default=(0, None))
        if other is not None and shared >= 3 and 2 * shared >= len(wanted) \
                and 3 * own_share <= shared:
            return f"it tells that of {other.text}, not {name.text}"
    return ""


_AGENT_KINDS = frozenset({NameKind.PERSON, NameKind.ORG, NameKind.PLACE})


def _rival_kinds(kind: NameKind) -> frozenset[NameKind]:
    """The kinds of name that may do what one of ``kind`` does: a person's deed is another
    person's; an organisation's may be told of a country or a body typed a place, and back
    ("the Gendarmerie")."""
    return frozenset({NameKind.PERSON}) if kind is NameKind.PERSON else _AGENT_KINDS - {
        NameKind.PERSON}


def _title_of_another(claim_names: list[Name], passage_names: tuple[Name, ...],
                      claim_side: Structure, passage_side: Structure) -> str:
    """A claim person's title that the passage gives another person, while it gives the claim's
    one another title."""
    for person in (n for n in claim_names if n.kind is NameKind.PERSON):
        wanted = set(claim_side.title(_span(person)))
        own = [_span(p) for p in passage_names if same_name(person, p)]
        titled = [span for span in own if passage_side.title(span)]
        if not wanted or not titled or any(wanted <= set(passage_side.title(s)) for s in own):
            continue
        for other in passage_names:
            if (other.kind is NameKind.PERSON and not _named(other, claim_names)
                    and wanted <= set(passage_side.title(_span(other)))):
                return (f"it names {other.text} as {passage_side.title_text(_span(other))}, "
                        f"and {person.text} as {passage_side.title_text(titled[0])}")
    return ""


def _figure_of_another(claim_text: str, comparison: Comparison, every_claim_name: Sequence[Name],
                       passage_names: tuple[Name, ...], claim_side: Structure,
                       passage_side: Structure) -> str:
    """A figure stated alike whose clause in the passage has another name of the kind of a claim
    name that shares its clause in the claim (the claim's name standing elsewhere)."""
    passage = comparison.hit.passage.text
    claim_names = [n for n in every_claim_name if n.kind in _BOUND_KINDS]
    claim_spans = [_span(n) for n in every_claim_name]
    passage_spans = [_span(n) for n in passage_names]
    for claim_q, passage_q in comparison.matched:
        at, there = (claim_q.start, claim_q.end), (passage_q.start, passage_q.end)
        if (_within(at, claim_spans) or _within(there, passage_spans)
                or named_number(claim_text, at[0]) or named_number(passage, there[0])
                or claim_q.kind is QuantityKind.DATE and (
                    _DATES_THE_THING.search(claim_text, 0, at[0])
                    or _EDITION_BEFORE.search(claim_text, 0, at[0])
                    and _NOUN_AFTER.match(claim_text, at[1]))):
            # a figure in a name ("Euro 2024", "Paris 2024 Olympics") binds nothing, nor a date
            # telling which event ("the eclipse of 8 April 2024", "for the 2022 tournament")
            continue
        # the passage may state the figure twice ("scoring 49 points ... Those 49 points were a
        # record, one more than the 48 Gustafson scored"): tied to another only if every time
        alike = [passage_q, *(q for q in extract_quantities(passage)
                              if q.start != passage_q.start and agree(claim_q, q))]
        ties = [_tie_of_another(claim_text, at, (q.start, q.end), claim_names, passage_names,
                                claim_side, passage_side, passage) for q in alike]
        first = ties[0]
        if first is not None and all(ties):
            return f"it ties {passage_q.surface} to {first[0]}, not {first[1]}"
    return ""


def _tie_of_another(claim_text: str, at: tuple[int, int], there: tuple[int, int],
                    claim_names: Sequence[Name], passage_names: tuple[Name, ...],
                    claim_side: Structure, passage_side: Structure,
                    passage: str) -> tuple[str, str] | None:
    """The other name the passage's clause binds the figure at ``there`` to, and the claim's
    name it stands for; or None."""
    beside = [p for p in passage_names if passage_side.together(_span(p), there)]
    for name in claim_names:
        if not claim_side.together(_span(name), at) or not _named(name, passage_names):
            continue
        if any(p.kind is name.kind and (_named(p, claim_names) or within(name, p))
               for p in beside):
            # the passage binds the figure to the claim's name of that kind (or to a longer
            # name holding it: "Amazon Europe Core" for "Amazon")
            continue
        # (the one who says it is no owner of the figure: "Matsuno said the funeral would cost
        # 1.66 billion yen" tells the cost of Abe's funeral)
        others = [p for p in beside if p.kind is name.kind and not _named(p, claim_names)
                  and not mentioned(p, claim_text) and not spelled_out(p, claim_text)
                  and _firm(p, passage_names, passage)
                  and not passage_side.speaks(_span(p), there)
                  # (a figure is its subject's: "led the company from 2012, the year it
                  # separated from Royal Mail" ties 2012 to no Royal Mail; a place is where)
                  and (p.kind is NameKind.PLACE or passage_side.acts(_span(p)))
                  # (a person's name after "at" names a venue: "14 at Roland Garros")
                  and not (p.kind is NameKind.PERSON
                           and _AT_BEFORE.search(passage, max(0, p.start - 10), p.start))
                  and not (p.kind is NameKind.PLACE and (
                      _REGION.match(passage, p.end)
                      # a country is no rival of a city it holds ("rallies brought Greece to
                      # a halt" on the day of the claim's rallies in Athens), nor the other
                      # way round (Malaysia is one of Wichita's)
                      or nested(p.key, name.key)))]
        if others:
            return others[0].text, name.text
    return None


_AT_BEFORE = re.compile(r"\bat\s+(?:the\s+)?$")
# "in the Olomouc region", "Galați County": an area holding the claim's place, not a rival of it
_REGION = re.compile(r"\s*(?:region|county|province|state|district|prefecture|department|"
                     r"oblast|voivodeship|governorate|municipality|canton|territory)\b",
                     re.IGNORECASE)
_EDITION_BEFORE = re.compile(r"\b(?:the|its|their|his|her|this|that)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_DATES_THE_THING = re.compile(r"\b(?!(?:end|start|beginning|middle|morning|evening|night)\b)"
                              r"[a-z]+\s+of\s+$")


def affiliation_of_another(claim_text: str, comparison: Comparison, names: NameIndex,
                           parser: Parser) -> str:
    """How the passage ties one of the claim's people or organisations to another team, employer or
    party than the claim does ("it calls Bonmatí FC Barcelona's, where the claim has Real
    Madrid"), or "": the claim ties the name to one (see :meth:`Structure.affiliations`), the
    passage ties it to others, none of them the claim's, and one of them the claim never
    names. A tie to a place or a nationality ("Spain's Bonmatí") is no membership."""
    claim_names = names.of(claim_text)
    passage = comparison.hit.passage.text
    passage_names = names.of(passage)
    # nothing to parse unless the passage names a body the claim does not (a one-word
    # "person" may be a firm: "Bernstein analyst")
    if not any(p.kind is NameKind.ORG or p.kind is NameKind.PERSON and " " not in p.key
               for p in passage_names if not _named(p, claim_names)):
        return ""
    claim_side: Structure | None = None
    passage_side: Structure | None = None
    for name in claim_names:
        if name.kind not in _AFFILIATED_KINDS or not name.text[:1].isupper():
            continue  # (the corpus's "Young Player" found in "the best young player")
        own = [p for p in passage_names if p.kind is name.kind and same_name(name, p)]
        if not own:
            continue
        claim_side = claim_side or parser.structure(claim_text)
        claimed = _member_of(claim_side.affiliations(_span(name), verbal=True), claim_text,
                             claim_names)
        if not claimed:
            continue
        passage_side = passage_side or parser.structure(passage)
        given = [tie for p in own for tie in _member_of(passage_side.affiliations(_span(p)),
                                                         passage, passage_names)
                 if not _same_body(tie, name.text)]  # "the Marine Board of Investigation (MBI)"
        if not given or any(_same_body(a, b) for a in claimed for b in given):
            continue
        # a unit of the claim's body, which the passage names too, is no other body ("an
        # English Department student" of a university the passage names)
        within = any(has_word(a.lower(), passage.lower()) for a in claimed)
        strangers = [b for b in given if not has_word(b.lower(), claim_text.lower())
                     and not (within and _SUBUNIT.search(b))]
        if strangers:
            return (f"it ties {name.text} to {strangers[0]}, where the claim ties them to "
                    f"{claimed[0]}")
    return ""


_SUBUNIT = re.compile(r"\b(?:department|faculty|division|unit|branch|office|wing|chapter)\b",
                      re.IGNORECASE)
_AFFILIATED_KINDS = frozenset({NameKind.PERSON, NameKind.ORG})
_NOT_MEMBERSHIP = frozenset({NameKind.PLACE, NameKind.GROUP})


def _member_of(spans: Sequence[tuple[int, int]], text: str, text_names: Sequence[Name]
               ) -> list[str]:
    """The tied words that name what someone belongs to: not a place or nationality, a title
    ("President"), a person's full name ("Secretary Larry Summers") or a possessive ("Viktor
    Orban's governing party"). A one-word "person" may be a firm ("Bernstein analyst")."""
    found = []
    for start, end in spans:
        inside = [n for n in text_names if n.start < end and start < n.end]
        if any(n.kind in _NOT_MEMBERSHIP or n.kind is NameKind.PERSON and (
                " " in n.key or text.startswith(("'s", "’s"), end)) for n in inside):
            continue
        words = _body_words(text[start:end])
        if words and not words <= TITLES:
            found.append(text[start:end])
    return found


def _same_body(a: str, b: str) -> bool:
    """Whether two tied names name one body, or one a part of the other: the words of one
    within the other's, a country aside ("Inter" and "Inter Milan", "Barcelona" and "FC
    Barcelona", "US Coast Guard" and "First Coast Guard District"), or one abbreviating the
    other."""
    x, y = _body_words(a), _body_words(b)
    return bool(x and y) and (x <= y or y <= x) or same_name(
        Name(a, NameKind.ORG, 0, len(a), name_key(a, NameKind.ORG)),
        Name(b, NameKind.ORG, 0, len(b), name_key(b, NameKind.ORG)))


def _body_words(text: str) -> set[str]:
    words = re.findall(r"[\w'’.-]+", text.lower())
    return {w for w in words if w != "the" and not is_country(w)}


def _span(name: Name) -> tuple[int, int]:
    return name.start, name.end


def _named(name: Name, names: Sequence[Name]) -> bool:
    return any(same_name(name, other) for other in names)


def _firm(name: Name, names: tuple[Name, ...], text: str) -> bool:
    """Whether ``name`` can stand in another's place: not a possessor ("Lyles's teammate"),
    typed alike wherever the passage mentions it, and like the names it is listed with
    ("between Leicester and Burton": a town typed a person) (the recogniser is unsure
    otherwise)."""
    return (not text.startswith(("'s", "’s"), name.end) and not name.text.endswith(("'s", "’s"))
            and name.key.removeprefix("the ") not in _WORLDS
            and all(other.kind is name.kind for other in names if same_name(name, other)
                    or _LISTED.fullmatch(text[other.end:name.start])
                    or _LISTED.fullmatch(text[name.end:other.start])))


_LISTED = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*")


# A world holds every place on it: "back to Earth" is no rival of "the Gulf of Mexico".
_WORLDS = frozenset({"earth", "moon", "mars", "space", "world"})


def _within(span: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def slot_swap(claim_text: str, comparison: Comparison, names: NameIndex, parser: Parser) -> str:
    """How a passage that lacks one of the claim's people or organisations puts another of that
    kind in its place: the same role of the same verb ("Suni Williams radioed" against "Wilmore
    radioed"; "flown by United Launch Alliance" against "flown by SpaceX"), or ""."""
    missing: list[tuple[Name, frozenset[NameKind]]] = [
        (n, _PLACE_KINDS if n.kind is NameKind.PLACE else frozenset({n.kind}))
        for n in comparison.missing_names if _swappable(n)]
    for entity in comparison.missing_entities:  # a name the recogniser missed ("Wilmore")
        at = claim_text.find(entity)
        if at >= 0 and not any(n.start <= at < n.end for n in comparison.missing_names):
            missing.append((Name(entity, NameKind.THING, at, at + len(entity), entity.lower()),
                            _SWAPPED_KINDS))
    if not missing:
        return ""
    passage = comparison.hit.passage.text
    claim_names, passage_names = names.of(claim_text), names.of(passage)
    strangers = [p for p in passage_names if _swappable(p)
                 and not _named(p, claim_names) and _firm(p, passage_names, passage)]
    if not strangers:
        return ""
    claim_side, passage_side = parser.structure(claim_text), parser.structure(passage)
    for name, kinds in missing:
        wanted = claim_side.slots(_span(name))
        for other in (p for p in strangers if p.kind in kinds):
            # saying something is no deed of the event: anyone quoted "said" it
            # a place is where: swapped only after the same preposition of the same verb
            # ("hosted the keynote in San Jose" against "hosted it in Cupertino")
            shared = sorted((verb, role) for verb, role in wanted & passage_side.slots(
                _span(other)) if verb not in _REPORTING and verb not in _LINKING
                and (name.kind is not NameKind.PLACE or role in _PLACE_ROLES))
            if shared:
                verb, role = shared[0]
                return (f"it names {other.text} where the claim names {name.text}, "
                        f"{_role_place(role)} ('{verb}')")
    return ""


def _role_place(role: str) -> str:
    """A slot of :meth:`Structure.slots` in words ("as the one who did it", "after 'from'")."""
    return ("as the one who did it" if role == "subject" else
            "as the one it was done to" if role == "object" else
            f"after '{role.split(':')[1]}'")


def _swappable(name: Name) -> bool:
    """Whether a name can be put in another's role: a person, an organisation, or a place short
    of a country (a country may hold the other place)."""
    return name.kind in _SWAPPED_KINDS or name.kind is NameKind.PLACE and not is_country(name.key)


def speaker_only(name: Name, text: str, parser: Parser) -> bool:
    """Whether the name does nothing in ``text`` but say something ("Kent Walker said"): a
    speaker quoted on an event takes no participant's place in it."""
    structure = parser.structure(text)
    slots = structure.slots(_span(name))
    return (bool(slots) and all(verb in _REPORTING and role == "subject" for verb, role in slots)
            and not structure.speaks_of_itself(_span(name)))


_REPORTING = frozenset({"say", "tell", "add", "state", "note", "write", "report", "claim",
                        "comment", "speak", "declare", "testify", "warn", "argue", "insist",
                        "explain", "recall", "acknowledge", "admit", "suggest", "predict", "ask",
                        "urge"})
# Verbs whose subject's role is told by what follows them ("Jason Child is Arm's finance chief",
# "Masayoshi Son is SoftBank's founder"): a shared verb puts no two names in one role.
_LINKING = frozenset({"be", "have", "become", "remain", "seem"})
# spaCy's small model often types a town as an organisation ("from Sapporo").
_PLACE_KINDS = frozenset({NameKind.PLACE, NameKind.ORG})
_PLACE_ROLES = frozenset({"prep:in", "prep:at", "prep:from", "prep:to", "prep:near", "subject"})
_SWAPPED_KINDS = frozenset({NameKind.PERSON, NameKind.ORG})
"""Names a passage can put in another's role: people and organisations (places are where)."""
