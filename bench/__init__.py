"""Benchmarks: `python3 dev.py bench` runs them and rewrites docs/benchmarks.md."""
