"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py."""

SITEMAPS: dict = {}
