"""Read-only public API of this app, added to /api/v1/ by samverkan/api/urls.py."""

from ninja import Router

router = Router()
