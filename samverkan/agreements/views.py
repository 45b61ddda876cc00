from django.shortcuts import render
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement


@require_safe
def detail(request, slug):
    return render(request, "agreements/detail.html", {"agreement": get_agreement(slug)})
