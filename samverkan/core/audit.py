from django.contrib.contenttypes.models import ContentType

from samverkan.core.models import AuditEntry
from samverkan.core.permissions import person


def log_action(obj, action: str, *, by, data: dict | None = None) -> AuditEntry:
    """Record `action` on `obj`. Call inside the transaction of the change it records."""
    return AuditEntry.objects.create(
        actor=person(by),
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        data=data or {},
    )
