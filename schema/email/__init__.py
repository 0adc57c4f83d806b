"""GraphQL surface of outbound e-mail: settings, templates, deliveries and send mutations."""
