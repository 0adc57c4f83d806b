// Compiles only if the generated types carry the scalar map: decimals and instants are
// strings, never numbers.
import type { InvoiceCreateMutationVariables, TrialBalanceQuery } from "./generated/graphql";

export const draft: InvoiceCreateMutationVariables = {
  input: {
    customerId: "Q3VzdG9tZXI6MQ==",
    issueDate: "2026-03-01",
    lines: [{ description: "Consulting", quantity: "2.5", unitPrice: "120.00", discountPercent: "10" }],
  },
};

export function debitTotal(result: TrialBalanceQuery): string {
  const amount: string = result.trialBalance.totalDebit.amount;
  return amount;
}
