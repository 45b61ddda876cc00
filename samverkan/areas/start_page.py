"""The year's focus area, as a block of the start page (core START_PAGE)."""

from samverkan.areas.selectors import start_page_focus_areas


def focus_area(agreement, user) -> dict | None:
    """This year's focus area (else the latest) and next year's once decided: one query.
    None, and no block, when none has been chosen."""
    focus_areas = start_page_focus_areas(agreement)
    if focus_areas["current"] is None and focus_areas["upcoming"] is None:
        return None
    return {**focus_areas, "agreement": agreement}
