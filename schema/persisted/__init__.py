"""Persisted documents over HTTP: automatic persisted queries, trusted documents, GET."""
