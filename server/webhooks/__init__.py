"""Outbound webhooks: endpoints, signed deliveries of domain events, retries, the guard
against server-side request forgery (docs/decisions/webhooks.md)."""
