"""0_20261123025536_init: the same change for SQLite and PostgreSQL."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "organizations" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "base_currency" VARCHAR(3) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
) /* The tenant: every business record belongs to exactly one organization. */;
CREATE TABLE IF NOT EXISTS "users" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "password_changed_at" TIMESTAMP
) /* A person who signs in; may belong to several organizations. */;
CREATE TABLE IF NOT EXISTS "memberships" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "organization_id" CHAR(36) NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_memberships_user_id_1030f0" UNIQUE ("user_id", "organization_id")
) /* A user's place in an organization; the roles held there are Casbin rules. */;
CREATE TABLE IF NOT EXISTS "sessions" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "revoked_at" TIMESTAMP,
    "revoked_reason" VARCHAR(40),
    "organization_id" CHAR(36) NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* A sign-in: the family of refresh tokens rotated from one `sessionCreate`. */;
CREATE TABLE IF NOT EXISTS "refresh_tokens" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "rotated_at" TIMESTAMP,
    "session_id" CHAR(36) NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE
) /* One opaque refresh token of a session, stored only as its SHA-256. */;
CREATE TABLE IF NOT EXISTS "casbin_rules" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "ptype" VARCHAR(8) NOT NULL,
    "v0" VARCHAR(255) NOT NULL,
    "v1" VARCHAR(255) NOT NULL,
    "v2" VARCHAR(255) NOT NULL,
    "v3" VARCHAR(255) NOT NULL,
    "v4" VARCHAR(255) NOT NULL,
    "v5" VARCHAR(255) NOT NULL,
    CONSTRAINT "uid_casbin_rule_ptype_c77161" UNIQUE ("ptype", "v0", "v1", "v2", "v3", "v4", "v5")
) /* One Casbin policy line (`p` or `g`), the storage of the database adapter. */;
CREATE TABLE IF NOT EXISTS "policy_state" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" BIGINT NOT NULL
) /* A counter bumped with every rule change, so each process knows to reload. */;
CREATE TABLE IF NOT EXISTS "audit_chains" (
    "key" VARCHAR(64) NOT NULL PRIMARY KEY,
    "last_sequence" BIGINT NOT NULL,
    "last_hash" VARCHAR(64) NOT NULL
) /* Head of one hash chain; its row lock serialises appends to the chain. */;
CREATE TABLE IF NOT EXISTS "audit_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "chain_key" VARCHAR(64) NOT NULL,
    "organization_id" CHAR(36),
    "sequence" BIGINT NOT NULL,
    "occurred_at" TIMESTAMP NOT NULL,
    "actor_type" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "actor_label" VARCHAR(254),
    "actor_roles" JSON NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "object_type" VARCHAR(64),
    "object_id" VARCHAR(64),
    "outcome" VARCHAR(16) NOT NULL,
    "before" JSON,
    "after" JSON,
    "request_id" VARCHAR(64),
    "client_ip" VARCHAR(64),
    "user_agent" VARCHAR(512),
    "operation_name" VARCHAR(128),
    "idempotency_key" VARCHAR(128),
    "prev_hash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    CONSTRAINT "uid_audit_event_chain_k_f9ff08" UNIQUE ("chain_key", "sequence")
) /* One thing that happened: who did what to which object, and with what result. */;
CREATE INDEX IF NOT EXISTS "idx_audit_event_organiz_03fedf" ON "audit_events" ("organization_id", "occurred_at");
CREATE TABLE IF NOT EXISTS "customers" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(40),
    "billing_address" JSON,
    "tax_id" VARCHAR(64),
    "currency" VARCHAR(3) NOT NULL,
    "payment_terms_days" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE
ARCHIVED: ARCHIVED */,
    "tags_text" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "credit_limit_minor" BIGINT,
    "organization_id" CHAR(36) NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_customers_organiz_84da94" UNIQUE ("organization_id", "email")
) /* Someone the organization sells to. */;
CREATE INDEX IF NOT EXISTS "idx_customers_organiz_b26910" ON "customers" ("organization_id", "name", "id");
CREATE INDEX IF NOT EXISTS "idx_customers_organiz_2d45bb" ON "customers" ("organization_id", "created_at", "id");
CREATE TABLE IF NOT EXISTS "customer_notes" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "author_id" CHAR(36),
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "customer_id" CHAR(36) NOT NULL REFERENCES "customers" ("id") ON DELETE CASCADE,
    "organization_id" CHAR(36) NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT
) /* A note or activity logged against a customer. */;
CREATE INDEX IF NOT EXISTS "idx_customer_no_custome_efa775" ON "customer_notes" ("customer_id", "created_at");
CREATE TABLE IF NOT EXISTS "vendors" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(40),
    "billing_address" JSON,
    "tax_id" VARCHAR(64),
    "currency" VARCHAR(3) NOT NULL,
    "payment_terms_days" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE
ARCHIVED: ARCHIVED */,
    "tags_text" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "organization_id" CHAR(36) NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_vendors_organiz_703376" UNIQUE ("organization_id", "email")
) /* Someone the organization buys from. */;
CREATE INDEX IF NOT EXISTS "idx_vendors_organiz_86b82d" ON "vendors" ("organization_id", "name", "id");
CREATE INDEX IF NOT EXISTS "idx_vendors_organiz_01ddef" ON "vendors" ("organization_id", "created_at", "id");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);""",
    "postgres": """
        CREATE TABLE IF NOT EXISTS "organizations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "base_currency" VARCHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "organizations" IS 'The tenant: every business record belongs to exactly one organization.';
CREATE TABLE IF NOT EXISTS "users" (
    "id" UUID NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "name" VARCHAR(200) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "password_changed_at" TIMESTAMPTZ
);
COMMENT ON TABLE "users" IS 'A person who signs in; may belong to several organizations.';
CREATE TABLE IF NOT EXISTS "memberships" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_memberships_user_id_1030f0" UNIQUE ("user_id", "organization_id")
);
COMMENT ON TABLE "memberships" IS 'A user''s place in an organization; the roles held there are Casbin rules.';
CREATE TABLE IF NOT EXISTS "sessions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoked_reason" VARCHAR(40),
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "sessions" IS 'A sign-in: the family of refresh tokens rotated from one `sessionCreate`.';
CREATE TABLE IF NOT EXISTS "refresh_tokens" (
    "id" UUID NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "rotated_at" TIMESTAMPTZ,
    "session_id" UUID NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "refresh_tokens" IS 'One opaque refresh token of a session, stored only as its SHA-256.';
CREATE TABLE IF NOT EXISTS "casbin_rules" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "ptype" VARCHAR(8) NOT NULL,
    "v0" VARCHAR(255) NOT NULL,
    "v1" VARCHAR(255) NOT NULL,
    "v2" VARCHAR(255) NOT NULL,
    "v3" VARCHAR(255) NOT NULL,
    "v4" VARCHAR(255) NOT NULL,
    "v5" VARCHAR(255) NOT NULL,
    CONSTRAINT "uid_casbin_rule_ptype_c77161" UNIQUE ("ptype", "v0", "v1", "v2", "v3", "v4", "v5")
);
COMMENT ON TABLE "casbin_rules" IS 'One Casbin policy line (`p` or `g`), the storage of the database adapter.';
CREATE TABLE IF NOT EXISTS "policy_state" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" BIGINT NOT NULL
);
COMMENT ON TABLE "policy_state" IS 'A counter bumped with every rule change, so each process knows to reload.';
CREATE TABLE IF NOT EXISTS "audit_chains" (
    "key" VARCHAR(64) NOT NULL PRIMARY KEY,
    "last_sequence" BIGINT NOT NULL,
    "last_hash" VARCHAR(64) NOT NULL
);
COMMENT ON TABLE "audit_chains" IS 'Head of one hash chain; its row lock serialises appends to the chain.';
CREATE TABLE IF NOT EXISTS "audit_events" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "chain_key" VARCHAR(64) NOT NULL,
    "organization_id" UUID,
    "sequence" BIGINT NOT NULL,
    "occurred_at" TIMESTAMPTZ NOT NULL,
    "actor_type" VARCHAR(16) NOT NULL,
    "actor_id" VARCHAR(64),
    "actor_label" VARCHAR(254),
    "actor_roles" JSONB NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "object_type" VARCHAR(64),
    "object_id" VARCHAR(64),
    "outcome" VARCHAR(16) NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "request_id" VARCHAR(64),
    "client_ip" VARCHAR(64),
    "user_agent" VARCHAR(512),
    "operation_name" VARCHAR(128),
    "idempotency_key" VARCHAR(128),
    "prev_hash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    CONSTRAINT "uid_audit_event_chain_k_f9ff08" UNIQUE ("chain_key", "sequence")
);
CREATE INDEX IF NOT EXISTS "idx_audit_event_organiz_03fedf" ON "audit_events" ("organization_id", "occurred_at");
COMMENT ON TABLE "audit_events" IS 'One thing that happened: who did what to which object, and with what result.';
CREATE TABLE IF NOT EXISTS "customers" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(40),
    "billing_address" JSONB,
    "tax_id" VARCHAR(64),
    "currency" VARCHAR(3) NOT NULL,
    "payment_terms_days" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "tags_text" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "credit_limit_minor" BIGINT,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_customers_organiz_84da94" UNIQUE ("organization_id", "email")
);
CREATE INDEX IF NOT EXISTS "idx_customers_organiz_b26910" ON "customers" ("organization_id", "name", "id");
CREATE INDEX IF NOT EXISTS "idx_customers_organiz_2d45bb" ON "customers" ("organization_id", "created_at", "id");
COMMENT ON COLUMN "customers"."status" IS 'ACTIVE: ACTIVE
ARCHIVED: ARCHIVED';
COMMENT ON TABLE "customers" IS 'Someone the organization sells to.';
CREATE TABLE IF NOT EXISTS "customer_notes" (
    "id" UUID NOT NULL PRIMARY KEY,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "customer_id" UUID NOT NULL REFERENCES "customers" ("id") ON DELETE CASCADE,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_customer_no_custome_efa775" ON "customer_notes" ("customer_id", "created_at");
COMMENT ON TABLE "customer_notes" IS 'A note or activity logged against a customer.';
CREATE TABLE IF NOT EXISTS "vendors" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(254),
    "phone" VARCHAR(40),
    "billing_address" JSONB,
    "tax_id" VARCHAR(64),
    "currency" VARCHAR(3) NOT NULL,
    "payment_terms_days" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "tags_text" VARCHAR(1000) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_vendors_organiz_703376" UNIQUE ("organization_id", "email")
);
CREATE INDEX IF NOT EXISTS "idx_vendors_organiz_86b82d" ON "vendors" ("organization_id", "name", "id");
CREATE INDEX IF NOT EXISTS "idx_vendors_organiz_01ddef" ON "vendors" ("organization_id", "created_at", "id");
COMMENT ON COLUMN "vendors"."status" IS 'ACTIVE: ACTIVE
ARCHIVED: ARCHIVED';
COMMENT ON TABLE "vendors" IS 'Someone the organization buys from.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);""",
}

DOWNGRADE = {
    "sqlite": """
        """,
    "postgres": """
        """,
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.schema_generator.DIALECT]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.schema_generator.DIALECT]


MODELS_STATE = (
    'eJztXVtz2zYW/isYvWw6o2RsXRxvsrMzsuM0bhO7YyvZTrMZGiIhCWuKYAnQjjbNfy8AkhIvIE3KlEwxeIhiAeeA1HfAg3MD+K2zIBay6YsPaDFBHp1jt/MKfOs4cIH4H4reLuhA1133iQYGJ3ZAvqKT7XBCmQdNxrum0KaIN1mImh52GSaOYBgBnyLvHxS4NjQRwA6ADiDeDDr4/1AQvQZsjoBHbETBHNmW+OohAPm/U0gnnMHzed8LcTmLmPx62JnVPrLv4D99ZDAyQ4KKj//5c0eMb2BL9MfHFU1fvvBG7FjoK6KCWHx1b40p5tdJ4Buwy3aDLV3Z9vHj+Zu3klL8polhEttfOGtqd8nm/DIRue9j64XgEX0z5CAPMmTFIHd82w4FFDUFv4c3MM9Hq1u11g0WmkLfFoLr/GvqO6b4YUBeSXwM/h3eWozMMC4ux8b12dgwOhk5i1tICShsMokj5gh2mADq2/dg3DUgsrUjLnD6bnT1rH/0k4SAUDbzZKeEq/NdMkIGA1YJ+hpl00MCEwOyLNpveA/DC6RGPMmZQt4KWV9Ef2wigahhLYL1oxKBG8G3BcA7/Adal469DGVfIIDx+Yez6/How2/icgtK/7QlfqPxmejpydZlqvVZIC/CtUCgIVaDgP+cj98B8RX8cXlxlpbqim78R0fcE/QZMRxyb0ArNk2j1gg1TrmWevqhrPCgKVjrfOqeWOaPecjW8MbUX1lYYywaTg6nWBamt0qVJaDKQvuWeAjPnF/RUgJ8zu8DOiZSABou3B/DYfYT0nXr+pH34P1qHU0swQ6/DRsx+etPR9enozdnnVx9UAO0l6nhWgqxQhWqoRaTeQLN23voWUZiVose0iOplhVttmvRW6RboANnEiTxa8S9q6SgsFzTUsq3XeM/tKT1OuYGJEMOdNgrgO6QtwQTn2IHUQo8ZBLPAhNkE2dGASMAfeVj2UtAHJSwQ7Oma33DKuxWbZk2yTKV/2dwPp1DT41zRJ9Cmt/oHqog/lR/NWzkzNicf+0dHBRg/Gl0JWHmVCmL8iLs6gV9SSNlAikyTN/zkGMuqwCdYWwh4v0SePdz0e6nsdZeVj7u7fKyMnZr/tofW5CTsaHk/DgJmd/+eoXs1WKtNrySwag9mwl5ZlfiSaJ8qY+skM1xug5GaRNI27Qkr9CUPxXzMblFSksy0V9oSXoBJTe7OGlJU/JSmG8u5PCDkB1IdkCmAIJwQnQBZdxNsbixxy0+SAFmFFy/Gz3vDY+yZmQ9Q2oTsuEmpJSpMYd0XsW+SXLVY9w8jPfOTJujQQnb5miQa9yILm3d/JjWTVzq6KuL+WgbSD3J2UKp74mUI0wKxewRtuHDneSsQczhrNRSrl/KoclTMWmR5NJ5i+K8BV07HY+Mr7fPfemmQuvJmdWkqHqEvcINiokl3wOKO7BlikAonxnPsfNKlmRM4QKLgPY06bZQEOpaMPXIQsa7b8LrnEoL60ZVBFLjyNoTaoDq6eoyD22iaxP9xzPePHTHdfVGJnqCU5vo+yBlrq6oyorMD2hlOTcKajVMtsmo1qBMhnSQnyAdZPKjukZO18g1G05dI6dr5JoOcQ01cvElMJ093DwFnM5ZtgT/reaBpTpQBD4iNZEf9RBPWumQh8tpubN9PycyRkEBdl6DBVyGtX2itI+K4j9oJ8r6lDtdHjWWDms0YJXrFoQ10AJiu4opvGJoXVq3NyyT1+VU+TWCw0xmV9dgbrcG04WU3hOulqvWKGQY24j4cFhqRg8LZvQwjTimBl998J1iWp8QYiPo5GjoOF8K7Aln3BbakULZrUo+ubx8n4iLnJyPUyB//HBydvXsUGLPiXBgzp1fjHVxiI48r/WTOYfObCPx5wyhg5RNC1Lqkuf6vThd8vzErm5wzsGVLxHJOLyx3m6R22tKOkOellDO+xWVyeEZCy6xsbkENuZNz27cG+6ggpvZzU9dmbAXtcn81kXGXnwVLpLYmAOgBV2GPHXNc20jK099cOWU4713B/LzUH5KLXXXl58D+Tl83CEQ5w6r4EWL+ZKa86H+b65jNxO38Lx3OHg5OO4fDY45ibzNVcvLgjUjMsHyveaVnEp7GxFDC72M4xI+xnGuh3Gc9i+CqV8W2IB6d6h2thXe2YHnFqiT0sgeamRLI9urhGxPI1sa2X4lZPsa2dLIDiohO9DIlkZ2WAnZoUa2CNkKzvE23ZnfpMV/LUp5Owp/Jt7dLXJoAs/BoCvKEuk8k/gO9xvAxF+4yAL3mM3DszuEXwSC8E4XUAIQNOfA9YgpzvO4dci9PMbDQzaBliq5V+PINaf6tI/ySB+FS1G9WeIEz3LBjTE9jHBdGulguwj/s9fr91/2DvpHx8PBy5fD44MV1NmuIsxPzn8WsCfUVSCHhuiokW9hxlcarNxcEest1FBQ0ImYMS67x+IdgpYIdojNDSKdBiTza7nd2yP3wCbmLaDIw9DGFFHAr40cSyoQER+R1FntVNuoj9BMt6jSwS4heetS43XteM7XVjakzKCI//Kw5qu8zsqwas1VXnPF7VYJZNU8eoKphdGteqZ+kxaIszskMwDqBSLoLbFAIEFYISbP5lhUi80h49pcqGpkvZJVZRbmhqdo5or7fo65mUkm/0Mm6wLohCap7PYQ5XJWh+XrHFwZmZeriRHq95WySUfhPyurNU151JdMv36pZAMXab2WmcE7UXUFu/vi4i2r+hJMWvWVOOekMTtC9qeAocKGkM3Mp6exnFqiUWJTO6blM/gX1+mkWFtYp7XvBTpxQXNDh3hG1QRwkquFi8XhUYnF4jAtuPViIbq+K4BWrRIPwaxcHlqwRbP+BTnAi/94VGkTQIqtfUhvZS9AgJp8KUwW7F+uLy+KwF6xpZcHbDLwF7Ax3dpaHdvnMvGxzbBDX4jrPcVWFwFTYqWIEH/2YfR7Whin7y9P0kuAGOAkKxhlpLzwAVCHydugyrdg90ufu/KimWJrn5rZGtLVVs0Ek0a5BMo+M0m1jV0xlhaqjPqtvwmaEk+BcP46ueZ41BLZsKm887VwylQHHxSYJxGDRn1z1D0RhKFV9XaSSyvuEgct2xg5HDC3Upw3zqRRfhhleSoInIWJpLIwJ7nah/PwsFcCaE6Vi7TsS1kirsBDxMSr7jTPcrYP8sNemc0JnCrfMOllNihgCy1cwsS7e6pmjBSsGvRSoLseuqu+xz/O1EKru37NXRVhDe5+FH6c+pRx71N59tCqr1u4ETOkKlnxcc1piSzMSL45EFBk26JGL1vHUY5FWZ2hSA4H59SUKtCI1j/xbu0uUJIkT1KIXsKtzy3S7zZ8ekW1lXN1dnwuVKMNmq0kg1wOUrUtxBFD+wCu/+jZCbZtfn2R1+c6pVK6TcGqI1ubR7YYF3S1qNaao30zfQsRrQ3eP6tfPVvl1bMuXC5E/I8hb0ENCy4V6iS3uk7NvLs6u/6Wtyg8cvtarHiRQeYrkBWz+MzxFxLe+KHAySLGFfcON9KOTsfnn84q2s0h1ysQ/P9fR8w7/scb3hL+lfaMniYBx+CM8mn7tVIMN8G0Q1F0t+W9pFA+KGVrC7J8pA+y1rY+4i9fAO094s93rQ2lnuTUUm+K1BUFxJnD6PgTK7ZP2XjBPxfYIYpse1G9vpp/I4uiaaby0xTuN2VPStOewc0Dd5mgt34HRCHEj34HxBVXSlfnp+NyL4FwCFNVIFc5CzPKGVwQto/LSx7u2z0QM45ZQR4mwvThXIyxkmSZU2QEsTinUp7CjdkS2GTGbxTAmTjpgQEIonFVJ8VU5H74zIXP65+RybHo7MrTZle4/TLP2XuTD3aCSe/NTAWkiaUI0Y25p5wThQ7pWxGeK7Lez34fF8ecV8b7+8uLnyPydCBau9PtdqzKuNOp5aSs2kqxaQNe+0faP2oWxDX6RyqFUQPO8RqqlmKc0pNV30G4Tc/qE3IsoqxtC3u6Rd7UnaR5bF3bxF9SMPXIokJhW5JHV7Y98KD8GL6XrmzTlW26sq0lAOvKtkbY47qyTVe2tWFB1JVturJNV7bpyjZd2aZD8U0OxevKtrZJvUxlm84U6ExB06PYdVRSbTOUPUIeNucd1en8QU+38GT+Nc1Dkex8ZPWLnPbkRU4F75TLfY1TG7zgrby0TzxUFRAOyVuI7mFZR6DID8i4AcRhyuOg8qOVMZbdH3m752HKJz115PvfTvO4Sw=='
)
