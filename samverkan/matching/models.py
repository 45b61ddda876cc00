"""Needs and offers (postings) of organisations, and the matches between them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The columns of a posting's organisation and agreement that no page of postings shows: the
# organisation's search texts and the agreement's own texts (its vision and plan, kilobytes a
# row), which a join repeats on every posting.
UNSHOWN_OWNER_COLUMNS = (
    "organisation__search_text",
    "organisation__search_stems",
    "agreement__summary",
    "agreement__vision",
    "agreement__plan_text",
)


class PostingQuerySet(models.QuerySet):
    def with_owner(self):
        """With the organisation and the agreement in the same query, as the pages of
        postings show them (a deferred column still loads when something reads it)."""
        return self.select_related("organisation", "agreement").defer(*UNSHOWN_OWNER_COLUMNS)


class Posting(models.Model):
    """A need or an offer that an ombud or a tjänsteperson posts for their organisation."""

    class Direction(models.TextChoices):
        NEED = "need", _("Need")
        OFFER = "offer", _("Offer")

    class Kind(models.TextChoices):
        PARTNER = "partner", _("Partner")
        PREMISES = "premises", _("Premises")
        VOLUNTEERS = "volunteers", _("Volunteers")
        COMPETENCE = "competence", _("Competence")
        FUNDING = "funding", _("Funding")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CLOSED = "closed", _("Closed")

    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        related_name="postings",
        verbose_name=_("agreement"),
    )
    organisation = models.ForeignKey(
        "actors.Organisation",
        on_delete=models.CASCADE,
        related_name="postings",
        verbose_name=_("organisation"),
    )
    direction = models.CharField(_("need or offer"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    areas = models.ManyToManyField(
        "areas.PriorityArea", blank=True, related_name="postings", verbose_name=_("areas")
    )
    districts = models.ManyToManyField(
        "actors.District", blank=True, related_name="postings", verbose_name=_("districts")
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("posted by"),
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    # Maintained by matching.index: the number of terms the posting has in the index, or None
    # while it is not indexed (withdrawn and closed postings leave the index).
    index_length = models.PositiveIntegerField(editable=False, null=True, blank=True)

    objects = PostingQuerySet.as_manager()

    class Meta:
        verbose_name = _("need or offer")
        verbose_name_plural = _("needs and offers")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["agreement", "direction", "status"]),
            # The lists of open postings in date order (the start page's newest, the unmatched
            # worklist, the list pages and the API): with the order in the index the database
            # reads the few rows a page shows and joins only those, instead of joining every
            # open posting to its organisation and sorting them all. One per agreement, one
            # across agreements (the API without ?agreement=). With the last day in the index
            # (PostgreSQL), the lists' counts of valid postings read the index alone.
            models.Index(
                fields=["agreement", "status", "created_at", "id"],
                include=["valid_until"],
                name="posting_agreement_by_date",
            ),
            models.Index(
                fields=["status", "created_at", "id"],
                include=["valid_until"],
                name="posting_status_by_date",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("matching:detail", kwargs={"agreement": self.agreement.slug, "pk": self.pk})

    @property
    def counterpart_direction(self) -> str:
        return (
            self.Direction.OFFER if self.direction == self.Direction.NEED else self.Direction.NEED
        )

    def is_valid(self, on=None) -> bool:
        """Open and not past its last day: the postings that matching suggests."""
        day = on or timezone.localdate()
        return self.status == self.Status.OPEN and (
            self.valid_until is None or self.valid_until >= day
        )


class PostingTerm(models.Model):
    """One term (a Snowball stem, or a part of a compound word) of an open posting.

    The columns the scoring query needs are copied here from the posting, so that the query
    reads only the index (agreement, direction, term, impact, …) and never the postings table.
    `impact` is the term's BM25 weight in this posting before idf, tf·(k1+1) / (tf + k1·(1 − b +
    b·length/avgdl)), with the average length of the direction when the posting was indexed.
    """

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="terms")
    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, related_name="+"
    )
    direction = models.CharField(max_length=10, choices=Posting.Direction.choices)
    organisation = models.ForeignKey(
        "actors.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    valid_until = models.DateField(null=True, blank=True)
    term = models.CharField(max_length=100)
    tf = models.PositiveSmallIntegerField()
    length = models.PositiveIntegerField()
    impact = models.FloatField()
    # The word as it was written, for the explanation ("idrottsföreningar" for "idrott").
    word = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["posting", "term"], name="one_row_per_posting_term")
        ]
        indexes = [
            # Covering, in impact order: the scoring query reads each term's best postings
            # from this index alone and stops after a fixed number.
            models.Index(
                fields=[
                    "agreement",
                    "direction",
                    "term",
                    "-impact",
                    "posting",
                    "organisation",
                    "valid_until",
                ],
                name="matching_term_scoring",
            )
        ]

    def __str__(self):
        return f"{self.term} ({self.tf})"


class TermStat(models.Model):
    """How many indexed postings of a direction contain a term (document frequency).

    The row with the empty term counts the postings themselves (`df`) and their summed lengths,
    for BM25's average document length. Updated in the transaction that indexes a posting.
    """

    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, related_name="+"
    )
    direction = models.CharField(max_length=10, choices=Posting.Direction.choices)
    term = models.CharField(max_length=100, blank=True)
    df = models.PositiveIntegerField(default=0)
    total_length = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "direction", "term"], name="one_stat_per_term"
            )
        ]

    def __str__(self):
        return f"{self.term or '*'}: {self.df}"


class Match(models.Model):
    """A need and an offer that someone has taken up from the suggestions.

    Each side accepts for itself (a representative of its organisation), or a coordinator accepts
    for both; when both sides have accepted the match is accepted and can become a collaboration.
    """

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        NEED_ACCEPTED = "need_accepted", _("Accepted by the need's side")
        OFFER_ACCEPTED = "offer_accepted", _("Accepted by the offer's side")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    need = models.ForeignKey(
        Posting, on_delete=models.CASCADE, related_name="matches_as_need", verbose_name=_("need")
    )
    offer = models.ForeignKey(
        Posting, on_delete=models.CASCADE, related_name="matches_as_offer", verbose_name=_("offer")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUGGESTED
    )
    score = models.FloatField(_("score when suggested"), default=0)
    need_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    need_accepted_at = models.DateTimeField(null=True, blank=True)
    offer_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    offer_accepted_at = models.DateTimeField(null=True, blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    collaboration = models.ForeignKey(
        "partnerships.Collaboration",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("collaboration"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["need", "offer"], name="one_match_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(need=models.F("offer")), name="match_of_two_postings"
            ),
        ]

    def __str__(self):
        return f"{self.need} ↔ {self.offer}"

    def get_absolute_url(self) -> str:
        return reverse(
            "matching:match",
            kwargs={"agreement": self.need.agreement.slug, "pk": self.need_id, "match": self.pk},
        )

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.ACCEPTED, self.Status.DECLINED)
