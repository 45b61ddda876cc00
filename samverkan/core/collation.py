"""Swedish alphabetical order on both databases: å, ä, ö after z.

PostgreSQL gets an ICU collation named "sv" in a migration; SQLite gets a Python collation of the
same name on every new connection, so `Collate("name", "sv")` sorts alike on both.
"""

SWEDISH_COLLATION = "sv"

# Letters a Swede files elsewhere: ü as y, æ as ä, ø as ö, accented vowels as the plain vowel.
_FOLD = str.maketrans(
    {
        "å": "z\u0001",
        "ä": "z\u0002",
        "ö": "z\u0003",
        "æ": "z\u0002",
        "ø": "z\u0003",
        "ü": "y",
        "é": "e",
        "è": "e",
        "ê": "e",
        "á": "a",
        "à": "a",
        "í": "i",
        "ó": "o",
        "ú": "u",
    }
)


def swedish_sort_key(value: str) -> tuple[str, str]:
    """A key that orders strings as a Swedish dictionary does, ties broken by the exact text."""
    return (value.casefold().translate(_FOLD), value)


def _compare(left: str, right: str) -> int:
    a, b = swedish_sort_key(left), swedish_sort_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SWEDISH_COLLATION, _compare)
