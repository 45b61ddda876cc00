from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from samverkan.agreements.models import Agreement


@require_safe
def detail(request, slug):
    agreement = get_object_or_404(Agreement, slug=slug)
    return render(request, "agreements/detail.html", {"agreement": agreement})
