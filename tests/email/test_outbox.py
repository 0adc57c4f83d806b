"""The development outbox: e-mail without an SMTP server, in development only."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.email.smtp_settings import OUTBOX, global_config
from server.settings import ConfigurationError, Settings

SECRET = "s" * 40


def test_development_without_an_smtp_server_writes_mail_to_the_outbox(tmp_path: Path) -> None:
    settings = Settings(env="development", data_dir=tmp_path, jwt_secret=SECRET)
    assert settings.email_outbox_dir == tmp_path / "outbox"
    config = global_config(settings)
    assert config is not None and config.source == OUTBOX


def test_development_with_an_smtp_server_sends_through_it(tmp_path: Path) -> None:
    settings = Settings(
        env="development",
        data_dir=tmp_path,
        jwt_secret=SECRET,
        smtp_host="mail.example.com",
        smtp_from_address="billing@example.com",
    )
    config = global_config(settings)
    assert settings.email_outbox_dir is None
    assert config is not None and config.host == "mail.example.com"


def test_outside_development_no_outbox_is_assumed(tmp_path: Path) -> None:
    settings = Settings(env="test", data_dir=tmp_path, jwt_secret=SECRET)
    assert settings.email_outbox_dir is None and global_config(settings) is None


def test_production_refuses_an_outbox(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError):
        Settings(env="production", data_dir=tmp_path, jwt_secret=SECRET, email_outbox_dir=tmp_path)
