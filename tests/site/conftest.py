import pytest
from django.template.loader import render_to_string

from samverkan.site import layout


@pytest.fixture
def kept_layout(monkeypatch) -> list[str]:
    """Every header, footer and head rendered from now on and kept in the process
    (site/layout.py), as kept: the tests read them for anything of a person."""
    kept: list[str] = []

    def render_and_keep(*args, **kwargs):
        kept.append(render_to_string(*args, **kwargs))
        return kept[-1]

    layout.forget()
    monkeypatch.setattr(layout, "render_to_string", render_and_keep)
    return kept
