from samverkan.events.models import Event


def locked_event(event: Event) -> Event:
    """The event's row, locked until the transaction ends: registrations, cancellations and
    promotions of one event happen one after the other (PostgreSQL's row lock; SQLite runs
    write transactions one at a time, begun IMMEDIATE)."""
    return (
        Event.objects.select_for_update(of=("self",)).select_related("agreement").get(pk=event.pk)
    )
