"""The GraphQL surface of outbound webhooks."""
