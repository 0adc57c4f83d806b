"""Outbound e-mail: SMTP settings per organization, document templates, delivery records.

Sending a document queues a delivery (a row, an audit event and a job in one transaction);
the job renders the organization's template, builds the message and hands it to the SMTP
server (docs/decisions/email.md).
"""
