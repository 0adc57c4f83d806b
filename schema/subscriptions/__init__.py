"""GraphQL subscriptions over graphql-transport-ws (docs/decisions/subscriptions.md)."""
