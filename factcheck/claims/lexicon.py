"""Word lists for the claim heuristics (there is no tagger): closed word classes, a small verb
lexicon, a gazetteer of places, cue words for organisations, people and products, and dates.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """Comma-separated, lower-cased multi-word entries ("new york, hong kong")."""
    return frozenset(" ".join(part.split()) for part in text.lower().split(",") if part.strip())


AUXILIARIES = _words(
    "is are was were am has have had will would shall should can could may might must does do "
    "did isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't cannot couldn't "
    "shouldn't doesn't don't didn't"
)
IRREGULAR_PAST = _words(
    "took made began became said told gave got went came built bought sold led won lost paid grew "
    "rose fell saw found left kept held brought thought spent sent ran wrote drove chose broke "
    "spoke stood met knew struck sought taught caught fought overtook undertook withdrew drew "
    "flew forgot understood shook threw wore felt meant heard lent dealt slid fed fled sped "
    "swept slept shot lit stuck hung swung sprang sang rang sank swam woke rode froze stole "
    "forgave ate bound wound sat lay laid slew tore swore bore spun dug shone strove"
)
# Prefixes that keep an irregular past a verb: "rebuilt", "outsold", "oversaw", "upheld".
VERB_PREFIXES = ("re", "out", "over", "under", "up", "mis", "fore", "with")
# Past tenses spelled like the base form: verbs only right after a subject.
SAME_FORM_PAST = _words(
    "set put cut hit let quit spread cost hurt shut bet split read beat cast broadcast "
    "forecast upset"
)
# Verb stems whose -s and -ed forms count as finite verbs (a lexicon, since there is no tagger).
VERB_STEMS = _words(
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
DETERMINERS = _words(
    "a an the this that these those its their his her our my your some any each every no "
    "another such"
)
NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions "
    "billion billions trillion dozen dozens several multiple"
)
PREPOSITIONS = _words(
    "in on at by for with from to of about after before during since until till up over under "
    "into onto across through between among against without within beyond despite like near "
    "around behind than via per upon toward towards along inside outside throughout amid"
)
SUBORDINATORS = _words(
    "if when while whereas although though because as since unless once whether after before "
    "where which who that so and or but nor yet"
)
RELATIVES = _words("which who whose")
PRONOUN_SUBJECTS = _words("it he she they we i you this that there here")
OBJECT_PRONOUNS = _words("it them him her us me")
PARTICLES = _words("up down out off over on in into with to back away aside")
# Approximators that may open a subject before a number: "about 4,000 workers will ...".
APPROXIMATORS = _words("about around nearly almost over under roughly some approximately")
FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | SUBORDINATORS | PRONOUN_SUBJECTS
CONTRAST_OPENERS = _words("whereas while although though")
MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
UNITS = _words("celsius fahrenheit kelvin")
DEMONYMS = _words(
    "chinese american german japanese korean indian british french european asian russian "
    "italian spanish canadian australian pakistani taiwanese swedish dutch swiss israeli "
    "brazilian mexican african arab arabic turkish vietnamese thai indonesian malaysian "
    "singaporean saudi iranian ukrainian polish norwegian danish finnish irish scottish english "
    "western eastern northern southern"
)
# People named by their country ("the Swede", "the Spaniard"): a description, not a name.
NATIONALITY_NOUNS = _words(
    "swede dane finn pole briton brit scot spaniard turk dutchman frenchman englishman irishman "
    "welshman kiwi norwegian american australian canadian german italian russian brazilian "
    "argentine argentinian mexican japanese chinese indian kenyan ethiopian belgian swiss"
)
COUNTRIES = _phrases(
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
CITIES = _phrases(
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
REGIONS = _phrases(
    "asia, europe, africa, oceania, antarctica, north america, south america, latin america, "
    "middle east, southeast asia, east asia, south asia, central asia, eastern europe, "
    "western europe, scandinavia, pacific, atlantic, arctic, california, texas, ohio, "
    "michigan, nevada, arizona, florida, georgia, new york state, tennessee, kentucky, "
    "alabama, south carolina, north carolina, oregon, illinois, indiana, silicon valley, "
    "bavaria, guangdong, jiangsu, zhejiang, shandong, hainan, tibet, xinjiang, "
    "inner mongolia, hokkaido, ontario, quebec, british columbia, alberta, siberia"
)
PLACE_NAMES = COUNTRIES | CITIES | REGIONS
# Last words that make a name a place: "Beijing Economic-Technological Development Area".
PLACE_HEADS = _words(
    "area zone province district county region valley ocean sea island islands mountains "
    "river lake bay peninsula prefecture city"
)
# All-caps words that are common nouns, not organisations.
COMMON_ACRONYMS = _words(
    "ev evs nev nevs ai ceo cto cfo coo r&d us usa uk eu un gdp ipo tv pc pcs suv suvs os app "
    "apps it id ok faq pdf usb gps led lcd oled cpu gpu gpus ram ssd 5g 4g km kwh mph q1 q2 q3 "
    "q4 hq ota adas lidar abs ice phev phevs bev bevs"
)
# Company suffixes that are not part of the name ("Tesla Inc." is "Tesla").
COMPANY_SUFFIXES = _words("inc ltd corp corporation co llc plc gmbh ag sa nv bv se")
# Words that mark the name they end (or contain) as an organisation's.
ORG_WORDS = COMPANY_SUFFIXES | _words(
    "group motor motors mobility auto autos automotive automobile technologies technology tech "
    "electronics holdings holding industries bank airlines airways labs laboratories systems "
    "networks energy semiconductor semiconductors pharmaceuticals pharma capital partners "
    "ventures media foods communications telecom software solutions studios entertainment "
    "robotics dynamics aerospace logistics securities insurance financial investments "
    "enterprises international manufacturing"
)
# Nouns that describe an organisation: "rival Polestar", "Borgward, the German brand".
ORG_NOUNS = _words(
    "company companies firm maker carmaker automaker startup start-up brand rival giant "
    "manufacturer conglomerate subsidiary vendor retailer supplier lender insurer airline "
    "operator developer chipmaker competitor corporation venture"
)
THING_PREFIXES = _words("project operation")
NAMING_VERBS = _words("codenamed code-named called named dubbed")
FACILITIES = _words(
    "factory plant facility site gigafactory campus refinery mill warehouse"
)
PHASES = _words("phase stage")
# Nouns for what happened or when, not for a name: ", a decision he announced on 9 June" and
# ", the first trading day after the accident" describe an act or a time, never the name before
EVENT_NOUNS = _words(
    "decision result day days week weeks month months year years time moment loss losses win "
    "wins victory defeat measure detail investment purchase verdict move step blow setback "
    "sign reminder marathon race match game season outcome announcement ruling vote jump drop "
    "rise fall increase decline gain")
VERSIONS = _words("version variant trim edition")
SPEECH_VERBS = _words(
    "said says emphasized emphasised told tells added adds noted stated explained argued "
    "insisted stressed tweeted wrote remarked commented recalled warned predicted claimed "
    "announced declared"
)
PERSON_TITLES = _words(
    "mr mrs ms dr prof ceo cfo cto coo founder co-founder cofounder chairman chairwoman "
    "president minister spokesperson spokesman spokeswoman analyst executive director chief "
    "officer manager engineer economist secretary governor senator mayor premier chancellor "
    "boss vice-president"
)
# Words before a title that are not part of the name after them: "Former Intel engineer X".
TITLE_MODIFIERS = _words("former late acting interim outgoing incoming ex")
# Verbs whose subject, before a capitalised object, is a person: "Lei Jun founded Xiaomi".
FOUNDING_VERBS = _words("founded co-founded cofounded")
# Words before a month that make it a date, not a name: "in May", "until Jun".
MONTH_PREPOSITIONS = _words(
    "in since by until till from through during before after early late mid of last next this"
)
# Verbs a company is the subject of; a capitalised word before one is probably a company.
COMPANY_VERBS = _words(
    "sell deliver launch unveil announce invest sign register produce manufacture build "
    "open acquire buy hire employ plan report post ship release raise cancel partner team "
    "showcase establish found apply receive win price list file agree develop operate own "
    "make export import supply expand close recall"
)
COMMON_NOUN_ENDINGS = (
    "ment", "tion", "sion", "ness", "ity", "ance", "ence", "ing", "ship", "ism", "ure", "ery",
    "ics", "ogy",
)
NON_ANAPHORIC = _words(
    "first second third fourth fifth last only same other parent new next former largest "
    "biggest leading top another"
)
ORDINALS = _words("first second third fourth fifth sixth final last")
# What only an organisation has: "its rival", "its second model" point at a company.
CORPORATE = ORG_NOUNS | PERSON_TITLES | _words(
    "rivals competitors shares stock revenue revenues profit profits headquarters board "
    "employees workforce staff shareholders investors subsidiaries brands model models "
    "product products car cars phone phones"
)

# First-person words of a quote, and the verb each contraction carries once the pronoun is
# replaced by a name ("we've" -> "Xiaomi has"); verbs that must then agree with a name.
WE_FORMS = {"we": "", "us": "", "we've": "has", "we're": "is", "we'll": "will", "we'd": "would"}
I_FORMS = {"i": "", "me": "", "i've": "has", "i'm": "is", "i'll": "will", "i'd": "would"}
AGREEMENT = {"have": "has", "are": "is", "were": "was", "am": "is", "do": "does"}

# Dates a claim states: a figure for the score, and a sign that an appositive after one
# describes the clause subject.
DATE = re.compile(
    r"\b(?:1[89]\d{2}|20\d{2})s?\b|\bQ[1-4]\b|\b(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?=\.|\s+\d)|"
    r"\b(?:first|second|third|fourth) quarter\b|\b(?:last|next|this) (?:year|month|week)\b"
)

# Words ending in -est that the catch-all superlative opinion cue skips: "test", "interest",
# superlatives of fact ("largest"); "best" has a cue of its own.
NEUTRAL_EST_WORDS = _words(
    "best test rest west nest guest quest request interest invest harvest protest contest "
    "honest modest manifest forest arrest suggest digest chest crest vest zest pest lest "
    "attest detest behest conquest midwest southwest northwest priest latest earliest "
    "largest biggest smallest highest lowest fastest slowest cheapest longest shortest "
    "oldest newest youngest heaviest lightest richest poorest widest deepest tallest "
    "busiest greatest strongest weakest dearest nearest furthest farthest"
)
