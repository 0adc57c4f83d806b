"""Benchmarks: a data generator and a runner that drives the real server with `hey`."""
