"""Pages of priority areas (areas.py) and focus areas (focus.py). Every view receives the
agreement's slug as `agreement`; an object of another agreement answers 404."""

from samverkan.areas.views.areas import (
    area_detail,
    area_edit,
    area_list,
    area_new,
    hosting_end,
    hosting_new,
    phase_change,
)
from samverkan.areas.views.focus import (
    focus_areas,
    proposal_detail,
    proposal_prepare,
    proposal_support,
    proposal_withdraw,
    proposal_withdraw_support,
    propose,
)

__all__ = [
    "area_detail",
    "area_edit",
    "area_list",
    "area_new",
    "focus_areas",
    "hosting_end",
    "hosting_new",
    "phase_change",
    "proposal_detail",
    "proposal_prepare",
    "proposal_support",
    "proposal_withdraw",
    "proposal_withdraw_support",
    "propose",
]
