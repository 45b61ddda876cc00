"""The Malmöandan demo data of this app."""


def load() -> dict:
    return {}
