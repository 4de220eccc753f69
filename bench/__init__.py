"""Benchmarks: scripts that print figures, run on demand (`make bench`)."""
