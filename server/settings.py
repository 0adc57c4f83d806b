"""One Settings object, read from LEDGERLINE_* environment variables."""

from __future__ import annotations

import json
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Environment = Literal["development", "test", "production"]


class ConfigurationError(RuntimeError):
    """The process cannot start with the configuration it was given."""


class Settings(BaseSettings):
    """Runtime configuration; every field maps to LEDGERLINE_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="LEDGERLINE_", extra="ignore")

    env: Environment = "development"
    database_url: str = "sqlite://./var/ledgerline.sqlite3"
    data_dir: Path = Path("./var")

    # Tokens. In development they are generated once and kept in data_dir/secrets.json.
    jwt_secret: str | None = Field(default=None, min_length=32)
    # Encrypts secrets kept at rest (TOTP seeds); derived from the JWT secret if unset.
    data_key: str | None = Field(default=None, min_length=32)
    jwt_issuer: str = "ledgerline"
    jwt_audience: str = "ledgerline-api"
    access_token_ttl_seconds: int = Field(default=900, ge=60, le=86400)
    refresh_token_ttl_seconds: int = Field(default=30 * 86400, ge=300)
    # Two refreshes of one token racing within this window both succeed (parallel tabs).
    refresh_reuse_grace_seconds: int = Field(default=10, ge=0, le=120)

    cors_origins: list[str] = []
    # Request headers browsers may send from those origins, beyond the API's own
    # (authorization, content-type, x-request-id): tracing and client identification.
    cors_allow_headers: list[str] = [
        "traceparent",
        "tracestate",
        "apollographql-client-name",
        "apollographql-client-version",
    ]
    # Where clients reach this service (https://api.example.com), for the links it hands out:
    # document PDFs and portal links. Unset, those links are paths on the same host.
    public_url: str = ""
    # Fonts PDFs may use besides the compiler's own (which have no Chinese, Japanese or Korean
    # glyphs): a folder of .ttf/.otf files, such as Noto Sans CJK.
    pdf_font_dir: Path | None = None

    # Failed sign-ins allowed before growing delays start, per account and per client address.
    sign_in_free_failures_per_account: int = Field(default=5, ge=1)
    sign_in_free_failures_per_address: int = Field(default=50, ge=1)
    # Fields checking a password or second-factor code that one GraphQL document may carry;
    # each attempt is counted in the database regardless (server/identity/throttle.py).
    sign_in_attempts_per_request: int = Field(default=5, ge=1)

    # GraphQL limits.
    max_query_depth: int = Field(default=12, ge=2)
    max_aliases: int = Field(default=30, ge=1)
    max_tokens: int = Field(default=2000, ge=50)
    max_directives: int = Field(default=20, ge=1)
    max_body_bytes: int = Field(default=256 * 1024, ge=1024)
    max_page_size: int = Field(default=100, ge=1, le=1000)
    # Requests a keep-alive connection may carry before the server closes it (0: no limit);
    # see server/app.py: RequestMiddleware.
    keepalive_requests: int = Field(default=25, ge=0)
    # Results of queries kept per process (0 turns the cache off); see schema/cache.py.
    query_cache_entries: int = Field(default=2000, ge=0)
    # ...and the bytes they may hold in all, and at most per answer (a larger one is not kept).
    query_cache_bytes: int = Field(default=32 * 1024 * 1024, ge=0)
    query_cache_max_entry_bytes: int = Field(default=1024 * 1024, ge=0)

    # Persisted documents (docs/decisions/persisted-operations.md). Automatic persisted
    # queries: clients register documents by sending them with their SHA-256.
    automatic_persisted_queries: bool = True
    # Only documents registered from a manifest (`ledgerline documents register`) run; for
    # production once every client ships its manifest.
    trusted_documents_only: bool = False
    # Documents one organization (or, unsigned, one client address) may register per hour,
    # and automatic documents kept in all; past either, documents still run, unstored.
    apq_registrations_per_hour: int = Field(default=100, ge=0)
    apq_max_documents: int = Field(default=10_000, ge=0)
    # Persisted documents each process keeps parsed and validated, by count and by text size.
    persisted_cache_entries: int = Field(default=1000, ge=0)
    persisted_cache_bytes: int = Field(default=8 * 1024 * 1024, ge=0)
    # How long shared caches (CDNs) may keep the answer to an anonymous persisted query sent
    # by GET; answers to signed-in requests are never stored.
    persisted_get_max_age_seconds: int = Field(default=60, ge=0, le=86400)

    # Prometheus metrics: see server/metrics_endpoint.py. A separate port (loopback unless
    # told otherwise) or a bearer token; with neither, production serves no metrics.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_host: str = "127.0.0.1"
    metrics_token: SecretStr | None = Field(default=None, min_length=16)

    # argon2id cost: OWASP's recommended profile (docs/decisions/password-hashing-cost.md);
    # tests lower it to stay fast. Below that profile a warning is logged at start.
    password_hash_time_cost: int = Field(default=2, ge=1)
    password_hash_memory_kib: int = Field(default=19 * 1024, ge=8)
    password_hash_parallelism: int = Field(default=1, ge=1)

    # Outbound e-mail: the SMTP server of organizations that set none of their own
    # (emailSettingsSet); see docs/decisions/email.md.
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["NONE", "STARTTLS", "TLS"] = "STARTTLS"
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from_address: str | None = None
    smtp_from_name: str | None = None
    smtp_reply_to: str | None = None
    smtp_timeout_seconds: float = Field(default=30, gt=0, le=600)  # float ok: a duration
    # Instead of an SMTP server, write each e-mail as a .eml file into this folder. In
    # development with no SMTP server configured it is <data_dir>/outbox, so the quick
    # start sends e-mail with nothing else running; never in production.
    email_outbox_dir: Path | None = None
    # Attachments of one message together, in bytes; a larger set fails the delivery.
    email_attachments_max_bytes: int = Field(default=10 * 1024 * 1024, ge=0)
    # Webhooks (docs/decisions/webhooks.md): deliveries to private, loopback and CGNAT
    # addresses are refused unless this is set, for a receiver on the developer's machine.
    # Cloud metadata, link-local, multicast and reserved addresses stay refused regardless.
    webhooks_allow_private: bool = False
    # Background jobs inside the API process: None means yes on SQLite (the embedded
    # default has no separate worker) and no on PostgreSQL, where `ledgerline worker` runs
    # them (docs/decisions/background-jobs.md).
    jobs_in_process: bool | None = None
    # A running job whose worker has not touched it for this long has lost its worker and
    # is claimed again; workers touch their jobs six times as often.
    job_stale_seconds: int = Field(default=60, ge=2)
    # Modules beyond the built-in ones that register job handlers (plugins, tests).
    job_modules: list[str] = []

    # Subscriptions (docs/decisions/subscriptions.md): operations one WebSocket may run at
    # once, the time a client has to send connection_init, and how often a subscription
    # looks at the feed when no announcement has woken it.
    subscriptions_per_connection: int = Field(default=20, ge=1, le=1000)
    subscription_init_seconds: int = Field(default=10, ge=1, le=300)
    subscription_recheck_seconds: float = Field(default=15.0, gt=0, le=3600)  # float ok: a duration

    log_level: str = "INFO"
    log_json: bool = True
    demo_password: str = "demo-password"

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @model_validator(mode="after")
    def _outbox(self) -> Settings:
        if self.is_production and self.email_outbox_dir is not None:
            raise ConfigurationError("LEDGERLINE_EMAIL_OUTBOX_DIR is for development only")
        if self.env == "development" and not self.smtp_host and self.email_outbox_dir is None:
            self.email_outbox_dir = self.data_dir / "outbox"
        return self

    @model_validator(mode="after")
    def _secrets(self) -> Settings:
        if self.jwt_secret:
            return self
        if self.is_production:
            raise ConfigurationError(
                "LEDGERLINE_JWT_SECRET must be set (at least 32 characters) in production"
            )
        self.jwt_secret = _development_secret(self.data_dir, "jwt_secret")
        return self

    @property
    def runs_jobs_in_process(self) -> bool:
        if self.jobs_in_process is not None:
            return self.jobs_in_process
        return self.database_url.startswith("sqlite")

    @property
    def secret(self) -> str:
        assert self.jwt_secret is not None
        return self.jwt_secret


def _development_secret(data_dir: Path, name: str) -> str:
    """Generate a secret once per data directory so restarts keep sessions valid."""
    path = data_dir / "secrets.json"
    stored: dict[str, str] = {}
    if path.exists():
        stored = json.loads(path.read_text())
    if name not in stored:
        data_dir.mkdir(parents=True, exist_ok=True)
        stored[name] = secrets.token_urlsafe(48)
        path.write_text(json.dumps(stored))
        path.chmod(0o600)
    return stored[name]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
