"""SQLite storage of the common schema (tables of CONTRACT.md plus views and search)."""
from .store import SCHEMA, delete_file, known_file, open_db, record_alias, write_file_result

__all__ = ["SCHEMA", "delete_file", "known_file", "open_db", "record_alias", "write_file_result"]
