"""Swedish alphabetical order on both databases: å, ä, ö after z.

PostgreSQL gets an ICU collation named "sv" in a migration; SQLite gets a Python collation of the
same name on every new connection, so `Collate("name", "sv")` sorts alike on both.
"""

SWEDISH_COLLATION = "sv"

# Å, Ä and Ö are letters of their own after Z: they map to code points above every letter in
# use. A Swede files ü as y, æ as ä, ø as ö and accented vowels as the plain vowel.
_AFTER_Z = {"å": "\uffe0", "ä": "\uffe1", "ö": "\uffe2"}
_FOLD = str.maketrans(
    {
        **_AFTER_Z,
        "æ": _AFTER_Z["ä"],
        "ø": _AFTER_Z["ö"],
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


def add_swedish_collation(sqlite_connection) -> None:
    """The Swedish collation on a plain sqlite3 connection: an index that sorts by it cannot be
    read, or even checked, without it."""
    sqlite_connection.create_collation(SWEDISH_COLLATION, _compare)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        add_swedish_collation(connection.connection)
