"""Links a customer opens without an account, each showing one invoice."""
