"""A person's roles (account status, staff access, administrator rights, groups) change only
through accounts.services.change_roles: read-only in the admin's change form, changed on the
admin's roles page, audited with who changed what."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from samverkan.accounts import permissions, services
from samverkan.accounts.roles import COORDINATOR
from samverkan.core.exceptions import ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.core.permissions import SYSTEM
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinators():
    return Group.objects.get_or_create(name=COORDINATOR)[0]


@pytest.fixture
def administrator(client):
    user = factories.administrator()
    client.force_login(user)
    return user


@pytest.fixture
def member():
    return factories.UserFactory()


def audit_rows(user):
    return list(
        AuditEntry.objects.filter(object_id=str(user.pk), action="account.roles_changed").values(
            "actor_id", "data"
        )
    )


def roles_url(user):
    return reverse("admin:accounts_user_roles", args=[user.pk])


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("member", False), ("coordinator", False), ("staff", False), ("administrator", True)],
)
def test_only_administrators_change_roles(role, allowed, member):
    user = {
        "member": factories.UserFactory,
        "coordinator": factories.coordinator,
        "staff": lambda: factories.UserFactory(is_staff=True),
        "administrator": factories.administrator,
    }[role]()

    answer, reason = permissions.can_change_roles(user, member)

    assert answer is allowed
    assert bool(reason) is not allowed


def test_the_change_form_shows_the_roles_but_does_not_change_them(client, administrator, member):
    change = reverse("admin:accounts_user_change", args=[member.pk])

    page = client.get(change).content.decode()
    client.post(
        change,
        {
            "email": member.email,
            "first_name": member.first_name,
            "last_name": member.last_name,
            "is_staff": "on",
            "is_superuser": "on",
        },
    )

    for name in ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"):
        assert f'name="{name}"' not in page
    assert roles_url(member) in page
    member.refresh_from_db()
    assert not member.is_staff and not member.is_superuser


def test_an_administrator_gives_a_role_through_the_service(
    client, administrator, member, coordinators
):
    response = client.post(
        roles_url(member), {"is_active": "on", "is_staff": "on", "groups": [coordinators.pk]}
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.is_staff and not member.is_superuser
    assert list(member.groups.all()) == [coordinators]
    [row] = audit_rows(member)
    assert row["actor_id"] == administrator.pk
    assert row["data"] == {
        "is_staff": {"from": False, "to": True},
        "groups": {"from": [], "to": [COORDINATOR]},
    }


def test_the_roles_page_shows_the_current_roles(client, administrator, coordinators):
    coordinator = factories.coordinator()

    response = client.get(roles_url(coordinator))

    assert response.status_code == 200
    assert response.context["form"].initial["groups"] == [coordinators]


def test_staff_without_administrator_rights_cannot_change_roles(client, member, coordinators):
    staff = factories.UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="change_user"))
    client.force_login(staff)

    response = client.post(
        roles_url(member), {"is_active": "on", "is_superuser": "on", "groups": [coordinators.pk]}
    )

    assert response.status_code == 403
    member.refresh_from_db()
    assert not member.is_superuser
    assert not member.groups.exists()
    assert audit_rows(member) == []


def test_an_administrator_cannot_lock_themself_out(client, administrator):
    response = client.post(roles_url(administrator), {"is_active": "on", "is_staff": "on"})

    assert response.status_code == 400
    administrator.refresh_from_db()
    assert administrator.is_superuser
    with pytest.raises(ConflictError):
        services.change_roles(user=administrator, by=administrator, is_active=False)


def test_nothing_changed_writes_no_audit_row(member):
    services.change_roles(user=member, by=factories.administrator(), is_active=True, groups=[])

    assert audit_rows(member) == []


def test_the_platform_changes_roles_as_system_never_as_none(member, coordinators):
    services.change_roles(user=member, by=SYSTEM, groups=[coordinators])

    assert [row["actor_id"] for row in audit_rows(member)] == [None]
    with pytest.raises(TypeError):
        services.change_roles(user=member, by=None, is_staff=True)
    with pytest.raises(PermissionDeniedError):
        services.change_roles(user=member, by=member, is_superuser=True)
