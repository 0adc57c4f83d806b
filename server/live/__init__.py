"""Live updates: telling this process's subscriptions that an organization's feed moved.

The relay announces each batch of events it has committed (`outlet`); on PostgreSQL the
announcement is a NOTIFY that every API process hears on its one LISTEN connection
(`listen`), on SQLite a call into this process's hub. The hub (`hub`) wakes the
subscriptions watching that organization, which then read the new events from the feed
(`watch`). See docs/decisions/subscriptions.md.
"""
