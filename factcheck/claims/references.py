"""Reference resolution (decontextualisation): "the company", "it", "he", "the country", "the
factory" and "at that time" become what earlier sentences named, and quotes become reported
speech ("Lei Jun said that Xiaomi will ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.claims.entities import NAME_PARTICLES, Entities, EntityKind
from factcheck.claims.grammar import (
    Token,
    added_token,
    find_subject,
    is_possessive,
    is_proper_name,
    join_tokens,
    joined_lower,
    match_prefix,
    replacement_token,
    strip_possessive,
    trim,
)
from factcheck.claims.lexicon import (
    AGREEMENT,
    COMPANY_SUFFIXES,
    CORPORATE,
    DEMONYMS,
    DETERMINERS,
    FACILITIES,
    FUNCTION_WORDS,
    I_FORMS,
    NATIONALITY_NOUNS,
    NON_ANAPHORIC,
    ORDINALS,
    ORG_WORDS,
    PERSON_TITLES,
    PHASES,
    PLACE_HEADS,
    PRONOUN_SUBJECTS,
    RELATIVES,
    SPEECH_VERBS,
    VERSIONS,
    WE_FORMS,
)
from factcheck.claims.segment import Sentence

_EXPLETIVE_IT = re.compile(
    r"^it (?:is|was|seems|seemed|appears|appeared|has been|had been|will be|would be|"
    r"remains|remained) (?:\w+ )?(?:that|whether|if)\b"
    r"|^it (?:is|was|will be|would be) (?!\w+ed\b)\w+ (?:to|for)\b"
    r"|^it (?:is|was) (?:also |still )?(?:where|when|why|how|what)\b"
    r"|^it (?:\w+ly )?(?:looks|looked|seems|seemed|feels|felt|sounds|sounded)\b"
    r"|^it (?:takes|took) \w+ \w+ to\b"
    r"|^it (?:is|was|has been|will be) (?:a|an|the) (?:\w+ ){0,2}"
    r"(?:time|moment|day|week|month|year|period|era|story|sign|question|matter)\b"
    # "it was a quarter of an hour before ...", "it was 20 years since ...": a lapse of time
    r"|^it (?:is|was|has been|had been|will be|would be) (?:[\w,.-]+ ){1,5}?"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?) "
    r"(?:before|after|until|till|since|later|earlier)\b"
)
_LAST_DATE = re.compile(
    r"(?<![\d.,])\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?:\d{1,2},?\s+)?"
    r"(?:1[89]\d{2}|20\d{2})|Q[1-4]\s+(?:1[89]\d{2}|20\d{2})|(?:1[89]\d{2}|20\d{2}))\b(?![.,]\d)"
)
_TIME_ANAPHORA = re.compile(r"(?:at|around|by) (?:that|the|this) time ,")
# "the company", "the Chinese tech giant", "the U.S. company", "a Chinese tech giant"
_ORG_REFERENCE = re.compile(
    r"^the (?:(?:chinese|american|japanese|korean|german|tech|technology|smartphone|phone|"
    r"electronics|consumer|car|ev|[\w.&-]+) ){0,3}"
    r"(?:company|firm|group|giant|maker|manufacturer|automaker|carmaker|startup|brand|"
    r"conglomerate|corporation|vendor)(?:'s)?$"
    r"|^an? (?:(?:chinese|american|japanese|korean|german|tech|technology|smartphone|phone|"
    r"electronics|consumer) ){1,3}(?:giant|maker)$"
)
# "the country", "the Nordic country", "the Gulf state": a region's adjective may qualify it
_COUNTRY_REFERENCE = re.compile(
    r"^the (?:(?:nordic|scandinavian|baltic|balkan|gulf|asian|african|european|caribbean|"
    r"pacific|arab|alpine|himalayan|mediterranean|andean|island|oil-rich|landlocked|"
    r"south(?:east)? asian|east african|west african|north african|central asian|latin american|"
    r"south american|central american|middle eastern) )?(?:country|nation)(?:'s)?$"
    r"|^the (?:nordic|scandinavian|baltic|balkan|gulf|himalayan|island) state(?:'s)?$")
_CITY_REFERENCE = re.compile(r"^the city(?:'s)?$")
_STORM_REFERENCE = re.compile(r"^the (?:storm|cyclone|typhoon|hurricane)(?:'s)?$")

_ANTECEDENT_KINDS = (EntityKind.ORGANISATION, EntityKind.PLACE, EntityKind.THING, EntityKind.PHRASE)


@dataclass(slots=True)
class _Facility:
    """The last factory, plant or site the article gave an owner: "its first car plant"."""

    owner: str
    noun: str
    where: str
    sentence: int
    seen: int  # the last sentence that mentioned it


@dataclass(slots=True)
class Context:
    """What earlier sentences established: dates, subjects, facilities, who "it" is."""

    entities: Entities
    apostrophe: str
    last_date: str | None = None
    last_subject: tuple[str, EntityKind] | None = None
    facility: _Facility | None = None
    # noun -> (owner, words locating it, sentence index), e.g. unit -> (Xiaomi, "", 4)
    introduced: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    # organisations resolved as clause subjects: (sentence, offset, name)
    subjects: list[tuple[int, int, str]] = field(default_factory=list)
    index: int = 0
    offset: int = 0
    # the employer of a person who is the clause subject: "Wang Chuanfu, BYD's founder, said
    # the company ..." means BYD, whoever was named last
    speaker_org: str | None = None
    # proper-name subjects of main clauses, latest last: (sentence, name, kind); "he"/"she"
    # mean one of these, never a name seen only in a side clause or an "according to X"
    named_subjects: list[tuple[int, str, EntityKind]] = field(default_factory=list)
    # the clause subject being resolved was "its X": its owner stays what "it" means
    its_subject: bool = False
    # the sentence whose clause gave ``last_subject``
    last_subject_sentence: int = -1

    def start_sentence(self, sentence: Sentence) -> None:
        """Resolve the next clauses as words of ``sentence`` (its index and article offset)."""
        self.index, self.offset = sentence.index, sentence.start

    def finish_sentence(self, sentence: Sentence) -> None:
        """Note the last date a sentence names, for a later "at that time"."""
        dates = _LAST_DATE.findall(sentence.text)
        if dates:
            self.last_date = " ".join(dates[-1].split())

    # ----------------------------------------------------------------------------------------
    # References
    # ----------------------------------------------------------------------------------------

    def _possessive(self, name: str) -> str:
        """"Xiaomi" -> "Xiaomi's"; "Nordvik Motors" -> "Nordvik Motors'"."""
        return name + self.apostrophe + ("" if name.endswith("s") else "s")

    def _organisation(self, offset: int) -> str | None:
        if self.speaker_org:
            return self.speaker_org
        return self.entities.organisation_at(self.index, offset, self.subjects)

    def _it_means(self, offset: int) -> str | None:
        """"It" as a subject: the last subject if "it" can stand for it, else the organisation."""
        if self.last_subject is not None and self.last_subject[1] in _ANTECEDENT_KINDS:
            return self.last_subject[0]
        return self._organisation(offset)

    def resolve_time(self, tokens: list[Token]) -> list[Token]:
        """"At that time, X ..." -> "In March 2021, X ..." when an earlier date is known."""
        count = match_prefix(tokens, _TIME_ANAPHORA)
        if not count or not self.last_date:
            return tokens
        original = tokens[: count - 1]
        replacement = Token(f"in {self.last_date}", original[0].start, original[-1].end, True)
        return [replacement] + tokens[count - 1 :]

    def resolve(self, tokens: list[Token]) -> list[Token]:
        """Replace references to earlier entities by their names."""
        subject = find_subject(tokens)
        self.speaker_org = None
        self.its_subject = False
        if subject is not None:
            tokens = self._resolve_subject(tokens, *subject)
            person = _antecedent(tokens[subject[0] : subject[1]])
            if person and self._kind(person) is EntityKind.PERSON:
                self.speaker_org = self.entities.employers.get(self.entities.display(person))
        elif tokens and tokens[0].lower == "its" and not tokens[0].replaced:
            name = self._it_means(_offset(tokens, 0, self.offset))
            if name:
                tokens = [replacement_token(tokens[:1], self._possessive(name)), *tokens[1:]]
        return self._resolve_descriptions(tokens)

    def _resolve_subject(self, tokens: list[Token], start: int, end: int) -> list[Token]:
        """Resolve the clause subject: "the company", "it", "he", "the country", "the city",
        "its X", "his X" and definite descriptions (:meth:`_resolve_definite_subject`)."""
        words = tokens[start:end]
        joined, _ = joined_lower(words)
        offset = _offset(tokens, start, self.offset)
        possessive = is_possessive(words[-1].text)

        def swap(name: str, kind: EntityKind | None = None) -> list[Token]:
            text = self._possessive(name) if possessive else name
            if kind is EntityKind.ORGANISATION and not possessive:
                self.subjects.append((self.index, offset, name))
            return tokens[:start] + [replacement_token(words, text)] + tokens[end:]

        if _ORG_REFERENCE.match(joined) and not _is_appositive(tokens, start) and not (
            {tok.lower for tok in words[1:-1]} & NON_ANAPHORIC
        ) and not _named_inside(words[1:-1]):
            org = self._organisation(offset)
            return swap(org, EntityKind.ORGANISATION) if org else tokens
        if joined == "it" and not _EXPLETIVE_IT.match(joined_lower(tokens[start:])[0]):
            name = self._it_means(offset)
            if name and _owns_later(name, tokens[end:]):
                return tokens  # "It was Australia's sixth title": "it" is the win, not Australia
            return swap(name, self._kind(name)) if name else tokens
        if joined in ("he", "she"):
            person = self.person_subject()
            return swap(person) if person else tokens
        if _COUNTRY_REFERENCE.match(joined):
            country = self.entities.country_at(self.index, offset)
            return swap(country) if country else tokens
        if _STORM_REFERENCE.match(joined):
            storm = self.entities.storm_before(offset)
            return swap(storm) if storm else tokens
        if _CITY_REFERENCE.match(joined):
            city = self.entities.city_before(offset)
            return swap(city) if city else tokens
        if words[0].lower == "its" and not words[0].replaced and len(words) > 1:
            return self._resolve_its_subject(tokens, start, end, offset)
        if words[0].lower in ("his", "her") and not words[0].replaced and len(words) > 1:
            # "His runner-up cheque came to $2.16m": whose, by the rule for "he"/"she"
            person = self.person_subject()
            if person is None:
                return tokens
            owner = replacement_token(words[:1], self._possessive(person))
            return tokens[:start] + [owner, *words[1:]] + tokens[end:]
        if words[0].lower != "the" or words[0].replaced:
            return tokens
        return self._resolve_definite_subject(tokens, start, end, offset)

    def _resolve_definite_subject(
        self, tokens: list[Token], start: int, end: int, offset: int
    ) -> list[Token]:
        """"The factory" -> "Xiaomi's factory"; "The plant's first phase" / "the second
        phase" -> "... of Xiaomi's plant"; "the standard version" -> "... of the SU7"; "the
        unit" after "a unit" in the sentence before -> "Xiaomi's unit"."""
        words = tokens[start:end]
        head = words[-1].lower
        possessive = is_possessive(words[-1].text)
        bare_head = strip_possessive(head)
        facility = self.facility
        if len(words) == 2 and bare_head in FACILITIES and facility is not None:
            owner = replacement_token(words[:1], self._possessive(facility.owner))
            near = self.index - facility.sentence <= 1 and facility.where and not possessive
            added = [added_token(facility.where)] if near else []
            return tokens[:start] + [owner, words[1], *added] + tokens[end:]
        if len(words) > 2 and is_possessive(words[1].text) and facility is not None and (
            strip_possessive(words[1].lower) in FACILITIES
        ):  # "The plant's first phase" -> "The first phase of Xiaomi's plant"
            of = Token(
                f"of {self._possessive(facility.owner)} {strip_possessive(words[1].text)}",
                words[1].start, words[1].end, True,
            )
            return tokens[:start] + [words[0], *words[2:], of] + tokens[end:]
        if (
            len(words) == 3
            and words[1].lower in ORDINALS
            and head in PHASES
            and facility is not None
            and self.index - facility.seen <= 2
            and not any(tok.lower in FACILITIES for tok in tokens)
        ):  # "the second phase" of the plant being discussed
            of = added_token(f"of {self._possessive(facility.owner)} {facility.noun}")
            return tokens[:end] + [of] + tokens[end:]
        followed_by_of = end < len(tokens) and tokens[end].lower == "of"
        if head in VERSIONS and len(words) <= 4 and not followed_by_of:
            thing = self.entities.thing_before(self.index, offset)
            if thing:
                return tokens[:end] + [added_token(f"of the {thing}")] + tokens[end:]
            return tokens
        if len(words) == 2 and head in self.introduced:
            owner_name, where, seen = self.introduced[head]
            if self.index - seen <= 1:
                name = replacement_token(words[:1], self._possessive(owner_name))
                added = [added_token(where)] if where else []
                return tokens[:start] + [name, words[1], *added] + tokens[end:]
        return tokens

    def _resolve_its_subject(
        self, tokens: list[Token], start: int, end: int, offset: int
    ) -> list[Token]:
        """"Its goal" -> "Xiaomi's goal"; "Its first phase" after "the plant" -> "The first
        phase of Xiaomi's plant"."""
        words = tokens[start:end]
        self.its_subject = True
        if any(tok.lower in CORPORATE for tok in words[1:]):
            # "Its rival VanMoof": a company's rival; "Its first car" opening the sentence after
            # "... Sony Honda Mobility, a joint venture ...": the company just described
            opens = offset == self.offset and self.index > 0
            introduced = self.entities.introduced_in(self.index - 1) if opens else None
            name = introduced or self._organisation(offset)
        else:
            name = self._it_means(offset)
        if not name:
            return tokens
        if self._kind(name) is EntityKind.PHRASE and " " in name:
            the = Token("the", words[0].start, words[0].end, True)
            of = added_token(f"of {name}")
            return tokens[:start] + [the, *words[1:], of] + tokens[end:]
        its = replacement_token(words[:1], self._possessive(name))
        return tokens[:start] + [its, *words[1:]] + tokens[end:]

    def _resolve_descriptions(self, tokens: list[Token]) -> list[Token]:
        """Resolve "the company/firm/group", "the country", "the city" and "the factory"
        wherever they occur ("a challenge to the company", "the country's car market")."""
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.lower != "the" or tok.replaced or i + 1 >= len(tokens):
                out.append(tok)
                i += 1
                continue
            noun = tokens[i + 1]
            bare = strip_possessive(noun.lower)
            after = tokens[i + 2].lower if i + 2 < len(tokens) else ""
            suffix = self.apostrophe + "s" if is_possessive(noun.text) else ""
            offset = _offset(tokens, i, self.offset)
            name: str | None = None
            if noun.replaced or after in ("to", "that", "which", "who", "of"):
                name = None
            elif bare in ("company", "firm", "group") and not _is_appositive(tokens, i):
                name = self._organisation(offset)
            elif bare in ("country", "nation"):
                name = self.entities.country_at(self.index, offset)
            elif bare == "city":
                name = self.entities.city_before(offset)
            elif bare in FACILITIES and self.facility is not None and not suffix:
                owner = replacement_token([tok], self._possessive(self.facility.owner))
                out.extend([owner, noun])
                i += 2
                continue
            if name:
                out.append(replacement_token(tokens[i : i + 2], name + suffix))
                i += 2
                continue
            out.append(tok)
            i += 1
        return out

    def person_subject(self) -> str | None:
        """Whom "he"/"she" means: the latest main-clause subject of the last three sentences,
        when it is a person. A name that appeared only in a side clause (relative clause,
        apposition, "according to X") is never chosen; None when the latest subject is not a
        person, so the pronoun stays unresolved rather than wrong."""
        recent = [item for item in self.named_subjects if self.index - item[0] <= 3]
        if not recent:
            return None
        sentence, name, kind = recent[-1]
        if name.lower() in NATIONALITY_NOUNS:
            return None  # "The Swede had been trying": a description, whoever it means
        if kind is EntityKind.PERSON or any(
                item[2] is EntityKind.PERSON and item[1].split()[-1] == name.split()[-1]
                for item in self.named_subjects):
            return name  # (a subject the article has shown to be a person before: "Djokovic")
        # Names the article has not seen with a person's cues: the previous sentence's subject
        # when nothing marks it as a place or company ("Kiptum ... won. He also won in 2019.")
        maybe_person = (
            kind is not EntityKind.PLACE
            and sentence == self.index - 1
            and name != self.entities.main
            and not any(word.lower().rstrip(".") in ORG_WORDS for word in name.split())
        )
        return name if maybe_person else None

    def _kind(self, name: str) -> EntityKind:
        known = self.entities.kind_of(name)
        if known is not None:
            return known
        return EntityKind.PHRASE

    # ----------------------------------------------------------------------------------------
    # Memory
    # ----------------------------------------------------------------------------------------

    def remember(self, tokens: list[Token]) -> None:
        """Record the subject's name and things the claim introduces ("a factory in Beijing")."""
        subject = find_subject(tokens)
        if subject is None:
            self.last_subject = None
            return
        if self.its_subject:
            return  # "Its laser found X, and its spectrometer ...": "its" still means the rover
        words = tokens[subject[0] : subject[1]]
        name = _antecedent(words)
        if name is None:
            self.last_subject = None
            return
        kind = self._kind(name)
        if words[0].lower in ("he", "she") and not words[0].replaced:
            kind = EntityKind.PERSON
        titled = [tok.lower.rstrip(".") for tok in words if tok.is_word][:-1]
        if kind is EntityKind.PHRASE and is_proper_name(words) and any(
                title in PERSON_TITLES for title in titled):
            kind = EntityKind.PERSON  # "President Ferdinand Marcos Jr.": no "it"
        if (kind is EntityKind.PHRASE and self.last_subject is not None
                and self.last_subject_sentence == self.index
                and self.last_subject[1] is not EntityKind.PHRASE):
            # "Ian came ashore in Cuba, and soon the island's grid collapsed. It then gathered
            # strength": the sentence is about the name, not the thing of its second clause
            return
        self.last_subject = (name, kind)
        self.last_subject_sentence = self.index
        named = _subject_name(words)
        after = [tok.lower for tok in tokens[subject[1] : subject[1] + 2]]
        who = after[-1:] == ["who"]
        # "Kiptum (a rival of ...) won", "Kiptum, the Kenyan, won": a name the writer describes
        described = any(tok.text in (",", "(") for tok in words[1:]) or after[:1] in ([","], ["("])
        if named and (
            " " in named or who or described or self.entities.kind_of(named) is not None
        ):
            named_kind = self._kind(named)
            if named_kind is not EntityKind.PLACE and (who or _looks_personal(named, tokens)):
                named_kind = EntityKind.PERSON  # "Kiptum, who ...", "Kiptum made his debut"
            self.named_subjects.append((self.index, self.entities.display(named), named_kind))
        offset = _offset(tokens, subject[0], self.offset)
        if kind is EntityKind.ORGANISATION:
            self.subjects.append((self.index, offset, self.entities.display(name)))
        if kind is not EntityKind.ORGANISATION and not is_proper_name(words):
            return
        for i in range(subject[1], len(tokens) - 1):
            if tokens[i].lower not in ("a", "an"):
                continue
            noun = tokens[i + 1]
            if not noun.text.isalpha() or not noun.text.islower() or noun.lower in FACILITIES:
                continue
            self.introduced[noun.lower] = (name, _location(tokens[i + 2 :]), self.index)

    def note_facility(self, tokens: list[Token]) -> None:
        """Note a factory the claim gives an owner: "its first car plant", "Honda's Ohio plant",
        "Xiaomi established a factory in Beijing"."""
        owner_of_subject = self._subject_organisation(tokens)
        for i, tok in enumerate(tokens):
            if tok.lower not in FACILITIES:
                continue
            if self.facility is not None and tok.lower == self.facility.noun:
                self.facility.seen = self.index
            owner = None
            for k in range(i - 1, max(-1, i - 5), -1):
                word = tokens[k]
                if is_possessive(word.text) and word.text[:1].isupper():
                    name = strip_possessive(word.text)
                    if self._kind(name) is EntityKind.ORGANISATION:
                        owner = self.entities.display(name)
                    break
                if word.lower in ("its", "a", "an"):
                    owner = owner_of_subject
                    break
                if not word.is_word or word.lower in FUNCTION_WORDS:
                    break
            if owner:
                where = _location(tokens[i + 1 :])
                self.facility = _Facility(owner, tok.lower, where, self.index, self.index)

    def _subject_organisation(self, tokens: list[Token]) -> str | None:
        subject = find_subject(tokens)
        if subject is None:
            return None
        name = _antecedent(tokens[subject[0] : subject[1]])
        if name and self._kind(name) is EntityKind.ORGANISATION:
            return self.entities.display(name)
        return None

    # ----------------------------------------------------------------------------------------
    # Quotes
    # ----------------------------------------------------------------------------------------

    def reported_speech(self, tokens: list[Token]) -> list[Token] | None:
        """A quote with a speaker as reported speech, first person resolved:

        '"We will become a top-five carmaker," he said.' -> 'Lei Jun said that Xiaomi will
        become a top-five carmaker.'; 'Founder Tony Chen has left the door open: "If ..., we
        will try it."' -> 'Founder Tony Chen said that if ..., Oppo will try it.'
        """
        self.speaker_org = None
        if len(tokens) < 5:
            return None
        if tokens[0].text in ('"', "\u201c"):
            close = next(
                (i for i in range(1, len(tokens)) if tokens[i].text in ('"', "\u201d")), None
            )
            if close is None or close < 3 or tokens[close - 1].text != ",":
                return None
            found = _speaker(trim(tokens[close + 1 :]))
            if found is None:
                return None
            speaker, said = found
            content = tokens[1 : close - 1]
        else:
            opening = next(
                (i for i in range(2, len(tokens)) if tokens[i].text in ('"', "\u201c")), None
            )
            if opening is None or tokens[-1].text not in ('"', "\u201d"):
                return None
            if any(tok.text in ('"', "\u201c", "\u201d") for tok in tokens[opening + 1 : -1]):
                return None
            head = tokens[:opening]
            content = trim(tokens[opening + 1 : -1])
            if head[-1].text == ":":
                subject = find_subject(head[:-1])
                if subject is None:
                    return None
                speaker = head[subject[0] : subject[1]]
                said = [added_token("said")]
            elif head[-1].lower in SPEECH_VERBS and len(head) >= 2:
                speaker, said = head[:-1], [head[-1]]
            else:
                return None
            if not self._is_speaker(speaker):
                return None
        if not content or not any(tok.is_word for tok in content):
            return None
        offset = _offset(speaker, 0, self.offset)
        pronoun = speaker[0].lower if speaker[0].lower in ("he", "she") else ""
        if pronoun:
            person = self.person_subject() or self.entities.person_before(offset + 1)
        else:
            person = _antecedent(speaker)
        if person is None:
            return None
        org = self.entities.employers.get(self.entities.display(person)) or self._organisation(
            _offset(content, 0, self.offset)
        )
        return [*speaker, *said, added_token("that"), *self._unquote(content, person, pronoun, org)]

    def _is_speaker(self, words: Sequence[Token]) -> bool:
        """Whether a subject is a person: "he", "she", or a name the article types as a person."""
        if len(words) == 1 and words[0].lower in ("he", "she"):
            return True
        name = _antecedent(words)
        return name is not None and self._kind(name) is EntityKind.PERSON

    def _unquote(
        self, content: Sequence[Token], person: str, pronoun: str, org: str | None
    ) -> list[Token]:
        """Quote words in the reporter's voice: "we"/"our" -> the organisation (then "it"/
        "its"), "I"/"my" -> the speaker ("his"/"her" after "he"/"she"), a common first word in
        lower case."""
        out: list[Token] = []
        org_named = False
        for tok in content:
            lower = tok.lower
            if org and (lower in WE_FORMS or lower == "our"):
                if lower == "our":
                    name = "its" if org_named else self._possessive(org)
                else:
                    name = "it" if org_named else org
                org_named = True
                out.append(replacement_token([tok], name))
                if WE_FORMS.get(lower):
                    out.append(added_token(WE_FORMS[lower]))
            elif lower in ("myself", "ourselves"):
                reflexive = {"he": "himself", "she": "herself"}.get(pronoun)
                if lower == "ourselves" and org:
                    reflexive = "itself"
                if reflexive:
                    out.append(replacement_token([tok], reflexive))
            elif lower in I_FORMS or lower == "my":
                if lower == "my":
                    name = {"he": "his", "she": "her"}.get(pronoun) or self._possessive(person)
                elif lower == "me":
                    name = {"he": "him", "she": "her"}.get(pronoun) or person
                else:
                    name = person
                out.append(replacement_token([tok], name))
                if I_FORMS.get(lower):
                    out.append(added_token(I_FORMS[lower]))
            elif out and out[-1].replaced and lower in AGREEMENT and out[-1].text not in (
                "him", "her", "his", "its"
            ):
                out.append(Token(AGREEMENT[lower], tok.start, tok.end, True))
            else:
                out.append(tok)
        first = out[0] if out else None
        if (
            first is not None
            and not first.replaced
            and first.text[:1].isupper()
            and first.text[1:].islower()
            and first.text not in self.entities.names
        ):
            out[0] = Token(first.text.lower(), first.start, first.end)
        return out


def _offset(tokens: Sequence[Token], index: int, default: int) -> int:
    """The article offset of token ``index`` (or the nearest spanned token after it)."""
    for tok in tokens[index:]:
        if tok.start >= 0:
            return tok.start
    return default


def _is_appositive(tokens: Sequence[Token], start: int) -> bool:
    """Whether the words at ``start`` follow "NAME," and so describe it: "Borgward, the brand"."""
    return start >= 2 and tokens[start - 1].text == "," and tokens[start - 2].text[:1].isupper()


def _location(tokens: Sequence[Token]) -> str:
    """"in Beijing" when ``tokens`` open with "in/at/near" and a capitalised word."""
    if len(tokens) >= 2 and tokens[0].lower in ("in", "at", "near"):
        if tokens[1].text[:1].isupper() and tokens[1].is_word:
            return tokens[0].text + " " + tokens[1].text
    return ""


def _speaker(tail: Sequence[Token]) -> tuple[list[Token], list[Token]] | None:
    """After a quote, the speaker and what they did: "he said at the unveiling" -> (["he"],
    ["said", "at", "the", "unveiling"]); "said Lei Jun" -> (["Lei", "Jun"], ["said"])."""
    if len(tail) < 2:
        return None
    if tail[0].lower in ("he", "she") and tail[1].lower in SPEECH_VERBS:
        return [tail[0]], list(tail[1:])
    if tail[0].lower in SPEECH_VERBS:
        name = []
        for tok in tail[1:]:
            if not tok.is_word or not (tok.text[:1].isupper() or tok.lower in ("he", "she")):
                break
            name.append(tok)
        rest = list(tail[1 + len(name) :])
        if rest and rest[0].text == ",":
            rest = []  # "said Lei Jun, who founded Xiaomi": the rest is about the speaker
        return (name, [tail[0], *rest]) if name else None
    k = 0
    while k < len(tail) and tail[k].is_word and tail[k].text[:1].isupper():
        k += 1
    if 0 < k < len(tail) and tail[k].lower in SPEECH_VERBS:
        return list(tail[:k]), list(tail[k:])
    return None


def _looks_personal(name: str, tokens: Sequence[Token]) -> bool:
    """Whether a subject name the article typed otherwise is a person after all: its clause
    says "his"/"her" ("Kiptum made his debut"), or it is two or three capitalised words with
    no organisation word ("Kelvin Kiptum", not "Network Rail")."""
    if any(tok.lower in ("his", "her", "himself", "herself") for tok in tokens):
        return True
    words = name.split()
    return 2 <= len(words) <= 3 and not any(
        word.lower().rstrip(".") in ORG_WORDS or word.lower() in PLACE_HEADS for word in words
    )


def _named_inside(words: Sequence[Token]) -> bool:
    """Whether the words before a noun name it ("The World Weather Attribution group" is a name,
    not "the group" again; "the Chinese tech giant" and "the EV maker" refer back)."""
    return any(tok.text[:1].isupper() and tok.lower not in DEMONYMS and not tok.text.isupper()
               for tok in words)


def _subject_name(words: Sequence[Token]) -> str | None:
    """The name a subject is about: "Kelvin Kiptum" in "Kelvin Kiptum of Kenya", "Sifan
    Hassan" in "Dutch runner Sifan Hassan", "John Korir" in "Kenya's John Korir"; None when
    the subject names nobody ("The record")."""
    head: list[Token] = []
    for tok in words:
        if not tok.is_word or tok.lower in ("of", "who", "which", "and"):
            break
        head.append(tok)
    run: list[Token] = []
    for tok in head:
        capital = tok.text[:1].isupper() and tok.lower not in DETERMINERS
        if capital and tok.lower not in PERSON_TITLES and not is_possessive(tok.text):
            run.append(tok)
        elif capital and tok.lower in PERSON_TITLES:
            run = []  # "European Commission President Ursula von der Leyen": the person after
        elif run and tok.text in NAME_PARTICLES:
            run.append(tok)  # "Ursula von der Leyen"
        elif run and not capital:
            run = []  # "Dutch runner Sifan Hassan": the name is the last run
        elif is_possessive(tok.text):
            run = []  # "Kenya's John Korir"
    if not run or (len(run) == 1 and run[0] is words[0] and len(head) > 1):
        return None  # "Dutch runner": a sentence-initial capital alone is no name
    return " ".join(strip_possessive(tok.text) for tok in run)


def _owns_later(name: str, rest: Sequence[Token]) -> bool:
    """Whether the rest of the sentence names ``name`` as an owner ("... Australia's title")."""
    text = " ".join(token.text for token in rest)
    return re.search(rf"(?<!\w){re.escape(name)}\s*['’]s\b", text) is not None


def _antecedent(words: Sequence[Token]) -> str | None:
    """What a following "it" means when ``words`` were the subject: "Tesla" for "Tesla Inc.",
    "the plant" for "The plant", "Lei Jun" for "Founder Lei Jun"; None for a plural ("the new
    rules") or a pronoun, which "it" cannot mean."""
    if is_proper_name(words) or all(tok.replaced for tok in words if tok.is_word):
        words = [tok for tok in words if tok.is_word]
        while len(words) > 1 and words[-1].lower.rstrip(".") in COMPANY_SUFFIXES:
            words = words[:-1]
        while len(words) > 1 and words[0].lower in PERSON_TITLES:
            words = words[1:]
        return " ".join(strip_possessive(tok.text) for tok in words) or None
    head = words[-1].lower if words else ""
    if not head or head in PRONOUN_SUBJECTS or head in RELATIVES:
        return None
    if head.endswith("s") and not head.endswith(("ss", "'s")):
        return None
    phrase = join_tokens(words)
    first = phrase.split(" ", 1)[0]
    if first.lower() in ("a", "an"):
        phrase = "the" + phrase[len(first) :]
    elif first.lower() in DETERMINERS:
        phrase = first.lower() + phrase[len(first) :]
    return phrase
