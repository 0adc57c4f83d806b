"""0_20261123032028_init: the same change for SQLite and PostgreSQL."""

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
    'eJztXW2T2ji2/isqvtxMFUml35Js59atommSsNPdZIHkZnaYcgQW4G0jeS3THXbu/PcryTb4RXbLYGjj6EPTIOnI9iP56Lzp6M/GgpjIpq9u0WKMXDq3nMYl+LOB4QKxL5LaJmhAx9nU8QIPjm2/+bqdKIdj6rlw4rGqKbQpYkUmohPXcjyLYE7QAkuK3P+iwLHhBAELA4gBcWcQW/+BvNF74M0RcImNKJgj2+Q/XQQg+2tDOmYE7pLVveKXM8mEXc/Cs9J7XmLr30tkeGSGeCvW/++/N3j/hmXy+mi/vOiPP1ihhU30A1HemP907o2pxa4Tw9cnF+WGt3JE2Zcv3esPoiV/prExIfZygTetnZU3Z5cJmy+XlvmK0/C6GcLIhR4yI5DjpW0HAxQW+c/DCjx3ida3am4KTDSFS5sPXOO/p0s84Q8GxJX4x/n/BLcWaWYYd72hMegMDaORGmd+C4kBCoomBPM5YmGPA/XnX36/G0BEaYNfoP2p1X9x9uYXAQGh3swVlQKuxl+CEHrQJxWgb1CeuIhjYkAvjfY1q/GsBZIjHqdMIG8GpK/CL9uMQFiwGYLNqxKCG8K3B8Ab7AHNHrZXwdjnDMCwe9sZDFu3n/nlFpT+2xb4tYYdXnMqSleJ0hf+eBHGBXwOse4E/G93+Anwn+CfvbtOclTX7Yb/bPB7gkuPGJg8GtCMTNOwNESNtdyMevKlLPCiSUjLfOueecx3eck28EbYnyqsERINJ4OTLwvTeynL4lClof1AXGTN8K9oJQDusvuAeIIkgAYL95egm+OEdFO6eeVd+LheR2NLMGa3YSNPPH27NWi3rjuNTH5QArS9RHc1hVjCCuVQ88k8hpP7R+iaRmxW8xpyShIl67bpqsXpIlkCMZwJkPjT8HuXjYJEck2OUrbsGn1QRel1yARID2GIvUuAHpC7AuMltTCiFLhoQlwTjJFN8IwCjwD0g/VlrwDBKCaHpkXX8rqVyK1aMq2SZCr+p3Buz6Erxzlsn0Ca3egRsiD2Vv8wbIRn3pz9PH39Ogfjr62+gJm1SkiUd0HVqV8XF1LGkCJjsnRdhCerIkCnCGuI+JkC3meZaJ8lsdZaVjbu9dKyUnJr9tofWZDjtqH4/LgKiD/82kf2erGWC15xY9SRzYQssSv2JlG21IdSyPY4Dfxe6gTSPiXJPpqyt2I+JPdIKknG6nMlSddvycQu1lRRlOxx8c2BDH4QkANBDsgUQBBMiCagHlNTTCbsMYkPUmB5FAw+tV6eXrxJi5HldKlFyIqLkGJMjTmk8yLyTZyqHOHmabwPJtq8OVeQbd6cZwo3vEpLNz+ndBMddfTDsVhvW4x6nLKGo34koxxikjvMLvG2fLnjlCUMczAr9SiXP8qByFPQaRGn0n6LfL8F3SgdO9rX66e+NBOm9fjMqpJVPcReogZFhiVbA4oqsCpBIJTNjJcWvhQhGVO4sLhBexpXWygIeC2YumQh7N3fg+u0hYT1XRYEUmLPWhOqAOtp6jAPLaJrEf3nE95c9MB49VYieoxSi+jHMMqMXVGZFJlt0EpTbmXUqtjYxq1a5yoe0vNsB+l5yj+qY+R0jFy14dQxcjpGruoQlxAjF10Ck97D7V3ASZ9lTfDfqx9YsAOJ4SNkE9lWD/6mKZs8HNaWKduPcyJsFBRY+D1YwFUQ28dD+ygP/oN2LKxPutNlp760WaMCq1wzx6yBFtCyi4jCa4LauXVPL1T8uqxVdozgRcqzq2Mw9xuD6UBKHwljy0VjFFKEdUT84kJpRl/kzOiLJOIWNdjqYz1IpvUVITaCOINDR+kSYI8Z4b7QDhnKYVnyVa93E7OLXHWHCZC/3F51+i9OBPaskeWLc927oQ4O0ZbnDX+azCGebTX8GV1oI2XVjJQ65Ll8LU6HPD+zquvnOegvBSIphTdS28xTeyeinSGyJahpvzwyOcix4BDbmqyAbbGiF9+d70xBBd9n339pCoc9j01mt8499vwnV5H4xhwATeh4yJXHPJfWszTrgyOmHKt9eC0+T8Sn4FIPZ+LzXHxe7JYEoou9Alo0ny+JOR/w/+oqdjN+Cy9PT87fnr87e3P+jjURt7kueZuzZoQiWLbWvB4nZW0jJKihlvFOQcd4l6lhvEvqF/7UVwXWb304VBv7Mu8cQHPz2YkysicaWWVkTwshe6qRVUb2rBCyZxpZZWTPCyF7rpFVRvaiELIXGtk8ZAsox/tUZz4LiX/AQ3kbEn0mWt3MU2h8zcGg65YK7rwJWWKmN4DxcuEgEzxa3jzI3cH1IuCbd5qAEoDgZA4cl0x4Po97TB5FGg8X2QSaMudeiT2X7OrTOsqOOgobRflmiStrlgluhOhphMviSK/3i/DfTk/Pzt6evj578+7i/O3bi3ev11Cnq/Iwv+p+5LDH2JU/DhXhUa2laXlspbGkmysitbkcCvJ23GZsqe6x+ISgyY0dfHMDd6cBQfxebPd2ySOwyeQeUORa0LYoooBdG2FTMBBuHxGt09yptF534Ez3qFBil6B57VzjZe14zuZWNqSeQRF78iDmS51npUg151LnXFG5VQBZ1I8eI6qhdaucqV+lBaLzgIQHQL5A+LUKCwTiDQvY5L25xaPF5tBj3JyzamReiqgy02KCJy9mjPtxbjExk4z/hSZeE0AciKSi2kWUjbPcLF9m51LLvFhNjIC/r5lN0gr/uzRacyJSfQn36x+FZOA8rlczMfggrC5nd190eFVZX4xIsz6FPCeV2RFyPAEMBTaEbCc+PY/kVBOOEpnaES6fwj8/TidBWsM4rWMP0IkONBN0iGsUdQDHqWq4WJy8UVgsTpIDt1kseNVfEqBlq8RTMEuXhxps0Sx/QfbxYg+PCm0CSJDVD+m97AXwUROHwqTB/vugd5cH9posuTxYEw/8H7Ature1OrLPZby0bM/C9BW/3nNsdeEwxVaKEPEXt61vycFo3/SukksA7+AqPTBSS3nuCyA3k9eBle9B7hc6d+FFM0FWPzazN6SLrZoxIo2yAspLb0KKbeyKkNSQZZQv/Y3RlLgShLPXyQ3FTktkxabywdfCqSdLfJAjnoQEGvXtUXe5EYYW5dtxKs24FRIt2xbCDDCnkJ03SqRRfhplkRUEzgJHkirMcar64XxxcqoANGuVibSoS0giDseD28SL7jRPU9YP8pNTlc0JrFW2YHKa2qBgmWjhEI+f3VPUYyQh1aArge646KH4Hv8oUQ2l7vI5d1GENbjHEfjRXlKPaZ/S3EPrumbuRsyglWLEx4C1JSIwI35yIKDItnmMXjqOQ41EGp0hcQ77eWqUAjTC9Y+frd0E0ibxTArhIdw6b5E+2/D5GdVe8uocOC9UpQWavTiDHAZSsS3EIUH9AC4/9ezYsm12fe7XZzylkLtNQqotW9tbtjw20MWsWhuK+s30PVi0tjh/Vh89W+ToWQeuFtz+5yF3QQ0TriTsJDO6Tk58uDi7sz1vUdhx+1okeNGD3lKCLJ/FHbxcCHijSYHjQYxr6gNupG21h92vnYJyc0B1Cfz/I8znHftyzUqCb0nN6HkccB6cUTZtfxSy4caIDjgUzX1pLwmUXyvJ2rxZNtKv09K2TvGXPQD1TfG3dMwtRz1OqUe9KqMuCSBOJaNjbyzfPmVbC/a5sDCReNvz4vXl9FtJFFUTlZ8ncL8qe1Kq9g5ub7hLGb31GRC5EO98BkSfMaV+tz1UOwQCE08WgVwkF2boM7gj3jEuL1m47zchZhSzHD9MiOnTvhhjPZIqWWR4Y56nUmThtrwVsMmM3SiAM57pwQMQhP3KMsUUpH4658Lvm8dI+Vi0d+V5vStMfpln7L3JBjtGpPdmJgzSxJSY6IZMU86wQgfta2Gey5PeO9+G+TbntfB+07v7GDZPGqK1Ol1vxUpFnU4sJ6psK0GmBXitH2n9qFoQl6gfyRhGCThHY6hqinGCTxY9g3CfmtVXhE0ijW0Lapp52tSDaLNrXNt4uaJg6pJFgcC2OI2ObHviRfk5dC8d2aYj23RkW00A1pFtlZDHdWSbjmyrw4KoI9t0ZJuObNORbTqyTZviq2yK15FtdRt1lcg27SnQnoKqW7HLiKTapym7NRFHMjVk6fmDqmZubn6/kWpQEAYBQXhW7YQJQN57MIY2ny4UQJeVkYWzZDNBmKoBn6XsOz/6ljYB5qdFiQNvkeyAqfL7V7WSTxg2u52Sq03bZZu2xZgUkLnD9jXU5E/VLNs5hu2kpK39Bvv1GwiApPg+rcSHtFXGutEasBqmq/N/I3zTbV11b7rD3y7B+usId/7xRRT5/0e4e9fu3TKV3//P6r997twNWEHwpRoKP12Odxm9CHmlB/CqdffrJeCfI9xuDT5dAv45wq12u/flbjgw+p12p/u1dXUjjDSpQkb1pd/v3A2NYCrEfvLB/sp+9fq/8fEOvo7wh+63znVIEfkxwsPWt9gl478j9/W59VvipoKSzR1FpmOqyL/SupPIDzaNe3cfjWGnfxvtQVKYntr9zrDVvWNP02n177p3HweXIFU0woPWTYfViH8j3Bt+6vSN8KWI/mJP0hsMjd4HI6CI/WSUnzv91pD1aaxfoVTRCF+1ro3rztWQj7L/jb9ybNrffewYH9m9GTe9wYC/fcmyEb7uDgS4lyD8Ft7v5orRn9u8umcqGe7OshPcnaXy2z2LE6DSjpaSfQDReyqAcYKsfjBfKMkQFzkyxEVahrAo11A9l0gCEK4IsRHEGRpHjDCB9pj4xftYhtYlh1Uyrnq9m5jV66qbjPv+cnvVYXKAgJ81snz9Pe1+YdDRFVMpF8Uh39BpxAsgrh1eFXN4aSdMNvTHaY5XccJoc/xe90U40BVZwQsBGyPSe+S0g6MiWyH8eVkCyhEnxVFO4Sfxjb3BlXIddX5M5hDPUB/K95fH6pt5TiQUtDT48Cm6kj6RR8BubQXYgHo0dPeMIUUg1McB3wTBq3nt97D0O3iEFDwS15uzBgACLk2kXUl76F/ZlRSxJ3Bi7VaqlltJCzp7FXR0HO7ebXABR05rZhnGt6B9nj52hBjngMr1qeSRSVLQcg5LkoNWi+lYitk9JYo/jxjT3ZyR0kcT4sZX1MxGuQJN9NwVV7RXlGqGTMaYWi71AOOPbAS5ZAFBcO4Wk0dMBB4tJlhADCLXAPdo1QQeYQ0dG66A5aXlmVJ7VpVk+JkzWnjRwssxsLhyhJeCBzTtcihT1QA8wKlM6zPEimAcI6oh0uXvhAvPeSx6OlOSToOtBDZfjguy4hiRZsLa//ST+p8qokP8nSxdDO0O9txVQ6I+xOpzNYd/+S0NxJpa6rk2g/h2E1AkJHsRzf4eWIvFUnQNCKsNQ91fMIWEaSWc2g+Id3nQO2V9/yLLxFlq36qaA14uxqxaKevMxkaq9YrnSyPjD1gK6bzU4hsanU5cEiGjlE78+IJftog0vu63PvBAUv5vhD/3BkMe9OL/T3Ks5wl50SbVLUyqC7QgRfSLsL2O/lSK/jRdOOUHN2BZ9vXstD0JMp2yZ/uUPZRJcxNkZG8GkY9Agqx+0738uP0AsmKyXoxIR0fJlejxqmiC4yShRjYRySdUpeLAJuk0rtrs83OafSRvU/FBjxGWMObH805VaYhDTHRo+fMxztBGZ5BpYT9EkrLERelpw1klkdUh5hXMobMZgwx9uMhpZIE5/8bCxygLZMEuOYxMyiLS2PUwGhL2oThtk96QI2QLT87ZNGNUmbL56AvZP3vmhqOgPH+3HYAqz9/iTjvxFmf77MKX/GmX3ZqxPO2wY6MUOsxMNOYbCFzgn7N6KbYZMHJMoe8RgguRzwpiE/CNCHwHwsv1DoQHaC8lmxdK7n+ER5grD2GfgXMSzOEDAi55ZN+Qi8ALYTmk4B4hh1/Gcn1fId8Gwa/KyVa/NAEl/OcI+95Di4pKG5kz5PJbQPb00u+V+w8tTJHLLhqm5vJ3ipjinjo/2DPY/j4MMg0elT+I/6y8a0zwy/8gl7wCv7K7YvCAMfHmwJdgKFjAe3Z/vOMVD3EkLqMfYcdm0woMvtw2+a0P/nFjeUj0+9lf7VkJgLZ1n7mtQ8VrGSQqi/kwM87M2FQKCINSji2TmAt6PvP8cVIJTuKLCxjCbk7PmnjidKTlMykt4fRPwZo5vSMUh0sbvv9pXlricL3xZv/Jb8bbHcKeIDzc9N1z0vsDB0sEZ9lvMQBJSj0C240AFy+NrV8DGbUeiR1GYvsXQkqux2K7sYhtgC+y/KYID5jD6KRxmCW49FgBnYLugEFIz35KcsUgL0f58c8QLYhpjEgjqgM4dw7gjNuwVOdhnEobNpLCQMTGpwpplEYDmu+ERaHbY0fva0EvSkWxfdKTFZ1aCpm94CYh1474qqf2OlZo44xwB582PyxuN5c2d3MN4axGYEvc2eVt+LsR3qoB8jx2az5TSrgPEy2aeR5E3/dl0GjjJ32In5H7Mna6e+BB41t6kO/ms8nkXqQfE84rXoLRD8/3wwF/81Xad1hSv9w/1/Uod+RxPxwnQSZ4nFs2pwrasgrfpdjkNZN54I/zu6BgBh0bUbq+Cu9khMWFJ3PE7oEhhF5OXaTqiMv0lFXXV1OFaIeStwryYTSKytsxoh2F7uNRYCQyN3/VDH9R3mrPpYz8cHa7kz1heDi73U5bzlVDAQtGVO0aCFgFJrNzGGC7NWi3rju5IVVFl/lAKpKt7xuBSS00yAiFNJX9/AGhiJ8BjHDG105LZBRFgIiGfgIvk7E9TPnPF9ADC8aIRROHLdjrKumu/j1cQbq3Xzx6kNeUzcgZ8ZUJpY39/m2sm+sYFx3jcmRaya47miJvTAFoE2QaVlnoUFHGESGqU/TQgT2dG5ZehFU4mkkomzftIGC5HOtmzfY4JGXKyEutYNskGT7jwuAO2Rtyz+6/52wrsR8JvrE3t1KnF4RD0A7WyoZExk+1yRX2vaC1ESy/BdJ3bWRsupzMAaTgGjnQ9VipiN1vw4UD2QyTCfKFaJXTb3EgdObeSpnNtKy9V6FQn2e9SY+lFAh0khMIdCIJBNLZGX6S7AwFLKRJ2WpHL2Zt5aq9OjMTqOUIQhtcFcSgyIiqyEBiq2HC5NhcyzShFANGjYHDIQQDaKNRQyYR7dCTVD5KmFO0bKRlo2NjKFo2qrZspO28B7CMTSJqfEkGnKhl4DghftKEk5hklTLitJBrTeYyiSWoyZVU4KbNU/JJNqo7BB3JXvafxW+546blbEmAJ0opuLEnQlLDBev04kJhwWKtMhcsUZcI/GcvVQGEg+Y1RHc/4gDBnvR45OykzRGSnRI2Vw3tHHBLy9i8U0TXrovZX/8PF3o2gw=='
)
