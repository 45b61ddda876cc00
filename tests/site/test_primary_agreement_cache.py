"""The primary agreement, asked on every start page and My pages, is kept like a fragment
(core.cache.cached_value) and asked again after a write to the agreements."""

import pytest

from samverkan.agreements.selectors import primary_agreement
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


def test_the_primary_agreement_is_read_once(django_assert_num_queries):
    agreement = factories.AgreementFactory()
    assert primary_agreement() == agreement
    with django_assert_num_queries(0):
        assert primary_agreement() == agreement


def test_a_new_primary_agreement_is_seen_at_once():
    first = factories.AgreementFactory()
    assert primary_agreement() == first
    first.is_primary = False
    first.save()
    second = factories.AgreementFactory(is_primary=True)
    assert primary_agreement() == second
