"""0_20261123040221_init: the same change for SQLite and PostgreSQL."""

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
    "password_changed_at" TIMESTAMP,
    "totp_pending_secret" VARCHAR(64),
    "totp_secret" VARCHAR(64),
    "totp_last_step" BIGINT
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
CREATE TABLE IF NOT EXISTS "recovery_codes" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "code_hash" VARCHAR(64) NOT NULL,
    "used_at" TIMESTAMP,
    "user_id" CHAR(36) NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
) /* A one-time code that stands in for a TOTP code, stored only as its SHA-256. */;
CREATE INDEX IF NOT EXISTS "idx_recovery_co_user_id_ce49cb" ON "recovery_codes" ("user_id", "code_hash");
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
    "password_changed_at" TIMESTAMPTZ,
    "totp_pending_secret" VARCHAR(64),
    "totp_secret" VARCHAR(64),
    "totp_last_step" BIGINT
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
CREATE TABLE IF NOT EXISTS "recovery_codes" (
    "id" UUID NOT NULL PRIMARY KEY,
    "code_hash" VARCHAR(64) NOT NULL,
    "used_at" TIMESTAMPTZ,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_recovery_co_user_id_ce49cb" ON "recovery_codes" ("user_id", "code_hash");
COMMENT ON TABLE "recovery_codes" IS 'A one-time code that stands in for a TOTP code, stored only as its SHA-256.';
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
    'eJztXe1z2ri6/1c0fLntDO00b21PeufOEEJbzqYhB2jv7ll2XGEL8ImRfGyTlLN3//cryTb4RXZksIlx9SEELD3C/B5Zet71Z2tJDGS5r7+g5RQ57sK0W5fgzxaGS0TfCFrboAVte9vGLnhwavndN/34dTh1PQfqHm2aQctF9JKBXN0xbc8kmBF0wMpFzn+5wLagjoCJAcSAOHOIzf9A1ukD8BYIOMRCLlggy2AfHQQg/etCd0oJnBVte82+ziA6/T4Tz0sfeYXNf6+Q5pE5Yr3o+L//3mLja6bB2qPjskt//EEvmthAP5DLOrOP9r02M+n3xPD1yfl1zVvb/NrXr/3rj7wn+01TTSfWaom3ve21t6BfE3ZfrUzjNaNhbXOEkQM9ZEQgxyvLChgUXvJ/D73gOSu0uVVje8FAM7iyGONa/z1bYZ39MMC/ib2c/09wa5FumnY7GGuj3ljTWik+s1tIMCi4pBPM5oiJPQbUn3/5424B4Vdb7Au6nzvDF2dvX3IIiOvNHd7I4Wr9xQmhB31SDvoWZd1BDBMNemm0r2mLZy6RGPE4ZQJ5IyB9Hb7ZhQPhhS0Lto9KCG4IXwWAt+gPNAbYWge8z2HAuP+lNxp3vtyxr1u67r8tjl9n3GMtp/zqOnH1hc8vQlcBf4XYDAL+tz/+DNhH8M/BbS/J1U2/8T9b7J7gyiMaJo8aNCLTNLwaokZ7brmefCgLPGgC0jKfumfm+T4P2RbeyPInC2uERMFJ4WTbwuxeuGQxqNLQfiQOMuf4F7TmAPfpfUCsIwGgwcb9NRjmOCHdXt0+8g583OyjsS0Y09uwkMd/fbcz6naue63M9aAEaAeJ4RoKsWApFEPNJvMU6veP0DG02KxmLeSUJK5s+qablqfL5BWI4ZyDxH4Nu3cRFwSSa5JL2bJr9IdKSq9jKkB6CEPsXQL0gJw1mK5cEyPXBQ7SiWOAKbIInrvAIwD9oGNZa0AwismhadG1vGEFcquSTOskmfL/KZy7C+iIcQ77J5CmN3qESxB9qn9oFsJzb0E/nr55k4Pxt86Qw0x7JSTK26Dp1G+LCylT6CJNXzkOwvq6CNApwgYifiaB91km2mdJrJWWlY17s7SslNyavfdHNuS4bSg+P64C4o+/DJG12azFglfcGHVkMyFL7Io9SS7d6kMpZHecRv4oTQKpSknyDrruIxWuxuQeCUXJeIdcWdIOulLJi/aVtoVSGe4VW+EAJ2PSnYs8AEE4HHiB0SMIHqSXbeB6VGkxKBmV/6ALTM8Fo8+dV6cXb0X20JJHV7JlzWVLzmZtAd1FEcEnTlWO1PM03geTed6eSwg9b88zpR7WpMSen1PsiXId/bBNOtoOXI9TNpDrR8LlEJNcNq/cnZ7sCFkJDA7mo+JvJfxVToz9RBDlxKjaifE8lvUh0gkzPnfpx5ZAHYq1t/O0ISfoSaGgUBZWhhgV8BbQA2yiGC6L5ZgRh2ou48H4jjfvrAqVMfbTilAsVoSN6cvXfygF6XnDQjacSIGdrR/FiBpoFC5fQVIylJKhlAylZKifUoaaUUYvMk3KsfYnZCjes5BBecBCAmxIGQkC8sD0S2ZUwAmcDMVEp3KGVKbjGqw5eZKRMh0r07EyHSvTcY0kqDpxWUosdoi348Mdp1TKT525HIg8BfWfOJVSgfJVIHcbyLKnFtS8kJh2QhGKz6w66UIh9gI1KMKWbA0oGhQlYz926cx4ZeJLnuY3g0uTBUnP4mqLC4K1FswcsuQx1N+D7+lyCeu7yHpc4shKE6rB0tPOsxErEV2J6EpEb6bw5qAHulbvJKLHKJWIfgxcpsuVK5Iisw1aacqdjFo1423cqnUuk3Vznp10c57KuVF51yrvut5wKnebyruuO8Ql5F1Ht8Ck93D3tKKkz7Ih+FeaW8SXA4HhI1wmsq0e7EmTNnnYtC9Vth8XhNsoWDTbB7CE6yBf3E/5eaDcsmKp4sLqSXuNpcwaNdjl2jlmDbSEplVEFN4QNM6te3oh49elvbLzzi9Snl2V119tXv8mwbJojEKKsImIX1xIzeiLnBl9kUTcdDW6+5gPgml9RYiFIM5YoaN0CbCnlLAqtMMF5bBL8tVgcBOzi1z1xwmQv3656g1fnHDsaSfTF+f6t2MVHKIsz9v1SV9APN+J/RlDKCNlnY2UHvFszUbYoD9YcxF9hAV8zwu9E5I3z1xZfhAeh25HxBXShZG2oOtprodsgRxhzvvYy4E7RptAnGnyx4f4nN3Eq7+dnp6dvTt9c/b2/cX5u3cX79+8p335Daeb3uWJH/1PTJCIccSXLFTJnvItRqpkzzOb1fw63cMVRyRlXIu0tvNMbDrvp/Fq33KWNpYFEdQIt4ll6mtgmfTSi+/2d0Ac8H3+/WWbBwexPAh66yw6iH1k5hhWWA5AA9oecsT5FaWNLKxabvMpR1sf3vDXE/7KJaKHM/56zl8v9itinrmQCy12gsU7WKnra0Tyl+7Tk/N35+/P3p5vVuzNlbyFOlT3si10Gz5JWzZCggZaNN5LiCLvMyWR90lBxJ/6ssD6vQ+HaqsqU/IBrET+ciKN7IlCVhrZ00LInipkpZE9K4TsmUJWGtnzQsieK2Slkb0ohOyFQjYP2QLKcZXqzB2X+EcsbaAlqj8aaW7nVh/lHTV301MidEAnK0z1BjBdLW1kgEfTWwS155leBHxTchu4BCCoL4DtEJ3Vo7/H5JGXoXeQRaAhCiQoceSSwwqUjrKnjkK5KE7MyrPkRYh2MuHttCK9qRbhehnwKq1oQcTGFn49d1XiJ61JL0cr1yNLfjobM3EkD7f4wEtKzB1I2RA9sY2ZSTLPgytlTKFNRRCrx+FRx8DVKuhJBaZXGpiuYp4q9J1Fb6sAxgmy5nkpL6Siyy5yossu0tFlKvQmG/1mhd7URKrqrAzTo0+xKUyPj7TmSliQ9WNRP6ZslvxnysxQFmIBkYAT+5KQQx6BRfR74CLHhJbpIioW2SzGhKtlzOvEe6dFrdJG3UPfu0eFjnsKujcuuLmsjShbqPJjMhD95UHWjrwmmCJV+qC8PhjdrziQRSOhY0RKBsuY+nXaIHoPiMdViDcIv1Vig0CsY4FIB29hsnwfViR7wZdqZFzyvCDDNOh/epku3I8LU18AMv0X0r02gDgw9PFmukVTPouDHcocXKib891EC9b3zWKT1MyFOjzR+QGAXJorVqs7b9VrmHHxIEtdTn2WKHtll74YkVr6JNTP2phOaqaMlmM52U18eh7JqSErSmRqR1b5FP752n6CtIHq/pGo91IpFlTQIY5WNKwuTtXAzeLkrcRmcZJk3HazYE1/CYAW7RJPwSzcHhpgpSx/Q/bxoj8eFUrjTpA1D+lKsrl91DYOzDjYfx8NbvPA3pAltwdT98D/Act0K9urI0676cq0PBO7r9n3PYffjsEU2ylCxF986fyaZEb3ZnCV3ALYAFdpxhR0iGwpGriUVyD3c5278KaZIGveMlMZ0sV2zRiRQlkC5ZWnk2Ju6ghJA5eM8qW/KZoRR4Bw9j65pdhri6zZVD74XjjzRKXrcsSTkEChvjvqDjPCuEXX7TiVWrgljsqxTIQpYIK08Rw7b5RIofw0yryuI5wHjiRZmONUzcP54uRUJsbo5DQ7xoi1JSQRm+HBbOJF4+bSlM2D/ORUJuWT9soWTE5TaZ+mgZY28RDW10U9RgJSBboU6LaDHopXaYsSNVDqLn/lLoqwAvc4Aj+6PGlBXD1209bOLW8R9JKM+BjRvoQHZsTTI4CLLIvF6KXjOORIZDMn/EqjUgEa4f5HP9Huwi7xgFzWUSVhPGsShsoSqLYy6oEr+9ZaoKnEGWRTkIoVZgkJmgdw+YeHTE3LYjUMoWHQNaWQu01Aqixbu1u2PMroYlatLUXzZnoFFi0WOkT1yUIGrQhNAzfEMwmMzzIhPksXCV8vmf3PQ87S1Qy4FiwnmdF1YuLDxdmdVZyisGdRgEjwoge9lQBZNot7eLXk8EaPdYkHMW6oD1iepNMd97/1CsrNAdUl8P9PMJt39M01vRK8S2pGz+OA8+DcpdP2R7FytlGiA7KiXZX2kkD5jZSszbplI/1GZYr+vJmiMTeJbezI9Til4npduC4IIE6V+KVPLEufsswlfV2amAi87Xnx+mJ6VcZ658D9uuSk1O0Z3N1wlzJ6q1P8ciHe+xS/IV2Uhv3uWO4YP0w8UQRykQrjoc/glnjHuL1k4V5tmfEoZjl+mBDTp30x2oaTMsWwWGdW/Zufo2R6a2CROb1RAOes0oMHIAjHFZW9Kkj9dM2F37c/I+VjUd6V5/WuUPllkZF7kw12jEjlZiYM0sQQmOjGVFPOsEIH/RthnsuT3nu/jvNtzhvh/WZw+ynsnjREK3W62YqVjDqd2E5kl60EmRLglX6k9KN6QVyifiRaMErAORpD1VCME+tk0VPkq9SsviFsEGFsW9DSztOmHniffePapqu1C2YOWRYIbIvTqMi2Jx6Un0P3UpFtKrJNRbY1BGAV2VYLeVxFtqnItiZsiCqyTUW2qcg2FdmmItuUKb7OpngV2dY0rstEtilPgfIU1N2KXUYkVZWm7I7OD7psicrzB03t3Nr8fifZoCAMAgJ20EpwaorjfQBTaLHp4p9gp5OlvaIzgZuqAZul9L1lYuS2AWZncALXo9NNdGxn+ePLWsl1io06Oa9epm3OkwIyd9i/gZr8qZxlO8ewnZS0ld+gWr8BB0iI79NKfEhbZ6xbnRFtobo6+zfBN/3OVf+mP/7tEmzeTnDvH1/5Jf//BPdvu4MvVOX3/9P2X+96tyN6IXhTD4XfXU334V6EvNYMvOrc/nIJ2OsEdzujz5eAvU5wp9sdfL0dj7Rhr9vrf+tc3XAjTeoipfo6HPZux1owFWIfGbO/0U+D4W+M38HbCf7Y/7V3HVJEPkzwuPNr7CvjnyP3ddf5LXFTwZXtHUWmY+qS/02bQSIf6DQe3H7Sxr3hl+gIgovpqT3sjTv9W/prep3hbf/20+gSpC5N8Khz06Mt/N8ED8afe0MtfCiin+gvGYzG2uCjFlDEPlLKu96wM6ZjaptHKHVpgq8619p172rMuOy/Y48cnfa3n3raJ3pv2s1gNGJPX/LaBF/3RxzcSxC+C+93+43Rj7s8umcyFe7OsgvcnaXq2z2LE6DWjpaSfQDqRNgDnghrukxD9RwiCEC4IsRCEGdoHDHCBNpT4l+uYhvaXDmsknE1GNzErF5X/WTc99cvVz0qB3D4aSfT19/T7hcKnbumKuWyOORbOoV4AcSVw6tmDi/lhMmG/jjN8TJOGGWOrzQvwoYOrwpeCNgYkcqRUw6OmqRC+POyBJQjToqjnMJP4ht7gmvlOur90BcQz9EQivPLY+3tPCcSCnpqjH2SrqTP5BHQW1sDylDPDd09U+giEOrjgCVBsGbW+j28+h08Qhc8Esdb0A4AAiZNpF1JFYwv7UqK2BMYsXIr1cutpASdSgUdFYdbuQ0uWJHTmlmG8S3on6ePHSHGOaAyfSp5ZJIQtJzDksSgNWI6lmJ2T4nizyPG9LdnpAyRTpz4jprZKVegiZ674vD+klLNmMoYM9NxPUDXR8pBJllAEJy7ReURA4FHkwoWEIPId4B7tG4Dj9COtgXXwPTS8kypI8tKMuzMGSW8KOHlGJa4coSXggc07XMoU90APMCpTJszxIpgHCNqINLlZ8KF5zwWPZ0pSafAlgKbbccFl+IYkVqElf/pJ/U/1USH+DtZORhaPew565ZAfYi152oO//J7aoh2NeVrbQbx7QZwEZfseTT7B2Aulys+NCC0NQx1f0EVEqqVMGo/IN5hQe8uHfulqBJnqWPLag54tZzSZqmqM1sbqdIrnq+MjM+wFNJ5pcW3NKqcuCBCRqqc+PEFv+wQaXw97HxkgaTs3wTfDUZjFvTi/0+uWM8T8qJMqjuYVJdoSYroF2F/Ff0pFf1pOHDGDm7Aourr2WV7EmSqZM/uJXtcKs3pSMtOBhFzIEHWvOleftx+AFkxWS9GpKKjxEr0dF20wHGSUCGbiOTjqlJxYJN0Cldl9vk5zT6Cp6k402OEJfD8eJ6pOrE4xESFlj/fwhna6DQyK+yHSFKWuCk9bTirJbIqxLyGNXS2PMjQh4ucRhaY829MfIyyQBbsgsPIhEtEGrsBRmNCXySnbdIbcoTLwpNzNr0wykzZfPS57J89c0MuSM/fXRlQ5/lb3GnHn+Jsn134kD/tstssLE877CiXQoeZgaYsgcAB/jmrlzzNgJJjF/oeIbjk9awgNgBLRGAZCK82GQgP0FoJkhdKHn+CJ5gpD+GYgXMSLOADAg55pO+Qg8ALbjl0wT1CNvsa0/F9hSwNgn0rI1u/bAOXsI8T7HsPTZc3WsiYI4fdArJml/6ozH9oYhc59EvD0lx+pojB76n3g/4Gy8/DILPgp7If4v9WNjQm+NV/kENeg1/oXVF4wJR4C+BLMC5Ywnt6f2zgNQtxJA6ln2DbotMKjL5+abNbH/3jxvQQH/fO3+3pFQAt8z4zrUPGaxkUKov5MDPOzNg2cgiDqwxbKjEX9Hzm+eOEEpzAFxcsCPs5PRviiVORls+ktITTPwVr5vSOUByubHj107y0wuEq8ab64jfT3Q5hTxAebvpWXPT+wMESwVn2OzAgSak4sBsHmHip7fwYiKgVJ/bgxO4PhJBc8WI3XsQS4ItsvynCA9YwOmkdZgsuPVZAlaA7YBDSs5+SXDPIy1F+/DNEC2IaI1KIqgDOvQM44zYs2XkYp1KGjaQwELHxyUIapVGA5jthUej22NP7WtCLUlNsn/RkRaeWRGUvuC3ItSe+8qW9jhXa+EK4h0+bHRa3n0ububnGcN4gsAXu7PIS/m64t2qEPI/emr8oJdyHiR7tPA+i7/vS3GjnJ32Id8h5FTvdPfCgsZQe5Lv5LKLf8/Jj3HnFrmD0w/P9cMBPvkr7Dksal/nn+p7LHHnMD8dIkAEeF6bFqIK+tMF3KbZZi74I/HH+EC6YQ9tCrrv5FjbIBPMv1heI3gNFCL2aOUjWEZfpKauvr6YO0Q4lpwoyNmpF5e0Y0Z5C9/EoMAKZmz1qmr8p75RzKSI/nN3upCIMD2e32yvlXDYUsGBE1b6BgHVYZPYOA+x2Rt3OdS83pKroNh9IRaL9fSswyYUGaaGQJpPPHxDy+BlACeds7zR5RVEECO/oF/Ay6LKHXfbxBfTAki7EvItNN+xNkzCrv4JvEOb2858e1DWlM3JOfGVCKrHfv41NdxXjomJcjkwr2TejKfLEFIA2QaZgFYUOFV04IkRNih46sKdzu6QXWSpstUhImzetIGC5HOtmw3IckjJl5KGWsG2SDJ9xYXDH9Am5p/c/sHeV2I8E39iTW6vTC0IWdIO9siWQ8VN9coV9L+itBdtvgfJdWxnbXekLAF1wjWzoePQqj93vwqUN6QwTCfKFaKXLbzEgVOXeWpnNlKxdqVCozrPelseSCgQ6yQkEOhEEAqnqDD9JdYYCFtKkbLWnF7OxclWlzswEajmC0BZXCTEowlEZGYinGiZMju2NTBNKMWDSGtkMQjCCFpq0RBLRHiMJ5aOEOUXJRko2OrYFRclG9ZaNlJ33AJYxPaLGl2TAiVoGjhPiJ004iUlWKyNOBzmmvhBJLEFLrqQCt32ekk+yUd0j6Ej0sP8sfss9k5azJQFWKKVgYk+EpIEb1unFhcSGRXtlbli8LRH4Tx+qAggH3RuIbjXiAMGe8Hjk7KLNEZK9CjbXDe0ccEur2LxXRNe+m9lf/w9CT9NT'
)
