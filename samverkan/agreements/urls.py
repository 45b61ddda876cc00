from django.urls import path

from samverkan.agreements import views

app_name = "agreements"
urlpatterns = [path("<slug:slug>/", views.detail, name="detail")]
