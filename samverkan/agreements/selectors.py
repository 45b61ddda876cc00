from samverkan.agreements.models import Agreement


def primary_agreement() -> Agreement | None:
    """The agreement the start page presents: the one marked primary, else the first."""
    return (
        Agreement.objects.filter(is_primary=True).first()
        or Agreement.objects.order_by("pk").first()
    )
