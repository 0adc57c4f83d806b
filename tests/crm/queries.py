"""GraphQL documents shared by the CRM tests."""

CUSTOMER_FIELDS = """
  id name email phone taxId currency paymentTermsDays status tags createdAt updatedAt
  creditLimit { amount currency }
  billingAddress { line1 city postalCode country }
"""

CUSTOMER_CREATE = f"""
mutation Create($input: CustomerCreateInput!) {{
  customerCreate(input: $input) {{
    customer {{ {CUSTOMER_FIELDS} }}
    userErrors {{ field message code }}
  }}
}}
"""

CUSTOMER_UPDATE = f"""
mutation Update($input: CustomerUpdateInput!) {{
  customerUpdate(input: $input) {{
    customer {{ {CUSTOMER_FIELDS} }}
    userErrors {{ field message code }}
  }}
}}
"""

CUSTOMER_ARCHIVE = """
mutation Archive($id: ID!) {
  customerArchive(input: {id: $id}) {
    customer { id status }
    userErrors { field message code }
  }
}
"""

CUSTOMER_NOTE_ADD = """
mutation Note($input: CustomerNoteAddInput!) {
  customerNoteAdd(input: $input) {
    note { id body author { email } }
    customer { id notes { body } }
    userErrors { field message code }
  }
}
"""

CUSTOMER = f"""
query One($id: ID!) {{ customer(id: $id) {{ {CUSTOMER_FIELDS} }} }}
"""

CUSTOMERS = """
query List($first: Int, $after: String, $last: Int, $before: String,
           $filter: PartyFilter, $orderBy: PartyOrder) {
  customers(first: $first, after: $after, last: $last, before: $before,
            filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id name email status tags createdAt } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

VENDOR_CREATE = """
mutation Create($input: VendorCreateInput!) {
  vendorCreate(input: $input) {
    vendor { id name email currency paymentTermsDays status tags }
    userErrors { field message code }
  }
}
"""
