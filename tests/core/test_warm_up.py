"""The warm-up a web worker runs before its first request (samverkan.wsgi)."""

from django.template import engines
from django.urls import get_resolver

from samverkan.core import search_terms
from samverkan.core.apps import warm_up
from samverkan.matching import text


def cached_template_names() -> set[str]:
    loader = engines["django"].engine.template_loaders[0]
    return set(loader.get_template_cache)


def test_warm_up_reads_no_database():
    # No `db` fixture: pytest-django refuses any query, and a preloading gunicorn master must
    # not hold a connection that its forked workers would share.
    warm_up()


def test_warm_up_compiles_the_platforms_templates():
    engines["django"].engine.template_loaders[0].reset()
    warm_up()
    names = cached_template_names()
    assert {"base.html", "site/dashboard.html", "matching/posting_detail.html"} <= names


def test_warm_up_loads_the_url_lookups_and_the_search_tables_in_each_language():
    search_terms._families_by_stem.cache_clear()
    text._lexicon_roots.cache_clear()
    warm_up()
    assert search_terms._families_by_stem.cache_info().currsize == 1
    assert text._lexicon_roots.cache_info().currsize == 1
    for code in ("sv", "en"):
        assert code in get_resolver()._reverse_dict
