"""Read models: what the database writes as JSON for a readable type, declared once.

Each domain declares, per GraphQL object type it reads, a `Shape` (shape.py): the SQL of each
field's value over a row, derived values (amountDue), related rows (the customer) and lists
of rows (the lines). `compile.py` turns a selection of those fields (`Pick`s, built by the
GraphQL layer from a request) into one SQL expression that writes the item's JSON with the
selection's names and nesting; `dialect.py` holds what SQLite and PostgreSQL spell
differently; `lookup.py` reads items by id with it. Nothing here knows GraphQL's types.
"""
