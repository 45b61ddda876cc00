"""Swedish text → the matcher's index terms: core's words, stop words, stems and word families,
and compound parts.

The analysis is core's (samverkan/core/search_terms.py), the register's search's too: each word
is reduced to one `index_term` (its word family's stem, or its Snowball root), so "föreningar"
and "förening" meet, and so do "unga" and "ungdomar". Swedish writes compounds as one word, so
a word like "idrottsföreningen" is also indexed under its parts ("idrott", "förening") when both
are words of the lexicon below: a need for an "idrottsförening" then finds an offer about
"idrott". The lexicon and the words every posting uses are the matcher's own.
"""

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from samverkan.core import search_terms
from samverkan.core.search_terms import index_term, root

# Words that every posting uses to say that it is a need or an offer: they tell nothing about
# what is needed or offered. Core's stop words are dropped too.
POSTING_WORDS = frozenset(
    """
    också gärna ska vill finns får få kunna även både bland per samt genom fler mer många söker
    behöver behov erbjuder erbjudande erbjuda önskar letar hjälp hjälpa tillsammans gör göra just
    nya ny nytt andra annan annat hos olika
    """.split()  # noqa: SIM905
)
STOP_WORDS = search_terms.STOP_WORDS | POSTING_WORDS

# Words that Swedish compounds are commonly made of in this domain. A compound is split only
# when both of its parts are here, so that ordinary words are not cut into nonsense.
LEXICON_WORDS = """
    idrott förening klubb boll fotboll handboll basket simning dans kultur musik teater konst
    film bibliotek läsning språk läxa läxhjälp hjälp skola elev lärare förskola fritid gård
    fritidsgård ungdom ung barn familj förälder mamma pappa äldre senior pensionär kvinna man
    flicka pojke tjej kille hälsa motion rörelse promenad kost mat måltid matlagning kök odling
    trädgård koloni park miljö klimat natur energi cykel verkstad reparation återbruk kläder
    lokal rum sal hall idrottshall gymnastik gym möte mötesplats plats träff café samtal dialog
    stöd grupp cirkel studie studiecirkel kurs utbildning kompetens handledning mentor coach
    läxa arbete jobb praktik sysselsättning företag näringsliv integration nyanländ svenska
    trygghet våld brott polis natt vandring nattvandring granne grannskap hyresgäst bostad
    boende hus område stadsdel torg gata ensamhet social psykisk ohälsa stress sömn diabetes
    vikt funktion funktionsnedsättning rullstol tillgänglighet syn hörsel tolk kommunikation
    digital dator data teknik it webb sociala medier information broschyr översättning volontär
    frivillig ideell ledare tränare kör orkester ensemble utställning festival evenemang
    fest marknad loppis insamling bidrag finansiering fond ansökan projekt budget ekonomi
    redovisning juridik styrelse demokrati delaktighet inflytande påverkan röst val sommar
    vinter lov sommarlov höstlov sportlov helg kväll dag vecka läger resa utflykt scout
    friluftsliv skog hav bad strand sim simskola vatten båt segling ridning häst hund schack
    spel brädspel lek lekplats skatepark spontanidrott utegym bana plan konstgräs religion kyrka
    moské församling tro samfund diakoni hem hemlös matkasse kris jour telefon chatt lyssna film
    foto bild media radio tidning skrivande poesi berättelse historia museum arkiv bygg snickeri
    målning hantverk sy stickning transport buss bil skjuts träning vandring lott stad odling
    läkare vård sjukvård tandvård vaccination livsstil friskvård samtal grupp boule pass
    skate skridsko disco ledarskap vän besök
    """.split()  # noqa: SIM905


@lru_cache(maxsize=1)
def _lexicon_roots() -> frozenset:
    return frozenset(root(word) for word in LEXICON_WORDS)


@lru_cache(maxsize=1)
def _stop_terms() -> frozenset:
    return frozenset(index_term(word) for word in STOP_WORDS) | STOP_WORDS


@lru_cache(maxsize=20_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The index terms of the lexicon words a compound is made of ("idrottsföreningen" →
    idrott, förening), or () when it is not such a compound. Handles the linking s and
    two-level compounds."""
    lexicon = _lexicon_roots()
    if len(word) < 7:
        return ()
    for cut in range(len(word) - 3, 2, -1):  # the longest known first part first
        left, right = word[:cut], word[cut:]
        if root(left) in lexicon or left in lexicon:
            first = left
        elif left.endswith("s") and len(left) > 3 and root(left[:-1]) in lexicon:
            first = left[:-1]
        elif left.endswith("o") and root(left[:-1] + "a") in lexicon:  # hälsodialog
            first = left[:-1] + "a"
        else:
            continue
        if root(right) in lexicon:
            return (index_term(first), index_term(right))
        deeper = compound_parts(right)
        if deeper:
            return (index_term(first), *deeper)
    return ()


def words(text: str) -> list[str]:
    """Core's words of a text, those of letters only: numbers say nothing of a need."""
    return [word for word in search_terms.words(text) if word.isalpha()]


@dataclass(frozen=True)
class Analysis:
    """A text's terms with their frequencies, and the word each term was first written as."""

    tf: Counter
    surface: dict

    @property
    def length(self) -> int:
        return sum(self.tf.values())


def analyse(title: str, text: str) -> Analysis:
    """Index terms of a posting. The title counts twice: it says what the posting is about."""
    tf: Counter = Counter()
    surface: dict[str, str] = {}
    stop = _stop_terms()
    for source, weight in ((title, 2), (text, 1)):
        for word in words(source):
            if len(word) < 2 or word in STOP_WORDS:
                continue
            terms = [index_term(word), *compound_parts(word)]
            for term in dict.fromkeys(terms):  # each term once per word, in order
                if len(term) < 2 or term in stop or len(term) > 100:
                    continue
                tf[term] += weight
                surface.setdefault(term, word[:100])
    return Analysis(tf=tf, surface=surface)


def query_weight(tf: int) -> float:
    """How much a term's repetition in the query counts: sublinear, so that one word repeated
    does not outweigh several different shared words."""
    return 1.0 + math.log(tf) if tf > 0 else 0.0
