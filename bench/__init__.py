"""Benchmarks at branch scale; `bench/run_all.py` runs them and writes docs/BENCHMARKS.md."""
