"""0_20261123041112_init: the same change for SQLite and PostgreSQL."""

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
CREATE TABLE IF NOT EXISTS "api_keys" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "role" VARCHAR(64) NOT NULL,
    "secret_hash" VARCHAR(64) NOT NULL,
    "created_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP,
    "revoked_at" TIMESTAMP,
    "last_used_at" TIMESTAMP,
    "organization_id" CHAR(36) NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE
) /* A credential for integrations, bound to one organization and one role. */;
CREATE INDEX IF NOT EXISTS "idx_api_keys_organiz_9a0248" ON "api_keys" ("organization_id", "created_at");
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
CREATE TABLE IF NOT EXISTS "api_keys" (
    "id" UUID NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "role" VARCHAR(64) NOT NULL,
    "secret_hash" VARCHAR(64) NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "revoked_at" TIMESTAMPTZ,
    "last_used_at" TIMESTAMPTZ,
    "organization_id" UUID NOT NULL REFERENCES "organizations" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_api_keys_organiz_9a0248" ON "api_keys" ("organization_id", "created_at");
COMMENT ON TABLE "api_keys" IS 'A credential for integrations, bound to one organization and one role.';
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
    'eJztXe132ji6/1d0+HLbc2hPQ5JON92z55CEtuykoQu0d2aHOY4wCnhiLK9tkrJz53+/j2Qb/CIbGQwxrj40BVmPsH+PLD3v+rMxpxNiuq/btvEzWTYu0J8NC88JfEhcaaIGtu11O2vw8NjkXbFtaA9kyRvx2PUcrHvQfo9Nl0DThLi6Y9ieQS3Wu410h0yI5RnYRPfUQYblkamD2XW3icZ0YU2QRxG1CKLOFFvGf/k1hKGdNTrUJK/Zb02oDj9mWNPyhh1ZI2s4I8glMJqHDBe5M/pkQQedvIe/5hIZnosGn9qvWudv2fUHYnuvURca2QCsBaMr7I4NC91N75CzgEa4nZHlsWEX4z+I7qE7gOvi78bkH3dN5FLEwEM2dl3EOwEH0BR7BGFoJdQOHndhGf9ZEM2jUwLdHHjo336HZsOakO/EZV9/a0SfTDMmjAweBMaaaNhr/M762w/avUHMSYzbflfernlLm7d9/dq9/sB7MqzHmk7Nxdxa97aX3gx+Jey+WBiT14yGXZsSizjsZyPzwFqYZjBlwib/kaDBcxZk9SyTdcOE3OOFyWZT4+/3C0vnHOO/xP6c/SO4tUg3TbvtDbVBZ6hpjdTkY7eQmDhBkw6zBCYuTBqG5J9/+eOuAeGtDfYDV5/a/Renb19yCKjrTR1+kcPV+IsTYg/7pJwra5T5/ymcr2bYEeMc9k8gDTe6DcZhwxrk9RsawhcCtAdIG3P8XTOJNfVm8PXkzZscjL+1+xxm6MVxprCk+GvNbXCp5V9jeK/xZW9gEXzD/jXE9+2ZBLxvzzLRZZfi4PpLojbD7qwIxgkyBbUE1OGSPV5qxRbmFOEOa3SwAlcF811W5DSysBmmYL2GK54xJ/nQ+pQJXCcB6evwwzFOanjASQ8knID3OYAPu587g2H78xf2c3PX/Y/J8WsPO+xKi7cuE60v3iZegNUg6H+7w0+IfUX/7t12klxc9Rv+u8HuCS88qln0ScOTiKAQtoaoxbhOvtsGjLYF1+OUJXD9eN6qKjE5xCSXyw55pA9bvdtxSsXlKnPZxK6nLdyt+JykVZyuMqcFuqysHCQgLVNbrS6TN4hCTP+/fxDqplHI0lB/oA4xptbPZMkB78L9YEsXKU+B3aiXGO44IV63rl91Bz+tDCiiiQYfAAHi+XpRe3DVvu40OPJjrD88YWeixVjArtAWTbSs+qYvzVvzZAu28JSDxJ6G3XvAhc9kPiaOOzPshsC2F7nazLPvzVf9pE18sMg6/+Mi28Q6QQYzssWMbu+5oYup3y6awZOwrw5BGP4FtjNmN3NFVr4SRxYY1H5rsPFDTiaY+3vC3Kasac9qTVO6XCbgNdbllFSwVwNJZPmThTVCouDMF7IYVCUIV1+DYY4T0o1CVXQLFgpTWeuBkltrIrfGuCCQXJNcypZdow8qKb0y/69HLGx5F4g8EmeJxgvXsIjrIofo1JmgMTGpNXWZO5l8h7HMZcqtnBZdyxt2syNYSabKz1sN51hLys/byvHzttJ+3jF2iaYvHIdY+rII0CnCGiJ+KoH3aSbap1m+SKVl1V3LSsmt2Xt/ZEOO24bi8+MyIP7wc5+Yq81aLHjFjVFHNhOyxK5EAIXrhlLI9jgN/FHqBNI+Jckv2HWfQLga0gciFCXjHXJlSTvoCpIX9JW2hYIM94qtcIiTMenOJR7CKBwOvbDIEwpepJdN5HqgtEz8YEPsRuMNRfbQkkdXsmXFZUvO5sJRWHGqcqSezXjXIARLiT11F3sqGihUNa4fCZelIgu2DB9RkSPHw1/lxNhNBFFOjH07MZ7Hst4nOmXG5yv42hCoQ7HrzTxtyAl6AhQAZWFliFEhb4Y9xCbKxGWxHCxtC6Nhb/iFX95aFSpjbJlsqwiP2Zi+fK2SrJ45LGTFiRTY2fpRjKiGRuHyFSQlQykZSslQSob6IWWoe2D0LNOkHLu+QYbiPQsZlHssJMDGwEgUkAemX3oPAk7gZCgmOpUzpDIdV2DNyZOMlOlYmY6V6ViZjiskQVWJy1JisUO9LV/uOKVSfqrM5UDkKaj/xKmUCpSvArnrQJYdtaD6hcQ0E4pQfGZVSRcKsReoQRG2ZGtA0aAoGfuxCzPjlWFd8DS/ezw3WJD0fVxtYaW4+FqL7h065zHUd8HvXHEJ605kPS5xZKUJVWDpaebZiJWIrkR0JaLXU3hTdWB+JC7DcuWKpMicqn8pyq2MWhXjbdyqdSaTdXOWnXRzlsq5UXnXKu+62nAqd5vKu646xCXkXUe3wKT3cPu0oqTPsib47zW3aAAzvGsNZw71PI5K2gQS79HMtYRAX80AxgS9JU0iH7BhkklovWAFwx2EdZ0uLA9RB+mmQeATCFbAXrfJq53DJcNETzNioTkNiiPBXGKhOWnDyB7G38E88kAK5fsG3WvntDyVyqo+zcmqPg2zqrONJPfA+YVDBAtL1/LEeEdJEqCzd3JP68qbfWE+ZXfwqnVy9tPZu9O3Z++gC7/LVctPOVzo3g6Taesm1Zniwd+Porppilipp1VWTxf2ZEsLY5yyhramI7UwCti+kjAk0+b3KYxw3UQggoQ6S7bgwcR+af8LbP8utWBzp1wkYKH179EcL4PiNX7+8SNMRzNWt0ZYynGnsZSPpQIqd574QOZYtMtlC2srgtqJa61zmSAz6JVdBOc8FWamigztt8jQqtpD0YDJFGEdET8/l5rR5zkz+jyJuOFqsPsYj4JpfUmpSbCVsUJH6RJgj4FwX2iHC8phl+TLXu8mJg5ddocJkL9+vuz0X5xw7KGT4duW0gqJcoPXTUiVcYOv1id9hq3pVuzPGEKppNXRTdJ896hnazaxJvDAmn8sV5FtLYO8fr7T8jMCOHRbIq6QLow0P+bF9YgtkCOMaabxMk27lQmzaoj7Rsy/tVqnpz+13py+fXd+9tNP5+/erKyZ6Ut5Zs3L7kcmSMQ44ksWBQwhqn6gqh94HD4+/9CQ/kLs34tcbeaZ2HTeT+NHj8hZ2lhKZnBgiU1NQ18i04CmF3f2HXO73U3vXjb904I9eA+nhIUqs6/MHMOq3CI8wbZHHHGyZ2kjC49QsfmUg6uPb/jfE/6XS0SPp/zvGf97vtuJKpkLudBiJ1i8g5W6ukakUvxP2Ra6FZ+kLRshQQ0tGu8kRJF3mZLIu6Qg4k99WWD93odDtbEvU/IBrET+ciKN7IlCVhrZViFkWwpZaWRPCyF7qpCVRvasELJnCllpZM8LIXuukM1DtiJRAl+4xD9gOYwNUTH0yOVmbil03lFzVz0lQgd4zCBx0Hgxt8kEPRneLDgIh+lFyDclN5FLEcH6DNkO1dnhOA8WfeJn4jjEpFgQoVjqyCWHFSgdZUcdBbgozhLPs+RFiGoThVgtA94+16g+FRtbeHvuqsSPfZVejhauR+f8qFhm4kietPWe17eaOhjYED0+lplJMg+nLWVMoU1FkDjA4VFn0lYq6Ellye01S07FPO3Rdxa9rQIYJ8jq56U8l4ouO8+JLjtPR5ep0Jts9OsVelMRqaq9mBgevMWGsFZP5GquhIVZPxb1Y8iW7PkEzAxlIRYQiTixLwk59AmxtBbkEsfApuESEItsFmPC1TLmdeK906JWaaOqXLSqbETZQpUfk0HgyYMUYnlNMEWq9EF5fTC6X3Egi0ZCx4iUDJYx9au0QXQeCY+rEG8Q/lWJDYKwjgUiHbyZwfJ92IkdM75Uk8kFzwuaGBP4H5ph4X6aGfoM0fEfRPf8RGNu6OOXYYsGPouDHcocXKib891EC9b31WKT1MyFOjzV+WnEXJordnBI3qpXM+PiQZa6nGJxUfbKLn0xIrX0SaiflTGdVEwZLcdysp349DySU01WlMjUjqzyKfzztf0EaQ3V/SNR76VSLEDQoY5WNKwuTlXDzeLkrcRmcZJk3HqzYJf+EgAt2iU2wSzcHmpgpSx/Q/bxgocnhdK4E2T1Q3ov2dw+aisHZhzsfw56t3lgr8iS24Ohe+j/kGm4e9urI0678cIwPcNyX7Pfew6/HYMptlOEiL/43P4lyYyrm95lcgtgA1ymGVPQIbKmqOFSvge5n+vchTfNBFn9lpm9IV1s14wRKZQlUF54Oi3mpo6Q1HDJKF/6G5N76ggQzt4n1xQ7bZEVm8oH3wvvPVEd3RzxJCRQqG+PusOMMG7RdTtOpRbuzQu3X8pUMwRp4zl23iiRQnkzyrzINJ4GjiRZmONU9cP5/KQlE2N00sqOMWLXEpKIzfBgNvGicXNpyvpBftKSSfmEXtmCSSuV9mlMyNymHrH0ZVGPkYBUgS4Fuu2Qx+JV2qJENZS6y1+5iyKswD2OwI8rnrQgrh67utbMLW8R9JKM+BhAX8oDM+LpEcglpsli9NJxHHIkspkTfqVRqQCNcP+Db9Bd2CUekMs6qiSMZ03CUFkC+62MeuDKvpUWaPbiDLIBpGKFWUKC+gFc/klmY8M0WQ3D4MySQmbENKmybG1v2fKA0cWsWmuK+s30PVi0WOgQ6JOFDFoRmhpuiKcSGJ9mn5qTLhK+nDP7n0ecuatN8LLIaTli4sPF2Z0ey8E5rMzEQoAsm8UdazHn8EbPmIsHMa6oD1iepH017H7rFJSbA6oL5P8/sti8gw/X0BJ8SmpGz+OA8/DUhWn7vVg52yjRAVnR3Jf2kkD5jZSszbplI/1GZYr+uJmi6vyoOnNdEECcKvELbyxLnzKNOfydGxYVeNvz4vXF9KqM9daB+1XJSanaO7i94S5l9FZHCudCvPORwn1YlPrdq6HcmcIW9UQRyEUqjIc+g1vqHeP2koX7fsuMRzHL8cOEmG72xWgrTsoUw2KdWfVvfo6S4S2RSadwowhPWaUHD2EUjisqe1WQenPNhd/Wj5HysSjvyvN6V0B+mWXk3mSDHSNSuZkJgzSdCEx0Q9CUM6zQQf9amOfypPfOL8N8m/NKeL/p3X4MuycN0UqdrrdiJaNOJ7YT2WUrQaYEeKUfKf2oWhCXqB+JFowScI7GUNUU48Q6GcP3qj24al938tTPfWpW34g1ocLYtuBKM0+beuR9do1rGy+WLrp36LxAYFucRkW2bXhRfgzdS0W2qcg2FdlWE4BVZFsl5HEV2aYi2+qwIarINhXZpiLbVGSbimxTpvgqm+JVZFvduC4T2aY8BcpTUHUrdhmRVPs0Zbd1ftBlQ1SeP7jUzK3N73eSDQqyUEDADloJTk1xvPdojE02XfwT7HQ6txcwE7ipGrFZCp9NwyJuE1nsDE7kejDdRMd2lj++rJVcB2zUyXnVMm1znhSQucP+NdTkW3KW7RzDdlLSVn6D/foNOEBCfDcr8SFtlbFutAdwBXR19t/Iuum2L7s33eGvF2j1cWR1/vWVN/n/j6zu7VXvM6j8/v9w/ZcvndsBNAQfqqHwu4vxLtyLkFeagZft258vEPs7sq7ag08XiP0dWe2rq97X2+FA63euOt1v7csbbqRJNQLV136/czvUgqkQ+8qY/Q2+9fq/Mn4HH0fWh+4vneuQIvJlZA3bv8R+Mv49cl9f2r8mbipoWd9RZDqmmvxfWg0S+QLTuHf7URt2+p+jIwga01O73xm2u7fwNJ12/7Z7+3FwgVJNI2vQvunAFf7fyOoNP3X6WvhSRL/Bk/QGQ633QQsoYl+B8kun3x7CmNrqFUo1jazL9rV23bkcMi77n9grB9P+9mNH+wj3pt30BgP29iXbRtZ1d8DBvUDhp/B+178Y/brNq3sqU+HuNLvA3Wmqvt2zOAEq7Wgp2QegToQ94Imwhss0VM+hggCES0pNgq0MjSNGmEB7TP3mfWxDq5bDKhmXvd5NzOp12U3GfX/9fNkBOYDDD50MX39Pu18AOncJKuW8OORrOoV4AcSVw6tiDi/lhMmG/jjN8TJOGGWO32tehI0dXhW8ELAxIpUjpxwcFUmF8OdlCShHnBRHOYU34ht7gyvlOup812fYmpI+FueXx64385xIJOipMfZJupI+0ScEt7ZEwFDPDd09Y+wSFOrjiCVBsMvs6l3YeoeesIueqOPNoAPCiEkTaVfSHsaXdiVF7AmMWLmVquVWUoLOXgUdFYe7dxtcsCKnNbMM41vQP08fO0KMc0Bl+lTyyCQhaDmHJYlBq8V0LMXsnhLFn0eM6a7PSOkTnTrxHTWzU65AEz13xeH9JaWaIcgY94bjegjWR+AgkywwCs7dAnlkQtCTAYIFtlDkN9ADWTaRR6GjbeIlMry0PFPqyLKSDDtzRgkvSng5hiWuHOGl4AFNuxzKVDUAD3Aq0+oMsSIYx4hqiHT5mXDhOY9FT2dK0imwpcBm23HBpThGpBZh5X/6Qf1PFdEh/kkXjoXNjuU5y4ZAfYhdz9Uc/vB7agS6GvK1NoP49glyCZfseTT7e2TM5ws+NKJwNQx1fwEKCWgljNoPiHdY0LsLY78UVeIsdWxZzcFazMdwWarqzNpGqvSK5ysj4zMshXReafE1jSonLoiQkSonfnzBL1tEGl/32x9YICn7b2R96Q2GLOjF/z+5Yj1PyIsyqW5hUp2TOS2iX4T9VfSnVPTnxMH37OAGS1R9PbtsT4JMlezZvmSPC9KcTrTsZBAxBxJk9Zvu5cftB5AVk/ViRCo6SqxEj5dFCxwnCRWyiUg+rioVBzZJp3BVZp8f0+wjeJuKMz1GWALPj+edqhKLQ0xUaPnzLZyhjU6j94X9EEnKEjelzYazSiKrQswrWENnzYMMfbjIaWSBOf/GsI5RFsiCXXAYmXCJSGPXs8iQwh/JaZv0hhzhsrBxzqYXRpkpm48+l/2zZ27IBen5uy0Dqjx/izvt+Fuc7bMLX/LNLrvVwrLZYQdcCh1mEzJmCQQO8s9ZveBpBkBuudj3COE5r2eFrQliiQgsA+HVKgPhEZsLQfJCyeOPrJHFlIdwzMA5iWb4kSCHPsEn4hD0glsOXfRAiM1+xnB8XyFLg2C/ysiWL5vIpezryPK9h4bLL5pkMiUOuwVi3l/4ozL/oWG5xIEfDUtz+ZkiE35Pne/wDKafh0Hvg0dlD+I/Kxvaotar/xKHvkY/w10BPGhMvRnyJRgXzfED3B8beMlCHKkD9CPLNmFaocHXz01264N/3Rge4eN+8Xd7aEHYNB4y0zpkvJZBobKYDzPjzIz1RQ5h0MqwBYm5oOczzx8nlOAEvrhgQdjN6VkTT5yKtHwmpSWc/ilYM6d3hOJwZcP3P81LKxyuEm/2X/xmvN0h7AnCw03fPRe9P3CwRHCW/RYMSFIqDmzHASZealu/BiJqxYkdOLH9CyEkV7zYjhexBPgi22+K8IA1jE4ah9mCS48VUCXoDhiE9OynJFcM8nKUH/8M0YKYxogUoiqAc+cAzrgNS3YexqmUYSMpDERsfLKQRmkUoPlOWBK6PXb0vhb0olQU242erOjUkqjshdcFuXbEV76017FCG18Id/Bps8PidnNpMzfXEE9rBLbAnV1ewt8N91YNiOfBrfmLUsJ9mOjRzPMg+r4vzY123uhD/EKcV7HT3QMPGkvpIb6bz6T6Ay8/xp1XrMUi3z3fD4f85Ku077CkcZl/ruu5zJHH/HCMhEzQ08wwGVXQFy74LsUmu6LPAn+cP4SLptg2ieuufoUNMrL4D+szAvcACJFX9w6RdcRlesqq66upQrRDyamCjI1aUXk7RrSj0H08CoxA5mavmuZvylvlXIrID2e3O9kThoez2+2Uci4bClgwomrXQMAqLDI7hwFetQdX7etObkhV0W0+kIpE+/taYJILDdJCIU0mnz8g5PEzCAinbO80eEVRgijv6BfwmsCyZ7ns6wvsoTksxLyLDRv26pIwq38PvyDM7eePHtQ1hRk5pb4yIZXY79/GqruKcVExLkemleya0RR5YwpAmyBTsIpCh4ouHBGiOkUPHdjTuV7SiywVtlokpM2bZhCwXI51s2Y5DkmZMvJSS9g2aYbPuDC4Q3hDHuD+e/a2EvuR4Bt7cyt1ekHIgqtgr2wIZPxUn1xh3wt6a8H2W6B811rGdhf6DGEXXRMbOx608tj9Kzy3McwwkSBfiFa6/BYDQlXurZTZTMnaexUK1XnW6/JYUoFAJzmBQCeCQCBVneEHqc5QwEKalK129GLWVq7aqzMzgVqOILTGVUIMinBURgbiqYYJk2NzJdOEUgwaNQY2gxANsElGDZFEtMNIQvkoYU5RspGSjY5tQVGyUbVlI2XnPYBlTI+o8SUZcKKWgeOEeKMJJzHJKmXEaRPH0GciiSW4kiup4HWfTfJJNqo7BB2JXvYfxW+5Y9JytiTACqUUTOyJkNRww2qdn0tsWNArc8Pi1xKB//BSFUA46F5DdPcjDlDLEx6PnF20OUKyU8HmqqGdA25pFZt3iujadTP76/8B5tH+Mg=='
)
