"""Roles as the database writes them (server.reads): the names of role subjects, and the
roles an organization offers."""

from __future__ import annotations

from server.access.models import CasbinRule, Role
from server.reads.dialect import Dialect
from server.reads.shape import Shape, SpelledRows, Value, column


def role_names(subjects: str, organization: str, d: Dialect) -> str:
    """The JSON array of the display names (server.access.roles.role_name_map: a custom
    role by its name, a built-in role or a subject naming no role as it is) of the subjects
    `subjects` selects as column `s`, sorted as Python sorts strings."""
    name = (
        f'coalesce((SELECT r."name" FROM "{Role._meta.db_table}" r'  # noqa: S608
        f""" WHERE r."organization_id" = {organization} AND 'role:' || r."id" = x."s"),"""
        ' x."s")'
    )
    return d.rows(
        d.json_string('y."n"'),
        f'FROM (SELECT {name} AS "n" FROM ({subjects}) x) y',  # noqa: S608
        d.code_point_order('y."n"'),
    )


def held_roles(user_id: str, organization_id: str) -> str:
    """A SELECT of the role subjects the user holds in the organization, as column `s`:
    the grouping rules server.access.control.assign_roles writes, which the enforcer loads."""
    return (
        f'SELECT DISTINCT g."v1" AS "s" FROM "{CasbinRule._meta.db_table}" g'  # noqa: S608
        f""" WHERE g."ptype" = 'g' AND g."v0" = 'user:' || {user_id}"""
        f""" AND g."v2" = 'org:' || {organization_id}"""
    )


PERMISSION = Shape("Permission", {"object": column("v2"), "action": column("v3")})


def _granted(t: str, a: str, _d: Dialect) -> str:
    """The (object, action) pairs a custom role grants in its organization, once each
    (server.access.control.AccessControl.role_permissions reads the same rules)."""
    table = CasbinRule._meta.db_table
    role = f"'role:' || {t}.\"id\""
    domain = f"'org:' || {t}.\"organization_id\""
    return (
        f'FROM (SELECT DISTINCT g."v2", g."v3" FROM "{table}" g'  # noqa: S608
        f' WHERE g."ptype" = \'p\' AND g."v0" = {role}'
        f" AND g.\"v1\" IN ('*', {domain})) {a}"
    )


def _by_code_point(a: str, d: Dialect) -> str:
    first, second = (d.code_point_order(f'{a}."{c}"') for c in ("v2", "v3"))
    return f"{first}, {second}"


# An organization's own roles; the built-in ones are the policy file's, not the database's.
ROLE = Shape(
    "Role",
    {
        "name": column("name"),
        "builtin": Value(lambda _t, d: d.boolean("(1 = 0)")),
        "description": column("description"),
        # Sorted as Python sorts the pairs: by code point.
        "permissions": SpelledRows(
            PERMISSION,
            _granted,
            _by_code_point,
        ),
    },
    Role._meta.db_table,
)
