"""2_20261123050635_documents_receivables_payables: the same change for SQLite and PostgreSQL."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

UPGRADE = {
    "sqlite": """
        CREATE TABLE IF NOT EXISTS "number_sequences" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "next_number" BIGINT NOT NULL,
    CONSTRAINT "uid_number_sequ_organiz_27e72d" UNIQUE ("organization_id", "kind")
) /* The next gapless number of one kind of document (invoice, credit note, order). */;
        CREATE TABLE IF NOT EXISTS "open_items" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "ledger" VARCHAR(16) NOT NULL /* RECEIVABLE: RECEIVABLE
PAYABLE: PAYABLE */,
    "kind" VARCHAR(16) NOT NULL /* INVOICE: INVOICE
CREDIT_NOTE: CREDIT_NOTE
PAYMENT: PAYMENT
BILL: BILL
BILL_PAYMENT: BILL_PAYMENT */,
    "is_charge" INT NOT NULL,
    "party_id" CHAR(36) NOT NULL,
    "number" VARCHAR(64),
    "currency" VARCHAR(3) NOT NULL,
    "date" DATE NOT NULL,
    "due_date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "base_amount_minor" BIGINT NOT NULL,
    "open_minor" BIGINT NOT NULL,
    "open_base_minor" BIGINT NOT NULL,
    "voided_on" DATE,
    "created_at" TIMESTAMP NOT NULL
) /* The balance side of one document: what is still owed on it, or still unapplied. */;
CREATE INDEX IF NOT EXISTS "idx_open_items_organiz_51cd9c" ON "open_items" ("organization_id", "ledger", "party_id");
CREATE INDEX IF NOT EXISTS "idx_open_items_organiz_28dcc0" ON "open_items" ("organization_id", "ledger", "date");
        CREATE TABLE IF NOT EXISTS "payment_terms" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* NET: NET
DUE_ON_RECEIPT: DUE_ON_RECEIPT
END_OF_MONTH: END_OF_MONTH */,
    "days" INT NOT NULL,
    "discount_percent" VARCHAR(40),
    "discount_days" INT,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE
ARCHIVED: ARCHIVED */,
    "created_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_payment_ter_organiz_12b452" UNIQUE ("organization_id", "name")
) /* When a document falls due, and the discount for paying early (2/10 net 30). */;
        CREATE TABLE IF NOT EXISTS "allocations" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "ledger" VARCHAR(16) NOT NULL /* RECEIVABLE: RECEIVABLE
PAYABLE: PAYABLE */,
    "kind" VARCHAR(16) NOT NULL /* SETTLEMENT: SETTLEMENT
WRITE_OFF: WRITE_OFF
DISCOUNT: DISCOUNT
REFUND: REFUND */,
    "amount_minor" BIGINT NOT NULL,
    "charge_base_minor" BIGINT NOT NULL,
    "credit_base_minor" BIGINT NOT NULL,
    "date" DATE NOT NULL,
    "reversed_on" DATE,
    "entry_id" CHAR(36),
    "reversal_entry_id" CHAR(36),
    "memo" VARCHAR(500),
    "created_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "reversed_by_id" CHAR(36),
    "charge_id" CHAR(36) REFERENCES "open_items" ("id") ON DELETE RESTRICT,
    "credit_id" CHAR(36) REFERENCES "open_items" ("id") ON DELETE RESTRICT
) /* An amount applied between two open items, dated; undoing it keeps the row. */;
CREATE INDEX IF NOT EXISTS "idx_allocations_organiz_9f7b7b" ON "allocations" ("organization_id", "charge_id");
CREATE INDEX IF NOT EXISTS "idx_allocations_organiz_f18c18" ON "allocations" ("organization_id", "credit_id");
CREATE INDEX IF NOT EXISTS "idx_allocations_organiz_675cbd" ON "allocations" ("organization_id", "ledger", "date");
        CREATE TABLE IF NOT EXISTS "tax_rates" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "rate" VARCHAR(40) NOT NULL,
    "inclusive" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE
ARCHIVED: ARCHIVED */,
    "created_at" TIMESTAMP NOT NULL,
    "account_id" CHAR(36) NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_tax_rates_organiz_e7fb11" UNIQUE ("organization_id", "name")
) /* A percentage charged on sales (and reclaimed on purchases) into one tax account. */;
        CREATE TABLE IF NOT EXISTS "items" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "code" VARCHAR(40),
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(500),
    "unit_price_minor" BIGINT,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: ACTIVE
ARCHIVED: ARCHIVED */,
    "created_at" TIMESTAMP NOT NULL,
    "expense_account_id" CHAR(36) REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "income_account_id" CHAR(36) REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "tax_rate_id" CHAR(36) REFERENCES "tax_rates" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_items_organiz_9e973c" UNIQUE ("organization_id", "code")
) /* A product or service sold or bought, with its defaults for document lines. */;
CREATE INDEX IF NOT EXISTS "idx_items_organiz_c6bf37" ON "items" ("organization_id", "name", "id");
        CREATE TABLE IF NOT EXISTS "invoices" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "number" VARCHAR(32),
    "status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT
ISSUED: ISSUED
PARTIALLY_PAID: PARTIALLY_PAID
PAID: PAID
VOID: VOID
WRITTEN_OFF: WRITTEN_OFF */,
    "currency" VARCHAR(3) NOT NULL,
    "issue_date" DATE NOT NULL,
    "due_date" DATE,
    "reference" VARCHAR(100),
    "memo" VARCHAR(1000),
    "subtotal_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "discount_percent" VARCHAR(40),
    "discount_until" DATE,
    "entry_id" CHAR(36),
    "void_entry_id" CHAR(36),
    "voided_on" DATE,
    "written_off_on" DATE,
    "credit_limit_overridden" INT NOT NULL,
    "created_by_id" CHAR(36),
    "issued_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "issued_at" TIMESTAMP,
    "customer_id" CHAR(36) NOT NULL REFERENCES "customers" ("id") ON DELETE RESTRICT,
    "terms_id" CHAR(36) REFERENCES "payment_terms" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_invoices_organiz_3c402c" UNIQUE ("organization_id", "number")
) /* A request for payment; posts to the ledger when issued. */;
CREATE INDEX IF NOT EXISTS "idx_invoices_organiz_6684ea" ON "invoices" ("organization_id", "issue_date", "id");
CREATE INDEX IF NOT EXISTS "idx_invoices_organiz_8bb581" ON "invoices" ("organization_id", "customer_id", "issue_date");
CREATE INDEX IF NOT EXISTS "idx_invoices_organiz_afc07a" ON "invoices" ("organization_id", "status");
        CREATE TABLE IF NOT EXISTS "credit_notes" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "number" VARCHAR(32),
    "status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT
ISSUED: ISSUED
VOID: VOID */,
    "currency" VARCHAR(3) NOT NULL,
    "issue_date" DATE NOT NULL,
    "reason" VARCHAR(500),
    "subtotal_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "entry_id" CHAR(36),
    "created_by_id" CHAR(36),
    "issued_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "customer_id" CHAR(36) NOT NULL REFERENCES "customers" ("id") ON DELETE RESTRICT,
    "invoice_id" CHAR(36) REFERENCES "invoices" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_credit_note_organiz_b15eb2" UNIQUE ("organization_id", "number")
) /* Money the organization owes back to a customer: applied to invoices or refunded. */;
CREATE INDEX IF NOT EXISTS "idx_credit_note_organiz_cd878f" ON "credit_notes" ("organization_id", "issue_date", "id");
CREATE INDEX IF NOT EXISTS "idx_credit_note_organiz_e07a7d" ON "credit_notes" ("organization_id", "customer_id");
        CREATE TABLE IF NOT EXISTS "credit_note_lines" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "line_no" INT NOT NULL,
    "description" VARCHAR(500),
    "quantity" VARCHAR(40) NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_percent" VARCHAR(40) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "dimension_option_ids" JSON NOT NULL,
    "account_id" CHAR(36) NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "credit_note_id" CHAR(36) NOT NULL REFERENCES "credit_notes" ("id") ON DELETE CASCADE,
    "item_id" CHAR(36) REFERENCES "items" ("id") ON DELETE RESTRICT,
    "tax_rate_id" CHAR(36) REFERENCES "tax_rates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_credit_note_credit__e3eae6" ON "credit_note_lines" ("credit_note_id", "line_no");
        CREATE TABLE IF NOT EXISTS "disputes" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* OPEN: OPEN
UPHELD: UPHELD
REJECTED: REJECTED */,
    "reason" VARCHAR(16) NOT NULL /* PRICING: PRICING
QUALITY: QUALITY
NOT_RECEIVED: NOT_RECEIVED
DUPLICATE: DUPLICATE
OTHER: OTHER */,
    "note" VARCHAR(1000),
    "opened_on" DATE NOT NULL,
    "opened_by_id" CHAR(36),
    "resolution" VARCHAR(16) /* CREDIT_NOTE: CREDIT_NOTE
WRITE_OFF: WRITE_OFF
REJECTED: REJECTED */,
    "resolution_note" VARCHAR(1000),
    "resolved_on" DATE,
    "resolved_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "credit_note_id" CHAR(36) REFERENCES "credit_notes" ("id") ON DELETE RESTRICT,
    "invoice_id" CHAR(36) NOT NULL REFERENCES "invoices" ("id") ON DELETE RESTRICT
) /* A customer's challenge of an invoice; while open, the invoice is held apart. */;
CREATE INDEX IF NOT EXISTS "idx_disputes_organiz_845576" ON "disputes" ("organization_id", "invoice_id");
CREATE INDEX IF NOT EXISTS "idx_disputes_organiz_a3ed16" ON "disputes" ("organization_id", "status");
        CREATE TABLE IF NOT EXISTS "invoice_lines" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "line_no" INT NOT NULL,
    "description" VARCHAR(500),
    "quantity" VARCHAR(40) NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_percent" VARCHAR(40) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "dimension_option_ids" JSON NOT NULL,
    "account_id" CHAR(36) NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "invoice_id" CHAR(36) NOT NULL REFERENCES "invoices" ("id") ON DELETE CASCADE,
    "item_id" CHAR(36) REFERENCES "items" ("id") ON DELETE RESTRICT,
    "tax_rate_id" CHAR(36) REFERENCES "tax_rates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_invoice_lin_invoice_afa01c" ON "invoice_lines" ("invoice_id", "line_no");
        CREATE TABLE IF NOT EXISTS "payments" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "date" DATE NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "method" VARCHAR(16) NOT NULL /* BANK_TRANSFER: BANK_TRANSFER
CARD: CARD
CASH: CASH
CHECK: CHECK
DIRECT_DEBIT: DIRECT_DEBIT
OTHER: OTHER */,
    "reference" VARCHAR(100),
    "memo" VARCHAR(500),
    "status" VARCHAR(16) NOT NULL /* RECORDED: RECORDED
VOID: VOID */,
    "entry_id" CHAR(36),
    "void_entry_id" CHAR(36),
    "voided_on" DATE,
    "created_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "customer_id" CHAR(36) NOT NULL REFERENCES "customers" ("id") ON DELETE RESTRICT,
    "deposit_account_id" CHAR(36) NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT
) /* Money received from a customer; what is not allocated is the customer's credit. */;
CREATE INDEX IF NOT EXISTS "idx_payments_organiz_dfb6fb" ON "payments" ("organization_id", "date", "id");
CREATE INDEX IF NOT EXISTS "idx_payments_organiz_4006b5" ON "payments" ("organization_id", "customer_id", "date");
        CREATE TABLE IF NOT EXISTS "bill_payments" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "date" DATE NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "method" VARCHAR(16) NOT NULL /* BANK_TRANSFER: BANK_TRANSFER
CARD: CARD
CASH: CASH
CHECK: CHECK
DIRECT_DEBIT: DIRECT_DEBIT
OTHER: OTHER */,
    "reference" VARCHAR(100),
    "memo" VARCHAR(500),
    "status" VARCHAR(16) NOT NULL /* RECORDED: RECORDED
VOID: VOID */,
    "entry_id" CHAR(36),
    "void_entry_id" CHAR(36),
    "voided_on" DATE,
    "created_by_id" CHAR(36),
    "created_at" TIMESTAMP NOT NULL,
    "bank_account_id" CHAR(36) NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "vendor_id" CHAR(36) NOT NULL REFERENCES "vendors" ("id") ON DELETE RESTRICT
) /* Money paid to a vendor for one or many bills; any excess is a credit with the vendor. */;
CREATE INDEX IF NOT EXISTS "idx_bill_paymen_organiz_17ee23" ON "bill_payments" ("organization_id", "date", "id");
CREATE INDEX IF NOT EXISTS "idx_bill_paymen_organiz_14faec" ON "bill_payments" ("organization_id", "vendor_id", "date");
        CREATE TABLE IF NOT EXISTS "purchase_orders" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "number" VARCHAR(32) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT
APPROVED: APPROVED
PARTIALLY_BILLED: PARTIALLY_BILLED
BILLED: BILLED
CANCELLED: CANCELLED */,
    "currency" VARCHAR(3) NOT NULL,
    "order_date" DATE NOT NULL,
    "expected_date" DATE,
    "memo" VARCHAR(1000),
    "subtotal_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "created_by_id" CHAR(36),
    "approved_by_id" CHAR(36),
    "approved_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "vendor_id" CHAR(36) NOT NULL REFERENCES "vendors" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_purchase_or_organiz_c6c949" UNIQUE ("organization_id", "number")
) /* What the organization agreed to buy, at what price, before the vendor bills it. */;
CREATE INDEX IF NOT EXISTS "idx_purchase_or_organiz_47266d" ON "purchase_orders" ("organization_id", "order_date", "id");
CREATE INDEX IF NOT EXISTS "idx_purchase_or_organiz_2442f3" ON "purchase_orders" ("organization_id", "vendor_id");
        CREATE TABLE IF NOT EXISTS "bills" (
    "id" CHAR(36) NOT NULL PRIMARY KEY,
    "organization_id" CHAR(36) NOT NULL,
    "vendor_reference" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* DRAFT: DRAFT
SUBMITTED: SUBMITTED
APPROVED: APPROVED
PARTIALLY_PAID: PARTIALLY_PAID
PAID: PAID
VOID: VOID */,
    "currency" VARCHAR(3) NOT NULL,
    "bill_date" DATE NOT NULL,
    "due_date" DATE,
    "memo" VARCHAR(1000),
    "subtotal_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "discount_percent" VARCHAR(40),
    "discount_until" DATE,
    "rejection_reason" VARCHAR(1000),
    "tolerance_overridden" INT NOT NULL,
    "entry_id" CHAR(36),
    "void_entry_id" CHAR(36),
    "voided_on" DATE,
    "created_by_id" CHAR(36),
    "submitted_by_id" CHAR(36),
    "approved_by_id" CHAR(36),
    "approved_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "purchase_order_id" CHAR(36) REFERENCES "purchase_orders" ("id") ON DELETE RESTRICT,
    "terms_id" CHAR(36) REFERENCES "payment_terms" ("id") ON DELETE RESTRICT,
    "vendor_id" CHAR(36) NOT NULL REFERENCES "vendors" ("id") ON DELETE RESTRICT
) /* A vendor's invoice to the organization; posts to the ledger when approved. */;
CREATE INDEX IF NOT EXISTS "idx_bills_organiz_fee9b1" ON "bills" ("organization_id", "bill_date", "id");
CREATE INDEX IF NOT EXISTS "idx_bills_organiz_0199eb" ON "bills" ("organization_id", "vendor_id", "vendor_reference");
CREATE INDEX IF NOT EXISTS "idx_bills_organiz_d03ea2" ON "bills" ("organization_id", "status", "due_date");
        CREATE TABLE IF NOT EXISTS "purchase_order_lines" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "line_no" INT NOT NULL,
    "description" VARCHAR(500),
    "quantity" VARCHAR(40) NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_percent" VARCHAR(40) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "dimension_option_ids" JSON NOT NULL,
    "billed_quantity" VARCHAR(40) NOT NULL,
    "account_id" CHAR(36) NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "item_id" CHAR(36) REFERENCES "items" ("id") ON DELETE RESTRICT,
    "purchase_order_id" CHAR(36) NOT NULL REFERENCES "purchase_orders" ("id") ON DELETE CASCADE,
    "tax_rate_id" CHAR(36) REFERENCES "tax_rates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_purchase_or_purchas_e31591" ON "purchase_order_lines" ("purchase_order_id", "line_no");
        CREATE TABLE IF NOT EXISTS "bill_lines" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "line_no" INT NOT NULL,
    "description" VARCHAR(500),
    "quantity" VARCHAR(40) NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_percent" VARCHAR(40) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "dimension_option_ids" JSON NOT NULL,
    "account_id" CHAR(36) NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "bill_id" CHAR(36) NOT NULL REFERENCES "bills" ("id") ON DELETE CASCADE,
    "item_id" CHAR(36) REFERENCES "items" ("id") ON DELETE RESTRICT,
    "purchase_order_line_id" BIGINT REFERENCES "purchase_order_lines" ("id") ON DELETE RESTRICT,
    "tax_rate_id" CHAR(36) REFERENCES "tax_rates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_bill_lines_bill_id_93f443" ON "bill_lines" ("bill_id", "line_no");
        ALTER TABLE "customers" ADD "payment_terms_id" CHAR(36);
        ALTER TABLE "vendors" ADD "payment_terms_id" CHAR(36);""",
    "postgres": """
        CREATE TABLE IF NOT EXISTS "number_sequences" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "next_number" BIGINT NOT NULL,
    CONSTRAINT "uid_number_sequ_organiz_27e72d" UNIQUE ("organization_id", "kind")
);
COMMENT ON TABLE "number_sequences" IS 'The next gapless number of one kind of document (invoice, credit note, order).';
        CREATE TABLE IF NOT EXISTS "open_items" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "ledger" VARCHAR(16) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "is_charge" BOOL NOT NULL,
    "party_id" UUID NOT NULL,
    "number" VARCHAR(64),
    "currency" VARCHAR(3) NOT NULL,
    "date" DATE NOT NULL,
    "due_date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "base_amount_minor" BIGINT NOT NULL,
    "open_minor" BIGINT NOT NULL,
    "open_base_minor" BIGINT NOT NULL,
    "voided_on" DATE,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_open_items_organiz_51cd9c" ON "open_items" ("organization_id", "ledger", "party_id");
CREATE INDEX IF NOT EXISTS "idx_open_items_organiz_28dcc0" ON "open_items" ("organization_id", "ledger", "date");
COMMENT ON COLUMN "open_items"."ledger" IS 'RECEIVABLE: RECEIVABLE
PAYABLE: PAYABLE';
COMMENT ON COLUMN "open_items"."kind" IS 'INVOICE: INVOICE
CREDIT_NOTE: CREDIT_NOTE
PAYMENT: PAYMENT
BILL: BILL
BILL_PAYMENT: BILL_PAYMENT';
COMMENT ON TABLE "open_items" IS 'The balance side of one document: what is still owed on it, or still unapplied.';
        CREATE TABLE IF NOT EXISTS "payment_terms" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "days" INT NOT NULL,
    "discount_percent" DECIMAL(7,4),
    "discount_days" INT,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_payment_ter_organiz_12b452" UNIQUE ("organization_id", "name")
);
COMMENT ON COLUMN "payment_terms"."kind" IS 'NET: NET
DUE_ON_RECEIPT: DUE_ON_RECEIPT
END_OF_MONTH: END_OF_MONTH';
COMMENT ON COLUMN "payment_terms"."status" IS 'ACTIVE: ACTIVE
ARCHIVED: ARCHIVED';
COMMENT ON TABLE "payment_terms" IS 'When a document falls due, and the discount for paying early (2/10 net 30).';
        CREATE TABLE IF NOT EXISTS "allocations" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "ledger" VARCHAR(16) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "charge_base_minor" BIGINT NOT NULL,
    "credit_base_minor" BIGINT NOT NULL,
    "date" DATE NOT NULL,
    "reversed_on" DATE,
    "entry_id" UUID,
    "reversal_entry_id" UUID,
    "memo" VARCHAR(500),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "reversed_by_id" UUID,
    "charge_id" UUID REFERENCES "open_items" ("id") ON DELETE RESTRICT,
    "credit_id" UUID REFERENCES "open_items" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_allocations_organiz_9f7b7b" ON "allocations" ("organization_id", "charge_id");
CREATE INDEX IF NOT EXISTS "idx_allocations_organiz_f18c18" ON "allocations" ("organization_id", "credit_id");
CREATE INDEX IF NOT EXISTS "idx_allocations_organiz_675cbd" ON "allocations" ("organization_id", "ledger", "date");
COMMENT ON COLUMN "allocations"."ledger" IS 'RECEIVABLE: RECEIVABLE
PAYABLE: PAYABLE';
COMMENT ON COLUMN "allocations"."kind" IS 'SETTLEMENT: SETTLEMENT
WRITE_OFF: WRITE_OFF
DISCOUNT: DISCOUNT
REFUND: REFUND';
COMMENT ON TABLE "allocations" IS 'An amount applied between two open items, dated; undoing it keeps the row.';
        CREATE TABLE IF NOT EXISTS "tax_rates" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "rate" DECIMAL(9,4) NOT NULL,
    "inclusive" BOOL NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "account_id" UUID NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_tax_rates_organiz_e7fb11" UNIQUE ("organization_id", "name")
);
COMMENT ON COLUMN "tax_rates"."status" IS 'ACTIVE: ACTIVE
ARCHIVED: ARCHIVED';
COMMENT ON TABLE "tax_rates" IS 'A percentage charged on sales (and reclaimed on purchases) into one tax account.';
        CREATE TABLE IF NOT EXISTS "items" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "code" VARCHAR(40),
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(500),
    "unit_price_minor" BIGINT,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expense_account_id" UUID REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "income_account_id" UUID REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "tax_rate_id" UUID REFERENCES "tax_rates" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_items_organiz_9e973c" UNIQUE ("organization_id", "code")
);
CREATE INDEX IF NOT EXISTS "idx_items_organiz_c6bf37" ON "items" ("organization_id", "name", "id");
COMMENT ON COLUMN "items"."status" IS 'ACTIVE: ACTIVE
ARCHIVED: ARCHIVED';
COMMENT ON TABLE "items" IS 'A product or service sold or bought, with its defaults for document lines.';
        CREATE TABLE IF NOT EXISTS "invoices" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "number" VARCHAR(32),
    "status" VARCHAR(16) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "issue_date" DATE NOT NULL,
    "due_date" DATE,
    "reference" VARCHAR(100),
    "memo" VARCHAR(1000),
    "subtotal_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "discount_percent" DECIMAL(7,4),
    "discount_until" DATE,
    "entry_id" UUID,
    "void_entry_id" UUID,
    "voided_on" DATE,
    "written_off_on" DATE,
    "credit_limit_overridden" BOOL NOT NULL,
    "created_by_id" UUID,
    "issued_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "issued_at" TIMESTAMPTZ,
    "customer_id" UUID NOT NULL REFERENCES "customers" ("id") ON DELETE RESTRICT,
    "terms_id" UUID REFERENCES "payment_terms" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_invoices_organiz_3c402c" UNIQUE ("organization_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_invoices_organiz_6684ea" ON "invoices" ("organization_id", "issue_date", "id");
CREATE INDEX IF NOT EXISTS "idx_invoices_organiz_8bb581" ON "invoices" ("organization_id", "customer_id", "issue_date");
CREATE INDEX IF NOT EXISTS "idx_invoices_organiz_afc07a" ON "invoices" ("organization_id", "status");
COMMENT ON COLUMN "invoices"."status" IS 'DRAFT: DRAFT
ISSUED: ISSUED
PARTIALLY_PAID: PARTIALLY_PAID
PAID: PAID
VOID: VOID
WRITTEN_OFF: WRITTEN_OFF';
COMMENT ON TABLE "invoices" IS 'A request for payment; posts to the ledger when issued.';
        CREATE TABLE IF NOT EXISTS "credit_notes" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "number" VARCHAR(32),
    "status" VARCHAR(16) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "issue_date" DATE NOT NULL,
    "reason" VARCHAR(500),
    "subtotal_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "entry_id" UUID,
    "created_by_id" UUID,
    "issued_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "customer_id" UUID NOT NULL REFERENCES "customers" ("id") ON DELETE RESTRICT,
    "invoice_id" UUID REFERENCES "invoices" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_credit_note_organiz_b15eb2" UNIQUE ("organization_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_credit_note_organiz_cd878f" ON "credit_notes" ("organization_id", "issue_date", "id");
CREATE INDEX IF NOT EXISTS "idx_credit_note_organiz_e07a7d" ON "credit_notes" ("organization_id", "customer_id");
COMMENT ON COLUMN "credit_notes"."status" IS 'DRAFT: DRAFT
ISSUED: ISSUED
VOID: VOID';
COMMENT ON TABLE "credit_notes" IS 'Money the organization owes back to a customer: applied to invoices or refunded.';
        CREATE TABLE IF NOT EXISTS "credit_note_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "line_no" INT NOT NULL,
    "description" VARCHAR(500),
    "quantity" DECIMAL(18,4) NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_percent" DECIMAL(7,4) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "dimension_option_ids" JSONB NOT NULL,
    "account_id" UUID NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "credit_note_id" UUID NOT NULL REFERENCES "credit_notes" ("id") ON DELETE CASCADE,
    "item_id" UUID REFERENCES "items" ("id") ON DELETE RESTRICT,
    "tax_rate_id" UUID REFERENCES "tax_rates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_credit_note_credit__e3eae6" ON "credit_note_lines" ("credit_note_id", "line_no");
        CREATE TABLE IF NOT EXISTS "disputes" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(16) NOT NULL,
    "note" VARCHAR(1000),
    "opened_on" DATE NOT NULL,
    "opened_by_id" UUID,
    "resolution" VARCHAR(16),
    "resolution_note" VARCHAR(1000),
    "resolved_on" DATE,
    "resolved_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "credit_note_id" UUID REFERENCES "credit_notes" ("id") ON DELETE RESTRICT,
    "invoice_id" UUID NOT NULL REFERENCES "invoices" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_disputes_organiz_845576" ON "disputes" ("organization_id", "invoice_id");
CREATE INDEX IF NOT EXISTS "idx_disputes_organiz_a3ed16" ON "disputes" ("organization_id", "status");
COMMENT ON COLUMN "disputes"."status" IS 'OPEN: OPEN
UPHELD: UPHELD
REJECTED: REJECTED';
COMMENT ON COLUMN "disputes"."reason" IS 'PRICING: PRICING
QUALITY: QUALITY
NOT_RECEIVED: NOT_RECEIVED
DUPLICATE: DUPLICATE
OTHER: OTHER';
COMMENT ON COLUMN "disputes"."resolution" IS 'CREDIT_NOTE: CREDIT_NOTE
WRITE_OFF: WRITE_OFF
REJECTED: REJECTED';
COMMENT ON TABLE "disputes" IS 'A customer''s challenge of an invoice; while open, the invoice is held apart.';
        CREATE TABLE IF NOT EXISTS "invoice_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "line_no" INT NOT NULL,
    "description" VARCHAR(500),
    "quantity" DECIMAL(18,4) NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_percent" DECIMAL(7,4) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "dimension_option_ids" JSONB NOT NULL,
    "account_id" UUID NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "invoice_id" UUID NOT NULL REFERENCES "invoices" ("id") ON DELETE CASCADE,
    "item_id" UUID REFERENCES "items" ("id") ON DELETE RESTRICT,
    "tax_rate_id" UUID REFERENCES "tax_rates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_invoice_lin_invoice_afa01c" ON "invoice_lines" ("invoice_id", "line_no");
        CREATE TABLE IF NOT EXISTS "payments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "reference" VARCHAR(100),
    "memo" VARCHAR(500),
    "status" VARCHAR(16) NOT NULL,
    "entry_id" UUID,
    "void_entry_id" UUID,
    "voided_on" DATE,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "customer_id" UUID NOT NULL REFERENCES "customers" ("id") ON DELETE RESTRICT,
    "deposit_account_id" UUID NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_payments_organiz_dfb6fb" ON "payments" ("organization_id", "date", "id");
CREATE INDEX IF NOT EXISTS "idx_payments_organiz_4006b5" ON "payments" ("organization_id", "customer_id", "date");
COMMENT ON COLUMN "payments"."method" IS 'BANK_TRANSFER: BANK_TRANSFER
CARD: CARD
CASH: CASH
CHECK: CHECK
DIRECT_DEBIT: DIRECT_DEBIT
OTHER: OTHER';
COMMENT ON COLUMN "payments"."status" IS 'RECORDED: RECORDED
VOID: VOID';
COMMENT ON TABLE "payments" IS 'Money received from a customer; what is not allocated is the customer''s credit.';
        CREATE TABLE IF NOT EXISTS "bill_payments" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "reference" VARCHAR(100),
    "memo" VARCHAR(500),
    "status" VARCHAR(16) NOT NULL,
    "entry_id" UUID,
    "void_entry_id" UUID,
    "voided_on" DATE,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ NOT NULL,
    "bank_account_id" UUID NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "vendor_id" UUID NOT NULL REFERENCES "vendors" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_bill_paymen_organiz_17ee23" ON "bill_payments" ("organization_id", "date", "id");
CREATE INDEX IF NOT EXISTS "idx_bill_paymen_organiz_14faec" ON "bill_payments" ("organization_id", "vendor_id", "date");
COMMENT ON COLUMN "bill_payments"."method" IS 'BANK_TRANSFER: BANK_TRANSFER
CARD: CARD
CASH: CASH
CHECK: CHECK
DIRECT_DEBIT: DIRECT_DEBIT
OTHER: OTHER';
COMMENT ON COLUMN "bill_payments"."status" IS 'RECORDED: RECORDED
VOID: VOID';
COMMENT ON TABLE "bill_payments" IS 'Money paid to a vendor for one or many bills; any excess is a credit with the vendor.';
        CREATE TABLE IF NOT EXISTS "purchase_orders" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "number" VARCHAR(32) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "order_date" DATE NOT NULL,
    "expected_date" DATE,
    "memo" VARCHAR(1000),
    "subtotal_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "created_by_id" UUID,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "vendor_id" UUID NOT NULL REFERENCES "vendors" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_purchase_or_organiz_c6c949" UNIQUE ("organization_id", "number")
);
CREATE INDEX IF NOT EXISTS "idx_purchase_or_organiz_47266d" ON "purchase_orders" ("organization_id", "order_date", "id");
CREATE INDEX IF NOT EXISTS "idx_purchase_or_organiz_2442f3" ON "purchase_orders" ("organization_id", "vendor_id");
COMMENT ON COLUMN "purchase_orders"."status" IS 'DRAFT: DRAFT
APPROVED: APPROVED
PARTIALLY_BILLED: PARTIALLY_BILLED
BILLED: BILLED
CANCELLED: CANCELLED';
COMMENT ON TABLE "purchase_orders" IS 'What the organization agreed to buy, at what price, before the vendor bills it.';
        CREATE TABLE IF NOT EXISTS "bills" (
    "id" UUID NOT NULL PRIMARY KEY,
    "organization_id" UUID NOT NULL,
    "vendor_reference" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "bill_date" DATE NOT NULL,
    "due_date" DATE,
    "memo" VARCHAR(1000),
    "subtotal_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "discount_percent" DECIMAL(7,4),
    "discount_until" DATE,
    "rejection_reason" VARCHAR(1000),
    "tolerance_overridden" BOOL NOT NULL,
    "entry_id" UUID,
    "void_entry_id" UUID,
    "voided_on" DATE,
    "created_by_id" UUID,
    "submitted_by_id" UUID,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "purchase_order_id" UUID REFERENCES "purchase_orders" ("id") ON DELETE RESTRICT,
    "terms_id" UUID REFERENCES "payment_terms" ("id") ON DELETE RESTRICT,
    "vendor_id" UUID NOT NULL REFERENCES "vendors" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_bills_organiz_fee9b1" ON "bills" ("organization_id", "bill_date", "id");
CREATE INDEX IF NOT EXISTS "idx_bills_organiz_0199eb" ON "bills" ("organization_id", "vendor_id", "vendor_reference");
CREATE INDEX IF NOT EXISTS "idx_bills_organiz_d03ea2" ON "bills" ("organization_id", "status", "due_date");
COMMENT ON COLUMN "bills"."status" IS 'DRAFT: DRAFT
SUBMITTED: SUBMITTED
APPROVED: APPROVED
PARTIALLY_PAID: PARTIALLY_PAID
PAID: PAID
VOID: VOID';
COMMENT ON TABLE "bills" IS 'A vendor''s invoice to the organization; posts to the ledger when approved.';
        CREATE TABLE IF NOT EXISTS "purchase_order_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "line_no" INT NOT NULL,
    "description" VARCHAR(500),
    "quantity" DECIMAL(18,4) NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_percent" DECIMAL(7,4) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "dimension_option_ids" JSONB NOT NULL,
    "billed_quantity" DECIMAL(18,4) NOT NULL,
    "account_id" UUID NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "item_id" UUID REFERENCES "items" ("id") ON DELETE RESTRICT,
    "purchase_order_id" UUID NOT NULL REFERENCES "purchase_orders" ("id") ON DELETE CASCADE,
    "tax_rate_id" UUID REFERENCES "tax_rates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_purchase_or_purchas_e31591" ON "purchase_order_lines" ("purchase_order_id", "line_no");
        CREATE TABLE IF NOT EXISTS "bill_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "line_no" INT NOT NULL,
    "description" VARCHAR(500),
    "quantity" DECIMAL(18,4) NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "discount_percent" DECIMAL(7,4) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "tax_minor" BIGINT NOT NULL,
    "dimension_option_ids" JSONB NOT NULL,
    "account_id" UUID NOT NULL REFERENCES "accounts" ("id") ON DELETE RESTRICT,
    "bill_id" UUID NOT NULL REFERENCES "bills" ("id") ON DELETE CASCADE,
    "item_id" UUID REFERENCES "items" ("id") ON DELETE RESTRICT,
    "purchase_order_line_id" BIGINT REFERENCES "purchase_order_lines" ("id") ON DELETE RESTRICT,
    "tax_rate_id" UUID REFERENCES "tax_rates" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_bill_lines_bill_id_93f443" ON "bill_lines" ("bill_id", "line_no");
        ALTER TABLE "customers" ADD "payment_terms_id" UUID;
        ALTER TABLE "vendors" ADD "payment_terms_id" UUID;
        -- Nothing is ever allocated beyond what is open, whatever the code above does.
        ALTER TABLE "open_items" ADD CONSTRAINT "open_items_open_in_range"
            CHECK ("open_minor" >= 0 AND "open_minor" <= "amount_minor");
        ALTER TABLE "allocations" ADD CONSTRAINT "allocations_amount_positive"
            CHECK ("amount_minor" > 0);""",
}

DOWNGRADE = {
    "sqlite": """
        ALTER TABLE "customers" DROP COLUMN "payment_terms_id";
        ALTER TABLE "vendors" DROP COLUMN "payment_terms_id";
        DROP TABLE IF EXISTS "payments";
        DROP TABLE IF EXISTS "bills";
        DROP TABLE IF EXISTS "credit_notes";
        DROP TABLE IF EXISTS "credit_note_lines";
        DROP TABLE IF EXISTS "bill_payments";
        DROP TABLE IF EXISTS "open_items";
        DROP TABLE IF EXISTS "bill_lines";
        DROP TABLE IF EXISTS "purchase_order_lines";
        DROP TABLE IF EXISTS "purchase_orders";
        DROP TABLE IF EXISTS "tax_rates";
        DROP TABLE IF EXISTS "disputes";
        DROP TABLE IF EXISTS "allocations";
        DROP TABLE IF EXISTS "number_sequences";
        DROP TABLE IF EXISTS "invoices";
        DROP TABLE IF EXISTS "payment_terms";
        DROP TABLE IF EXISTS "invoice_lines";
        DROP TABLE IF EXISTS "items";""",
    "postgres": """
        ALTER TABLE "customers" DROP COLUMN "payment_terms_id";
        ALTER TABLE "vendors" DROP COLUMN "payment_terms_id";
        DROP TABLE IF EXISTS "payments";
        DROP TABLE IF EXISTS "bills";
        DROP TABLE IF EXISTS "credit_notes";
        DROP TABLE IF EXISTS "credit_note_lines";
        DROP TABLE IF EXISTS "bill_payments";
        DROP TABLE IF EXISTS "open_items";
        DROP TABLE IF EXISTS "bill_lines";
        DROP TABLE IF EXISTS "purchase_order_lines";
        DROP TABLE IF EXISTS "purchase_orders";
        DROP TABLE IF EXISTS "tax_rates";
        DROP TABLE IF EXISTS "disputes";
        DROP TABLE IF EXISTS "allocations";
        DROP TABLE IF EXISTS "number_sequences";
        DROP TABLE IF EXISTS "invoices";
        DROP TABLE IF EXISTS "payment_terms";
        DROP TABLE IF EXISTS "invoice_lines";
        DROP TABLE IF EXISTS "items";""",
}


async def upgrade(db: BaseDBAsyncClient) -> str:
    return UPGRADE[db.schema_generator.DIALECT]


async def downgrade(db: BaseDBAsyncClient) -> str:
    return DOWNGRADE[db.schema_generator.DIALECT]


MODELS_STATE = (
    'eJztfWt34ji29l/RypdTvRZdp3Kr7pM676xFCNXFdCpkgFR3n2GWy2AleMrYjG2S4szp//5Ksg2+yEYyNghnf0jwRVuYR7K07/vfJ3PHwJb3tr0wf8Wrkyv07xNbn2NykLrTQif6YrG5Ti/4+sRiTfWFqX3DK3ZRn3i+q099cv1RtzxMLhnYm7rmwjcdm7Zuo6mLDWz7pm6hR8dFpu3jJ1en970WmjhL20C+gxwbI8d90m3zf9k9pJPr9KLrWPgt/S7DmZIvM+2n6rod22N7NMPIw6Q3H5ke8mbOi00aTPEH8t9aIdP30PBT+8ezy/f0/je88N+iHrlIO6BXdNTRvYlpo69PX5G7JBfJ44xtn3a7nPwTT330lcB19d+m8ZevLeQ5iIKHFrrnIdaIjAB60n2MdHIVO4vw5y5t819LrPnOEybNXPKj//4Pctm0Dfwde/T07yfxX6aZBiUjP4T0ZWi6f/IP2n7xTXs0sWUkRjtoyq5r/mrBrj089G4+spYU64k2dazl3N60Xqz8GfmWqPlyaRpvKQ2994Rt7NKvjc0De2lZ4ZSJLgU/iVzw3SVe/xZjc8HAj/rSorPp5L8fl/aUjRj7Jvrv4i/ho8Waadpdf6QNuyNNO8lMPvoIqYkTXpqSWUImLpk0FMl//xn0uwGEXT2hX9D51B68OX//A4PA8fwnl91kcJ38yQh1Xw9I2ahsUGafGZw7M93l4xy1TyFNHrQMxtGFDcibNzSCLwKoBkhP5vp3zcL2kz8jp6fv3hVg/KU9YDCTVgxnhywpwVpzF946C+5RvDf40jdQBt+ofQPxfX8hAO/7i1x06a0kuMGSqM10byaDcYoMoBaAOlqyJytNbmHOEO6wRocrsCqY77IiZ5Elm2EG1htyxzfnuBjagDKFqxGSvo0OjnFSkx9o9AmHE459AeCj3ufucNT+fE+/bu55/7IYfu1Rl945Y1dXqatv3qdegHUn6Lfe6BOip+h/+nfd9Ciu243+54Q+k770Hc12XjTdiDEK0dUItcSo4+8Lk/RWYtSTlBWM+vG8VSoNcoRJ4Si7+Nn5VurdTlLCKKs8ypbu+drSKzXOaVoYaZVHmiPLivJBHNIqpVV1B3kLK0Tl/8dvXNk0DlkW6o+Oi80n+1e8YoD3yPPo9pQnPIV6o36qu+OEeHN186q7+stagcKbaOSAIID9QC5qDzvtm+4JQ36iT7+96K6hJYaA3nHOnNSVddvsrfnZPH1Ft/UnBhL9NfTZw1H4jOcT7Hozc3HC0e3F7raK9HvzdTthFR9ZZN3/8NDC0qcYmVTJllC6fWCKLip+e2hGfgk9dTHSyV+oO6N6M4+n5auwZ45C7e8ntP9oJFOD+4+Uug20aQfVpoEslwt4g2U54ApqVZDElj9RWGMkAGcxk0WhqoC5egi7OU5ItzJV8S2Yy0zlrQfAtzaEb02MAodzTY9SPu8a/6GC3Cu1//rY1m3/CuFn7K7QZOmZNvY85OKp4xpogi3HfvKoORl/J31Zq4xZOcu6VtftdkMwcKZg51XDOHYmZOc9K7DznmXtvBPdw9p06brYnq5kgM4QNhDxcwG8z3PRPs+zRYKU1XQpK8O35u/9sQ05qRtKzo/rkPjjrwNsrTdrPuOVVEYd2UzIY7tSDhSeF3Eh5XEaBr00CaQ6Ocl73fNeCHM1cr5hLiuZbFDISy7CpoTzIm2FdaGEh/uRrnCIkVHuzsM+0lHUHXpj4xcUvkg/tJDnE6HFCJwNdS/ub8jTh1bcO/CWivOWbJilvbCSVNVwPdvxboALFrA9TWd7FHUUUm3Uj2SUhTwLSrqPgOfI8YwvGDF2Y0HAiFG3EeMwmvUBnjpU+dwhpycccShxv1UkDblhSwIFgVJaGKJUyJ/pPqITxfCoLwcN29LRqD+6Z7dLi0JV9C0SbRUbY9pnwF9DkNWB3ULWI5EBO18+ShA1UClcvYAEPBTwUMBDAQ/1KnmoRzLQs1yVcuL+Fh6KtZRSKPepS8BCJwOJQvJQ9es8EgYnNDLIsU7VdAmqYwXWnCLOCFTHoDoG1TGojhXioFQaZSG22HX8ki93khKEH5VHOWR5JOWfJBWIQMUikLdxZNlRCmqeS0wrJQglZ5ZKslCEPUcMig1LvgQUd4oS0R97ZGb8aNpXLMzvUZ+b1En6MSm20FRcbK1Fj64zZz7UX8Pv6TAO6ytPe1xhzyAJKbD0tIp0xMCiA4sOLHozmTfIA/OaRpksVx6PiyzI+pehLKXUUmxsk1qtC5Gom4v8oJuLTMwNxF1D3LXacIK5DeKuVYe4grjr+BaYth6WDytK2ywbgn+tsUVDMsN79mjmOr7PUMmqQJItWoWaENJWM8nAhK0FVSIfddPCRqS9oAnDXaRPp87S9pHjoqllYnJEGCsyvF6LZTsnt0wLvcywjeZOmByJzCXqmpNVjNTQ/w7qkW9YKt43bN44o+W5UFT1eUFU9XkUVZ2vJHkkI790MWdh6dk+H+84SQp0+k7WtK68qwvzJ/oEP56dXvx08fP5+4ufSRP2lOsrPxWMQu9ulA5bt5wpFTzY+yErm2aIQTxVWTxdLoySGsYkZQN1TUeqYeQM+5rDEAybr5MZYbIJhwWJZJZ8xoOy/cL2F7L9e45NNneHsQTUtf4DmuurMHlNEH/8TKajlchbw03luFNfYGNRQOQuYh/wXOftcvnM2pqgceza2aWIkxlplZ8E5zLjZgZJhupNMrTO9iDrMJkhbCLil5dCM/qyYEZfphE3PY3sPuYzZ1pfO46FdTtnhY7TpcCeEMK60I4WlP0uydf9/m2CHbrujVIgP3y+7g7enDLsSSMz0C1lBRIwgzeNSRUxg6/Xp+lMt59KDX9OFyCSqiObZMfdd/yFtsC2QX6wFpTlktnWcsibZzutPiKAQVcScUBaGmlW5sXz8YLDR5hPucrLLG0pFaZqiAdKzP86Ozs//+ns3fn7ny8vfvrp8ud3a21m9laRWvO69wtlJBIjEnAWEooQyB8I+QOPw8YXFA0ZLPn2vdjdVpGKbcraaaz0iJimjYZkhgVLFo5lTlfIMsmlN18XX6nZ7evT1x9aQbVgn7yHT5i6KtNTqo6hWW6RbugLH7v8YM/KeuaWUFmwKUfuPr9j/0/Zf8YRPZ+z/xfs/+VuFVVyF3Kuxo6zeIcrtbpKpErsT/kauvU4CWs2IoIGajR+FmBFfs7lRH5OMyLB1BcFNmi9P1RP6lIl70FLFCwnwsieArLCyJ5JIXsGyAojey6F7DkgK4zshRSyF4CsMLKXUsheArJFyCriJXDPOP4hjWE84SVDj91uFaZCZw01b91SwHWA+QxiF02W8wU20Ivpz8JCOFQuQoEquYU8B2F9OkML15nS4jjfbOeF1cRxseXoHA/FSnuu2K0AZJQdZRQyivwo8SJNXoyoMV6Iainw6lyjBg5f2cKuF65KrOyr8HK09HxnzkrFUhVHutLWB5bf6snVyTDEy8dSNUlucdpK+uTqVDiBAwweqEmrlNMTRMnVGiUHPk812s7ijyWBcYqseVbKSyHvsssC77LLrHcZuN7ko98s1xtFuKr20jB98hab3Fw9sbuFHJZO21GvH1M0Zc8nMpgRL0QdIhEjDjgh13lBNKwFedg1dcv0MGGLFtTHhIll1OrEWmdZrcp6hVg0VTaifKYq8MnA5JeHIcTikmCGFORBcXkwvl8xIGU9oRNEwIPlTH2VNojuM2Z+FfwNIrgrsEFg2lDC08GfmTTeh1bsmLGlGhtXLC7IMA3ySS6ThftlZk5nyJn8E0/9INCYKfrYbbJFk3HmOztU2TlXNme7iRau7+vFJi2Zc2V4Z8qqETNuTq5wSNGq1zDl4l6WuoJkcfHhFV36EkSw9AmIn8qoThQTRqvRnJRjnw7DOTVkRYlN7dgqn8G/WNpPkTZQ3D8S8V4oxIIwOo6rybrVJakauFmcvhfYLE7TA7fZLOitPzlA83aJbTBzt4cGaCmr35ADvMiPx1Jh3Cmy5iFdSzR3gNragJkE+6/D/l0R2Guy9PZgTn30f8gyvdr26pjRbrI0Ld+0vbf0+w5ht6MwJXaKCPE3n9u/pwejc9u/Tm8BtIPr7MBIGkQ2FA1cymvg+5nMLb1ppsiat8zUhrTcrpkgApQFUF76U0fOTB0jaeCSUT33N8GPjstBOH+f3FDstEUqNpX3vhc++rw8ugXsSUQAqJdH3aVKGE923U5SwcK9feEOUplqJidsvEDPGycClLejzJJM60+hIUkU5iRV83C+PD0T8TE6Pcv3MaL3UpzIguJBdeKyfnNZyuZBfnomEvJJWuUzJmeZsE/TwPOF42N7upK1GHFIAXQh0BcufpbP0hYnaiDXXf3KLYswgHscjh8dFrTAzx67vtcqTG8RthL0+BiStg5zzEiGRyAPWxb10cv6cYiRiEZOBJlGhRw0ov2PnJHm3CZJh1zaEIIwDhqEAVEC9WZG3XNmX6UZmlqMQQsCklxiloigeQBXX8lsYloWzWEY1iyRUiNmSUGzVV6z5ZOBltNqbSiaN9Nr0GhR1yEiT0optGI0DdwQzwUwPs+vmpNNEr6aU/2fj925pxn6SqZaDp94f35258dSOCcJlBwTzaMF59CUc6iv+0vOzKWrRNdezhmy8Rp+SSfRNfUe07+0O6Pel66kXBJSXaHgc2zT95oc3JAr4VFa8jyMgdPXnzwyY7/LpQuOE+1xKFp1SYcplN8JyTK0WT7S7yAS9/VG4kJ9riaPOsdBO5NCmbyxNDzNMufk/9y0HY43Q1E8BJ8e0oSXDoxQJeZHtXewPF+XMSpAyeZCiHcu2Twgi9Kg1xmJ1Wy2HZ/n4S2TwT2yydw5/jFuL3m415vGPY5ZgZ0rwnS7rUtbj6RIsjHamGZXZ3WqTH+FLOeJPCjSn2gmDR/pKOqXl1ZMknp7Tou/b35GxoYF1qvDWq8I/zLLiW3KBztBBOqNlMLfMTgq0BGRlHO0/GH7Rqg/i7j37u+jYp3+mnm/7d/9EjVPK/pBnG62YCUiTqe2E9FlK0UGDDzIRyAfqQVxhfIRb8GoAOe4j1pDMU6tkwl8O+1hp33TLRI/65SsvmDbcLi+g+GdVpE09cza7Oo3OFmuPPToOnMJx8EkDXgObnlRXofsBZ6D4DkInoMNARg8B5Xgx8FzEDwHm7AhgucgeA6Cah08B8FzEDwHwdTxek0d4DnYtFEX8RwESwxYYlS3ElThqVanqaA9ZYVaT3jlJcJbrcLaEkEjUacrG4UEtFBQWPXH9T+giW7R6RJUYJw688WSzARmCkB0lpJjy7Sx10I2rSGLPJ9MN17Z2er7F7VCTAk2UPlRLdMBGxMJnjtq30BNyZmY5aDAcJDmtMEuU69dhgHExXe7EB/Rqoz1SXtI7hBZnX6M7dte+7p32xv9cYXWh2O7+7cHdin4HNu9u07/MxH5g09y//f77t2QXAgP1BD4veVkl9GLkSs9gNftu1+vEP0/tjvt4acrRP+P7Xan03+4Gw21QbfT7X1pX98yJU3mIqF6GAy6dyMtnAqJUzrYX8hZf/AHHe/wcGx/7P3evYkoYidje9T+PfGVyfPYc923/0g9VHhl80Sx6Zi5FHzTupPYCZnG/btftFF38DneA+didmoPuqN27478mm57cNe7+2V4hTKXxvawfdsld9jH2O6PPnUHWvRSxM/IL+kPR1r/oxZSJE4J5X130B6RPrX1K5S5NLav2zfaTfd6REc5OKKvHJn2d790tV/Is2m3/eGQvn3pa2P7pjdk4F6h6Ch63s03xk/LvLrnIhkaz/MTNJ5n8jMexMiimBq6VhsLVDTeY0Vj06MSqu86HAePa8exsG7nSBwJwhTaEye4XMc2tL6yXyHjut+/TWi9rntpv/qHz9ddwgcw+EkjM5Dfs+YtAp23IiLlXB7yDR0gLoE4GLwUM3iBESYf+uNUx4sYYUAdX6tZf6G7LKu9pL9EjAgcJcDAoUioSTAvK0A5ZqQ4yim8Fd/EG6yU6aj7fTrT7Sc80Pnx+4n7rSIjEg5banT4BE1Jn5wXRB5thciA+l5k7pnoHkaRPI5okAm9Te9+ja5+RS+6h14c15+RBkhHlJvImpJq6F/YlBTTJ1BiMCupZVYCRqdWRgf8nGvXwYUrclYyy1G+he2L5LEjxLgAVCpPpUt+cUErKPbFB60R07EStXuGFT8MG9Pb1PgZ4KnjJnfU3EaFDE28bpDL2gtyNSPCYzyarucjsj6SEaSchY7CunGEHzEwejEJY6HbKPYd6BtetZDvkIYLS18h08/yM5X2LMrJ0JpJwLwA83IMS1w1zItkgbFdioqpBuAeqoqta+DJYJwgaiDS1UcaRnVKZauLpekAbCGw6XYsuRQniGARBvvTK7U/KSJD/NVZurZudW3fXZ1wxIfE/ULJ4Z9BSw2TpqZ4LtPQv91AHmacPfNm/4DM+XzJukYOuRu5ur8hAgmRSih14BDvUqd3j/T9Ay/TaaV9i0oO9nI+IbeFsvpsdKQgVxwuTU8wYBmki1K3b2ggXTvHQ0YoXfvxOb+U8DS+GbQ/UkdS+jG27/vDEXV6CT7TK9ZhXF5ApVpCpTrHc0dGvojag/enkPen4eqPtDCGzctun58WKUUGKZHKp0TyCDc3xVp+MAh/BFJkzZvu1fvth5DJ8XoJIvCO4gvRk5VsAuk0ISCb8uRjopI8sGk6wBXUPq9T7cN5m+QHPUFYwZgfzzul0hBHmIBr+eEWzkhHpzmP0naINGWFm9J2xZmSyIKLuYI5dDZjkCMPy1R7C9X5t6Z9jLxAHuycYm/cJSKLXd/GI4f8E5y2aWvIES4LW+dsdmEUmbLF6DPeP3/mRqMgPH/LDoDK81feaMfe4nybXfSSbzfZrReW7QY7MkqRwczAExpA4KKgju0VCzMg5LanBxYhfc7yWem2gWggAo1A+HEdgfCsW0tO8ELF/Y/tsU2Fh6jP0DiJZvozRq7zQo6wi9Ebpjn00DeMF/RrTDewFdIwCPqtlGz1Qwt5Dj0d24H10PTYTQsbT9ilj4Ctx6ugV2o/NG0Pu+RLo9RcQaSIwZ6p+538BiuIw3Aew59Kf0jwW2nXtmP/+L/Ydd6iX8lTEXjQxPFnKOBgPDTXv5Hnox2vqIuj4xL6sb2wyLRCw4fPLfrow7/dmj5m/d4Huz25gnTL/JYb1iFitQwTlSVsmDk1STY3GYThVYot4ZglLZ9F9jguB8exxYULwm5Gz4ZY4sDT8kBCSzT9M7DmTu8Yxf7Sstc/zStLzA6BN/Unv5mUK3KfItzf9K25qMCenSUCvqDMAKQpYQTKjQBlL7XSrwGPGkZih5Eo/0JwyWEsyo1FIgBeZvvNEO4xh9HpyX624Mp9BSAF3R6dkA5ehVoxyKsRfoIarZKYJogAUXDg3NmBM6nDEp2HSSpQbKSZgZiOTxTSOA0AWmyExZHZY0frq6QVRVFst1qy4lNLILOXvknItSO+4qm9jhXa5EK4g02bFovbzaRNzVwj/alBYHPM2dUF/N0ya9UQ+z55tGBRSpkPUy1aRRbEwPalefHGW22I99j9MW4niCxoNKQHB2Y+y5l+Y+nHmPGKXrHxdz+ww6Eg+CprO6yoX2qf6/keNeRROxwlwQZ6mZkWpQrbkhuBSbFF70xnoT0u6MJDT/rCwp63/hbaydhmXzydYfIMBCH846OLRQ1xuZYydW01Kng7VBwqSIdRk+W3E0Q7Mt3HI8BweG76qmnBplwq5pJHvj+93WlNGO5Pb7dTyLmoK6CkR9WujoAqLDI7uwF22sNO+6Zb6FIlu82HXBFvf98wTGKuQVrEpInE84eEzH8GEcInuneaLKMoRg5rGCTwMsiyZ3v09I3uozlZiFmTBdmw17e4Uf01fAM3tp/99DCvKZmRT04gTAgF9gePsW4OPi7g43JkUsmuEU2xN0YC2hQZwMpzHZJdOGJETfIe2rOlc7OkyywVC1gkhNWbVuiwXI12s2ExDmmeMvZSC+g2nRybsTS4I/KGfCPP31+U5diPBN/Em6tU9YJoCDrhXnnC4fEzbQqZfT9srYXbr0T6rg2P7S2nM6R76AYvdNcnV5nvfkefL3Qyw3iMvBStcPotCgRk7lVKbQa8dq1MIdSz3qTHEnIEOi1wBDrlOAJBdoZXkp1BQkOa5q12tGI2lq+q1ZiZQq2AEdrgKsAGxUZUhAdioYYplWNrzdNEXAwanwwXFEI01C08PuFxRDv0xOWPUuoU4I2ANzq2BQV4I7V5I9Dz7kEzNo2J8RUpcOKageOEeKsKJzXJlFLitC3Lmep5XEvsbiHHoq/biTIrm6wJi4VlYgNNsP+CsY38Fwc5C3Jg+njutZiTlPEBLW3DoZyG6bPkCEHGA9d54XAvlXZdMjXBlCzsT0wvmpeRIAz8KmgReI2dBJs2pGcHBkntZXBXi+J6tmdZpO1Z2DfUKjNMZLXvdHtf2te33Su0OR7b9+0/govhQXpRE2KrKs/ITrZnzjQXG5CIVunhINdHt93P3bvRFdocj+3fBr1RV+t//HiF1odj+6Y37PQfaNvoaGwPuh8f7m7oYNJPNYYt2P3KRCSnKcFKX9pKHzIALMa7TLIEHjnEhu+Us6L0WPDIYSzKjQUEiZZwWF8nL+S5TuRjlyJ7zS7/B4wIPR7cyuQ7LgMslxgQhso++0yqAbU5oIbE3ud1s7wUuCyK9AuVpYQ3iitLSq5TcSJAlCsRSq/8GyJAtNhQyGZfBWbC/gLbPR/PjxbX7dbB+Isq4EIfTEOAVgTa+BurlNmV4c4xuEbjkW9qZbZLQSMrWriOsZwyJ3YPu8/mFCPPsQx6PnGWTzO/FUSs0rT14Sh56JHcJWOwZO7vLP08z0Wsyq5FfeqnBA6xuNfIfUY68BXspmA3VX7jTWwH9J3IYFqQbjxs3zw9wYWImuAiX0twkVESgNPeGtwzISXMWYES5oxTXhnSyO5P40V+qq8tXLJRlzGC8ahL2cBUA/4gVjCaCWzJidQQ863YUO8xV3W7M+p96UqyHiHVFQo+xzadn+TghlwJj9Ks5WF8JkBpmQ99c5WW+DsRgT2slUvCy6cGxVDyzTLtqTMvCzGXGBBOIuyTpZH+ZklsU2SAaqFCMzkTK9C+iefmVRPerco37rsroN9MLasAtUCCae5OJIB1tAZUAPJI/z44ZkeirSCn1kul1Ml3LA/pEBNA6SBxFMupFq0iFXOQ1VTzwsaC2uZRlMQ4yjkcdEOjiGm2Q+oQzkqMRurfN6b97BB5shXVGrUdn5w4roFdTr7F6rsX1TozV3aIVgal8jFIa9WwlPmRH3xMjyHao6QurvriWSx/dOnE05ByOn84ako5Xd0+vTa5c3bouDk+f2+m8auahA2YbpsT3aK8G/JMA0f7ZbRPXqGXmc7qfHu+aVnIecEGLdlt+i1m2mUXl3YYSsvflivsn9Y8+Mp+I9Myf0VT3SbNrRWa4KhwOZqskI6elmQ0yMnDPdUkoTcxKvSX/xeGAH8Na6W/OGMijdhBqV0fxcKV2RcEddF9/Rtmsb8eGZgohth/ITzELpHAschE3fVXEPCr2KYHPAYE/NYGKQT8qjUcvbsv/V6HwB4ejO3OoHvTG1EicjV2woYoiAwOD8b2de/29grR/8Gxtm4SP1NjKE1Py/PBvHYcC+t2zmYRp0uN5YQQqjOYVSxX1/3+bcJWdd1LsY93D5+vuwR7Bj1pZPo5Jt317i6xTcRpYH9Ii0k5ElKB+02eaNQAl5D3FwIrxPuL3BWC3kqXFabM8JSTy6nAeSxGo/JCX1bWFxH18yX9jHsTxDpvWQ44kboGkbGkgYvRvGrwIPWHAs5dLFFE+ZHgksNwlB6OjV5IbhySdDAAuw1A2eQrHGIYitJD8eyYhnQakQTRa04iAk6i+dO5WU6iipiL7vUVtaGMsDsP8EuZjBL3W0Vmo0XQUvPXTbdajn6bYZvmf48cKkgzy0MGBSyqJm2YHnM4YnF95CtoFlWsu9YKvTn7z9N3yMY+On/HceaouG+oyQNWFtCiQd75A+Sdb7zJ5K47ukLk39i+eehq/TuNmbHuaRbUxPnY7t7daP2P2uf+3ejTFYqfqWESMfQVJ+QqV/KImjcm0+PZ6cVPFz+fv79YixjrK0WSBSeHY7g1awvsTjHPRfsGT825buUAyyFPs8QB/duwn2YJFt1O73P79s1PrYuUUSkeo5yDuOwcTtM1KGSzsukMwZgQjHk0HA3I2TXI2VHsCkfEjoW1FBRsC0NDxPPyBDsfeRoUeFswn0hPt7CH3lAJ2MVTSydTlF1fLF3SysPeD4jMA4f5V5KvRGG4Dzc7T+VfADI2yNggY4OMfQAZmx+hWChjRCQ7yxWqwS0gWPyXhGBh2lNr6ZnP0m6Ccbo9ugmurxytnyBIGyBtHMti0zBpI+EpVSofSWWJSFQb6VpyZhwig4OiwG7NLiCUuuEw0nGHxc/fOXwBOXa3VSQjh7l4aRS+oJj8mYihK2YLjgshNILQQ/SXISKp6mi69Hxnjt2rdblPcjmM/fdoiKGLiQBn8GIX6/gCYTE58FUXSmZrel7MwbWopmj4qBqkvQWZW/EVEaJDlE5ScIRiys2g/XEkK6UwoivEPsZ2bzh8oBJK8Dm2v/R75Iz+V0RWgZidmmN2knutqItskupVh6AQkdGTS+e8oWjewlxLJmdvOfEdX7fK+NNnaRvj37JnX3pq9CsxAAkywL4k9mWnP8z9SvCHcqr11EyEapSVp5+mnFkJYNN0gCtYTcBqslwYJUc9SQmjrsqoRxjFhj18+rjWYaNWltmbkmSgwsz4XjAbgnRJhDgVbEvFZUjDKViBCbIT6+o4p+v2cpnJF1Ygf3w4GSuAt7fp6SjnrUA5hPh7K23gjeVNpGUzOVJvSPbx1wG29JzaaBmb7S3prEEz+s/92MEZaoW28AhXIXu4th7SrUbxfIRE0tPGvzNMOUu+mZxLWouLNCzcfYmjWAnfkd0MxfVHGe1FsZJvRY7GJzMEufjHKJqUKKW64EWoObk/S8W/lrrtmz7HXlnovR0ne40e3Kc/S7hwK1LXUzWYD6MYVzE0Wil7RcWB0ZDwUIFJD5bQQy44c2x71FHQWYT+ghzh8K/D/l3eisOnT6865tRH/4cs06ttXGJOn5Olafmm7b2l33cIv0+KV0I5G3E5bz63f08zQJ3b/nVaNUU7uE6vVRByUIsdKiXSSphOU5QAblpD7eO5rHp6QwK6aajTu/86vWEFrV3V0WE3R4nodl305iWFIrGVIitWJJbDFVQALgTJZcCN7fFVmAAToW4NxTjLFiVw7rSHnfZN91CxiDemt1jyAxGjW60iq4sRNBJO1BOZRP/Do3l0LKotZSUOdTsKAfyAXmamRS4usN1iwYThDVrzcEZ+FNJpmR9ekp5qOy9ZnzBml8wLKwyjeSCicB/8IkQUHog9P8KIt/59905yDjOaK0T/j+2H+0/d25srFHyO7UH3r93OiAbARUfpVUvEklR92FtRTNH2odkxvmhPs/3knrAvvbtfrlB4MLb/9tC+7Y3+uELhwdim9EEZSTpI8TOanvf+ttdp0zqG68Ox3R996g7IeNMPNQaTz4wVxO063Ki6BphcT9+JZssqTJeVMYpQbkG6ykeC6FVHMIZISIcMpOlAU5NexT2CVb7jhchKHu9B4QXhJL+s7G+D3qir9T9+vELrQ5V33gjxHCG6KKw3Q6rwiCm2hDPwnqUX8RTZay7WtIZCeh3PUsJKDsFfzQ4DEgn+UsTU2sg36sCxQKq9RfWYBg8QrKIosNVEqyhiaVFzQdjV0HLorI/RHOdYWmLTP9/SEmVIFLW0uJiMnrcu90fLAn5A9AX3aL5FavqwsPGEXfRCawcG4fk8o0rpfpTJ3JikA6PMwfeUFhhlIM2jCtoGSPN4VUuax/v2YNRr397+od23acLH5Dm9H1ztJVJCBrq8Ufduo80LT9TQ3UGySEgWqdKyz1HSGSXgM6oDT7HFXlbB+YjpuyqplI8RNW+DrKX80BzPOQHY+RhH7RsJby3WDkhoqkIoGYTxHRB7SGgKcdtqbwUVR26vISN/piXFAGYoXzMbCKl4q9U4PTumoZUBNUMIyGaRlfZoSRC95vf8xTV9H9ua8/goCWGW8jXjGJrdLHNO/jvP2HVNw8AcQAvrnxb0AtVQJaqhQuLzulZbSHwOvm/g+1aV7xskPm/aqEcYFSU+D9dC+UFPEFYw5sezkio+xByvVkhuX0uyG+zOPdlMNzEaYDsgsf0BE9uzqVgBuPeBB+Io6u4op+72rDexF3eHzPbx5BwpWVwiuX0sD0hDpnNiZlaQ/j/034Xc/9Le0HmJ/1OIbvWK3lvG/6QfP2T7V8HqCNn+Idv/oT15INv/4bl/yPZ/nOu32l4jSjnzVOwzAtn+FZj04CZ4yAUHsv1Dtv/Xq1WGNAmQ5V9xNCHLP2T53wuikOUfsvwf425VfZZ/SOxTSWKfA6f2D02lJxzzSnSrVWRaCZO9CCac+ezYeIVcPMXmMzbQo+vMkb7OyE/z7us+TbJvOz7SLcuZ0qlAL9AMMvHE/cwROJuIpob+Syb4l88+E+SdgcQye+AbIbHMgdh06awDkK4BMorUn1EENNwKaFnnZH91OCuuWFKkDbXK0/3kun33qzYatO+GH2mBiMTp2O60BzdXiP6nx8NP9Hj4iRx/6nZ+JSf0Y2zf9Abdzki76V73aHKl2JmKhScgYQoHZUiYcnRuFkeYs40sDP3BTVjUQGKRiuhoWYTgKJ6ATY1lBQLwIQD/eJCFAPwdAschVBlCavfMThxncKVQOQkIvKtFsYVJA9PXyvmf8KkBZIjGO2Q0XmpWghVVAGX+m6xUiYlr07JOOOY+dr1VZOubkBbClSWesW041JYW1c4O60DEzSQFJSLIU7jOM7/YRJVdlzTvUShEKkwEj5o82Si38qg22oJ12mUwDIJhUOWVcVchOf1qZPDNV2TyaFU2ApTUar6/ENChvb/I1aHRW0ev0qygDMXw4fozrRlxc4XWh2O7fX8/6LP63tFR2QIVauhHwWhct9E4wQKI6vUSRK/aqwGKUJTHDkx9UBvhNQTeQdDjAbGH2ggQ5a72VlBxnDvURqiGO3HxPzHT9hCRXPfkUsDwaIFrEeVafMcimBBhvXyK9bwuIL+6RH51cE4C56TjQRack8A5SbV5SWToOa2fUgJbDimgm4p3CS2g8uBmKQHbHGzl/epSpJDBXukM9uA++QrdJ6EiSdNGnfOyZ7J/L5budKZ7RCZ2DWnXWS4x7JpQuGIP/jSS0nKcCFyUir2PA7Cy8Eo7xX5Zd3ScsG71iU1MK6gCUjG6AlVA8reyKlAOO+xH/TUTZu4uvkPVlQoKilCHbagmIuf4nldKJI5lsQP83oqIsC+DCiLq2OahgghUEDm05RgqiBxeZoAKIse5fqvtW6WUy1vFnlWQX02BSQ/OtIdccKCCCFQQeV2600yslByiMRKAE2qH1IhmSrXHRHNZfUp+H6W2TMVwPhzDAjVdoKbL4ZX/UNMFarocI7rSNV0mYQ6gHZGNUgk1FNYYa8ov5bKFu6ja6ipoBDzSJSKftVIurVZBMZ347dZWG2OZqjoL3TRouis9zI+FHskfuYPIB3nqFWLpuz4geoi/T7Hn0cI3eljrBr2Y/oylygqo82rr1PAt9VXYSXieQBotSKOl/N6zoygL9XXKRHFBqqSaUyWB/UcBdQrU14H6OlBf5wrq66jphHSEySihvg6ksIAUFiogCyksIIWFavMSAsTzN6/jDBUWCRCf6Pa3klVgOKSg4IK4VohrVdQwJRvXGn+/K8C3+eZrzoKolMkvGfrKMfplYmPzzX5JK6eg4e+3me5nKt8gnbzsmBnpJstVC5EmL7QdCx9poQl+JDMtZoMLLHbI9LMmvxr65xj7uKY7IvFPyO1/iFgCA8OwlD0Q7IBgB1R5bdyRTQrfngyq+drKDYXK+v2y5qwzEXvWWb5B66wB2soKSucUF8m57t3edhNlcoIrYzu6E5132nedbnBpfaiG2hNswXXbgpObtai+Lkn1qt0V8PcFnlL1kCyGGcLXrPcEax6U0HkNkacQ9XtA7KGEzkHxB9uW1C4JCcTVwhYSiEMCcbAPN8w+DAnEmzbqnJc9k0AczNZgtlbFqipits63p1aawbZMFOuxwF5rKtsscNusz9uT23LibPeR5pabWBkS3qogSUPCW0h4e2jtNCS8PTxXBglvj3P9hoS3Vc5+SHh7ZJMeTF+HXHAg4e2RJLyl7rnY0EryRBzqV7czSPFFkF8YEuIqjqZS5S6bOWEhty3ktt0LopDbFnLbHuP6Wn1u24NXvjxWpLeXvlwnvj1MHGYbu+Z0dsIxgYV3WkV2L33Tpk5Ll5Ql67WYsXY0n+QbqJ6x60maUmIkDYziObu8FLCjkFa5dhR2L+OqKINw2LyB6NaScI58o8/V1eerzWIk+9eUHUY8qEwnlhEk9rmZ/fn/AduCClM='
)
