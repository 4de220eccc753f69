"""The central sync server: FastAPI over SQLAlchemy Core (SQLite or PostgreSQL)."""
