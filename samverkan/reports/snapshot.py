"""The shape of a compiled report (AnnualReport.snapshot): plain JSON, so that a published report
keeps exactly what was read, and every output (web page, PDF, spreadsheet, memo) renders the
same data.

    {
      "agreement": {"slug": "malmoandan", "name": "Malmöandan", "municipality": "Malmö"},
      "year": 2022,
      "previous_year": 2021,
      "read_at": "2026-12-06T13:00:00+01:00",          # ISO 8601, when the data was read
      "sections": [Section, ...]                       # in SECTION_KEYS order
    }

    Section = {
      "key": "steering_group",                         # one of SECTION_KEYS
      "title": "Styrgruppen",                          # Swedish, as in the 2022 report
      "summary": "…",                                  # one generated sentence from the data
      "figures": [Figure, ...],
      "tables": [Table, ...],
      "charts": [Chart, ...],
    }

    Figure = {
      "key": "steering_group.members",                 # unique in the report: section.name
      "label": "Ledamöter med rösträtt",
      "value": 8,                                      # int or float (kronor as int)
      "unit": "st" | "kr" | "%" | "per vecka" | "",    # how the value is shown
      "previous": 7 | None,                            # the same figure the year before
      "link": "/overenskommelser/malmoandan/…" | None, # the list of records it counts
    }

    Table = {"key": "…", "caption": "…", "columns": ["…", …], "rows": [["…", 1, …], …]}

    Chart = {
      "key": "participants_by_sector",
      "title": "Deltagare per sektor",
      "kind": "bar" | "column" | "line",               # bar: horizontal bars
      "unit": "st" | "kr",
      "series": [{"label": "Idéburen sektor", "value": 60}, …],
      "alt": "Text alternative: every label with its value",
    }
"""

# The sections of the 2022 report, in its order.
SECTION_KEYS = [
    "steering_group",  # Styrgruppen: composition, meetings, minutes
    "focus_area",  # Årets fokusområde and how it was chosen
    "dialogue_forum",  # Dialogforum: participants and sectors, themes
    "association_centre",  # Parternas förutsättningar: Nobel 21
    "learning",  # Lärande och kunskap: trainings, seats, participants
    "inspiration",  # Inspiration och möten: Malmötimmar, lärluncher
    "communication",  # Kommunikation: newsletter, followers, outside channels
    "collaborations",  # Exempel på samverkan, IOP
    "economy",  # Ekonomisk redovisning
    "next_focus_area",  # Nästa års fokusområde
    "plan_follow_up",  # Uppföljning av samarbetsplanen
]
