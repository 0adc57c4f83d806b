"""0_20261123040634_init: the same change for SQLite and PostgreSQL."""

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
CREATE TABLE IF NOT EXISTS "sign_in_throttles" (
    "key" VARCHAR(300) NOT NULL PRIMARY KEY,
    "failures" INT NOT NULL,
    "blocked_until" TIMESTAMP,
    "updated_at" TIMESTAMP NOT NULL
) /* Failed sign-ins per account or client address, and until when more are refused. */;
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
CREATE TABLE IF NOT EXISTS "sign_in_throttles" (
    "key" VARCHAR(300) NOT NULL PRIMARY KEY,
    "failures" INT NOT NULL,
    "blocked_until" TIMESTAMPTZ,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE "sign_in_throttles" IS 'Failed sign-ins per account or client address, and until when more are refused.';
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
    'eJztXW2T2ji2/isqvtykiqTSb5lsz61bRdMkYafTZIHkzuz0lCOMAG8bibVNd9i589/vkWyDX2S3DIY2jj40DZaOMM+RpfOuPxtzNia2+/oTmY+I486sReMS/dmgeE7gjaS1iRp4sdi08QseHtl+93U/cR2PXM/BpgdNE2y7BC6NiWs61sKzGOUELbR0ifNfLlrY2CTIoghTxJwpptZ/MO/0M/JmBDnMJi6aEXvMPzoEYfhrY3cEBM4S2l7zrxszE77PotPSR15S699LYnhsSngvGP/33xt8fMMa8/bouPzSH3/ARYuOyXfi8s784+LemFjwPTF8fXJx3fBWC3Hty5fu9XvRk/+mkWEyezmnm96LlTeDrwm7L5fW+DWn4W1TQomDPTKOQE6Xth0wKLzk/x644DlLsr7V8ebCmEzw0uaMa/z3ZElN/sOQ+Cb+cv4/wa1FuhnGbW9oDDpDw2ik+MxvIcGg4JLJKJ8jFvU4UH/+5Y+7AURcbfAvaH9s9V+cvX0pIGCuN3VEo4Cr8ZcgxB72SQXoG5RNh3BMDOyl0b6GFs+aEzniccoE8uOA9HX4ZhsOhBc2LNg8KiG4IXx7ALwBP3Dco/Yq4H0OA4bdT53BsPXpM/+6uev+2xb4tYYd3nIqrq4SV1/4/GKwCvgrxHoQ9L/d4UfEP6J/9m47Sa6u+w3/2eD3hJceMyh7NPA4Mk3DqyFq0HPD9eRDWeBBk5CW+dQ9M893ecg28EaWP1VYIyQaToCTbwuTe+mSxaFKQ/ueOcSa0l/ISgDchfvA1CQSQION+0swzHFCurm6eeQd/LjeR2NbMIXbsIknfn27NWi3rjuNzPWgBGh7ieFqCrFkKZRDzSfzCJv3j9gZG7FZzVvYKUtcWfdNN81P58krmOKpAIn/Gn7vMi5IJNckl7Jl1+gPVZRehyBAeoRi6l0i8kCcFRotXYsS10UOMZkzRiNiMzp1kccQ+Q5j2SvEKInJoWnRtbxhJXKrlkyrJJmK/ymc2zPsyHEO+yeQhhs9wiUInurvhk3o1JvBx9M3b3Iw/trqC5ihV0KivA2aTv22uJAywi4xzKXjEGquigCdIqwh4mcKeJ9lon2WxFprWdm410vLSsmt2Xt/ZEOO24bi8+MqIH7/S5/Y681aLnjFjVFHNhOyxK7Yk+TCVh9KIdvjNPBHqRNI+5QkP2PXfQThasjuiVSUjHfIlSUXQVeQvKCvsi0UZLhXfIVDgoxLdy7xEEbhcOgFJY8oeJBeNpHrgdIyBjKQ/7CLLM9Fg4+tV6cXb2X20JJH17JlxWVLwWZjht1ZEcEnTlWO1PM03geTed6eKwg9b88zpR7epMWeH1PsiXKdfF9YMNoWXI9T1pDrR8LlEJNcNi/drZ7sCFkJDA7mo+bvXvirnRi7iSDaibFvJ8bzWNb7xGTc+NyGjw2JOhRrb+ZpQ07QE6AAKAsrQ5wKeTPsIT5Rxi6P5ZgwBzSXYW/4WTRvrQqVMfbTilAsVoSP6cvXf2gF6XnDQtacSIGdrR/FiGpoFC5fQdIylJahtAylZagfUoaaAKNnmSblWPsTMpToWcig3OMhAQsMjEQBeWD6ZRMQcAInQzHRqZwhtem4AmtOnmSkTcfadKxNx9p0XCEJqkpcVhKLHeZt+XDHKbXyU2UuByJPQf0nTqVVoHwVyN0EsuyoBdUvJKaZUITiM6tKulCIvUQNirAlWwOKBkWp2I9dmBmvLHop0vwmeG7xIOlJXG1xUbDWoonD5iKG+lvwPW0hYX2TWY9LHFlrQhVYepp5NmItomsRXYvo9RTeHPIAa/VWInqMUovox8BlWK5cmRSZbdBKU25l1KoYb+NWrXOVrJvz7KSb81TOjc671nnX1YZTu9t03nXVIS4h7zq6BSa9h9unFSV9ljXBf6+5RQOY4V06nDnM8wQqaRNIvEcz1xICfQ0LGBP0VjSJvMeWTcah9cJFC+IgbJpsST3EHGTaFoF3IFgBe90mwnSMoMmy0eOMUDRnQXEkmEs8NCdtGNnD+DuYR+5JoXzfoHvtnJZnSlnVZzlZ1WdhVnW2kWQCnF86RLKwdKknxztKkgCdP5N7Wlfe7AvzKb+DV6cn5z+dvzt7e/4Ouoi7XF/5KYcL3dthMm3dZiZXPMTzUVQ3TRFr9bTK6ulyMd7SwhinrKGt6UgtjBK2ryUMxbT5fQojQjeRiCChzpIteHCxX9n/Atu/yyhs7kyIBDy0/mc0x6ugeI2ff/wA09GO1a2RlnLcaSztY6mAyp0nPpA5lu1y2cLamqB24trphUqQGfTKLoJzkQoz00WG9ltkaF3toWjAZIqwjohfXCjN6IucGX2RRNxyDdh9rAfJtL5izCaYZqzQUboE2CMg3Bfa4YJy2CX5qte7iYlDV91hAuQvn646/RcnAnvoZPm2pbRCot3gdRNSVdzg6/XJnGE63Yr9GUNolbQ6ukma7x7zFsaC0DH8YMMl8AhL+J6XByAlr5/vtPyMAAHdlohrpAsjbWPXM1yPLCRyhDXNNF6mabcyYVYNcd+I+bfT07Ozn07fnL19d3H+008X796srZnppjyz5lX3AxckYhzxJYsChhBdP1DXDzwOH59/aEh/KffvRVqbeSY2U/QzxNEjapY2npIZHFiyYLZlrpBtwaUX3xbfuNvt2/Tby6aIVOZJmXDrPFSZf+TmGF7lFuExXnjEkSd7ljay9AiVhZhy0PrwRryeiFchET2ciddz8Xqx24kqmQu51GInWbyDlbq6RqRS/E/ZFro1n5QtGyFBDS0a7xREkXeZksi7pCDiT31VYP3eh0O1sS9T8gGsRP5yoozsiUZWGdnTQsieamSVkT0rhOyZRlYZ2fNCyJ5rZJWRvSiE7IVGNg/ZikQJfBYS/4DnMDZkxdAjzc3cUuiio+GueyqEDoiYQeKg0XK+IGP0aHmz4CAcrhch35TcRC5DBJsztHCYyQ/HuafsUZyJ4xCbYUmEYqkjlxxWoHWUHXUU4KI8SzzPkhchqk0UYrUMePtco/pMbmwR13NXJXHsq/JytHQ9NhdHxXITR/KkrZ9Ffaupg4EN0eNjuZkk83DaUsaU2lQkiQMCHn0mbaWCnnSW3F6z5HTM0x59Z9HbKoBxgqx+XsoLpeiyi5zosot0dJkOvclGv16hNxWRqlrLseXBU2xJa/VEWnMlLMz78agfS7Vkz0dgZigL8YBIJIh9Schhj4intSCXOBa2LZeAWLTgMSZCLeNeJ9E7LWqVNqrORavKRpQtVPkxGQR+eZBCrK4Jpki1PqiuD0b3KwFk0UjoGJGWwTKmfpU2iM4DEXEV8g3Cb1XYIAjvWCDSwZtZPN+Hn9gxE0s1GV+KvKCxNYb/cBkW7seZZc4QG/2LmJ6faCwMfaIZtmjgszzYoczBpbq52E2MYH1fLzZJzVyqwzNTnEYspLliB4fkrXo1My4eZKnLKRYXZa/q0hcj0kufgvpZGdNJxZTRciwn24lPzyM51WRFiUztyCqfwj9f20+Q1lDdPxL1XinFAgQd5hhFw+riVDXcLE7eKmwWJ0nGbTYL3vSXBGjZLvEUzNLtoQZWyvI3ZB8v+PGkUBp3gqx+SO8lm9tHbe3AjIP990HvNg/sNVlye7BMD/0fsi13b3t1xGk3Wlq2Z1H3Nf++5/DbcZhiO0WI+ItPrV+TzGjf9K6SWwAf4CrNmIIOkQ1FDZfyPcj9QucuvGkmyOq3zOwN6WK7ZoxIo6yA8tIzWTE3dYSkhktG+dLfiEyYI0E4e5/cUOy0RVZsKh98L5x4sjq6OeJJSKBR3x51hxth3KLrdpxKL9xPL9x+KVPDkqSN59h5o0Qa5adRFkWm8TRwJKnCHKeqH84XJ6cqMUYnp9kxRrwtIYksOB7cJl40bi5NWT/IT05VUj6hV7ZgcppK+7TGZL5gHqHmqqjHSEKqQVcCfeGQh+JV2qJENZS6y1+5iyKswT2OwI+2SFqQV49dtzVzy1sEvRQjPgbQl4nAjHh6BHKJbfMYvXQchxqJauaEX2lUKUAj3P/gE3SXdokH5PKOOgnjWZMwdJbAfiujHriyb6UFmr04gxYAUrHCLCFB/QAu/ySzkWXbvIZhcGZJITNimlRbtra3bHnA6GJWrQ1F/Wb6HixaPHQI9MlCBq0ITQ03xDMFjM+yT81JFwlfzbn9zyPO3DXGeFXktBw58eHi7M6O5eAcXmZiKUGWz+IOXc4FvNEz5uJBjGvqA5YnabWH3a+dgnJzQHWJ/P93lM87eHMNV4J3Sc3oeRxwHp66MG2/FytnGyU6ICua+9JeEii/UZK1ebdspN/oTNEfN1NUnx9VZ65LAohTJX7hieXpU7Y1h9e5RZnE254Xry+n12Wstw7cr0pOStWewe0Ndymjtz5SOBfinY8U7sOi1O+2h2pnClPmySKQi1QYD30Gt8w7xu0lC/f9lhmPYpbjhwkxfdoXY6w5qVIMi3fm1b/FOUqWt0I2m8KNIjzllR48hFE4rqzsVUHqp2su/L75GSkfi/auPK93BeSXWUbuTTbYMSKdm5kwSLOxxEQ3BE05wwod9K+FeS5Peu/8Osy3Oa+F95ve7Yewe9IQrdXpeitWKup0YjtRXbYSZFqA1/qR1o+qBXGJ+pFswSgB52gMVU0xTqyTMXzbrUG7dd3JUz/3qVl9JXTMpLFtQUszT5t6EH12jWsbLVcumjhsXiCwLU6jI9ueeFB+DN1LR7bpyDYd2VYTgHVkWyXkcR3ZpiPb6rAh6sg2HdmmI9t0ZJuObNOm+Cqb4nVkW924rhLZpj0F2lNQdSt2GZFU+zRlt0xx0GVDVp4/aGrm1ub3O6kGBVEUEPCDVoJTUxzvZzTCNp8u/gl2JpsvljAThKka8VkK722LEreJKD+DE7keTDfZsZ3lj69qJTcBG31yXrVM24InBWTusH8NNflTNct2jmE7KWlrv8F+/QYCICm+TyvxIW2VsW60BtACujr/d0dvuq2r7k13+NslWr+9o51/fBGX/P93tHvb7n0Cld//D+2/fu7cDuBC8KYaCr+7HO3CvQh5pRl41br95RLx1zvabg0+XiL+ekdb7Xbvy+1wYPQ77U73a+vqRhhpUheB6ku/37kdGsFUiH3kzP4Kn3r93zi/g7d39H331851SBH5cEeHrV9jXxn/HLmvz63fEjcVXNncUWQ6pi7537QeJPIBpnHv9oMx7PQ/RUeQXExP7X5n2Orewq/ptPq33dsPg0uUunRHB62bDrSIf3e0N/zY6RvhQxH9BL+kNxgavfdGQBH7CJSfO/3WEMY01o9Q6tIdvWpdG9edqyHnsv+OP3Iw7W8/dIwPcG/GTW8w4E9f8todve4OBLiXKHwX3u/mG6Mft3l0z1Qq3J1lF7g7S9W3exYnQKUdLSX7APSJsAc8EdZyuYbqOUwSgHDFmE0wzdA4YoQJtEfMv7yPbWh95bBKxlWvdxOzel11k3HfXz5ddUAOEPBDJ8vX39PuF4DOXYFKOS8O+YZOI14Ace3wqpjDSzthsqE/TnO8ihNGm+P3mhexwI6oCl4I2BiRzpHTDo6KpEL487IElCNOiqOcwk/iG3uCK+U66nw3Z5hOSR/L88tj7c08JxIJehqcfYqupI/sEcGtrRAw1HNDd88IuwSF+jjiSRC8mbd+C69+Q4/YRY/M8WbQAWHEpYm0K2kP4yu7kiL2BE6s3UrVcitpQWevgo6Ow927DS5YkdOaWYbxLeifp48dIcY5oHJ9KnlkkhS0nMOS5KDVYjqWYnZPieLPI8Z0N2ek9InJnPiOmtkpV6CJnrviiP6KUs0QZIyJ5bgegvUROMglC4yCc7dAHhkT9GiBYIEpinwHuierJvIYdFzYeIUsLy3PlDqyqiTDz5zRwosWXo5hiStHeCl4QNMuhzJVDcADnMq0PkOsCMYxohoiXX4mXHjOY9HTmZJ0GmwlsPl2XHApjhHpRVj7n35Q/1NFdIi/s6VDsd2hnrNqSNSHWHuu5vAvv6dBoKulXmsziG8fI5cIyV5Es/+MrPl8KYZGDFrDUPcXoJCAVsKp/YB4hwe9uzD2S1klzlLHVtUc6HI+gmalqjMbG6nWK56vjIzPsBTSeaXFNzS6nLgkQkapnPjxBb9sEWl83W+954Gk/N8d/dwbDHnQi/8/uWI9T8iLNqluYVKdkzkrol+E/XX0p1L059jBE35wA5VVX88u25Mg0yV7ti/Z44I0ZxIjOxlEzoEEWf2me/lx+wFkxWS9GJGOjpIr0aNV0QLHSUKNbCKST6hKxYFN0mlctdnnxzT7SJ6m4kyPEZbA8+N5pqrE4hATHVr+fAtnaKMz2KSwHyJJWeKm9LThrJLI6hDzCtbQ2fAgQx8uchpZYM6/segxygJZsEsOI5MuEWnsepQMGbwoTtukN+QIl4Un52x6YVSZsvnoC9k/e+aGXFCev9syoMrzt7jTTjzF2T678CF/2mW3XliedtgBl0KH2ZiMeAKBg/xzVi9FmgGQUxf7HiE8F/WsMB0jnojAMxBerTMQHrC9lCQvlDz+Hb2jXHkIxwyck2iGHwhy2CO8Iw5BL4Tl0EX3hCz411iO7yvkaRD8WznZ6mUTuYx/vKO+99ByRaNNxlPi8Fsg9uTSH5X7Dy3qEge+NCzN5WeKjMU9db7Db7D9PAw2CX4q/yH+b+VDU0Zf/Yc47DX6Be4K4EEj5s2QL8G4aI7v4f74wCse4sgcoL+jCxumFRp8+dTktz74x43lETHuZ3+3hysI29Z9ZlqHitcyKFQW82FmnJmxaRQQBlc5tiAxF/R85vnjpBKcxBcXLAi7OT1r4onTkZbPpLSE0z8Fa+b0jlAcrmz4/qd5aYXDdeLN/ovfjLY7hD1BeLjpu+ei9wcOlgjOst+CAUlKzYHtOMDFS2Prx0BGrTmxAye2fyCk5JoX2/EilgBfZPtNER6whtFJ4zBbcOmxAroE3QGDkJ79lOSKQV6O8uOfIVoQ0xiRRlQHcO4cwBm3YanOwziVNmwkhYGIjU8V0iiNBjTfCUtCt8eO3teCXpSKYvukJys6tRQqe+FNQa4d8VUv7XWs0MYXwh182vywuN1c2tzNNcTTGoEtcWeXl/B3I7xVA+J5cGv+opRwHyZ6NPM8iL7vy3CjnZ/0IX4mzqvY6e6BB42n9BDfzWcz816UHxPOK36Fku+e74dDfvJV2ndY0rjcP9f1XO7I4344TkLG6HFm2Zwq6AsNvkuxyVvMWeCP84dw0RQvbOK662/hg9xR8cXmjMA9AELk1cQhqo64TE9ZdX01VYh2KDlVkLPRKCpvx4h2FLqPR4GRyNz8UTP8TXmrnEsZ+eHsdid7wvBwdrudUs5VQwELRlTtGghYhUVm5zDAdmvQbl13ckOqim7zgVQk2983ApNaaJARCmkq+fwBoYifQUA45XunJSqKEsRER7+A1xiWPeryjy+wh+awEIsuC9iw103SrP49fIM0t1/89KCuKczIKfOVCaXEfv821t11jIuOcTkyrWTXjKbIE1MA2gSZhlUWOlR04YgQ1Sl66MCezs2SXmSpWOhFQtm8aQcBy+VYN2uW45CUKSMPtYJtk2X4jAuDO4Qn5B7uv7fYVmI/EnxjT26lTi8IWdAO9sqGRMZP9ckV9r2gtxFsvwXKd21kbHdpzhB20TVZYMeDqyJ2v43nCwwzTCbIF6JVLr/FgdCVeytlNtOy9l6FQn2e9aY8llIg0ElOINCJJBBIV2f4QaozFLCQJmWrHb2YtZWr9urMTKCWIwhtcFUQgyIcVZGBRKphwuTYXMs0oRSD7hqDBYcQDbBN7hoyiWiHkaTyUcKcomUjLRsd24KiZaNqy0baznsAy5gZUeNLMuBELQPHCfGTJpzEJKuUEadFHMucySSWoCVXUsGbPk/JJ9mo7hB0JHvYfxS/5Y5Jy9mSAC+UUjCxJ0JSww3r9OJCYcOCXpkblmhLBP7DQ1UA4aB7DdHdjzjAqCc9Hjm7aHOEZKeCzVVDOwfc0io27xTRtetm9tf/AxKtlOk='
)
