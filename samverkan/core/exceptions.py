"""Domain errors: raised by services with a translated, user-facing message."""


class ApplicationError(Exception):
    """A rule of the domain was broken. `code` is stable for the API; `message` is for people."""

    code = "application_error"
    status = 400

    def __init__(self, message, *, code: str | None = None, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        if code:
            self.code = code


class PermissionDeniedError(ApplicationError):
    code = "permission_denied"
    status = 403


class ConflictError(ApplicationError):
    code = "conflict"
    status = 409
