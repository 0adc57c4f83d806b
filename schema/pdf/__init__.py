"""PDFs and portal links in the GraphQL surface: document URLs, the logo, portal links."""
