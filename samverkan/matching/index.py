"""The matching index: per-posting terms and per-direction term statistics, kept in step with
every write, and the ranking of counterparts from them.

Design (SQLite and PostgreSQL alike):

- `PostingTerm` holds each open posting's terms with their frequency, plus the columns that the
  scoring query filters on, under one covering index (agreement, direction, term, …).
- `TermStat` holds each term's document frequency per agreement and direction, and a row with
  the empty term that counts the documents and their lengths. Both are written in the
  transaction that writes the posting, so a new or edited posting is matchable at once, in
  every worker process, with no rebuild.
- Each index row carries the term's BM25 weight in its posting before idf (`impact`), and the
  covering index is in impact order within a term. Ranking reads, for each of the query's most
  telling terms, only its CHAMPIONS best postings (a range scan that stops early), sums
  idf × impact per posting in one aggregate query and returns a shortlist; Python then adds
  what text cannot say (shared areas and districts, complementary sectors, the same kind) and
  explains each suggestion. The work per query is bounded, whatever the size of the index.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Value, prefetch_related_objects
from django.utils import timezone

from samverkan.actors.models import Sector
from samverkan.matching.models import Match, Posting, PostingTerm, TermStat
from samverkan.matching.text import analyse, query_weight

# BM25 parameters: the usual ones.
K1 = 1.2
B = 0.75
# The query uses at most this many of its terms, those with the highest weight (idf × query
# frequency). Frequent terms add little to BM25 and cost the most rows to read.
MAX_QUERY_TERMS = 12
# Per query term, only the postings where it weighs most are read ("champion lists"): the work
# per query is bounded by MAX_QUERY_TERMS × CHAMPIONS rows however large the index grows.
CHAMPIONS = 300
# How many candidates the SQL shortlist returns per suggestion asked for.
SHORTLIST_FACTOR = 3
MIN_SHORTLIST = 30

# Bonuses added to the text score (normalised to 0–1 within the shortlist).
AREA_BONUS = 0.25
EXTRA_AREA_BONUS = 0.05
DISTRICT_BONUS = 0.2
SECTOR_BONUS = 0.2
KIND_BONUS = 0.1

CITY = Sector.MUNICIPALITY
CIVIL = Sector.CIVIL_SOCIETY


# ---------------------------------------------------------------------------------------------
# Writing the index
# ---------------------------------------------------------------------------------------------


def impact(tf: int, length: int, average_length: float) -> float:
    """BM25's term-frequency part: how much a term says about one posting, before idf."""
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / max(average_length, 1.0)))


def _average_length(agreement_id, direction, *, adding: int = 0, documents: int = 1) -> float:
    corpus = TermStat.objects.filter(
        agreement_id=agreement_id, direction=direction, term=""
    ).first()
    count = (corpus.df if corpus else 0) + documents
    total = (corpus.total_length if corpus else 0) + adding
    return total / count if count else 1.0


def _rows_for(posting, analysis, average_length: float) -> list[PostingTerm]:
    length = analysis.length
    return [
        PostingTerm(
            posting_id=posting.pk,
            agreement_id=posting.agreement_id,
            direction=posting.direction,
            organisation_id=posting.organisation_id,
            valid_until=posting.valid_until,
            term=term,
            tf=min(tf, 32_000),
            length=length,
            impact=impact(tf, length, average_length),
            word=analysis.surface[term],
        )
        for term, tf in analysis.tf.items()
    ]


def _change_stats(agreement_id, direction, terms, *, documents: int, length: int) -> None:
    """Add `documents` (±1 or more) to the df of `terms`, and to the direction's document count
    and summed length. Missing rows are created first, so that concurrent writers only ever
    update rows (the database serialises those)."""
    terms = sorted(set(terms))
    TermStat.objects.bulk_create(
        [TermStat(agreement_id=agreement_id, direction=direction, term=t) for t in ["", *terms]],
        ignore_conflicts=True,
    )
    TermStat.objects.filter(agreement_id=agreement_id, direction=direction, term="").update(
        df=F("df") + documents, total_length=F("total_length") + length
    )
    for start in range(0, len(terms), 500):
        TermStat.objects.filter(
            agreement_id=agreement_id, direction=direction, term__in=terms[start : start + 500]
        ).update(df=F("df") + documents)


def _unindex_locked(posting) -> None:
    old = list(
        PostingTerm.objects.filter(posting=posting).values_list("agreement_id", "direction", "term")
    )
    if posting.index_length is not None and old:
        agreement_id, direction = old[0][0], old[0][1]
        PostingTerm.objects.filter(posting=posting).delete()
        _change_stats(
            agreement_id,
            direction,
            [term for _a, _d, term in old],
            documents=-1,
            length=-posting.index_length,
        )
    elif old:
        PostingTerm.objects.filter(posting=posting).delete()


@transaction.atomic
def index_posting(posting: Posting) -> None:
    """Bring the posting's index rows and the term statistics in line with the posting.

    Open postings are indexed; withdrawn and closed ones leave the index. Call inside the
    transaction that saves the posting (the services do).
    """
    locked = Posting.objects.select_for_update().only("pk", "index_length").get(pk=posting.pk)
    _unindex_locked(locked)
    if posting.status != Posting.Status.OPEN:
        Posting.objects.filter(pk=posting.pk).update(index_length=None)
        posting.index_length = None
        return
    analysis = analyse(posting.title, posting.text)
    average = _average_length(posting.agreement_id, posting.direction, adding=analysis.length)
    PostingTerm.objects.bulk_create(_rows_for(posting, analysis, average))
    _change_stats(
        posting.agreement_id,
        posting.direction,
        analysis.tf.keys(),
        documents=1,
        length=analysis.length,
    )
    Posting.objects.filter(pk=posting.pk).update(index_length=analysis.length)
    posting.index_length = analysis.length


@transaction.atomic
def bulk_index(postings) -> int:
    """Index many open postings that are not in the index yet (demo data, benchmark, imports).

    Rows are written with executemany and the statistics with one update per term, which is
    much faster than indexing one posting at a time. Returns the number of postings indexed.
    """
    postings = [p for p in postings if p.status == Posting.Status.OPEN and p.index_length is None]
    df: dict[tuple, int] = defaultdict(int)
    docs: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    lengths: list[tuple[int, int]] = []
    table = PostingTerm._meta.db_table
    columns = (
        "posting_id, agreement_id, direction, organisation_id, valid_until, term, tf, length, "
        "impact, word"
    )
    sql = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"  # noqa: S608  # nosec B608
    analysed = []
    for posting in postings:
        analysis = analyse(posting.title, posting.text)
        key = (posting.agreement_id, posting.direction)
        docs[key][0] += 1
        docs[key][1] += analysis.length
        lengths.append((posting.pk, analysis.length))
        analysed.append((posting, analysis))
    averages = {
        key: _average_length(*key, adding=total, documents=count)
        for key, (count, total) in docs.items()
    }
    batch: list[tuple] = []
    with connection.cursor() as cursor:
        for posting, analysis in analysed:
            key = (posting.agreement_id, posting.direction)
            for term, tf in analysis.tf.items():
                df[(*key, term)] += 1
                batch.append(
                    (
                        posting.pk,
                        posting.agreement_id,
                        posting.direction,
                        posting.organisation_id,
                        posting.valid_until,
                        term,
                        min(tf, 32_000),
                        analysis.length,
                        impact(tf, analysis.length, averages[key]),
                        analysis.surface[term],
                    )
                )
            if len(batch) >= 20_000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
    keys = {(a, d) for a, d, _t in df} | set(docs)
    TermStat.objects.bulk_create(
        [TermStat(agreement_id=a, direction=d, term="") for a, d in keys]
        + [TermStat(agreement_id=a, direction=d, term=t) for a, d, t in df],
        ignore_conflicts=True,
        batch_size=2000,
    )
    by_count: dict[tuple, list[str]] = defaultdict(list)
    for (agreement_id, direction, term), count in df.items():
        by_count[(agreement_id, direction, count)].append(term)
    for (agreement_id, direction, count), terms in by_count.items():
        for start in range(0, len(terms), 500):
            TermStat.objects.filter(
                agreement_id=agreement_id, direction=direction, term__in=terms[start : start + 500]
            ).update(df=F("df") + count)
    for (agreement_id, direction), (count, total) in docs.items():
        TermStat.objects.filter(agreement_id=agreement_id, direction=direction, term="").update(
            df=F("df") + count, total_length=F("total_length") + total
        )
    by_length: dict[int, list[int]] = defaultdict(list)
    for pk, length in lengths:
        by_length[length].append(pk)
    for length, pks in by_length.items():
        for start in range(0, len(pks), 500):
            Posting.objects.filter(pk__in=pks[start : start + 500]).update(index_length=length)
    return len(postings)


@transaction.atomic
def rebuild_index() -> int:
    """Index every open posting afresh, after the text analysis changed (the terms are derived
    data). Returns the number of postings indexed."""
    PostingTerm.objects.all().delete()
    TermStat.objects.all().delete()
    Posting.objects.exclude(index_length=None).update(index_length=None)
    return bulk_index(Posting.objects.filter(status=Posting.Status.OPEN).order_by("pk"))


# ---------------------------------------------------------------------------------------------
# Ranking
# ---------------------------------------------------------------------------------------------


@dataclass
class SharedWord:
    term: str
    word: str  # as the posting asked about writes it
    other: str  # as the suggested posting writes it

    def __str__(self):
        return self.word if self.word == self.other else f"{self.word} ~ {self.other}"


@dataclass
class Suggestion:
    """A counterpart posting, its score and why it was suggested."""

    posting: Posting
    score: float
    text_score: float
    shared_words: list[SharedWord] = field(default_factory=list)
    shared_areas: list = field(default_factory=list)
    shared_districts: list = field(default_factory=list)
    complementary_sectors: bool = False
    same_kind: bool = False


@dataclass
class OrganisationSuggestion:
    organisation: object
    score: float
    postings: list[Posting]


def _scoring_sql(term_count: int) -> str:
    """Each query term's CHAMPIONS best postings by impact (an index range scan that stops
    early), weighted by the term's idf, summed per posting."""
    table = PostingTerm._meta.db_table
    # Built from constants and placeholders only; every value travels as a parameter.
    per_term = (
        f"SELECT * FROM (SELECT posting_id, impact * %s AS part FROM {table} "  # noqa: S608  # nosec B608
        "WHERE agreement_id = %s AND direction = %s AND term = %s AND organisation_id <> %s "
        "AND (valid_until IS NULL OR valid_until >= %s) ORDER BY impact DESC LIMIT %s) AS t{n}"
    )
    union = " UNION ALL ".join(per_term.format(n=n) for n in range(term_count))
    return (
        f"SELECT posting_id, SUM(part) AS score FROM ({union}) AS hits "  # noqa: S608  # nosec B608
        "GROUP BY posting_id ORDER BY score DESC, posting_id LIMIT %s"
    )


def _query_terms(posting: Posting, direction: str):
    """The query's terms with their weights (idf × query weight), the most telling first."""
    analysis = analyse(posting.title, posting.text)
    if not analysis.tf:
        return analysis, []
    stats = {
        row.term: row
        for row in TermStat.objects.filter(
            agreement_id=posting.agreement_id,
            direction=direction,
            term__in=["", *analysis.tf.keys()],
        )
    }
    corpus = stats.get("")
    if corpus is None or corpus.df <= 0:
        return analysis, []
    documents = corpus.df
    weighted = []
    for term, tf in analysis.tf.items():
        stat = stats.get(term)
        if stat is None or stat.df <= 0:
            continue
        idf = math.log(1 + (documents - stat.df + 0.5) / (stat.df + 0.5))
        weighted.append((term, idf * query_weight(tf)))
    weighted.sort(key=lambda pair: (-pair[1], pair[0]))
    return analysis, weighted[:MAX_QUERY_TERMS]


def shortlist(posting: Posting, limit: int, *, on=None) -> tuple[object, list[tuple[int, float]]]:
    """(posting id, BM25 score) of the best counterparts by text, best first."""
    direction = posting.counterpart_direction
    analysis, weighted = _query_terms(posting, direction)
    if not weighted:
        return analysis, []
    day = on or timezone.localdate()
    params: list = []
    for term, weight in weighted:
        params += [weight, posting.agreement_id, direction, term, posting.organisation_id]
        params += [day, CHAMPIONS]
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(_scoring_sql(len(weighted)), params)
        rows = cursor.fetchall()
    return analysis, [(pk, float(score)) for pk, score in rows]


def _complementary(sector_a: str, sector_b: str) -> bool:
    return {sector_a, sector_b} == {CITY, CIVIL}


def suggest(
    posting: Posting, *, limit: int = 10, on=None, with_relations: bool = False
) -> list[Suggestion]:
    """The best counterparts of a posting, with their reasons.

    A need is matched against offers and an offer against needs, of the same agreement and of
    other organisations, open and valid on `on` (today), excluding pairs that were declined.
    A fixed number of queries, whatever the size of the index: the shortlist is re-ranked from
    light rows, and only the final suggestions are loaded as postings (with their organisation;
    with their areas and districts too if `with_relations`).
    """
    analysis, candidates = shortlist(posting, max(MIN_SHORTLIST, limit * SHORTLIST_FACTOR), on=on)
    if not candidates:
        return []
    ids = [pk for pk, _score in candidates]
    need_side = posting.direction == Posting.Direction.NEED
    declined = Match.objects.filter(status=Match.Status.DECLINED).filter(
        **(
            {"need": posting, "offer": OuterRef("pk")}
            if need_side
            else {"offer": posting, "need": OuterRef("pk")}
        )
    )
    # The candidates are loaded whole, with what their page shows: ranking needs their kind and
    # sector, and the best of them are the suggestions (one query instead of two).
    loaded = {
        candidate.pk: candidate
        for candidate in Posting.objects.filter(pk__in=ids).exclude(Exists(declined)).with_owner()
    }
    own_areas = {a.pk: a for a in posting.areas.all()}
    own_districts = {d.pk: d for d in posting.districts.all()}
    shared_areas: dict[int, list] = defaultdict(list)
    shared_districts: dict[int, list] = defaultdict(list)
    # The areas and districts they share with the posting, in one query.
    area_rows = Posting.areas.through.objects.filter(
        posting_id__in=ids, priorityarea_id__in=list(own_areas)
    ).values_list(Value("area"), "posting_id", "priorityarea_id")
    district_rows = Posting.districts.through.objects.filter(
        posting_id__in=ids, district_id__in=list(own_districts)
    ).values_list(Value("district"), "posting_id", "district_id")
    if own_areas and own_districts:
        shared = area_rows.union(district_rows, all=True)
    else:
        shared = area_rows if own_areas else district_rows
    if own_areas or own_districts:
        for kind, pk, related_id in shared:
            if kind == "area":
                shared_areas[pk].append(own_areas[related_id])
            else:
                shared_districts[pk].append(own_districts[related_id])
    sector = posting.organisation.sector
    best = candidates[0][1] or 1.0
    ranked: list[Suggestion] = []
    for pk, text_score in candidates:
        candidate = loaded.get(pk)
        if candidate is None:  # declined
            continue
        kind, other_sector = candidate.kind, candidate.organisation.sector
        areas, districts = shared_areas.get(pk, []), shared_districts.get(pk, [])
        complementary = _complementary(sector, other_sector)
        same_kind = kind == posting.kind
        normalised = text_score / best
        score = normalised
        if areas:
            score += AREA_BONUS + EXTRA_AREA_BONUS * (len(areas) - 1)
        if districts:
            score += DISTRICT_BONUS
        if complementary:
            score += SECTOR_BONUS
        if same_kind:
            score += KIND_BONUS
        ranked.append(
            Suggestion(
                posting=candidate,
                score=round(score, 4),
                text_score=round(normalised, 4),
                shared_areas=sorted(areas, key=lambda a: a.pk),
                shared_districts=sorted(districts, key=lambda d: d.name),
                complementary_sectors=complementary,
                same_kind=same_kind,
            )
        )
    ranked.sort(key=lambda s: (-s.score, s.posting.pk))
    ranked = ranked[:limit]
    if with_relations:
        prefetch_related_objects([s.posting for s in ranked], "areas", "districts")
    _explain_words(analysis, ranked)
    return ranked


def _explain_words(analysis, suggestions: list[Suggestion]) -> None:
    """Fill in the shared words: the query's own spelling and the suggestion's, in one query."""
    if not suggestions:
        return
    rows = PostingTerm.objects.filter(
        posting_id__in=[s.posting.pk for s in suggestions], term__in=list(analysis.tf)
    ).values_list("posting_id", "term", "word", "tf")
    by_posting: dict[int, list] = defaultdict(list)
    for posting_id, term, word, tf in rows:
        by_posting[posting_id].append((term, word, tf))
    for suggestion in suggestions:
        shared = sorted(
            by_posting.get(suggestion.posting.pk, []),
            key=lambda row: (-analysis.tf[row[0]] * row[2], row[0]),
        )
        seen: set[tuple[str, str]] = set()
        for term, word, _tf in shared:
            surface = analysis.surface[term]
            if (surface, word) in seen:
                continue
            seen.add((surface, word))
            suggestion.shared_words.append(SharedWord(term=term, word=surface, other=word))


def suggest_organisations(suggestions: list[Suggestion], *, limit: int = 5):
    """The organisations behind the suggestions, best first, each with its fitting postings."""
    by_organisation: dict[int, OrganisationSuggestion] = {}
    for suggestion in suggestions:
        organisation = suggestion.posting.organisation
        entry = by_organisation.get(organisation.pk)
        if entry is None:
            by_organisation[organisation.pk] = OrganisationSuggestion(
                organisation=organisation, score=suggestion.score, postings=[suggestion.posting]
            )
        else:
            entry.score += suggestion.score / 2
            entry.postings.append(suggestion.posting)
    return sorted(by_organisation.values(), key=lambda e: (-e.score, e.organisation.name))[:limit]
