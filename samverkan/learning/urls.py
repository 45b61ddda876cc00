"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug."""

from django.urls import path

from samverkan.learning import views

app_name = "learning"
urlpatterns = [
    path("metodbank/", views.library, name="library"),
    path("metodbank/ny/", views.material_new, name="material_new"),
    path("metodbank/amne/<slug:topic>/", views.topic, name="topic"),
    path("metodbank/<slug:slug>/", views.material_detail, name="material"),
    path("metodbank/<slug:slug>/redigera/", views.material_edit, name="material_edit"),
    path("metodbank/<slug:slug>/publicera/", views.material_publish, name="material_publish"),
    path(
        "metodbank/<slug:slug>/avpublicera/",
        views.material_unpublish,
        name="material_unpublish",
    ),
    path("metodbank/<slug:slug>/ta-bort/", views.material_delete, name="material_delete"),
    path("metodbank/<slug:slug>/filer/ny/", views.file_new, name="file_new"),
    path("metodbank/<slug:slug>/filer/<int:pk>/", views.material_file, name="file"),
    path("metodbank/<slug:slug>/filer/<int:pk>/ta-bort/", views.file_delete, name="file_delete"),
    path("kurser/", views.course_list, name="courses"),
    path("kurser/ny/", views.course_new, name="course_new"),
    path("kurser/<slug:slug>/", views.course_detail, name="course"),
    path("kurser/<slug:slug>/redigera/", views.course_edit, name="course_edit"),
    path("kurser/<slug:slug>/ta-bort/", views.course_delete, name="course_delete"),
    path("kurser/<slug:slug>/starta/", views.course_start, name="course_start"),
    path("kurser/<slug:slug>/moduler/ny/", views.module_new, name="module_new"),
    path("kurser/<slug:slug>/moduler/<int:pk>/", views.module_detail, name="module"),
    path("kurser/<slug:slug>/moduler/<int:pk>/klar/", views.module_done, name="module_done"),
    path("kurser/<slug:slug>/moduler/<int:pk>/inte-klar/", views.module_undo, name="module_undo"),
    path("kurser/<slug:slug>/moduler/<int:pk>/redigera/", views.module_edit, name="module_edit"),
    path("kurser/<slug:slug>/moduler/<int:pk>/ta-bort/", views.module_delete, name="module_delete"),
    path("mina-kurser/", views.my_courses, name="my_courses"),
]
