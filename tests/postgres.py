"""PostgreSQL helpers for tests that look at the test database from outside it."""


def maintenance_connection():
    """An autocommit connection to the server's `postgres` database, with the test database's
    host, port and user: for what a database cannot be asked about itself (who is connected,
    whether it lets connections in)."""
    import psycopg
    from django.db import connection

    settings = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )
