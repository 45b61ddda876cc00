"""Date, time and number formats per language (settings.FORMAT_MODULE_PATH).

Django's own modules stay underneath: a name not set here falls back to them. Templates and
Python code read these formats through the helpers in `samverkan.core.formatting` (filters in
`{% load formatting %}`), never through ad-hoc format strings.
"""
