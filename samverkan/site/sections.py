"""The sections of an agreement the main menu links to.

Pages inside an agreement link to that agreement's sections; pages outside one (the start page,
the register) link to a short address such as /omraden/ that redirects to the primary
agreement's section. The menu thereby costs no query on any page.
"""

# short address -> URL name of the section's page (every one takes the agreement's slug)
SECTIONS = {
    "omraden": "areas:list",
    "fokusomraden": "areas:focus_areas",
    "styrning": "governance:bodies",
    "beslut": "governance:decisions",
    "samarbetsplan": "plans:list",
    "kalender": "events:calendar",
    "lokaler": "venues:list",
    "metodbank": "learning:library",
    "samarbeten": "partnerships:list",
    "behov-och-erbjudanden": "matching:list",
    "finansiering": "funding:list",
    "budget": "funding:budget",
    "arsrapporter": "reports:list",
}

# The section each section's own page belongs to, and the section of an app's other pages: the
# first of the app's sections (an area's page belongs to "omraden", a meeting's to "styrning").
SECTION_OF_VIEW = {name: key for key, name in SECTIONS.items()}
FIRST_OF_APP: dict[str, str] = {}
for _key, _name in SECTIONS.items():
    FIRST_OF_APP.setdefault(_name.split(":")[0], _key)
