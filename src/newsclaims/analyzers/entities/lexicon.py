"""Word lists the mention finder relies on: titles, connectors, function words and name heads.

Everything is lower-cased (with ``’`` folded to ``'``) except where a list says otherwise, so
lookups use :func:`fold`. The lists are small on purpose: they describe English news prose,
not the world; the world is in the knowledge base.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = [
    "CONNECTORS",
    "LOCATION_HEADS",
    "MEDIA_HEADS",
    "NOMINAL_FOLLOWERS",
    "NOT_ENTITIES",
    "ON_JOINERS",
    "OPENERS",
    "ORG_FIRST",
    "ORG_HEADS",
    "OTHER_HEADS",
    "PRONOUNS",
    "STOP",
    "SUFFIXES",
    "SURNAME_WORDS",
    "TITLES",
    "fold",
    "given_name_genders",
    "given_names",
    "wordset",
]


@lru_cache(maxsize=1 << 16)  # news repeats its words; a lookup is cheaper than the work
def fold(word: str) -> str:
    """``word`` lower-cased, curly apostrophes straightened, the period of an abbreviation
    dropped and, if not ASCII, accents removed.

    Two spellings that differ only in these ways ("Erdoğan" / "Erdogan", "Shi’ite" /
    "shi'ite", "Inc." / "Inc") fold to the same key.
    """
    word = word.lower().replace("’", "'")
    if word.endswith(".") and word.count(".") == 1:
        word = word[:-1]  # "Inc." is "Inc", "Gen." is "Gen"; "U.S." keeps its periods
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def wordset(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``, as a set."""
    return frozenset(text.split())


# Lower-case words that may sit inside a name between capitalised words ("Bank of America",
# "Osama bin Laden", "Organization of the Petroleum Exporting Countries"). "and" and "on"
# join two names more often than they sit inside one: the mention finder splits there
# unless an alias or a joiner ("Commission on ...") keeps them together.
CONNECTORS = wordset(
    "of for on the and & de del della der den di du da do dos das van von la le al el"
    " bin ibn bint abu y"
)

# Capitalised words that never begin or end a name, and never make one alone: pronouns,
# determiners, function words, days, months, time zones. Folded.
STOP = wordset(
    """the a an this that these those there here he she it they we i you his her its their our
    my your me him them us who whom whose what which when where why how whoever whatever
    but and or nor so yet if then than because although though while whereas unless until
    after before since as at in on for from with by to of into onto over under about above
    below between among against during without within through across along around behind
    beyond near off out up down upon via per despite except including like unlike
    asked according however meanwhile still also even only just now today yesterday tomorrow
    tonight last next some many most more much all both each every either neither other
    another such no not yes yeah oh ok okay please thanks thank dear hello hi well
    is are was were be been being am do does did have has had will would shall should can
    could may might must let let's i'm i've i'll i'd we're we've you're they're it's that's
    there's here's what's don't doesn't didn't can't won't isn't aren't wasn't weren't
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec mr mrs ms dr sir madam jr sr sens reps
    edt est pdt pst cdt cst mdt mst gmt utc bst
    said says told added noted stated explained asked wrote reported announced"""
)

# Capitalised words that open sentences (and headlines) but do not begin a name there;
# in mid-sentence they may ("Second Amendment", "New Hampshire"). Folded.
OPENERS = wordset(
    """first second third one two three four five six seven eight nine ten eleven twelve
    twenty thirty forty fifty sixty seventy eighty ninety hundred thousand thousands million
    millions billion several few senior top new old former current acting deputy chief
    senior-level early late later earlier recent recently further furthermore moreover
    instead again once finally following latest breaking update updated exclusive analysis
    opinion editorial photo video watch read check see click share more most less least
    many much other another among amid despite during members member officials leaders
    supporters critics residents voters protesters experts analysts lawmakers sources
    fortunately unfortunately sadly clearly obviously indeed nearly almost roughly"""
)

# Capitalised adjectives and nouns of peoples, faiths and directions that are not, by
# themselves, an entity this linker reports ("Shi'ite militants", "Western officials").
NOT_ENTITIES = wordset(
    """shi'ite shiite shia shi'ites shiites sunni sunnis muslim muslims islamic islamist
    islamists christian christians catholic catholics protestant protestants evangelical
    evangelicals jewish jew jews hindu hindus buddhist buddhists arab arabs arabic kurdish
    kurd kurds persian pashtun baluch alawite alawites druze sikh sikhs
    western eastern northern southern westerners european europeans asian asians african
    africans hispanic hispanics latino latinos latina black white caucasian
    english internet web god allah tv fellow senior fellow federal national state
    international global central general royal united city
    god's democratic-led republican-led gop-led
    ceo cfo coo president prime minister secretary senator governor general ambassador
    spokesman spokeswoman spokesperson chairman chairwoman director minister mayor king
    queen prince princess sheikh ayatollah pope imam cleric commander officials official"""
)

# Titles and roles that precede a person's name and are not part of it. Multi-word titles
# are space-joined; hyphens are dropped ("Brigadier-General" → "brigadier general").
TITLES = frozenset(
    t.strip()
    for t in """
    mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|prof|prof.|professor|sir|dame|lord|lady
    president|vice president|president-elect|prime minister|deputy prime minister|premier
    chancellor|minister|foreign minister|defense minister|defence minister|interior minister
    finance minister|oil minister|deputy foreign minister|secretary|secretary of state
    defense secretary|defence secretary|foreign secretary|home secretary|state secretary
    secretary-general|secretary general|un secretary-general|attorney general|treasury secretary
    senator|sen|sen.|sens|sens.|representative|reps|reps.|rep|rep.|congressman|congresswoman|governor|gov|gov.
    lieutenant governor|mayor|ambassador|envoy|special envoy|spokesman|spokeswoman|spokesperson
    chief|speaker|house speaker|majority leader|minority leader|leader|supreme leader|chairman
    chairwoman|chair|director|ceo|chief executive|founder|judge|justice|chief justice
    general|gen|gen.|brigadier|brigadier general|brig|brig.|brig. gen|brig. gen.
    major general|maj|maj.|maj. gen|maj. gen.|lieutenant general|lt|lt.|lt. gen|lt. gen.
    lieutenant|lieutenant colonel|lt. col|lt. col.|colonel|col|col.|major|captain|capt|capt.
    admiral|adm|adm.|vice admiral|rear admiral|commander|cmdr|cmdr.|sergeant|sgt|sgt.
    corporal|cpl|cpl.|private|pvt|pvt.|marshal|field marshal|air marshal|commodore
    king|queen|prince|princess|crown prince|sheikh|sheik|emir|sultan|ayatollah
    grand ayatollah|hojatoleslam|imam|mullah|cleric|rev|rev.|reverend|pope|cardinal
    archbishop|bishop|rabbi|father|pastor|president elect|first lady|former president
    nominee|candidate|democratic nominee|republican nominee|presidential candidate
    attorney|city attorney|district attorney|state attorney|councilman|councilwoman
    commissioner|sheriff|police chief|superintendent|coach|dean|delegate|del|del.|assemblyman
    assemblywoman|state senator|state representative|state sen.|state rep.""".replace(
        "\n", "|"
    ).split("|")
    if t.strip()
)
# The longest title, in words, so the scan knows how far to look.
TITLE_MAX_WORDS = max(len(t.split()) for t in TITLES)

# Name suffixes ignored when taking a person's surname ("Martin Luther King Jr.").
SUFFIXES = wordset("jr jr. sr sr. ii iii iv")

# Last words that make a name an organisation or a place.
ORG_HEADS = wordset(
    """party council ministry department agency bureau office force forces army navy
    guard guards corps brigade brigades battalion militia front movement committee
    commission court union association organization organisation institute foundation
    university college school hospital bank fund group company corporation corp corp. inc
    inc. ltd ltd. llc plc co co. news times post journal tribune herald network
    television tv radio press service services board authority parliament assembly senate
    congress cabinet administration government embassy consulate police church mosque
    airlines airways motors industries holdings partners capital systems technologies
    league federation alliance coalition club team campaign center centre institution
    energy mining coal oil gas steel healthcare media communications entertainment pictures
    studios records foods brands labs software electric pharmaceuticals resources insurance
    securities investments ventures consulting strategies solutions magazine pac pacs"""
)
ORG_FIRST = wordset(
    "ministry department bank university college institute council committee office"
)
LOCATION_HEADS = wordset(
    """city county province district region island islands river mountains mountain
    valley street avenue square park airport gulf sea ocean lake bay strait peninsula desert
    coast border camp village town heights hills plain basin canal mall"""
)

# Personal and demonstrative pronouns a source span may be ("He said", "it says").
PRONOUNS = wordset("he she it they him her them we i you his its their this that these those")

# What may follow "the military" when it names an armed force ("the military said"), as
# opposed to modifying a noun ("the military spokesman"). Folded.
NOMINAL_FOLLOWERS = wordset(
    """says said say has had have is was were will would could can may might must did does
    also added announced reported confirmed denied accused claimed stated told insisted
    warned acknowledged admitted described displayed released issued blamed estimated
    believes believed 's ' , . ; : ) and in on at for of to"""
)


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """The curated given names in package data, exactly as capitalised there, each with
    whom news mostly gives it: "f" (women), "m" (men) or "u" (either)."""
    text = resources.files(__package__).joinpath("data", "given_names.txt").read_text("utf-8")
    rows = (line.split() for line in text.splitlines() if line.strip() and line[0] != "#")
    return {row[0]: row[1] if len(row) > 1 else "u" for row in rows}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The curated given names in package data, exactly as capitalised there."""
    return frozenset(given_name_genders())


# Heads that take "on" inside a name ("Commission on Presidential Debates").
ON_JOINERS = wordset("commission committee council conference subcommittee panel board court")
# Last words of newspaper names, which news shortens to that word ("The Post has learned").
MEDIA_HEADS = wordset(
    """post times journal tribune herald globe star sun telegraph guardian observer examiner
    chronicle enquirer gazette independent mirror express republic inquirer bulletin"""
)
# Last words that make a name an event, a law, a programme or a work: "other", never a person.
OTHER_HEADS = wordset(
    """show program programme plan act bill law prize award awards day week war pact treaty
    summit games cup festival amendment doctrine initiative deal accord agreement report"""
)
# Function words that are also surnames ("Theresa May"): alone, they are a name only when
# the article gives someone that surname.
SURNAME_WORDS = wordset("may")
