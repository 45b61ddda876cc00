"""Pages of the mapping of collaborations (public.py), their editing (manage.py) and IOP
agreements (iop.py). Every view receives the agreement's slug as `agreement`; an object of
another agreement answers 404."""

from samverkan.partnerships.views.iop import (
    condition,
    document_download,
    document_upload,
    follow_up_add,
    iop_detail,
    iop_edit,
    sign,
)
from samverkan.partnerships.views.manage import (
    collaboration_edit,
    collaboration_end,
    collaboration_new,
    parties,
    party_remove,
)
from samverkan.partnerships.views.public import (
    collaboration_csv,
    collaboration_detail,
    collaboration_list,
    figures,
)

__all__ = [
    "collaboration_csv",
    "collaboration_detail",
    "collaboration_edit",
    "collaboration_end",
    "collaboration_list",
    "collaboration_new",
    "condition",
    "document_download",
    "document_upload",
    "figures",
    "follow_up_add",
    "iop_detail",
    "iop_edit",
    "parties",
    "party_remove",
    "sign",
]
