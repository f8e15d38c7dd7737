"""Claim extraction: split an article into atomic, self-contained, check-worthy claims.

The stage is rule based (standard library only) and runs in four steps:

1. **Drop non-claims**: headings, bylines, "Read more:" blocks and the link titles after them,
   questions, short fragments, first-person asides and opinions with nothing checkable in them
   (evaluative words, idioms, hype without a figure or a second name); strip datelines
   ("SHENZHEN, Jan 2 (Reuters) -").
2. **Split** compound sentences: clauses joined by ``;``, ``, and``/``, but`` or ``, while`` that
   have their own subject (also when it follows a fronted phrase: "..., and in 2023 the company
   cancelled X"), verb phrases sharing one subject ("unveiled X ... and put it on sale"),
   ``Whereas/While/Although X, Y``, and side facts: ", which ..." clauses, "a venture in which X
   holds 60%", appositives ("Project Titan, a team of 2,000 staff") and ", with a team of N".
   Noun lists ("Apple, Oppo, Sony, and more") stay whole.
3. **Decontextualise** with typed entities. Capitalised names are typed as organisations,
   people, places or things (products, projects, events) from cues in the article: company
   suffixes and verbs, titles ("founder", "CEO"), speech verbs, a gazetteer, model numbers.
   Months, units and sentence-initial common words are not names. Then "the company"/"the
   Chinese tech giant" resolve to an organisation (the latest one that was a subject, else the
   article's main one), "it"/"its" to the previous claim's subject (or that organisation),
   "he"/"she" to the last person, "the country"/"the city" to the last one named, "the factory"
   to its owner's ("Xiaomi's factory"), "at that time" to the last date, and quotes become
   reported speech ("Lei Jun said that ... Xiaomi will ...").
4. **Score** check-worthiness (numbers, money, dates, names and comparisons raise it; opinion
   words, idioms, hedges and the first person lower it) and keep claims scoring at least
   ``min_checkworthiness``.

Every claim keeps the character spans of the article words it was built from; a resolved
reference points at the original words ("the company"), not at its replacement ("Xiaomi").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from factcheck.records import Article, Claim, Span
from factcheck.segment import Sentence, split_sentences

__all__ = ["checkworthiness", "extract_claims"]

# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """Comma-separated, lower-cased multi-word entries ("new york, hong kong")."""
    return frozenset(" ".join(part.split()) for part in text.lower().split(",") if part.strip())


_AUXILIARIES = _words(
    "is are was were am has have had will would shall should can could may might must does do "
    "did isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't cannot couldn't "
    "shouldn't doesn't don't didn't"
)
_IRREGULAR_PAST = _words(
    "took made began became said told gave got went came built bought sold led won lost paid grew "
    "rose fell saw found left kept held brought thought spent sent ran wrote drove chose broke "
    "spoke stood met knew struck sought taught caught fought overtook undertook withdrew drew "
    "flew forgot understood shook threw wore felt meant heard lent dealt slid fed fled sped "
    "swept slept shot lit stuck hung swung sprang sang rang sank swam woke rode froze stole "
    "forgave ate bound wound sat lay laid slew tore swore bore spun dug shone strove"
)
# Prefixes that keep an irregular past a verb: "rebuilt", "outsold", "oversaw", "upheld".
_VERB_PREFIXES = ("re", "out", "over", "under", "up", "mis", "fore", "with")
# Past tenses spelled like the base form: verbs only right after a subject.
_SAME_FORM_PAST = _words(
    "set put cut hit let quit spread cost hurt shut bet split read beat cast broadcast "
    "forecast upset"
)
# Verb stems whose -s and -ed forms count as finite verbs (a lexicon, since there is no tagger).
_VERB_STEMS = _words(
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
    "arrive depart come go follow team log train climb slip pick promise tell run keep look "
    "lift list quit return roll slide sit stand set pass pay offer press turn total hit drive "
    "jump soar surge plunge tumble slump recover rebound lead line ride charge cause change "
    "remain study spot list debut outsell overtake beat miss see ask answer accept refuse"
)
_DETERMINERS = _words(
    "a an the this that these those its their his her our my your some any each every no "
    "another such"
)
_NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions "
    "billion billions trillion dozen dozens several multiple"
)
_PREPOSITIONS = _words(
    "in on at by for with from to of about after before during since until till up over under "
    "into onto across through between among against without within beyond despite like near "
    "around behind than via per upon toward towards along inside outside throughout amid"
)
_SUBORDINATORS = _words(
    "if when while whereas although though because as since unless once whether after before "
    "where which who that so and or but nor yet"
)
_RELATIVES = _words("which who whose")
_PRONOUN_SUBJECTS = _words("it he she they we i you this that there here")
_OBJECT_PRONOUNS = _words("it them him her us me")
_PARTICLES = _words("up down out off over on in into with to back away aside")
# Approximators that may open a subject before a number: "about 4,000 workers will ...".
_APPROXIMATORS = _words("about around nearly almost over under roughly some approximately")
_FUNCTION_WORDS = _DETERMINERS | _PREPOSITIONS | _SUBORDINATORS | _PRONOUN_SUBJECTS
_EXPLETIVE_IT = re.compile(
    r"^it (?:is|was|seems|seemed|appears|appeared|has been|had been|will be|would be|"
    r"remains|remained) (?:\w+ )?(?:that|whether|if)\b"
    r"|^it (?:is|was|will be|would be) (?!\w+ed\b)\w+ (?:to|for)\b"
    r"|^it (?:is|was) (?:also |still )?(?:where|when|why|how|what)\b"
    r"|^it (?:\w+ly )?(?:looks|looked|seems|seemed|feels|felt|sounds|sounded)\b"
    r"|^it (?:takes|took) \w+ \w+ to\b"
    r"|^it (?:is|was|has been|will be) (?:a|an|the) (?:\w+ ){0,2}"
    r"(?:time|moment|day|week|month|year|period|era|story|sign|question|matter)\b"
)
_MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_UNITS = _words("celsius fahrenheit kelvin")
_DEMONYMS = _words(
    "chinese american german japanese korean indian british french european asian russian "
    "italian spanish canadian australian pakistani taiwanese swedish dutch swiss israeli "
    "brazilian mexican african arab arabic turkish vietnamese thai indonesian malaysian "
    "singaporean saudi iranian ukrainian polish norwegian danish finnish irish scottish english "
    "western eastern northern southern"
)
_COUNTRIES = _phrases(
    "china, india, japan, korea, south korea, north korea, taiwan, pakistan, bangladesh, "
    "vietnam, thailand, indonesia, malaysia, singapore, philippines, russia, ukraine, germany, "
    "france, italy, spain, portugal, britain, great britain, england, scotland, wales, ireland, "
    "sweden, norway, denmark, finland, iceland, netherlands, belgium, switzerland, austria, "
    "poland, hungary, czechia, czech republic, slovakia, romania, bulgaria, greece, croatia, "
    "serbia, turkey, israel, iran, iraq, egypt, saudi arabia, qatar, nigeria, kenya, ethiopia, "
    "ghana, morocco, south africa, brazil, mexico, canada, argentina, chile, colombia, peru, "
    "venezuela, australia, new zealand, america, united states, united kingdom, "
    "united arab emirates, mongolia, kazakhstan, uzbekistan, sri lanka, nepal, myanmar, "
    "cambodia, laos"
)
_CITIES = _phrases(
    "beijing, shanghai, shenzhen, guangzhou, wuhan, hangzhou, chengdu, chongqing, tianjin, "
    "nanjing, xi'an, suzhou, hefei, changsha, hong kong, macau, taipei, tokyo, osaka, nagoya, "
    "seoul, busan, delhi, new delhi, mumbai, bangalore, bengaluru, chennai, kolkata, karachi, "
    "lahore, islamabad, dhaka, bangkok, jakarta, manila, hanoi, ho chi minh city, "
    "kuala lumpur, london, paris, berlin, munich, hamburg, frankfurt, stuttgart, cologne, "
    "madrid, barcelona, rome, milan, turin, lisbon, amsterdam, brussels, vienna, zurich, "
    "geneva, stockholm, gothenburg, oslo, copenhagen, helsinki, warsaw, prague, budapest, "
    "athens, istanbul, moscow, kyiv, dubai, abu dhabi, riyadh, doha, tel aviv, cairo, lagos, "
    "nairobi, johannesburg, cape town, new york, los angeles, san francisco, san jose, "
    "seattle, chicago, boston, detroit, austin, houston, dallas, miami, atlanta, denver, "
    "portland, washington, toronto, vancouver, montreal, mexico city, sao paulo, "
    "rio de janeiro, buenos aires, santiago, lima, bogota, sydney, melbourne, brisbane, "
    "auckland, singapore"
)
_REGIONS = _phrases(
    "asia, europe, africa, oceania, antarctica, north america, south america, latin america, "
    "middle east, southeast asia, east asia, south asia, central asia, eastern europe, "
    "western europe, scandinavia, pacific, atlantic, arctic, california, texas, ohio, "
    "michigan, nevada, arizona, florida, georgia, new york state, tennessee, kentucky, "
    "alabama, south carolina, north carolina, oregon, illinois, indiana, silicon valley, "
    "bavaria, guangdong, jiangsu, zhejiang, shandong, hainan, tibet, xinjiang, "
    "inner mongolia, hokkaido, ontario, quebec, british columbia, alberta, siberia"
)
_PLACE_NAMES = _COUNTRIES | _CITIES | _REGIONS
# Last words that make a name a place: "Beijing Economic-Technological Development Area".
_PLACE_HEADS = _words(
    "area zone province district county region valley ocean sea island islands mountains "
    "river lake bay peninsula prefecture city"
)
# All-caps words that are common nouns, not organisations.
_COMMON_ACRONYMS = _words(
    "ev evs nev nevs ai ceo cto cfo coo r&d us usa uk eu un gdp ipo tv pc pcs suv suvs os app "
    "apps it id ok faq pdf usb gps led lcd oled cpu gpu gpus ram ssd 5g 4g km kwh mph q1 q2 q3 "
    "q4 hq ota adas lidar abs ice phev phevs bev bevs"
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_PLURAL_ACRONYM = re.compile(r"[A-Z0-9]{2,}s")
# Company suffixes that are not part of the name ("Tesla Inc." is "Tesla").
_COMPANY_SUFFIXES = _words("inc ltd corp corporation co llc plc gmbh ag sa nv bv se")
# Words that mark the name they end (or contain) as an organisation's.
_ORG_WORDS = _COMPANY_SUFFIXES | _words(
    "group motor motors mobility auto autos automotive automobile technologies technology tech "
    "electronics holdings holding industries bank airlines airways labs laboratories systems "
    "networks energy semiconductor semiconductors pharmaceuticals pharma capital partners "
    "ventures media foods communications telecom software solutions studios entertainment "
    "robotics dynamics aerospace logistics securities insurance financial investments "
    "enterprises international manufacturing"
)
# Nouns that describe an organisation: "rival Polestar", "Borgward, the German brand".
_ORG_NOUNS = _words(
    "company companies firm maker carmaker automaker startup start-up brand rival giant "
    "manufacturer conglomerate subsidiary vendor retailer supplier lender insurer airline "
    "operator developer chipmaker competitor corporation"
)
_THING_PREFIXES = _words("project operation")
_NAMING_VERBS = _words("codenamed code-named called named dubbed")
_FACILITIES = _words(
    "factory plant facility site gigafactory campus refinery mill warehouse"
)
_PHASES = _words("phase stage")
_VERSIONS = _words("version variant trim edition")
_SPEECH_VERBS = _words(
    "said says emphasized emphasised told tells added adds noted stated explained argued "
    "insisted stressed tweeted wrote remarked commented recalled warned predicted claimed "
    "announced declared"
)
_PERSON_TITLES = _words(
    "mr mrs ms dr prof ceo cfo cto coo founder co-founder cofounder chairman chairwoman "
    "president minister spokesperson spokesman spokeswoman analyst executive director chief "
    "officer manager engineer economist secretary governor senator mayor premier chancellor "
    "boss vice-president"
)
# Verbs a company is the subject of; a capitalised word before one is probably a company.
_COMPANY_VERBS = _words(
    "sell deliver launch unveil announce invest sign register produce manufacture build "
    "open acquire buy hire employ plan report post ship release raise cancel partner team "
    "showcase establish found apply receive win price list file agree develop operate own "
    "make export import supply expand close recall"
)
_COMMON_NOUN_ENDINGS = (
    "ment", "tion", "sion", "ness", "ity", "ance", "ence", "ing", "ship", "ism", "ure", "ery",
    "ics", "ogy",
)
_NON_ANAPHORIC = _words(
    "first second third fourth fifth last only same other parent new next former largest "
    "biggest leading top another"
)
_ORDINALS = _words("first second third fourth fifth sixth final last")
# What only an organisation has: "its rival", "its second model" point at a company.
_CORPORATE = _ORG_NOUNS | _PERSON_TITLES | _words(
    "rivals competitors shares stock revenue revenues profit profits headquarters board "
    "employees workforce staff shareholders investors subsidiaries brands model models "
    "product products car cars phone phones"
)

# First-person words of a quote, and the verb each contraction carries once the pronoun is
# replaced by a name ("we've" -> "Xiaomi has"); verbs that must then agree with a name.
_WE_FORMS = {"we": "", "us": "", "we've": "has", "we're": "is", "we'll": "will", "we'd": "would"}
_I_FORMS = {"i": "", "me": "", "i've": "has", "i'm": "is", "i'll": "will", "i'd": "would"}
_AGREEMENT = {"have": "has", "are": "is", "were": "was", "am": "is", "do": "does"}

_OPEN_QUOTES = frozenset("\u201c\u2018\u00ab")
_CLOSE_QUOTES = frozenset("\u201d\u2019\u00bb")
_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_LEADING = "\"'\u201c\u2018([{\u00ab"
_TRAILING = "\"'\u201d\u2019)]}\u00bb.,;:!?\u2026"
_END_MARKS = frozenset(".,;:!?\u2026-\u2013\u2014")
_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Z]\.|(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|Mr|Mrs|Ms|No|etc|approx|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
)

# --------------------------------------------------------------------------------------------
# Check-worthiness cues
# --------------------------------------------------------------------------------------------

# Evaluation: hype, taste and vague degree. Each lowers the score; without a figure or a
# second name, a clause holding one is an opinion and is dropped.
_OPINION = re.compile(
    r"\b(?:exciting|excited|amazing|incredible|impressive|remarkable|awesome|fantastic|"
    r"wonderful|crucial|tremendous|revolutionary|game[- ]changer|stunning|exceptional|"
    r"outstanding|brilliant|unbelievable|breathtaking|tirelessly|beautiful|terrible|awful|"
    r"disappointing|thrilled|delighted|proud|gorgeous|spectacular|superb|excellent|terrific|"
    r"phenomenal|astonishing|staggering|jaw-dropping|iconic|legendary|sleek|elegant|boring|"
    r"instant|ambitious|smooth|fun|cool|"
    r"(?:surpassed|exceeded|beyond|above|below) (?:all )?expectations|"
    r"i think|i believe|we believe|in my opinion|in our view|arguably|undoubtedly|obviously|"
    r"hopefully|must-have|quickly|fast(?!-)|best(?!-selling)|worst|of all(?= the\b|[.,]|$)|"
    r"(?:this|that|so) (?:much|many|few|little|ambitious|big|fast|good|bad)|"
    r"most (?:beautiful|impressive|exciting|ambitious|interesting|important|powerful|"
    r"innovative|influential|successful|fun))\b"
    r"|\b(?!(?:" + "|".join(sorted(_words(
        "best test rest west nest guest quest request interest invest harvest protest contest "
        "honest modest manifest forest arrest suggest digest chest crest vest zest pest lest "
        "attest detest behest conquest midwest southwest northwest priest latest earliest "
        "largest biggest smallest highest lowest fastest slowest cheapest longest shortest "
        "oldest newest youngest heaviest lightest richest poorest widest deepest tallest "
        "busiest greatest strongest weakest dearest nearest furthest farthest"
    ))) + r")\b)[a-z]{3,}est\b",
    re.IGNORECASE,
)
# Opinion beyond doubt: intensifiers, idioms and taste. A clause with one and no hard figure
# (digits, money, a percentage or a date) is dropped even if it names two things.
_STRONG_OPINION = re.compile(
    r"\b(?:clearly|easily|simply|certainly|surely|definitely|absolutely|honestly|frankly|"
    r"undoubtedly|arguably|obviously|best-looking|good-looking|"
    r"(?:took|take|takes|taking|taken) a different (?:road|path|route|tack|approach)|"
    r"rac(?:e|es|ed|ing) (?:against )?the clock|"
    r"play(?:s|ed|ing)? (?:its|their|his|her|our) cards|"
    r"(?:is|are|was|were|isn't|wasn't) not the (?:problem|issue)|"
    r"think(?:s|ing)? (?:small|big)|"
    r"(?:left|leave|leaves|leaving) the door open|"
    r"(?:felt|feel|feels|feeling) the (?:squeeze|pinch|heat)|"
    r"(?:time|years?|months?|weeks?) will tell|a different story|"
    r"(?:hit|hits|hitting) the road|(?:raise|raised|raises) the bar|"
    r"(?:a|the) (?:whole )?new ball ?game|(?:is|are|was|were) here to stay)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:likely|probably|possibly|perhaps|might|reportedly|allegedly|rumou?red|seems?|"
    r"appears? to|is expected|are expected|could)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|[Ww]e|[Oo]ur|[Mm]y|[Uu]s|me)\b")
_FIRST_PERSON_START = re.compile(r"^(?:i|i'm|i've|i'd|i'll|we|we're|we've|we'll|my|our)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you've|you'll)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|trillion|dozen)s?\b(?! of\b)",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"[$\u20ac\u00a3\u00a5]\s?\d|\b(?:dollars?|usd|yuan|rmb|euros?|pounds|rupees|yen|"
    r"crowns?|kronor)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d\s?%|\bper ?cent\b|\bpercentage points?\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:1[89]\d{2}|20\d{2})s?\b|\bQ[1-4]\b|\b(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?=\.|\s+\d)|"
    r"\b(?:first|second|third|fourth) quarter\b|\b(?:last|next|this) (?:year|month|week)\b"
)
_LAST_DATE = re.compile(
    r"(?<![\d.,])\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?:\d{1,2},?\s+)?"
    r"(?:1[89]\d{2}|20\d{2})|Q[1-4]\s+(?:1[89]\d{2}|20\d{2})|(?:1[89]\d{2}|20\d{2}))\b(?![.,]\d)"
)
_COMPARISON = re.compile(
    r"\b(?:more|fewer|less|greater|higher|lower|larger|smaller|bigger|cheaper|faster) than\b|"
    r"\b(?:over|under|nearly|almost|about|around|up to|at least) (?=[$\u20ac\u00a3~]?\d)|"
    r"\b(?:largest|biggest|first|most|least|highest|lowest|fastest|leading|record|only|"
    r"second-largest|top|cheapest|oldest|earliest)\b",
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
_CONTRAST_OPENERS = _words("whereas while although though")
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
_COUNTRY_REFERENCE = re.compile(r"^the (?:country|nation)(?:'s)?$")
_CITY_REFERENCE = re.compile(r"^the city(?:'s)?$")


class _Kind(Enum):
    """What a capitalised name stands for."""

    ORGANISATION = "organisation"
    PERSON = "person"
    PLACE = "place"
    THING = "thing"  # a product, model, project or event: "SU7", "Project Titan", "CES 2019"
    PHRASE = "phrase"  # a singular common noun phrase: "the plant"


class _Role(Enum):
    """Where a clause came from: the sentence's main line, or a side fact about a name."""

    MAIN = "main"
    ASIDE = "aside"  # relative clause, appositive, "with ..." or a contrasted "while" clause


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
    """Tokens of one candidate claim and its role in the sentence."""

    tokens: tuple[_Token, ...]
    role: _Role = _Role.MAIN


@dataclass(frozen=True, slots=True)
class _Draft:
    """A finished claim before scoring: its tokens, and whether its sentence restates another."""

    tokens: tuple[_Token, ...]
    restates: bool


@dataclass(frozen=True, slots=True)
class _Mention:
    """One occurrence of a name: canonical name, kind, sentence, characters, grammatical role."""

    name: str
    kind: _Kind
    sentence: int
    start: int
    end: int
    subject: bool


_RESTATEMENT_PENALTY = 0.2
_MIN_WORDS = 3  # "Xiaomi bought Borgward" is a claim; "It rose" is a fragment
_SUBJECT_WINDOW = 2  # sentences back in which a subject organisation outranks the main one
_COUNTRY_WINDOW = 2  # sentences back in which a named country is "the country"

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
    headline = article.title or next((s.text for s in sentences if s.is_heading), "")
    entities = _Entities(text, [sentences[i] for i in content], headline)
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
    opinion words, idioms, hedges and the first or second person lower it.
    """
    known = _name_words(names)
    score = 0.15
    if _has_number(text):
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
    cues = len(_OPINION.findall(text)) + len(_STRONG_OPINION.findall(text))
    score -= 0.2 * min(cues, 2)
    score -= 0.05 * min(len(_HEDGE.findall(text)), 2)
    if _FIRST_PERSON.search(text):
        score -= 0.1
    if _SECOND_PERSON.search(text):
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
# Entities: who "the company", "he" and "the country" are
# --------------------------------------------------------------------------------------------


class _Entities:
    """Capitalised names in the article, typed, with every mention in reading order.

    A name's kind is voted from cues around its mentions (:func:`_evidence`): company suffixes
    and verbs, titles and speech verbs, a gazetteer, model numbers. A one-word name that opens
    a longer organisation name or is part of a person's ("Nordvik" for "Nordvik Motors", "Lei"
    for "Lei Jun") is an alias of it. The main organisation is the most mentioned one, a
    mention in the headline counting double.
    """

    def __init__(self, text: str, sentences: Sequence[Sentence], headline: str) -> None:
        tokenised = [(s.index, _tokenize(text, s.start, s.end)) for s in sentences]
        lower_words = set(re.findall(r"(?<![\w'\u2019-])[a-z][\w&'\u2019-]*", text))
        headline_words = {
            _strip_possessive(word).lower() for word in re.findall(r"[\w&'\u2019.-]+", headline)
        }
        proper = _proper_words(tokenised, lower_words, headline_words)
        votes: dict[str, Counter[_Kind]] = {}
        found: list[tuple[str, int, int, int, bool]] = []
        employers: dict[str, str] = {}
        for index, toks in tokenised:
            aside = _contrast_indices(toks)
            for name, first, last in _name_runs(toks, proper):
                if first > 0 and toks[first - 1].text == "(":
                    continue  # a ticker or abbreviation: "Apple (AAPL)"
                votes.setdefault(name, Counter()).update(_evidence(toks, first, last, name))
                subject = first not in aside and _is_subject_mention(toks, first, last)
                found.append((name, index, toks[first].start, toks[last].end, subject))
                employer = _employer(toks, first, last)
                if employer:
                    employers[name] = employer
        kinds = {name: _decide(vote) for name, vote in votes.items()}
        self.canonical = _aliases(kinds)
        self.kinds = {self.canonical.get(name, name): kind for name, kind in kinds.items()}
        for alias, name in self.canonical.items():
            self.kinds[alias] = self.kinds[name]
        self.mentions = [
            _Mention(self.canonical.get(name, name), self.kinds[name], index, start, end, subject)
            for name, index, start, end, subject in found
        ]
        self.names = frozenset(self.kinds)
        counts = Counter(mention.name for mention in self.mentions)
        in_headline = {
            name for name in counts if _in_headline(name, self.canonical, headline_words)
        }
        scores = {
            name: counts[name] + 2 * (name in in_headline)
            for name in counts
            if self.kinds[name] is _Kind.ORGANISATION
            and (counts[name] >= 2 or name in in_headline)
        }
        self.main = max(scores, key=lambda name: (scores[name], -self._first(name)), default=None)
        self.employers = {
            self.canonical.get(person, person): self.canonical.get(org, org)
            for person, org in employers.items()
            if self.kinds.get(self.canonical.get(org, org)) is _Kind.ORGANISATION
        }
        countries = [m for m in self.mentions if m.name.lower() in _COUNTRIES]
        country_counts = Counter(m.name for m in countries)
        self.countries = countries
        self.main_country = max(
            country_counts, key=lambda name: (country_counts[name], -self._first(name)),
            default=None,
        )
        self.cities = [
            (city, m.sentence, m.start)
            for m in self.mentions
            if m.kind is _Kind.PLACE
            for city in [_city_in(m.name)]
            if city
        ]

    def _first(self, name: str) -> int:
        return min((m.start for m in self.mentions if m.name == name), default=0)

    def kind_of(self, name: str) -> _Kind | None:
        """The kind of a name (or alias) mentioned in the article, else None."""
        return self.kinds.get(name)

    def display(self, name: str) -> str:
        """The name to write for a mention: the full name of an alias ("Lei" -> "Lei Jun")."""
        return self.canonical.get(name, name)

    def organisation_at(
        self, sentence: int, offset: int, subjects: Sequence[tuple[int, int, str]] = ()
    ) -> str | None:
        """The organisation "the company" means at character ``offset`` of sentence ``sentence``.

        In order: the organisation that was last a clause subject in this or the two sentences
        before (``subjects`` adds resolved ones, as ``(sentence, offset, name)``); the main
        organisation; the organisation named last.
        """
        recent = [
            (m.sentence, m.start, m.name)
            for m in self.mentions
            if m.subject and m.kind is _Kind.ORGANISATION
        ] + list(subjects)
        window = [
            (s, start, name)
            for s, start, name in recent
            if sentence - _SUBJECT_WINDOW <= s <= sentence and start < offset
        ]
        if window:
            nearest = max(s for s, _, _ in window)
            closest = [item for item in window if item[0] == nearest]
            if any(name == self.main for _, _, name in closest):
                return self.main
            return max(closest)[2]
        if self.main:
            return self.main
        earlier = [
            (m.start, m.name)
            for m in self.mentions
            if m.kind is _Kind.ORGANISATION and m.start < offset
        ]
        return max(earlier)[1] if earlier else None

    def country_at(self, sentence: int, offset: int) -> str | None:
        """"The country": one named in this or the two sentences before, else the article's."""
        before = [m for m in self.countries if m.start < offset]
        recent = [m for m in before if sentence - m.sentence <= _COUNTRY_WINDOW]
        if recent:
            return max(recent, key=lambda m: m.start).name
        if self.main_country and any(m.name == self.main_country for m in before):
            return self.main_country
        return max(before, key=lambda m: m.start).name if before else None

    def city_before(self, offset: int) -> str | None:
        """"The city": the last city named before ``offset``."""
        before = [(start, city) for city, _, start in self.cities if start < offset]
        return max(before)[1] if before else None

    def person_before(self, offset: int) -> str | None:
        """"He"/"she": the last person named before ``offset``."""
        people = [m for m in self.mentions if m.kind is _Kind.PERSON and m.start < offset]
        return max(people, key=lambda m: m.start).name if people else None

    def thing_before(self, sentence: int, offset: int) -> str | None:
        """The product named last in this or the three sentences before ``offset``."""
        things = [
            m
            for m in self.mentions
            if m.kind is _Kind.THING and m.start < offset and sentence - m.sentence <= 3
        ]
        return max(things, key=lambda m: m.start).name if things else None


def _proper_words(
    tokenised: Sequence[tuple[int, list[_Token]]], lower_words: set[str], headline: set[str]
) -> set[str]:
    """Capitalised words that are names wherever they stand, even first in a sentence.

    A word capitalised mid-sentence is one; a sentence's first word only with a reason: it is
    an acronym, a company suffix or another name follows it, it is a possessive or the subject
    of a company verb, or the headline has it; and never when the article also writes it in
    lower case or it looks like a common noun ("Management", "Deliveries").
    """
    proper: set[str] = set()
    for _, toks in tokenised:
        for i in range(1, len(toks)):
            if toks[i].is_word and toks[i].text[:1].isupper() and not _opens_quote(toks, i):
                proper.add(_strip_possessive(toks[i].text))
    for _, toks in tokenised:
        starts = [0] + [i for i in range(1, len(toks)) if _opens_quote(toks, i)]
        for i in starts:
            if i < len(toks) and _is_initial_name(toks, i, lower_words, proper, headline):
                proper.add(_strip_possessive(toks[i].text))
    return proper


def _opens_quote(toks: Sequence[_Token], i: int) -> bool:
    """Whether token ``i`` starts a quotation or a clause after a colon ("...: "If ...")."""
    return i > 0 and toks[i - 1].text in ('"', "\u201c", "\u2018", ":", "(")


def _is_initial_name(
    toks: Sequence[_Token], i: int, lower_words: set[str], proper: set[str], headline: set[str]
) -> bool:
    """Whether the first word of a sentence (or quotation) reads as a name."""
    word = _strip_possessive(toks[i].text)
    lower = word.lower()
    if not word[:1].isupper() or lower in lower_words or not word.replace("-", "").isalnum():
        return False
    if word.isupper() and len(word) >= 2 and lower not in _COMMON_ACRONYMS:
        return not _PLURAL_ACRONYM.fullmatch(word)
    if lower in _FUNCTION_WORDS or len(word) < 3 or lower in _MONTHS | _WEEKDAYS | _DEMONYMS:
        return False
    following = toks[i + 1] if i + 1 < len(toks) else None
    if lower in _PLACE_NAMES or (
        following is not None and f"{lower} {following.lower}" in _PLACE_NAMES
    ):
        return True
    if following is not None and not _is_possessive(toks[i].text):
        if following.lower.rstrip(".") in _COMPANY_SUFFIXES:
            return True  # "Tesla Inc."
        if following.text[:1].isupper() and _strip_possessive(following.text) in proper:
            return True  # "Siemens Energy"
    if lower.endswith(_COMMON_NOUN_ENDINGS + ("ly",)) or (
        lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
    ):
        return False  # "Management", "Deliveries"
    if _is_possessive(toks[i].text) or lower in headline:
        return True
    return _company_verb_follows(toks, i + 1)


def _is_name_word(toks: Sequence[_Token], i: int, proper: set[str]) -> bool:
    """Whether token ``i`` can be part of a proper name.

    Titles, company suffixes, months, weekdays, units, demonyms, common acronyms ("EV") and
    plural acronyms ("GPUs") are not; a sentence's first word only if it is ``proper``.
    """
    tok = toks[i]
    bare = _strip_possessive(tok.text)
    if not tok.is_word or not bare[:1].isupper() or _INITIALS.fullmatch(bare):
        return False
    lower = bare.lower().rstrip(".")
    if lower in _PERSON_TITLES or lower in _COMPANY_SUFFIXES or lower in _I_FORMS:
        return False
    if lower in _WEEKDAYS or lower in _DEMONYMS or lower in _UNITS:
        return False
    if lower in _MONTHS and (len(lower) > 3 or _dated(toks, i)):
        return False  # "Nov. 27", "Aug 2022", "March" (but "Lei Jun" is a name)
    if lower in _COMMON_ACRONYMS or (bare.isupper() and len(bare) < 2):
        return False
    if _PLURAL_ACRONYM.fullmatch(bare):
        return False
    if "-" in bare and any(part[:1].islower() for part in bare.split("-")[1:]):
        return False  # "Xiaomi-branded" is an adjective
    if _is_verb_form(lower) and lower.endswith("ed"):
        return False
    if i == 0 or _opens_quote(toks, i):
        return bare in proper
    return True


def _dated(toks: Sequence[_Token], i: int) -> bool:
    """Whether the word at ``i`` is followed by a full stop or a number, as a month would be."""
    following = toks[i + 1].text if i + 1 < len(toks) else ""
    return following == "." or following[:1].isdigit() or toks[i].text.endswith(".")


def _name_runs(toks: Sequence[_Token], proper: set[str]) -> list[tuple[str, int, int]]:
    """``(name, first, last)`` for every run of consecutive name words."""
    runs: list[tuple[str, int, int]] = []
    i = 0
    while i < len(toks):
        if not _is_name_word(toks, i, proper):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(toks)
            and not _is_possessive(toks[j].text)
            and _is_name_word(toks, j + 1, proper)
        ):
            j += 1
        name = " ".join(_strip_possessive(tok.text).rstrip(".") for tok in toks[i : j + 1])
        if name.lower() not in _FUNCTION_WORDS:
            runs.append((name, i, j))
        i = j + 1
    return runs


def _evidence(toks: Sequence[_Token], first: int, last: int, name: str) -> Counter[_Kind]:
    """Votes for what one mention of ``name`` (tokens ``first..last``) stands for.

    Strong cues count 3: a company word in the name ("Dongfeng Motor"), a gazetteer place, a
    title before it ("founder Tony Chen"), a model number ("SU7", "Afeela 1"). Weaker cues
    count 1-2: a speech verb after it, an organisation noun before it ("rival Polestar") or in
    an appositive ("Borgward, the German brand"), "in" before it (a place), a common noun after
    it ("the Ocean Blue paint"), a company verb after it ("Xiaomi sold").
    """
    votes: Counter[_Kind] = Counter()
    words = name.split()
    lowers = [word.lower() for word in words]
    before = toks[first - 1].lower.rstrip(".") if first > 0 else ""
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    after = nxt.lower.rstrip(".") if nxt is not None else ""
    after2 = toks[last + 2].lower if last + 2 < len(toks) else ""
    possessive = _is_possessive(toks[last].text)
    votes[_Kind.ORGANISATION] += 0.25  # the default for a name with no other cue
    if any(ch.isdigit() for ch in name):
        votes[_Kind.THING] += 3
    elif nxt is not None and not possessive and re.fullmatch(r"\d{1,3}[A-Za-z+]?", nxt.text):
        votes[_Kind.THING] += 3  # "Afeela 1", "Volt 2", "iPhone 14"
    elif nxt is not None and re.fullmatch(r"(?:19|20)\d\d", nxt.text):
        votes[_Kind.THING] += 1  # an event: "CES 2019"
    if lowers[-1] in _ORG_WORDS or any(word in _ORG_WORDS for word in lowers[1:]):
        votes[_Kind.ORGANISATION] += 3
    if after in _COMPANY_SUFFIXES:
        votes[_Kind.ORGANISATION] += 3
    if len(words) > 1 and lowers[0] in _THING_PREFIXES:
        votes[_Kind.THING] += 3
    if name.lower() in _PLACE_NAMES or (len(words) > 1 and lowers[-1] in _PLACE_HEADS):
        votes[_Kind.PLACE] += 3
    if before in _PERSON_TITLES:
        votes[_Kind.PERSON] += 3
    if after in _SPEECH_VERBS:
        votes[_Kind.PERSON] += 3 if after2 in ("he", "she") else 1
    if before in _SPEECH_VERBS and first > 1:
        votes[_Kind.PERSON] += 1  # "..., said Lei Jun"
    if after in _PERSON_TITLES and not possessive:
        votes[_Kind.ORGANISATION] += 2  # "Xiaomi president Lu Weibing"
    if before in _ORG_NOUNS or _appositive_noun(toks, last) in _ORG_NOUNS:
        votes[_Kind.ORGANISATION] += 2
    if before in _NAMING_VERBS:
        votes[_Kind.THING] += 2
    if before in ("in", "near", "across", "inside", "outside", "throughout", "within"):
        votes[_Kind.PLACE] += 1
    attributive = (
        nxt is not None
        and nxt.text.isalpha()
        and nxt.text.islower()
        and after not in _FUNCTION_WORDS
        and after not in _FACILITIES
        and after not in _ORG_NOUNS
        and not _is_verb_form(after)
        and not possessive
    )
    if attributive and (before in _DETERMINERS or before in _ORDINALS):
        votes[_Kind.THING] += 1  # "the Ocean Blue paint", "its first Vision-S concept"
    if possessive:
        votes[_Kind.ORGANISATION] += 0.5
    elif _company_verb_follows(toks, last + 1):
        votes[_Kind.ORGANISATION] += 1
    if len(words) == 2 and all(
        word.isalpha() and word[:1].isupper() and word[1:].islower() for word in words
    ):
        votes[_Kind.PERSON] += 0.75  # "Lei Jun"
    if name.isupper() and len(name) >= 2:
        votes[_Kind.ORGANISATION] += 0.5
    return votes


_KIND_ORDER = (_Kind.PERSON, _Kind.PLACE, _Kind.THING, _Kind.ORGANISATION)


def _decide(votes: Counter[_Kind]) -> _Kind:
    """The kind with most votes; ties go to the rarer kinds first (people, places, things)."""
    return max(_KIND_ORDER, key=lambda kind: (votes[kind], -_KIND_ORDER.index(kind)))


def _aliases(kinds: dict[str, _Kind]) -> dict[str, str]:
    """One-word names that stand for a longer name: "Lei" -> "Lei Jun", "Nordvik" ->
    "Nordvik Motors" (not "Sony" -> "Sony Honda Mobility": "Honda" is a name of its own)."""
    singles = {name for name in kinds if " " not in name}
    aliases: dict[str, str] = {}
    for name, kind in kinds.items():
        words = name.split()
        if len(words) < 2:
            continue
        if kind is _Kind.PERSON:
            candidates = [words[0], words[-1]]
        elif kind is _Kind.ORGANISATION and not any(word in singles for word in words[1:]):
            candidates = [words[0]]
        else:
            continue
        for word in candidates:
            if word in singles and kinds[word] is not _Kind.PLACE and word not in aliases:
                aliases[word] = name
    return aliases


def _in_headline(name: str, canonical: dict[str, str], headline: set[str]) -> bool:
    """Whether the headline names an organisation, by its full name, an alias or the word its
    name opens with ("Kestrel's New E-Bike" names Kestrel Cycles)."""
    names = [name, name.split()[0]] + [alias for alias, full in canonical.items() if full == name]
    return any(all(word.lower() in headline for word in n.split()) for n in names)


def _city_in(name: str) -> str | None:
    """The city a place name is or contains ("Beijing Economic-Technological Zone" -> Beijing)."""
    words = name.split()
    for size in (3, 2, 1):
        for k in range(len(words) - size + 1):
            if " ".join(words[k : k + size]).lower() in _CITIES:
                return " ".join(words[k : k + size])
    return None


def _employer(toks: Sequence[_Token], first: int, last: int) -> str | None:
    """The organisation a person works for, from "Xiaomi president Lu Weibing" or "Wang
    Chuanfu, BYD's founder," (but not from "former Intel engineer X")."""
    if last + 3 < len(toks) and toks[last + 1].text == ",":
        org, title = toks[last + 2], toks[last + 3]
        if _is_possessive(org.text) and org.text[:1].isupper() and title.lower in _PERSON_TITLES:
            return _strip_possessive(org.text)
    if first < 2 or toks[first - 1].lower not in _PERSON_TITLES:
        return None
    org = toks[first - 2]
    if not org.text[:1].isupper() or (first >= 3 and toks[first - 3].lower == "former"):
        return None
    return _strip_possessive(org.text)


def _appositive_noun(toks: Sequence[_Token], last: int) -> str:
    """The organisation noun of an appositive after a name: "Borgward, the German brand"."""
    if last + 2 >= len(toks) or toks[last + 1].text != ",":
        return ""
    if toks[last + 2].lower not in ("a", "an", "the"):
        return ""
    for tok in toks[last + 3 : last + 8]:
        if tok.text == ",":
            break
        if tok.lower in _ORG_NOUNS:
            return tok.lower
    return ""


def _contrast_indices(toks: Sequence[_Token]) -> set[int]:
    """Token indices inside a contrasted clause (", while ..."; "Whereas ..., "), whose subject
    is not what the sentence is about."""
    inside: set[int] = set()
    if toks and toks[0].lower in _CONTRAST_OPENERS:
        comma = next((i for i, tok in enumerate(toks) if tok.text == ","), len(toks))
        inside.update(range(comma))
    for i in range(1, len(toks)):
        if toks[i].lower in ("while", "whereas") and toks[i - 1].text == ",":
            inside.update(range(i, len(toks)))
            break
    return inside


def _is_subject_mention(toks: Sequence[_Token], first: int, last: int) -> bool:
    """Whether the name at ``first..last`` is the subject of the verb right after it."""
    if _is_possessive(toks[last].text):
        return False
    if first > 0 and toks[first - 1].lower in _PREPOSITIONS:
        return False
    k = last + 1
    while k < len(toks) - 1 and _is_adverb(toks[k].lower):
        k += 1
    return k < len(toks) and (toks[k].lower in _AUXILIARIES or _is_finite(toks, k))


_IRREGULAR_STEMS = {
    "sold": "sell", "built": "build", "bought": "buy", "made": "make", "won": "win",
    "led": "lead", "paid": "pay", "spent": "spend", "began": "begin",
}


def _company_verb_follows(toks: Sequence[_Token], k: int) -> bool:
    """Whether a company verb follows at ``k`` (after adverbs and auxiliaries): "sold",
    "has launched", "will also build"."""
    while k < len(toks) and (_is_adverb(toks[k].lower) or toks[k].lower in _AUXILIARIES):
        k += 1
    if k >= len(toks) or not toks[k].text.islower():
        return False
    lower = toks[k].lower
    stems = {lower, _IRREGULAR_STEMS.get(lower, "")}
    for suffix in ("s", "es", "ed", "d"):
        if lower.endswith(suffix):
            stems.add(lower[: -len(suffix)])
    if lower.endswith("ied") or lower.endswith("ies"):
        stems.add(lower[:-3] + "y")
    if len(lower) > 4 and lower.endswith("ed") and lower[-3] == lower[-4]:
        stems.add(lower[:-3])
    return bool(stems & _COMPANY_VERBS)


def _is_possessive(word: str) -> bool:
    return word.endswith(("'s", "\u2019s")) and len(word) > 2


def _strip_possessive(word: str) -> str:
    return word[:-2] if _is_possessive(word) else word


def _name_words(names: Iterable[str]) -> set[str]:
    """Every lower-cased word of the given names ("Lei Jun" -> lei, jun)."""
    return {word.lower() for name in names for word in name.split()}


def _count_names(text: str, known: set[str]) -> float:
    """Distinct runs of capitalised words (acronyms count half); the first word only if known.

    "Lei Jun" is one name; months, weekdays and common acronyms ("EV") are none.
    """
    words = re.findall(r"[\w&'\u2019-]+", text)
    count, previous_capital, runs = 0.0, False, set()
    for position, word in enumerate(words):
        bare = _strip_possessive(word)
        lower = bare.lower()
        capital = bare[:1].isupper() and bare != "I"
        if capital and (lower in _MONTHS or lower in _WEEKDAYS or lower in _COMMON_ACRONYMS):
            capital = False
        if capital and position == 0 and lower not in known:
            capital = False
        if capital and not previous_capital and lower not in runs:
            runs.add(lower)
            count += 0.5 if bare.isupper() else 1.0
        previous_capital = capital and not _is_possessive(word)
    return count


def _has_number(text: str, *, words: bool = True) -> bool:
    """Whether ``text`` states a figure: digits not part of a name ("SU7", "Volt 2"), or, with
    ``words``, number words ("two phases"; "one of the" is not a figure)."""
    for match in _NUMBER.finditer(text):
        if not match.group()[0].isdigit():
            if words:
                return True
            continue
        if match.group()[0].isdigit():
            start = match.start()
            before = text[max(0, start - 1) : start]
            if before.isalpha():
                continue  # "SU7", "Q4"
            previous = re.search(r"([\w'\u2019-]+)\s*$", text[:start])
            word = previous.group(1) if previous else ""
            if (
                word[:1].isupper()
                and word.lower() not in _FUNCTION_WORDS
                and word.lower() not in _MONTHS
                and word.lower() not in _PREPOSITIONS
                and re.match(r"\d{1,3}(?![\d,.])", text[start:])
            ):
                continue  # a model number: "Volt 2", "iPhone 14"
        return True
    return False


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


def _added(text: str) -> _Token:
    """A token added for grammar alone ("is", "that"), pointing at no article characters."""
    return _Token(text, _ADDED, _ADDED, True)


def _replace(words: Sequence[_Token], name: str) -> _Token:
    """A token showing ``name`` that keeps the span of the words it replaces."""
    spanned = [tok for tok in words if tok.start >= 0]
    if not spanned:
        return _added(name)
    return _Token(name, spanned[0].start, spanned[-1].end, True)


# --------------------------------------------------------------------------------------------
# Verbs and subjects
# --------------------------------------------------------------------------------------------


def _is_verb_form(lower: str) -> bool:
    """Whether a lower-cased word is an -s or -ed form of a known verb, or an irregular past."""
    if lower in _IRREGULAR_PAST:
        return True
    for prefix in _VERB_PREFIXES:
        if lower.startswith(prefix) and lower[len(prefix) :] in _IRREGULAR_PAST:
            return True  # "rebuilt", "outsold"
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


def _is_past(lower: str) -> bool:
    """Whether a finite verb is in the past tense ("cancelled", "won", "had")."""
    return lower in ("was", "were", "had", "did") or lower in _IRREGULAR_PAST or (
        lower.endswith("ed") and lower not in ("need", "feed", "speed", "exceed", "proceed")
    )


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
    # An unknown -ed word after a noun ("the car tested ...") is probably a verb; after a comma
    # it is an adjective ("In 2023, camouflaged prototypes ...").
    if not before.is_word:
        return False
    return len(lower) > 4 and lower.endswith("ed") and lower not in ("hundred", "indeed")


def _main_verb(tokens: Sequence[_Token]) -> int | None:
    """Index of the clause's first finite verb, skipping those of ", which ..." clauses."""
    i = 0
    while i < len(tokens):
        if not _is_finite(tokens, i):
            i += 1
            continue
        chunk = max((k + 1 for k in range(i) if tokens[k].text == ","), default=0)
        if chunk == 0 or chunk >= len(tokens) or tokens[chunk].lower not in _RELATIVES:
            return i
        # The verb of ", which is backed by ..., " is not the clause's: look past the clause.
        i = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == ","), len(tokens))
    return None


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
    if nxt in _DETERMINERS or nxt in _NUMBER_WORDS or nxt[:1].isdigit() or nxt in _OBJECT_PRONOUNS:
        return True  # "put it on sale", "cost $5"
    return lower.endswith("ed") and nxt in _PARTICLES  # "teamed up with"


def _with_dummy_subject(tokens: Sequence[_Token]) -> list[_Token]:
    """Tokens behind a placeholder subject, so the verb test sees a preceding noun."""
    return [_Token("it", _ADDED, _ADDED)] + list(tokens)


def _is_adverb(lower: str) -> bool:
    return lower in (
        "also", "then", "later", "soon", "still", "already", "now", "even", "since", "only",
        "just", "never", "once",
    ) or (lower.endswith("ly") and len(lower) > 4)


def _find_subject(tokens: Sequence[_Token]) -> tuple[int, int] | None:
    """``(start, end)`` of the clause subject: the words before its first finite verb.

    Introductory phrases ending in a comma ("In Jan 2023, ...") or not ("By Aug. 2022 it ...",
    "Under the rules a new maker must ...") are skipped; for an appositive ("Xiaomi, a Chinese
    firm, has ...") the first noun phrase is the subject.
    """
    verb = _main_verb(tokens)
    if verb is None:
        return None
    chunk = max((i + 1 for i in range(verb) if tokens[i].text == ","), default=0)
    if verb > chunk:
        start, end = chunk, verb
        while end - 1 > start and _is_adverb(tokens[end - 1].lower):
            end -= 1
        if _is_noun_phrase(tokens[start:end]):
            return start, end
        return _subject_after_fronted_phrase(tokens, start, end)
    bounds = [-1] + [i for i in range(verb) if tokens[i].text == ","]
    for left, right in zip(bounds, bounds[1:], strict=False):
        if _is_noun_phrase(tokens[left + 1 : right]):
            return left + 1, right
    return None


def _subject_after_fronted_phrase(
    tokens: Sequence[_Token], start: int, end: int
) -> tuple[int, int] | None:
    """The subject after a fronted phrase with no comma: "By late 2024 | the factory could"."""
    if tokens[start].lower not in _PREPOSITIONS and not _is_adverb(tokens[start].lower):
        return None
    for k in range(start + 1, end):
        tok, previous = tokens[k], tokens[k - 1]
        lower = tok.lower
        if previous.lower in _DETERMINERS or previous.lower in _PREPOSITIONS:
            continue
        if _is_possessive(previous.text):
            continue
        opener = (
            lower in ("it", "he", "she", "they", "we", "i")
            or (lower in _DETERMINERS and lower not in ("no", "such"))
            or (
                tok.text[:1].isupper()
                and lower.rstrip(".") not in _MONTHS
                and not previous.text[:1].isupper()
            )
            or (previous.text[:1].isdigit() and tok.text.isalpha() and tok.text.islower())
        )
        if opener and k > start + 1 and _is_noun_phrase(tokens[k:end]):
            return k, end
    return None


def _is_noun_phrase(tokens: Sequence[_Token]) -> bool:
    """Whether tokens can be a subject: 1-10 words, not opening with a preposition or 'that'."""
    words = [tok for tok in tokens if tok.is_word]
    if not words or len(words) > 10 or not tokens[0].is_word:
        return False
    first = tokens[0].lower
    if first in _APPROXIMATORS and any(tok.text[:1].isdigit() for tok in tokens[1:3]):
        return True  # "about 4,000 workers"
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
# Step 2: split a sentence into clauses
# --------------------------------------------------------------------------------------------


def _split(tokens: list[_Token]) -> list[_Clause]:
    """Atomic clauses of a sentence: ``;`` parts, contrasts, side facts and coordination."""
    clauses: list[_Clause] = []
    for part in _split_semicolons(tokens):
        for piece, role in _split_contrast(part):
            main, asides = _split_asides(piece)
            for clause in _split_coordination(main):
                kept = _take_with_phrase(list(clause.tokens), asides)
                kept = _take_trailing_appositive(kept, asides)
                clauses.append(_Clause(tuple(kept), role))
            clauses.extend(_Clause(tuple(aside), _Role.ASIDE) for aside in asides)
    return clauses


def _split_semicolons(tokens: list[_Token]) -> list[list[_Token]]:
    parts: list[list[_Token]] = [[]]
    for tok in tokens:
        if tok.text == ";":
            parts.append([])
        else:
            parts[-1].append(tok)
    return [part for part in parts if part]


def _split_contrast(tokens: list[_Token]) -> list[tuple[list[_Token], _Role]]:
    """"Whereas X, Y" and "Y, while X" -> X and Y, when both have a subject; X is an aside."""
    whole = [(tokens, _Role.MAIN)]
    if len(tokens) >= 4 and tokens[0].lower in _CONTRAST_OPENERS and tokens[1].text != ",":
        comma = next((i for i in range(3, len(tokens)) if tokens[i].text == ","), None)
        if comma is None:
            return whole
        left, right = tokens[1:comma], tokens[comma + 1 :]
        if _find_subject(left) is None or _find_subject(right) is None:
            return whole
        return [(left, _Role.ASIDE), (right, _Role.MAIN)]
    for j in range(2, len(tokens) - 2):
        if tokens[j].lower not in ("while", "whereas") or tokens[j - 1].text != ",":
            continue
        left, right = tokens[: j - 1], tokens[j + 1 :]
        if right[0].lower.endswith("ing"):
            return whole  # ", while driving ..." has no clause of its own
        if _find_subject(left) is None or _find_subject(right) is None:
            return whole
        return [(left, _Role.MAIN), (right, _Role.ASIDE)]
    return whole


def _split_asides(tokens: list[_Token]) -> tuple[list[_Token], list[list[_Token]]]:
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
    asides: list[list[_Token]] = []
    tokens = _take_relatives(tokens, asides)
    tokens = _take_prepositional_relative(tokens, asides)
    tokens = _take_subject_appositive(tokens, asides)
    return tokens, asides


def _take_relatives(tokens: list[_Token], asides: list[list[_Token]]) -> list[_Token]:
    k = 1
    while k < len(tokens) - 2:
        if tokens[k].text != "," or tokens[k + 1].lower not in ("which", "who"):
            k += 1
            continue
        first = k
        while first > 0 and tokens[first - 1].is_word and tokens[first - 1].text[:1].isupper():
            first -= 1
        if first == k and _is_noun_phrase(tokens[:k]) and _is_definite(tokens[:k]):
            first = 0  # "The company, which is part-owned by Volvo, makes ..."
        close = next((i for i in range(k + 2, len(tokens)) if tokens[i].text == ","), len(tokens))
        body = tokens[k + 2 : close]
        if first == k or not body or not _starts_verb_phrase(body):
            k += 1
            continue
        asides.append(tokens[first:k] + body)
        tokens = tokens[:k] + tokens[close + 1 :]
    return tokens


def _is_definite(tokens: Sequence[_Token]) -> bool:
    return bool(tokens) and tokens[0].lower in ("the", "its", "their", "this")


def _take_prepositional_relative(
    tokens: list[_Token], asides: list[list[_Token]]
) -> list[_Token]:
    """"Sony Honda Mobility, a joint venture in which Honda holds 60%" -> the aside "Honda
    holds 60% of Sony Honda Mobility"; the clause keeps "... Sony Honda Mobility"."""
    for k in range(1, len(tokens) - 4):
        if tokens[k].text != "," or tokens[k + 1].lower not in ("a", "an", "the"):
            continue
        which = next(
            (
                i
                for i in range(k + 2, min(len(tokens) - 2, k + 8))
                if tokens[i].lower == "which" and tokens[i - 1].lower in _PREPOSITIONS
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
        body = _trim(tokens[which + 1 : close])
        if not body or _find_subject(body) is None:
            continue
        last = body[-1].lower
        share = last in ("%", "percent", "stake", "share") or last.endswith("%")
        preposition = "of" if share else tokens[which - 1].lower
        asides.append(body + [_added(preposition)] + tokens[name_start:k])
        return tokens[:k] + tokens[close + 1 :]
    return tokens


def _take_with_phrase(tokens: list[_Token], asides: list[list[_Token]]) -> list[_Token]:
    """", with a team of more than 1,500 people" at the end -> "X had a team of ..."."""
    for k in range(2, len(tokens) - 4):
        if tokens[k].text != "," or tokens[k + 1].lower != "with":
            continue
        if tokens[k + 2].lower not in ("a", "an"):
            continue
        rest = _trim(tokens[k + 2 :])
        of = next((i for i in range(1, min(len(rest), 6)) if rest[i].lower == "of"), None)
        if of is None or not any(tok.text[:1].isdigit() for tok in rest[of + 1 : of + 5]):
            continue
        left = tokens[:k]
        subject = _find_subject(left)
        verb = _main_verb(left)
        if subject is None or verb is None:
            continue
        have = "had" if _is_past(left[verb].lower) else "has"
        fronted = left[: subject[0]] if subject[0] > 0 else []
        if fronted and fronted[-1].text == ",":
            fronted = fronted[:-1]
        have_token = _Token(have, tokens[k + 1].start, tokens[k + 1].end, True)
        asides.append(fronted + left[subject[0] : subject[1]] + [have_token] + rest)
        return left
    return tokens


def _take_trailing_appositive(tokens: list[_Token], asides: list[list[_Token]]) -> list[_Token]:
    """A final ", a/an/the ..." after a name describes the name; after a date, the subject."""
    k = max((i for i, tok in enumerate(tokens) if tok.text == ","), default=-1)
    if k < 2 or k + 2 >= len(tokens) or tokens[k + 1].lower not in ("a", "an", "the"):
        return tokens
    appositive = _trim(tokens[k + 1 :])
    if len(appositive) < 3 or _names_it(appositive):
        return tokens  # "..., the SU7 sedan": a name, kept with the clause
    if any(_is_finite(appositive, i) for i in range(1, len(appositive))):
        if not _is_participle_phrase(appositive):
            return tokens
    left = tokens[:k]
    verb = _main_verb(left)
    subject = _find_subject(left)
    if verb is None or subject is None or verb > k:
        return tokens
    copula = _added("was" if _is_past(left[verb].lower) else "is")
    before = tokens[k - 1]
    if before.text[:1].isupper() and before.is_word and k - 1 > verb:
        start = k - 1
        while start - 1 > verb and tokens[start - 1].text[:1].isupper():
            start -= 1
        owner = tokens[start:k]
    elif _DATE.search(before.text) or before.text[:1].isdigit():
        owner = left[subject[0] : subject[1]]
    else:
        return tokens
    asides.append(list(owner) + [copula] + appositive)
    return left


def _names_it(appositive: Sequence[_Token]) -> bool:
    """Whether an appositive is a name ("the SU7 sedan"), not a description ("the German
    brand", "a team of 2,000")."""
    if len(appositive) < 2 or appositive[0].lower != "the":
        return False
    word = appositive[1]
    return word.text[:1].isupper() and word.lower not in _DEMONYMS


def _is_participle_phrase(tokens: Sequence[_Token]) -> bool:
    """Whether the only verbs of an appositive are participles ("the brand revived by Foton")
    or infinitives ("the third company to do so")."""
    for i in range(1, len(tokens)):
        if tokens[i - 1].lower == "to":
            continue
        if _is_finite(tokens, i):
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if not (tokens[i].lower.endswith("ed") and nxt in ("by", "in", "on", "at", "for")):
                return False
    return True


def _take_subject_appositive(tokens: list[_Token], asides: list[list[_Token]]) -> list[_Token]:
    """"Kestrel Cycles, a Portland startup founded in 2019, launched ..." -> "Kestrel Cycles
    launched ..." and "Kestrel Cycles is a Portland startup founded in 2019"."""
    if len(tokens) < 6 or not tokens[0].text[:1].isupper():
        return tokens
    comma = next((i for i, tok in enumerate(tokens) if tok.text == ","), None)
    if comma is None or comma + 2 >= len(tokens) or not _is_proper_name(tokens[:comma]):
        return tokens
    if tokens[comma + 1].lower not in ("a", "an", "the"):
        return tokens
    if _names_it(tokens[comma + 1 :]):
        return tokens  # "Its first car, the Afeela 1, ..." names, not describes
    close = next((i for i in range(comma + 2, len(tokens)) if tokens[i].text == ","), None)
    if close is None or close + 1 >= len(tokens):
        return tokens
    appositive = tokens[comma + 1 : close]
    if not _is_participle_phrase(appositive) or not _starts_verb_phrase(tokens[close + 1 :]):
        return tokens
    name = tokens[:comma]
    asides.append(list(name) + [_added("is")] + appositive)
    return name + tokens[close + 1 :]


def _split_coordination(tokens: list[_Token]) -> list[_Clause]:
    """Split at each ``and``/``but`` that joins two clauses or two verb phrases."""
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
            return [_Clause(tuple(left)), *_split_coordination(right)]
        if _starts_verb_phrase(right):
            shared = tokens[subject[0] : subject[1]]
            right = _resolve_object_it(left, subject, right)
            return [_Clause(tuple(left)), *_split_coordination(list(shared) + right)]
    return [_Clause(tuple(tokens))]


def _resolve_object_it(
    left: Sequence[_Token], subject: tuple[int, int], right: list[_Token]
) -> list[_Token]:
    """"unveiled its first car, the SU7 sedan, ... and put it on sale" -> "put the SU7 sedan
    on sale": an object "it" in the second verb phrase is the object of the first."""
    k = 0
    while k < len(right) - 1 and _is_adverb(right[k].lower):
        k += 1
    if k + 1 >= len(right) or right[k + 1].lower != "it":
        return right
    verb = _main_verb(left)
    if verb is None or verb < subject[1]:
        return right
    start = verb + 1
    end = start
    while end < len(left) and left[end].is_word and left[end].lower not in _PREPOSITIONS:
        end += 1
    if end == start or left[start].lower not in _DETERMINERS:
        return right
    object_words = list(left[start:end])
    if end + 2 < len(left) and left[end].text == "," and left[end + 1].lower == "the":
        close = next((i for i in range(end + 2, len(left)) if left[i].text == ","), len(left))
        if left[end + 2].text[:1].isupper():
            object_words = list(left[end + 1 : close])  # the appositive names it
    phrase = _join(object_words)
    first = phrase.split(" ", 1)[0]
    if first.lower() in _DETERMINERS:
        phrase = first.lower() + phrase[len(first) :]
    return right[: k + 1] + [_replace(right[k + 1 : k + 2], phrase)] + right[k + 2 :]


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
            return noun_phrase + [_added(verb)] + tokens[k:]
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
            out.append(_added("is"))
        else:
            out.append(tok)
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
    bracketed = False  # "(dpa)", "(Reuters)"
    for k in range(1, min(len(tokens) - 1, 14)):
        text = tokens[k].text
        if text in ("-", "\u2013", "\u2014", "--"):
            return tokens[k + 1 :]
        bracketed = (bracketed or text == "(") and text != ")"
        if tokens[k].is_word and text.islower() and not bracketed:
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


# --------------------------------------------------------------------------------------------
# Step 3: decontextualise, sentence by sentence
# --------------------------------------------------------------------------------------------

_ANTECEDENT_KINDS = (_Kind.ORGANISATION, _Kind.PLACE, _Kind.THING, _Kind.PHRASE)


@dataclass(slots=True)
class _Facility:
    """The last factory, plant or site the article gave an owner: "its first car plant"."""

    owner: str
    noun: str
    where: str
    sentence: int
    seen: int  # the last sentence that mentioned it


@dataclass(slots=True)
class _Context:
    """What earlier sentences established: dates, subjects, facilities, who "it" is."""

    entities: _Entities
    apostrophe: str
    last_date: str | None = None
    last_subject: tuple[str, _Kind] | None = None
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

    def claims_of(self, sentence: Sentence, text: str) -> list[_Draft]:
        """The claims of one sentence, split and resolved but not yet scored."""
        self.index, self.offset = sentence.index, sentence.start
        tokens = _strip_dateline(_trim(_tokenize(text, sentence.start, sentence.end)))
        tokens, judgement, restates = _strip_markers(tokens)
        tokens = _fix_its(_fix_case(self._resolve_time(tokens)))
        reported = self._reported_speech(tokens)
        clauses = [_Clause(tuple(reported))] if reported is not None else _split(tokens)
        results: list[_Draft] = []
        for clause in clauses:
            toks = _repair_absolute(_trim(list(clause.tokens)))
            if not toks:
                continue
            toks = _balance(self._resolve(toks))
            if not toks:
                continue
            if clause.role is _Role.MAIN:
                self._remember(toks)
            self._note_facility(toks)
            words = [tok for tok in toks if tok.is_word]
            if len(words) < _MIN_WORDS or not _has_finite_verb(toks):
                continue
            if _is_personal(toks) or _is_opinion(toks, judgement, self.entities.names):
                continue
            results.append(_Draft(tuple(toks), restates))
        return results

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

    def _resolve_time(self, tokens: list[_Token]) -> list[_Token]:
        """"At that time, X ..." -> "In March 2021, X ..." when an earlier date is known."""
        count = _match_prefix(tokens, _TIME_ANAPHORA)
        if not count or not self.last_date:
            return tokens
        original = tokens[: count - 1]
        replacement = _Token(f"in {self.last_date}", original[0].start, original[-1].end, True)
        return [replacement] + tokens[count - 1 :]

    def _resolve(self, tokens: list[_Token]) -> list[_Token]:
        """Replace references to earlier entities by their names."""
        subject = _find_subject(tokens)
        self.speaker_org = None
        if subject is not None:
            tokens = self._resolve_subject(tokens, *subject)
            person = _antecedent(tokens[subject[0] : subject[1]])
            if person and self._kind(person) is _Kind.PERSON:
                self.speaker_org = self.entities.employers.get(self.entities.display(person))
        elif tokens and tokens[0].lower == "its" and not tokens[0].replaced:
            name = self._it_means(_offset(tokens, 0, self.offset))
            if name:
                tokens = [_replace(tokens[:1], self._possessive(name)), *tokens[1:]]
        return self._resolve_descriptions(tokens)

    def _resolve_subject(self, tokens: list[_Token], start: int, end: int) -> list[_Token]:
        """Resolve the clause subject: "the company", "it", "he", "the country", "the city",
        "its X" and definite descriptions (:meth:`_resolve_definite_subject`)."""
        words = tokens[start:end]
        joined, _ = _joined(words)
        offset = _offset(tokens, start, self.offset)
        possessive = _is_possessive(words[-1].text)

        def swap(name: str, kind: _Kind | None = None) -> list[_Token]:
            text = self._possessive(name) if possessive else name
            if kind is _Kind.ORGANISATION and not possessive:
                self.subjects.append((self.index, offset, name))
            return tokens[:start] + [_replace(words, text)] + tokens[end:]

        if _ORG_REFERENCE.match(joined) and not _is_appositive(tokens, start) and not (
            {tok.lower for tok in words[1:-1]} & _NON_ANAPHORIC
        ):
            org = self._organisation(offset)
            return swap(org, _Kind.ORGANISATION) if org else tokens
        if joined == "it" and not _EXPLETIVE_IT.match(_joined(tokens[start:])[0]):
            name = self._it_means(offset)
            return swap(name, self._kind(name)) if name else tokens
        if joined in ("he", "she"):
            person = self.entities.person_before(offset)
            return swap(person) if person else tokens
        if _COUNTRY_REFERENCE.match(joined):
            country = self.entities.country_at(self.index, offset)
            return swap(country) if country else tokens
        if _CITY_REFERENCE.match(joined):
            city = self.entities.city_before(offset)
            return swap(city) if city else tokens
        if words[0].lower == "its" and not words[0].replaced and len(words) > 1:
            return self._resolve_its_subject(tokens, start, end, offset)
        if words[0].lower != "the" or words[0].replaced:
            return tokens
        return self._resolve_definite_subject(tokens, start, end, offset)

    def _resolve_definite_subject(
        self, tokens: list[_Token], start: int, end: int, offset: int
    ) -> list[_Token]:
        """"The factory" -> "Xiaomi's factory"; "The plant's first phase" / "the second
        phase" -> "... of Xiaomi's plant"; "the standard version" -> "... of the SU7"; "the
        unit" after "a unit" in the sentence before -> "Xiaomi's unit"."""
        words = tokens[start:end]
        head = words[-1].lower
        possessive = _is_possessive(words[-1].text)
        bare_head = _strip_possessive(head)
        facility = self.facility
        if len(words) == 2 and bare_head in _FACILITIES and facility is not None:
            owner = _replace(words[:1], self._possessive(facility.owner))
            near = self.index - facility.sentence <= 1 and facility.where and not possessive
            added = [_added(facility.where)] if near else []
            return tokens[:start] + [owner, words[1], *added] + tokens[end:]
        if len(words) > 2 and _is_possessive(words[1].text) and facility is not None and (
            _strip_possessive(words[1].lower) in _FACILITIES
        ):  # "The plant's first phase" -> "The first phase of Xiaomi's plant"
            of = _Token(
                f"of {self._possessive(facility.owner)} {_strip_possessive(words[1].text)}",
                words[1].start, words[1].end, True,
            )
            return tokens[:start] + [words[0], *words[2:], of] + tokens[end:]
        if (
            len(words) == 3
            and words[1].lower in _ORDINALS
            and head in _PHASES
            and facility is not None
            and self.index - facility.seen <= 2
            and not any(tok.lower in _FACILITIES for tok in tokens)
        ):  # "the second phase" of the plant being discussed
            of = _added(f"of {self._possessive(facility.owner)} {facility.noun}")
            return tokens[:end] + [of] + tokens[end:]
        followed_by_of = end < len(tokens) and tokens[end].lower == "of"
        if head in _VERSIONS and len(words) <= 4 and not followed_by_of:
            thing = self.entities.thing_before(self.index, offset)
            if thing:
                return tokens[:end] + [_added(f"of the {thing}")] + tokens[end:]
            return tokens
        if len(words) == 2 and head in self.introduced:
            owner, where, seen = self.introduced[head]
            if self.index - seen <= 1:
                name = _replace(words[:1], self._possessive(owner))
                added = [_added(where)] if where else []
                return tokens[:start] + [name, words[1], *added] + tokens[end:]
        return tokens

    def _resolve_its_subject(
        self, tokens: list[_Token], start: int, end: int, offset: int
    ) -> list[_Token]:
        """"Its goal" -> "Xiaomi's goal"; "Its first phase" after "the plant" -> "The first
        phase of Xiaomi's plant"."""
        words = tokens[start:end]
        if any(tok.lower in _CORPORATE for tok in words[1:]):
            name = self._organisation(offset)  # "Its rival VanMoof": a company's rival
        else:
            name = self._it_means(offset)
        if not name:
            return tokens
        if self._kind(name) is _Kind.PHRASE and " " in name:
            the = _Token("the", words[0].start, words[0].end, True)
            of = _added(f"of {name}")
            return tokens[:start] + [the, *words[1:], of] + tokens[end:]
        return tokens[:start] + [_replace(words[:1], self._possessive(name)), *words[1:]] + (
            tokens[end:]
        )

    def _resolve_descriptions(self, tokens: list[_Token]) -> list[_Token]:
        """Resolve "the company/firm/group", "the country", "the city" and "the factory"
        wherever they occur ("a challenge to the company", "the country's car market")."""
        out: list[_Token] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.lower != "the" or tok.replaced or i + 1 >= len(tokens):
                out.append(tok)
                i += 1
                continue
            noun = tokens[i + 1]
            bare = _strip_possessive(noun.lower)
            after = tokens[i + 2].lower if i + 2 < len(tokens) else ""
            suffix = self.apostrophe + "s" if _is_possessive(noun.text) else ""
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
            elif bare in _FACILITIES and self.facility is not None and not suffix:
                owner = _replace([tok], self._possessive(self.facility.owner))
                out.extend([owner, noun])
                i += 2
                continue
            if name:
                out.append(_replace(tokens[i : i + 2], name + suffix))
                i += 2
                continue
            out.append(tok)
            i += 1
        return out

    def _kind(self, name: str) -> _Kind:
        known = self.entities.kind_of(name)
        if known is not None:
            return known
        return _Kind.PHRASE

    # ----------------------------------------------------------------------------------------
    # Memory
    # ----------------------------------------------------------------------------------------

    def _remember(self, tokens: list[_Token]) -> None:
        """Record the subject's name and things the claim introduces ("a factory in Beijing")."""
        subject = _find_subject(tokens)
        if subject is None:
            self.last_subject = None
            return
        words = tokens[subject[0] : subject[1]]
        name = _antecedent(words)
        if name is None:
            self.last_subject = None
            return
        kind = self._kind(name)
        if words[0].lower in ("he", "she") and not words[0].replaced:
            kind = _Kind.PERSON
        self.last_subject = (name, kind)
        offset = _offset(tokens, subject[0], self.offset)
        if kind is _Kind.ORGANISATION:
            self.subjects.append((self.index, offset, self.entities.display(name)))
        if kind is not _Kind.ORGANISATION and not _is_proper_name(words):
            return
        for i in range(subject[1], len(tokens) - 1):
            if tokens[i].lower not in ("a", "an"):
                continue
            noun = tokens[i + 1]
            if not noun.text.isalpha() or not noun.text.islower() or noun.lower in _FACILITIES:
                continue
            self.introduced[noun.lower] = (name, _location(tokens[i + 2 :]), self.index)

    def _note_facility(self, tokens: list[_Token]) -> None:
        """Note a factory the claim gives an owner: "its first car plant", "Honda's Ohio plant",
        "Xiaomi established a factory in Beijing"."""
        owner_of_subject = self._subject_organisation(tokens)
        for i, tok in enumerate(tokens):
            if tok.lower not in _FACILITIES:
                continue
            if self.facility is not None and tok.lower == self.facility.noun:
                self.facility.seen = self.index
            owner = None
            for k in range(i - 1, max(-1, i - 5), -1):
                word = tokens[k]
                if _is_possessive(word.text) and word.text[:1].isupper():
                    name = _strip_possessive(word.text)
                    if self._kind(name) is _Kind.ORGANISATION:
                        owner = self.entities.display(name)
                    break
                if word.lower in ("its", "a", "an"):
                    owner = owner_of_subject
                    break
                if not word.is_word or word.lower in _FUNCTION_WORDS:
                    break
            if owner:
                where = _location(tokens[i + 1 :])
                self.facility = _Facility(owner, tok.lower, where, self.index, self.index)

    def _subject_organisation(self, tokens: list[_Token]) -> str | None:
        subject = _find_subject(tokens)
        if subject is None:
            return None
        name = _antecedent(tokens[subject[0] : subject[1]])
        if name and self._kind(name) is _Kind.ORGANISATION:
            return self.entities.display(name)
        return None

    # ----------------------------------------------------------------------------------------
    # Quotes
    # ----------------------------------------------------------------------------------------

    def _reported_speech(self, tokens: list[_Token]) -> list[_Token] | None:
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
            found = _speaker(_trim(tokens[close + 1 :]))
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
            content = _trim(tokens[opening + 1 : -1])
            if head[-1].text == ":":
                subject = _find_subject(head[:-1])
                if subject is None:
                    return None
                speaker = head[subject[0] : subject[1]]
                said = [_added("said")]
            elif head[-1].lower in _SPEECH_VERBS and len(head) >= 2:
                speaker, said = head[:-1], [head[-1]]
            else:
                return None
            if not self._is_speaker(speaker):
                return None
        if not content or not any(tok.is_word for tok in content):
            return None
        offset = _offset(speaker, 0, self.offset)
        pronoun = speaker[0].lower if speaker[0].lower in ("he", "she") else ""
        person = self.entities.person_before(offset + 1) if pronoun else _antecedent(speaker)
        if person is None:
            return None
        org = self.entities.employers.get(self.entities.display(person)) or self._organisation(
            _offset(content, 0, self.offset)
        )
        return [*speaker, *said, _added("that"), *self._unquote(content, person, pronoun, org)]

    def _is_speaker(self, words: Sequence[_Token]) -> bool:
        """Whether a subject is a person: "he", "she", or a name the article types as a person."""
        if len(words) == 1 and words[0].lower in ("he", "she"):
            return True
        name = _antecedent(words)
        return name is not None and self._kind(name) is _Kind.PERSON

    def _unquote(
        self, content: Sequence[_Token], person: str, pronoun: str, org: str | None
    ) -> list[_Token]:
        """Quote words in the reporter's voice: "we"/"our" -> the organisation (then "it"/
        "its"), "I"/"my" -> the speaker ("his"/"her" after "he"/"she"), a common first word in
        lower case."""
        out: list[_Token] = []
        org_named = False
        for tok in content:
            lower = tok.lower
            if org and (lower in _WE_FORMS or lower == "our"):
                if lower == "our":
                    name = "its" if org_named else self._possessive(org)
                else:
                    name = "it" if org_named else org
                org_named = True
                out.append(_replace([tok], name))
                if _WE_FORMS.get(lower):
                    out.append(_added(_WE_FORMS[lower]))
            elif lower in ("myself", "ourselves"):
                reflexive = {"he": "himself", "she": "herself"}.get(pronoun)
                if lower == "ourselves" and org:
                    reflexive = "itself"
                if reflexive:
                    out.append(_replace([tok], reflexive))
            elif lower in _I_FORMS or lower == "my":
                if lower == "my":
                    name = {"he": "his", "she": "her"}.get(pronoun) or self._possessive(person)
                elif lower == "me":
                    name = {"he": "him", "she": "her"}.get(pronoun) or person
                else:
                    name = person
                out.append(_replace([tok], name))
                if _I_FORMS.get(lower):
                    out.append(_added(_I_FORMS[lower]))
            elif out and out[-1].replaced and lower in _AGREEMENT and out[-1].text not in (
                "him", "her", "his", "its"
            ):
                out.append(_Token(_AGREEMENT[lower], tok.start, tok.end, True))
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
            out[0] = _Token(first.text.lower(), first.start, first.end)
        return out


def _offset(tokens: Sequence[_Token], index: int, default: int) -> int:
    """The article offset of token ``index`` (or the nearest spanned token after it)."""
    for tok in tokens[index:]:
        if tok.start >= 0:
            return tok.start
    return default


def _is_appositive(tokens: Sequence[_Token], start: int) -> bool:
    """Whether the words at ``start`` follow "NAME," and so describe it: "Borgward, the brand"."""
    return start >= 2 and tokens[start - 1].text == "," and tokens[start - 2].text[:1].isupper()


def _location(tokens: Sequence[_Token]) -> str:
    """"in Beijing" when ``tokens`` open with "in/at/near" and a capitalised word."""
    if len(tokens) >= 2 and tokens[0].lower in ("in", "at", "near"):
        if tokens[1].text[:1].isupper() and tokens[1].is_word:
            return tokens[0].text + " " + tokens[1].text
    return ""


def _speaker(tail: Sequence[_Token]) -> tuple[list[_Token], list[_Token]] | None:
    """After a quote, the speaker and what they did: "he said at the unveiling" -> (["he"],
    ["said", "at", "the", "unveiling"]); "said Lei Jun" -> (["Lei", "Jun"], ["said"])."""
    if len(tail) < 2:
        return None
    if tail[0].lower in ("he", "she") and tail[1].lower in _SPEECH_VERBS:
        return [tail[0]], list(tail[1:])
    if tail[0].lower in _SPEECH_VERBS:
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
    if 0 < k < len(tail) and tail[k].lower in _SPEECH_VERBS:
        return list(tail[:k]), list(tail[k:])
    return None


def _antecedent(words: Sequence[_Token]) -> str | None:
    """What a following "it" means when ``words`` were the subject: "Tesla" for "Tesla Inc.",
    "the plant" for "The plant", "Lei Jun" for "Founder Lei Jun"; None for a plural ("the new
    rules") or a pronoun, which "it" cannot mean."""
    if _is_proper_name(words) or all(tok.replaced for tok in words if tok.is_word):
        words = [tok for tok in words if tok.is_word]
        while len(words) > 1 and words[-1].lower.rstrip(".") in _COMPANY_SUFFIXES:
            words = words[:-1]
        while len(words) > 1 and words[0].lower in _PERSON_TITLES:
            words = words[1:]
        return " ".join(_strip_possessive(tok.text) for tok in words) or None
    head = words[-1].lower if words else ""
    if not head or head in _PRONOUN_SUBJECTS or head in _RELATIVES:
        return None
    if head.endswith("s") and not head.endswith(("ss", "'s")):
        return None
    phrase = _join(words)
    first = phrase.split(" ", 1)[0]
    if first.lower() in ("a", "an"):
        phrase = "the" + phrase[len(first) :]
    elif first.lower() in _DETERMINERS:
        phrase = first.lower() + phrase[len(first) :]
    return phrase


# --------------------------------------------------------------------------------------------
# Step 4: what is not worth checking
# --------------------------------------------------------------------------------------------


def _is_personal(tokens: Sequence[_Token]) -> bool:
    """Whether a clause is the writer's own experience: "I've been riding e-bikes for years"."""
    return bool(tokens) and not tokens[0].replaced and bool(
        _FIRST_PERSON_START.match(tokens[0].lower)
    )


def _has_hard_figure(text: str) -> bool:
    """Digits outside names, money, a percentage or a date: figures an idiom cannot hide."""
    if _MONEY.search(text) or _PERCENT.search(text) or _DATE.search(text):
        return True
    return _has_number(text, words=False)


def _is_opinion(tokens: Sequence[_Token], judgement: bool, names: frozenset[str]) -> bool:
    """Whether a clause is judgement or hype with nothing checkable in it.

    Intensifiers and idioms ("easily the best-looking", "played its cards best") make an
    opinion unless a hard figure (digits, money, percentage, date) is stated; milder
    evaluation ("quietest", "instant") unless there is any figure or a second name.
    """
    text = _render(tokens)
    # Figures count only from the clause's own words, not from a resolved "it".
    own = _render([tok for tok in tokens if not tok.replaced] or tokens)
    strong = judgement or bool(_STRONG_OPINION.search(own))
    if not strong and not _OPINION.search(own):
        return False
    if _has_hard_figure(own):
        return False
    if strong:
        return True
    if _has_number(own):
        return False
    return _count_names(text, _name_words(names)) < 2
