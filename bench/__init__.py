"""Benchmarks: run with `python -m bench.<name>`; budgets in shared/ARCHITECTURE.md."""
