def load() -> dict[str, dict[str, int]]:
    """Demo data of this app; called by samverkan.demo.loader.load_demo(). Idempotent."""
    return {}
