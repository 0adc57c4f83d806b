"""Helpers shared by every file the service writes for people to open (CSV, spreadsheets)."""
