"""Pages of the method library (library.py) and the courses (courses.py). Every view receives
the agreement's slug as `agreement`; an object of another agreement, or one that is not
published, answers 404."""

from samverkan.learning.views.courses import (
    course_delete,
    course_detail,
    course_edit,
    course_list,
    course_new,
    course_start,
    module_delete,
    module_detail,
    module_done,
    module_edit,
    module_new,
    module_undo,
    my_courses,
)
from samverkan.learning.views.library import (
    file_delete,
    file_new,
    library,
    material_delete,
    material_detail,
    material_edit,
    material_file,
    material_new,
    material_publish,
    material_unpublish,
    topic,
)

__all__ = [
    "course_delete",
    "course_detail",
    "course_edit",
    "course_list",
    "course_new",
    "course_start",
    "file_delete",
    "file_new",
    "library",
    "material_delete",
    "material_detail",
    "material_edit",
    "material_file",
    "material_new",
    "material_publish",
    "material_unpublish",
    "module_delete",
    "module_detail",
    "module_done",
    "module_edit",
    "module_new",
    "module_undo",
    "my_courses",
    "topic",
]
