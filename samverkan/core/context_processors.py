from samverkan.core.links import site_url


def site(request) -> dict:
    return {"SITE_NAME": "Samverkansytan", "SITE_URL": site_url()}
