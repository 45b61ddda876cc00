from django.conf import settings


def site(request) -> dict:
    return {"SITE_NAME": "Samverkansytan", "SITE_URL": settings.SITE_URL}
