"""The one way to write a view that changes something (core.web) and the one way a service
checks a right (core.permissions)."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import Http404
from django.test import RequestFactory

from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.middleware import ApplicationErrorMiddleware
from samverkan.core.permissions import SYSTEM, person, require
from samverkan.core.web import check, run_action, save_form


def _allow(user, *args):
    return True, ""


def _refuse(user, *args):
    return False, "Bara samordnarna får göra detta."


class NameForm(forms.Form):
    name = forms.CharField(max_length=20)


def _post(data):
    request = RequestFactory().post("/x/", data)
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_require_passes_the_reason_of_a_refusal():
    with pytest.raises(PermissionDeniedError) as refused:
        require(AnonymousUser(), _refuse)
    assert str(refused.value.message) == "Bara samordnarna får göra detta."
    require(AnonymousUser(), _allow)


def test_the_system_may_act_but_none_is_a_programming_error():
    require(SYSTEM, _refuse)
    with pytest.raises(TypeError):
        require(None, _allow)


def test_the_system_and_anonymous_visitors_are_recorded_as_nobody(member):
    user = member
    assert person(SYSTEM) is None
    assert person(AnonymousUser()) is None
    assert person(user) == user
    assert not SYSTEM.is_authenticated and SYSTEM.pk is None


def test_check_refuses_with_the_reason_or_hides_with_404():
    check((True, ""))
    with pytest.raises(PermissionDeniedError):
        check((False, "Nej."))
    with pytest.raises(Http404):
        check((False, "Nej."), hide=True)


def test_save_form_redirects_with_a_message_on_success():
    request = _post({"name": "Kvinnojouren"})
    form = NameForm(request.POST)
    response = save_form(
        request, form, lambda data: data["name"], success="Sparat.", redirect_to="/klar/"
    )
    assert response.status_code == 302 and response.url == "/klar/"
    assert [str(m) for m in request._messages] == ["Sparat."]


def test_save_form_shows_a_refusal_of_the_service_at_its_field():
    request = _post({"name": "Kvinnojouren"})
    form = NameForm(request.POST)

    def save(data):
        raise ApplicationError("Namnet finns redan.", field="name")

    assert save_form(request, form, save, success="Sparat.", redirect_to="/klar/") is None
    assert form.errors["name"] == ["Namnet finns redan."]


def test_save_form_does_nothing_on_an_invalid_form_or_a_get():
    called = []
    request = _post({"name": ""})
    assert (
        save_form(request, NameForm(request.POST), called.append, success="", redirect_to="/")
        is None
    )
    get = RequestFactory().get("/x/")
    assert save_form(get, NameForm(), called.append, success="", redirect_to="/") is None
    assert called == []


def test_run_action_turns_a_refusal_into_an_error_message():
    request = _post({})

    def action():
        raise ApplicationError("Evenemanget är redan inställt.")

    response = run_action(request, action, success="Klart.", redirect_to="/e/")
    assert response.status_code == 302
    assert [str(m) for m in request._messages] == ["Evenemanget är redan inställt."]


@pytest.mark.django_db
def test_a_refusal_from_a_service_becomes_the_403_page_with_its_reason():
    request = RequestFactory().post("/x/")
    request.user = AnonymousUser()
    middleware = ApplicationErrorMiddleware(lambda r: None)
    response = middleware.process_exception(request, PermissionDeniedError("Bara ombud."))
    assert response.status_code == 403
    assert "Bara ombud." in response.content.decode()
    assert middleware.process_exception(request, ValueError()) is None


def test_save_form_can_word_its_message_from_the_result():
    request = _post({"name": "Kvinnojouren"})
    form = NameForm(request.POST)
    save_form(
        request, form, lambda data: 7, success=lambda n: f"§ {n} är tillagd.", redirect_to="/p/"
    )
    assert [str(m) for m in request._messages] == ["§ 7 är tillagd."]
