"""Tests of the GraphQL surface as a whole: hardening, the authorization gate."""
