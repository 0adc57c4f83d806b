"""0_20261123033929_init: the same change for SQLite and PostgreSQL."""

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
CREATE TABLE IF NOT EXISTS "password_tokens" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "used_at" TIMESTAMP,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* A one-time token to set a password (new members), stored only as its SHA-256. */;
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
CREATE TABLE IF NOT EXISTS "roles" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(500),
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_roles_organiz_6fa377" UNIQUE ("organization_id", "name")
) /* A custom role of one organization; its grants are Casbin `p` rules. */;
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
CREATE TABLE IF NOT EXISTS "accounts" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "type" VARCHAR(16) NOT NULL /* ASSET: ASSET
LIABILITY: LIABILITY
EQUITY: EQUITY
INCOME: INCOME
EXPENSE: EXPENSE */,
    "subtype" VARCHAR(32) NOT NULL /* BANK: BANK
CASH: CASH
ACCOUNTS_RECEIVABLE: ACCOUNTS_RECEIVABLE
CURRENT_ASSET: CURRENT_ASSET
INVENTORY: INVENTORY
FIXED_ASSET: FIXED_ASSET
TAX_RECEIVABLE: TAX_RECEIVABLE
ACCOUNTS_PAYABLE: ACCOUNTS_PAYABLE
CURRENT_LIABILITY: CURRENT_LIABILITY
TAX_PAYABLE: TAX_PAYABLE
LONG_TERM_LIABILITY: LONG_TERM_LIABILITY
EQUITY: EQUITY
RETAINED_EARNINGS: RETAINED_EARNINGS
SALES: SALES
OTHER_INCOME: OTHER_INCOME
COST_OF_SALES: COST_OF_SALES
OPERATING_EXPENSE: OPERATING_EXPENSE
BAD_DEBT: BAD_DEBT
EXCHANGE_GAIN_LOSS: EXCHANGE_GAIN_LOSS
DISCOUNT: DISCOUNT
OTHER_EXPENSE: OTHER_EXPENSE */,
    "currency" VARCHAR(3),
    "description" VARCHAR(500),
    "is_control" INT NOT NULL,
    "is_system" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE
ARCHIVED: ARCHIVED */,
    "created_at" TIMESTAMP NOT NULL,
    "organization_id" CHAR(36) NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "parent_id" CHAR(36) REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_accounts_organiz_186cb0" UNIQUE ("organization_id", "code")
) /* An account of the chart; balances are computed from posted lines, never stored. */;
CREATE TABLE IF NOT EXISTS "exchange_rates" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "date" DATE NOT NULL,
    "rate" VARCHAR(32) NOT NULL,
    CONSTRAINT "uid_exchange_ra_organiz_344458" UNIQUE ("organization_id", "currency", "date")
) /* How many units of the base currency one unit of `currency` was worth on a date. */;
CREATE TABLE IF NOT EXISTS "idempotency_records" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "operation" VARCHAR(64) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "result_id" CHAR(36) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_idempotency_organiz_b391a4" UNIQUE ("organization_id", "key")
) /* The first result of a request made with an idempotency key, to replay it. */;
CREATE TABLE IF NOT EXISTS "journal_entries" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "number" BIGINT,
    "status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT
POSTED: POSTED */,
    "date" DATE NOT NULL,
    "memo" VARCHAR(500),
    "draft_lines" JSON,
    "source_type" VARCHAR(32),
    "source_id" CHAR(36),
    "created_by_id" CHAR(36),
    "posted_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "posted_at" TIMESTAMP,
    "organization_id" CHAR(36) NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "reversal_of_id" CHAR(36) UNIQUE REFERENCES "journal_entries" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_journal_ent_organiz_0981d2" UNIQUE ("organization_id", "number")
) /* A balanced set of lines; immutable once posted (corrections are reversals). */;
CREATE INDEX IF NOT EXISTS "idx_journal_ent_organiz_a1deaa" ON "journal_entries" ("organization_id", "date");
CREATE TABLE IF NOT EXISTS "journal_lines" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "organization_id" CHAR(36) NOT NULL,
    "line_no" INT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "debit_minor" BIGINT NOT NULL,
    "credit_minor" BIGINT NOT NULL,
    "base_debit_minor" BIGINT NOT NULL,
    "base_credit_minor" BIGINT NOT NULL,
    "exchange_rate" VARCHAR(32) NOT NULL,
    "description" VARCHAR(500),
    "customer_id" CHAR(36),
    "vendor_id" CHAR(36),
    "date" DATE NOT NULL,
    "account_id" CHAR(36) NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "entry_id" CHAR(36) NOT NULL REFERENCES "journal_entries" ("id") ON DELETE RESTRICT
) /* One posted debit or credit: the transaction amount and its base-currency value. */;
CREATE INDEX IF NOT EXISTS "idx_journal_lin_organiz_bf1eac" ON "journal_lines" ("organization_id", "account_id", "date");
CREATE INDEX IF NOT EXISTS "idx_journal_lin_organiz_baf604" ON "journal_lines" ("organization_id", "date");
CREATE INDEX IF NOT EXISTS "idx_journal_lin_entry_i_1850b0" ON "journal_lines" ("entry_id", "line_no");
CREATE TABLE IF NOT EXISTS "ledger_settings" (
    "lock_date" DATE,
    "next_entry_number" BIGINT NOT NULL,
    "organization_id" CHAR(36) NOT NULL PRIMARY KEY REFERENCES "organizations" ("id") ON DELETE CASCADE
) /* Per-organization ledger state: the lock date and the next entry number. */;
CREATE TABLE IF NOT EXISTS "tracking_categories" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_tracking_ca_organiz_576bbe" UNIQUE ("organization_id", "name")
) /* A dimension such as Department or Campaign. */;
CREATE TABLE IF NOT EXISTS "tracking_options" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "category_id" CHAR(36) NOT NULL REFERENCES "tracking_categories" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_tracking_op_categor_d535c0" UNIQUE ("category_id", "name")
) /* A value of a dimension, such as Campaign "Spring Sale". */;
CREATE TABLE IF NOT EXISTS "journal_line_tags" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "organization_id" CHAR(36) NOT NULL,
    "category_id" CHAR(36) NOT NULL,
    "line_id" BIGINT NOT NULL REFERENCES "journal_lines" ("id") ON DELETE RESTRICT,
    "option_id" CHAR(36) NOT NULL REFERENCES "tracking_options" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_journal_lin_line_id_89218e" UNIQUE ("line_id", "category_id")
) /* A journal line tagged with one option of a dimension (at most one per dimension). */;
CREATE INDEX IF NOT EXISTS "idx_journal_lin_organiz_cd124d" ON "journal_line_tags" ("organization_id", "option_id");
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
CREATE TABLE IF NOT EXISTS "password_tokens" (
    "id" UUID NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "password_tokens" IS 'A one-time token to set a password (new members), stored only as its SHA-256.';
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
CREATE TABLE IF NOT EXISTS "roles" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(500),
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_roles_organiz_6fa377" UNIQUE ("organization_id", "name")
);
COMMENT ON TABLE "roles" IS 'A custom role of one organization; its grants are Casbin `p` rules.';
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
CREATE TABLE IF NOT EXISTS "accounts" (
    "id" UUID NOT NULL PRIMARY KEY,
    "code" VARCHAR(20) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "subtype" VARCHAR(32) NOT NULL,
    "currency" VARCHAR(3),
    "description" VARCHAR(500),
    "is_control" BOOL NOT NULL,
    "is_system" BOOL NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "parent_id" UUID REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_accounts_organiz_186cb0" UNIQUE ("organization_id", "code")
);
COMMENT ON COLUMN "accounts"."type" IS 'ASSET: ASSET
LIABILITY: LIABILITY
EQUITY: EQUITY
INCOME: INCOME
EXPENSE: EXPENSE';
COMMENT ON COLUMN "accounts"."subtype" IS 'BANK: BANK
CASH: CASH
ACCOUNTS_RECEIVABLE: ACCOUNTS_RECEIVABLE
CURRENT_ASSET: CURRENT_ASSET
INVENTORY: INVENTORY
FIXED_ASSET: FIXED_ASSET
TAX_RECEIVABLE: TAX_RECEIVABLE
ACCOUNTS_PAYABLE: ACCOUNTS_PAYABLE
CURRENT_LIABILITY: CURRENT_LIABILITY
TAX_PAYABLE: TAX_PAYABLE
LONG_TERM_LIABILITY: LONG_TERM_LIABILITY
EQUITY: EQUITY
RETAINED_EARNINGS: RETAINED_EARNINGS
SALES: SALES
OTHER_INCOME: OTHER_INCOME
COST_OF_SALES: COST_OF_SALES
OPERATING_EXPENSE: OPERATING_EXPENSE
BAD_DEBT: BAD_DEBT
EXCHANGE_GAIN_LOSS: EXCHANGE_GAIN_LOSS
DISCOUNT: DISCOUNT
OTHER_EXPENSE: OTHER_EXPENSE';
COMMENT ON COLUMN "accounts"."status" IS 'ACTIVE: ACTIVE
ARCHIVED: ARCHIVED';
COMMENT ON TABLE "accounts" IS 'An account of the chart; balances are computed from posted lines, never stored.';
CREATE TABLE IF NOT EXISTS "exchange_rates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "date" DATE NOT NULL,
    "rate" VARCHAR(32) NOT NULL,
    CONSTRAINT "uid_exchange_ra_organiz_344458" UNIQUE ("organization_id", "currency", "date")
);
COMMENT ON TABLE "exchange_rates" IS 'How many units of the base currency one unit of `currency` was worth on a date.';
CREATE TABLE IF NOT EXISTS "idempotency_records" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "key" VARCHAR(128) NOT NULL,
    "operation" VARCHAR(64) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "result_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_idempotency_organiz_b391a4" UNIQUE ("organization_id", "key")
);
COMMENT ON TABLE "idempotency_records" IS 'The first result of a request made with an idempotency key, to replay it.';
CREATE TABLE IF NOT EXISTS "journal_entries" (
    "id" UUID NOT NULL PRIMARY KEY,
    "number" BIGINT,
    "status" VARCHAR(16) NOT NULL,
    "date" DATE NOT NULL,
    "memo" VARCHAR(500),
    "draft_lines" JSONB,
    "source_type" VARCHAR(32),
    "source_id" UUID,
    "created_by_id" UUID,
    "posted_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "posted_at" TIMESTAMPTZ,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE RESTRICT,
    "reversal_of_id" UUID UNIQUE REFERENCES "journal_entries" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_journal_ent_organiz_0981d2" UNIQUE ("organization_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_journal_ent_organiz_a1deaa" ON "journal_entries" ("organization_id", "date");
COMMENT ON COLUMN "journal_entries"."status" IS 'DRAFT: DRAFT
POSTED: POSTED';
COMMENT ON TABLE "journal_entries" IS 'A balanced set of lines; immutable once posted (corrections are reversals).';
CREATE TABLE IF NOT EXISTS "journal_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "line_no" INT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "debit_minor" BIGINT NOT NULL,
    "credit_minor" BIGINT NOT NULL,
    "base_debit_minor" BIGINT NOT NULL,
    "base_credit_minor" BIGINT NOT NULL,
    "exchange_rate" VARCHAR(32) NOT NULL,
    "description" VARCHAR(500),
    "customer_id" UUID,
    "vendor_id" UUID,
    "date" DATE NOT NULL,
    "account_id" UUID NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "entry_id" UUID NOT NULL REFERENCES "journal_entries" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_journal_lin_organiz_bf1eac" ON "journal_lines" ("organization_id", "account_id", "date");
CREATE INDEX IF NOT EXISTS "idx_journal_lin_organiz_baf604" ON "journal_lines" ("organization_id", "date");
CREATE INDEX IF NOT EXISTS "idx_journal_lin_entry_i_1850b0" ON "journal_lines" ("entry_id", "line_no");
COMMENT ON TABLE "journal_lines" IS 'One posted debit or credit: the transaction amount and its base-currency value.';
CREATE TABLE IF NOT EXISTS "ledger_settings" (
    "lock_date" DATE,
    "next_entry_number" BIGINT NOT NULL,
    "organization_id" UUID NOT NULL PRIMARY KEY REFERENCES "organizations" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "ledger_settings" IS 'Per-organization ledger state: the lock date and the next entry number.';
CREATE TABLE IF NOT EXISTS "tracking_categories" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_tracking_ca_organiz_576bbe" UNIQUE ("organization_id", "name")
);
COMMENT ON TABLE "tracking_categories" IS 'A dimension such as Department or Campaign.';
CREATE TABLE IF NOT EXISTS "tracking_options" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "category_id" UUID NOT NULL REFERENCES "tracking_categories" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_tracking_op_categor_d535c0" UNIQUE ("category_id", "name")
);
COMMENT ON TABLE "tracking_options" IS 'A value of a dimension, such as Campaign "Spring Sale".';
CREATE TABLE IF NOT EXISTS "journal_line_tags" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "category_id" UUID NOT NULL,
    "line_id" BIGINT NOT NULL REFERENCES "journal_lines" ("id") ON DELETE RESTRICT,
    "option_id" UUID NOT NULL REFERENCES "tracking_options" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_journal_lin_line_id_89218e" UNIQUE ("line_id", "category_id")
);
CREATE INDEX IF NOT EXISTS "idx_journal_lin_organiz_cd124d" ON "journal_line_tags" ("organization_id", "option_id");
COMMENT ON TABLE "journal_line_tags" IS 'A journal line tagged with one option of a dimension (at most one per dimension).';
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
    'eJztXe1z2jrW/1c0fHnaGdppSNJ2051nhhDacm8aukC7vXu54wpQwBsje22TlL3P/d+fI9kGv8iODDYxrj6EgKQj278jS+dNR382luaMGM7LT2Q5Ibaz0K3GBfqzQfGSwBdBbRM1sGVt61iBiyeG13zTjpfjiePaeOpC1S02HAJFM+JMbd1ydZMygjZaOcT+HwdZBp4SpFOEKTLtOab6fzFr9A65C4Js0yAOWhBjxn7aBGH462BnAgT2CupessvNzClcT6fzwnteUf0/K6K55pywVtD/7783WP+aPmP14X5Z0R9/QKFOZ+QHcVhj9tO60251uE4EX4+cl2vu2uJlX770rt7zluyZJtrUNFZLum1trd0FXCZovlrps5eMhtXNCSU2dsksBDldGYbPoKDIex4ocO0V2dzqbFswI7d4ZTDGNf5+u6JT9mCIX4l9nP2vf2uhZpp20x9pw+5I0xoJPrNbiDHIL5qalI0RnboMqD//8vrdAsJLG+wCnY/twbPT1885BKbjzm1eyeFq/MUJsYs9Ug76FuWpTRgmGnaTaF9BjasviRjxKGUM+ZlP+jL4sgsHgoItC7avSgBuAF8JgDfgAWd9aqx93mcwYNT71B2O2p8+s8stHec/BsevPeqymhYvXcdKn3n8MmEW8GaITSfon73RR8R+on/1b7pxrm7ajf7VYPeEV66pUfNBw7PQMA1KA9Sg5Zbr8Zcyx4smIC3yrXtinu/zkm3hDU1/srCGSBScACdbFm7vhFMWgyoJ7XvTJvqc/krWHOAe3AemUyIA1F+4v/jdHCek29LtK2/jh806GlmCKdyGQVz+9J32sNO+6jZS54MCoO3HuqspxIKpUAw1G8wTPL17wPZMi4xqVmO2zFjJpm2yatlaxkswxXMOEnsadu8iLggk1ziX0mXX8INKSq8jECBdQjF1LxC5J/YaTVaOTonjIJtMTXuGJsQw6dxBronID+jLWCOTkogcmhRdi+tWILcqybRKkin/n8C5s8C2GOegfQxpuNEjnILgrf6hGYTO3QX8bL16lYHx1/aAwwytYhLljV/V8uqiQsoEO0Sbrmyb0Ok6D9AJwhoifiqB92kq2qdxrJWWlY57vbSshNyavvaHFuSobSg6Pi594ve/DoixWazFglfUGHVkIyFN7Iq8SQ4s9YEUsjtOQ6+XOoFUpiT5GTvOAwhXI/OOCEXJaINMWdLym4LkBW2lbaEgw71gMxziZEy6c4iLMAq6Q88oeUD+i/S8iRwXlJYZkIH8hx2kuw4afmy/aJ2/FtlDC+5dyZYVly05m7UFdhZ5BJ8oVTFSz+N4H0zmeX0mIfS8PkuVeliVEnt+TrEnzHXyw9Khtx24HqWsIdePhMsBJplsXjk7vdkhsgIY7I9Hxd9S+KucGPuJIMqJUbYT42ks6wNyC4xepKpDkfpmljZkey1zKUN9Zs62MDAS+eS+2mLegsriK8j5NKBiulRqTwXmnKZSe5TaU9mJX6k9Su2pLJelxGLbdHd8uaOUSvmpMpd9kSen/hOlUipQtgrkbJ0we2pB9XPnNGOKUHRkVUkXCrAXqEEhtqRrQGGHnowjyIGR8UKnFzxE/RYvdRbgcxtVWxzkz7Xo1jaXPP7nu3+dDpewvoucQAX2rDShCkw9zQxNSInoSkRXInpNhTeb3MNcvZOIHqFUIvoxcBmmK0ckRaYbtJKUOxm1KsbbqFXrTCZi9Cw9YPQsES+q9gypPUPVhlO529SeoapDXMCeofASGPce7h4SG/dZ1gT/UuNi+XQgMHwE00S61YO9adImDwvagrL9sDC5jcJBOn2Hlnjt73XywlXvgVtGZJuTcOf/Xn0ps0YFVrlmhlmDLLFu5BGFNwS1c+u2zmX8utAqfc/UecKzq/aklbsnbbM5IG+MQoKwjoifn0uN6POMEX0eR1x3NFh99HvBsL40TYNgmjJDh+liYE+AsCy0gwnlsFPyZb9/HbGLXPZGMZC/fLrsDp6dcOyhke6Jc72bkQoOUZbn7fw0XWA634n9KV0oI2XVjJRqC2jxWpzaAvrEqq6X922w4ogkFN5QbTNL7Z3ydhrPHien/bLIZD/nnGUa+nSNDB2Knn23voOCir7Pvz9vcoc9i02GW2cee/aTqUgsUQHCM2y5xBbHPBfWszALnsWHHNTev+KfJ/yTz1L3p/zzjH+e75cUr0fdHFo0Gy+xMe/P/9VV7ObsFl60Ts7enL09fX32Fprw29yUvMlYMwIRLF1r3vBJWtsICGqoZbyV0DHepmoYb+P6hTf0ZYH1Wh8O1UZZ5p0DaG7edCKN7IlCVhrZVi5kWwpZaWRPcyF7qpCVRvYsF7JnCllpZM9zIXuukM1CNodyXGpGGy7xD1kob0OUzyZU3czMZsMbas6mpYQ7b2quKOgNaLJaWmSGHnR34ecyZHoR8sw7TeSYiODpAlm2OWX5De+o+cDTGtrEMPFM5NwrsOeCXX1KR9lTRwEuijdLXOrzVHBDRI8jXNSM9KpchP/Wap2evmm9On399vzszZvzt682UCersjC/7H1gsEemK48PFZmjBqbY2MLLM2clnrlfejpaOa655Nn+mYkjniz1Hd/mPbcxsCF8AgAzk6SeL1BIn0KbiiB+hsOjjhWoVCCCChYtNVhUxSGUuH0/fFs5MI6R1S+k/Fwq4uM8I+LjPBnxodzh6ejXyx1eEamqvZrpLrzFunDLaqg2U8LCrB3zxOuyO1c/AjMDWYgFKSFO7ElCtvmADHN6hxxi69jQHQJikWUROuNqGfM68dZJUauwXvfQ9+5IrvThfvPaBRwWtRClC1UGdlzNIfDkfiS9vCaYIFX6oLw+GF6vOJB5oxMjREoGSxn6VVoguveEx1WIFwivVmKBIKxhjkgHd6GzGPwFdmE2Z1M1mV3wWP2ZPoP/UAwT98NCny6QOfk3mbpNhKlv6OPVsEQDn8XBDkV2LtTN+Wqi+fP7ZrKJa+ZCHd6c8gMluDT3Ry7dPWvWq5lx8SBTXUbOhDB7Zae+CJGa+iTUz8qYTiqmjBZjOdlNfHoayakmM0poaIdm+QT+2dp+jLSG6v6RqPepYc9hRoOgY9pa3rC6KFUNF4uT1xKLxUmccdvFglX9JQBatEo8BrNweaiBlbL4BdnDCx6e5NpaGSOrH9Kl7LD0UNs4MKNg/zLs32SBvSGLLw/61EX/hwzdKW2tDjntJivdcHXqvGTXewq/HYMpslIEiD/71P4WZ0bnun8ZXwJYB5dJxuR0iGwpajiVlyD3c50796IZI6vfNFMa0vlWzQiRQlkC5ZU7NfO5qUMkNZwyipf+JuTWtAUIp6+TW4q9lsiKDeWDr4W3riidVIZ4EhAo1HdH3WZGGCfvvB2lUhO3xPEVhk4oAGblsvOGiRTKj6PMc63hue9IkoU5SlU/nM9PWjIxRiet9BgjVheTRCyGB7OJ542bS1LWD/KTlsyWT2iVLpi0Ets+9RlZWqbLTojP6zESkCrQpUC3bHKfP3NSmKiGUnfxM3dehBW4xxH40eGbFsQZHTd1zcz0Fn4ryYiPIbQ1eWBGdHsEcohhsBi9ZByHHInszgkv+59UgEaw/sEvaC5sEg3IZQ3VJown3YShdgmUm63wwNk2Ky3QlOIMsgCkfIlZAoL6AVx8Qv+JbhhwfebXhzkll7tNQKosW7tbtlxgdD6r1paifiO9BIsWCx0CfTKXQStEU8MF8VQC49NUiE+TiXvXS2b/c4m9dLQZXgumk9ToOjHx4eLsTkveorBnUoBQ8KKL3ZUAWTaKu3S15PCGj1qIBjFuqA+YnqTdGfW+dnPKzT7VBfL+jykbd/DlCkr8b3HN6GkccC6eOzBsf+Sy4UaIDsiKZlnaSwzlV1KyNmuWjvQrtVP0590pGnGTWLMduR6lVFyvCtcFAcSJFL/wxrLtU4a+hM+lTk2Btz0rXl9Mv5NEUTVR+WkC96uyJ6Vq7+DuhruE0VudrJUJ8d4naw1gUhr0OiO5o7Wo6YoikPNkGA98Bjeme4zLSxru5aYZD2OW4YcJMH3cF6NtOCmTDIs1Ztm/+dkmurtGhjmHG0V4zjI9uAijoF9R2quc1I/nXPh9+xgJH4vyrjytdwXkl0XK3pt0sCNEam9mzCBtzgQmuhFoyilWaL99LcxzWdJ799so2+a8Ed6v+zcfguZxQ7RSp+utWMmo07HlRHbaipEpAV7pR0o/qhbEBepHogmjAJzDMVQ1xTg2T+Y92blMzeoroTNTGNvm1zSztKl73mbfuLbJau2gW9tc5ghsi9KoyLZHXpSfQ/dSkW0qsk1FttUEYBXZVgl5XEW2qci2OiyIKrJNRbapyDYV2aYi25QpvsqmeBXZVjeuy0S2KU+B8hRU3YpdRCRVmabs9pQfdNkQpef3q5qZufm9RrJBQRT5BOygFf/UFNt9hybYYMPFO8Fuai6tFYwEbqpGbJTCd0OnxGkiys7gRI4Lw010bGfx/ctayaeAjTo5r1qmbc6THDJ30L6GmnxLzrKdYdiOS9rKb1Cu34ADJMT3cSU+oK0y1o32EGpAV2f/xvS6177sXfdGv12gzdcx7f7jCy/y/o9p76bT/wQqv/cf6r997t4MocD/Ug2F31lN9uFeiLzSDLxs3/x6gdjnmHbaw48XiH2OabvT6X+5GQ21QbfT7X1tX15zI02iEKi+DAbdm5HmD4XIT8bsr/CrP/iN8dv/Oqbve9+6VwFF6MeYjtrfIpeM/g7d1+f2b7Gb8ku2dxQajoki70qbTkI/YBj3bz5oo+7gU7gHQWFyaA+6o3bvBp6m2x7c9G4+DC9QomhMh+3rLtTwf2PaH33sDrTgpQj/gifpD0da/73mU0R+AuXn7qA9gj61zSuUKBrTy/aVdtW9HDEue9/YKwfD/uZDV/sA96Zd94dD9vbFy8b0qjfk4F6g4Ftwv9srhn/u8uqeymS4O01PcHeayG/3JE6ASjtaCvYBqBNhD3girO4wDdW1TUEAwqVpGgTTFI0jQhhDe2J6xWUsQ5uSwyoZl/3+dcTqddmLx31/+XTZBTmAww+NdE9/T7pfADpnDSrlMj/kWzqFeA7ElcOrYg4v5YRJh/44zfEyThhlji91X4SFbZ4VPBewESK1R045OCqyFcIblwWgHHJSHOUQfhTfyBtcKddR98d0gemcDLB4f3mkvpnlRCJ+S42xT9KV9NF8QHBrawQMdZ3A3TPBDkGBPo7YJghWzWq/B6Xf0QN20INpuwtogDBi0kTSlVRC/9KupJA9gRErt1K13EpK0ClV0FFxuKXb4PwZOamZpRjf/PZZ+tgRYpwBKtOn4kcmCUHLOCxJDFothmMhZveEKP40Ykxve0bKgExNO7qipjbKFGjC567YvL2kVDMCGeNWtx0XwfwIHGSSBUb+uVsgj8wIetBBsMAUha6B7si6iVwTGloGXiPdTcozhfYsK8mwM2eU8KKEl2OY4ooRXnIe0LTPoUxVA/AApzJtzhDLg3GEqIZIF78TLjjnMe/pTHE6BbYU2Gw5zjkVR4jUJKz8Tz+p/6kiOsQv5sqm2OhS1143BOpDpD5Tc/i311Ij0FSXz7Xpx7fPkEO4ZM+j2d8hfblc8a6RCbVBqPszUEhAK2HUXkC8zYLeHej7uSgTZ6F9y2oOdLWcQLVU1pmtjVTpFU+XRsZjWALprNTiWxqVTlwQISOVTvz4gl92iDS+GrTfs0BS9m9MP/eHIxb04v2Pz1hPE/KiTKo7mFSXZGnm0S+C9ir6Uyr6c2bjW3ZwAxVlX09P2xMjUyl7dk/Z44A0NyVa+mYQMQdiZPUb7sXH7fuQ5ZP1IkQqOkqsRE/WeRMcxwkVsrFIPq4q5Qc2TqdwVWafn9PsI3ib8jM9QlgAz4/nnaoSiwNMVGj5002cgY1OM29z+yHilAUuSo8bziqJrAoxr2AOnS0PUvThPKeR+eb8a50eoyyQBrvgMDLhFJHErk/JyIQPyWEb94Yc4bTw6JhNTowyQzYbfS77p4/cgAvS43dXBlR5/OZ32vG3ON1nF7zkj7vsNhPL4w474FLgMJuRCdtAYCPvnNULvs0AyKmDPY8QXvJ8VpjOENuIwHYgvNjsQLjHxkqweaHg/sd0TJnyEPTpOyfRAt8TZJsP8I3YBD3jlkMH3RFiscvotucrZNsg2FUZ2fp5Ezkm+zmmnvdQd3ilQWZzYrNbIMbthdcr8x/q1CE2XDRIzeXtFJnxe+r+gGcwvH0Y5q3/qOxBvGdlXVOTvvgvsc2X6Fe4K4AHTUx3gTwJxkFLfAf3xzpesxBH0wb6MbUMGFZo+OVTk9368B/Xukt4v5+91R5KEDb0u9RtHTJeSz9RWcSHmXJmxraSQ+iXMmxBYs7p+czyxwklOIEvzp8Q9nN61sQTpyItn0hpCYZ/AtbU4R2iOFza8PKHeWGJw9XGm/KT30x2O4Q9Rni44Vty0vsDB0v4Z9nvwIA4peLAbhxg4qW282sgolac2IMTu78QQnLFi914EdkAn2f5TRAeMIfRSeMwS3DhsQIqBd0Bg5Ce/JTkikFejPLjnSGaE9MIkUJUBXDuHcAZtWHJjsMolTJsxIWBkI1PFtIwjQI02wlLArfHnt7XnF6UimL7qCcrPLQkMnvhbUKuPfGVT+11rNBGJ8I9fNrssLj9XNrMzTXC8xqBLXBnF7fh75p7q4bEdeHWvEkp5j6MtWhmeRA935fmhBs/6kP8TOwXkdPdfQ8a29JDPDefYU7vePox7rxiJZT8cD0/HPI2XyV9hwX1y/xzPddhjjzmh2MkZIYeFrrBqPy2UOG5FJusZrrw/XFeFw6aY8sgjrO5CutkTPmFpwsC9wAIkRe3NpF1xKV6yqrrq6lCtEPBWwUZG7W88naEaE+h+3gUGIHMzV41zVuUd9pzKSI/nN3upCQMD2e322vLuWwoYM6Iqn0DAaswyewdBthpDzvtq25mSFXeZd6XikTr+1ZgkgsN0gIhTWY/v0/I42cQEM7Z2qnzjKIEmbyhl8BrBtMeddjPZ9hFS5iIeRMLFuxNlXBXfwlXEO7t54/u5zWFETk3PWVCamO/dxub5irGRcW4HJlWsu+OptAbkwPaGJmCVRQ6lHfiCBHVKXrowJ7O7ZSeZ6qw1CQhbd40/IDlYqybNdvjEJcpQy+1hG3TTPEZ5wZ3BG/IHdx/39pVYj8SfCNvbqVOLwhY0PHXyoZAxk+0yRT2Xb+15i+/OdJ3bWVsZzVdIOygK2Jh24VSHrvfwUsLwwgTCfK5aKXTbzEgVObeSpnNlKxdqlCozrPepseSCgQ6yQgEOhEEAqnsDD9JdoYcFtK4bLWnF7O2clWpzswYahmC0BZXCTEoxFEZGYhvNYyZHJsbmSaQYtC4MbQYhGiIDTJuiCSiPXoSykcxc4qSjZRsdGwTipKNqi0bKTvvASxj05AaX5ABJ2wZOE6IHzXhxAZZpYw4bWLr04VIYvFrMiUVvG3zmHySjuoeQUeil/1n8VvuuWk5XRJgiVJybuwJkdRwwWqdn0ssWNAqdcHidbHAf3ipciDsN68huuWIAyZ1hccjpydtDpHslbC5amhngFtYxua9Irr2Xcz++n8g+W3H'
)
