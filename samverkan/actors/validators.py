from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.se import orgnr


def normalise_organisation_number(value: str) -> str:
    """'8020001234' and '802000 1234' both become '802000-1234'."""
    return orgnr.format(value) if value else ""


def validate_organisation_number(value: str) -> None:
    """A Swedish organisation number: ten digits, NNNNNN-NNNN, with a valid Luhn check digit."""
    if not value:
        return
    try:
        orgnr.validate(value)
    except InvalidLength as exc:
        raise ValidationError(
            _("An organisation number has ten digits, e.g. 802000-1234."), code="length"
        ) from exc
    except InvalidFormat as exc:
        raise ValidationError(
            _("An organisation number has only digits and a hyphen, e.g. 802000-1234."),
            code="format",
        ) from exc
    except InvalidChecksum as exc:
        raise ValidationError(
            _(
                "The organisation number's last digit (check digit) does not match. "
                "Check that you have typed it correctly."
            ),
            code="checksum",
        ) from exc
    except StdnumError as exc:
        raise ValidationError(
            _("This is not a valid organisation number."), code="invalid"
        ) from exc
