"""Invoice documents; they take the plain data of ``data.py``, never the database."""
