# A service's field name → the form field that holds it.
FIELD_ALIASES = {"contact_person": "contact_email"}
