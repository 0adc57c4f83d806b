"""Persisted GraphQL documents: automatic persisted queries and trusted documents."""
