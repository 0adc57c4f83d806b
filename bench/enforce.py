"""Cost of one authorization decision with thousands of rules (no database needed).

    python -m bench.enforce [--organizations 1000] [--calls 20000]

Loads the built-in roles from policies/ plus, per organization, five members with built-in
roles and one custom role with a few grants, then times `AccessControl.allowed` without its
decision memo (Casbin itself) and with it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import uuid

from server.access.catalogue import BUILTIN_ROLES, CATALOGUE
from server.access.control import AccessControl, domain, subject


def build(organizations: int) -> tuple[AccessControl, list[tuple[uuid.UUID, uuid.UUID]]]:
    access = AccessControl()
    rows: list[list[str]] = []
    members: list[tuple[uuid.UUID, uuid.UUID]] = []
    rng = random.Random(7)
    for _ in range(organizations):
        org = uuid.uuid4()
        role = f"role:{uuid.uuid4()}"
        for p in rng.sample(CATALOGUE, 4):
            rows.append(["p", role, domain(org), p.object, p.action])
        for i in range(5):
            user = uuid.uuid4()
            granted = role if i == 0 else rng.choice(BUILTIN_ROLES)
            rows.append(["g", subject(user), granted, domain(org)])
            members.append((user, org))
    access._adapter._rows = rows  # what TortoiseAdapter.fetch would have read
    access._enforcer.load_policy()
    return access, members


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=20000)
    args = parser.parse_args()
    access, members = build(args.organizations)
    rules = len(access._adapter._rows)
    rng = random.Random(11)
    asks = [
        (*rng.choice(members), *(lambda p: (p.object, p.action))(rng.choice(CATALOGUE)))
        for _ in range(args.calls)
    ]

    def timed(memo: bool) -> list[float]:
        samples = []
        if memo:  # a second request asks what an earlier one already decided
            for ask in asks:
                access.allowed(subject(ask[0]), *ask[1:])
        for user, org, obj, act in asks:
            if not memo:
                access._decisions = {}
            start = time.perf_counter()
            access.allowed(subject(user), org, obj, act)
            samples.append((time.perf_counter() - start) * 1e6)
        return samples

    for label, memo in (("first decision (Casbin)", False), ("repeated decision (memo)", True)):
        samples = sorted(timed(memo))
        p50 = statistics.median(samples)
        p99 = samples[int(len(samples) * 0.99)]
        print(f"{label}: {rules} database rules; p50 {p50:.1f} us, p99 {p99:.1f} us per decision")


if __name__ == "__main__":
    main()
