// graphql-schema-linter configuration for schema/schema.graphql (run by `make client-check`).
// Every rule the linter ships is listed: on, or left off with the reason.
module.exports = {
  rules: [
    "arguments-have-descriptions",
    "defined-types-are-used",
    "deprecations-have-a-reason",
    "descriptions-are-capitalized",
    "enum-values-all-caps",
    "enum-values-have-descriptions",
    "fields-are-camel-cased",
    "fields-have-descriptions",
    "input-object-values-are-camel-cased",
    "input-object-values-have-descriptions",
    "relay-connection-arguments-spec",
    "relay-connection-types-spec",
    "relay-page-info-spec",
    "types-are-capitalized",
    "types-have-descriptions",

    // Left off:
    // - "type-fields-sorted-alphabetically", "input-object-fields-sorted-alphabetically",
    //   "interface-fields-sorted-alphabetically": fields are in reading order (id first,
    //   then what identifies the object, amounts, dates, relations; a payload's result before
    //   its userErrors), which is also the order GraphiQL and generated types show them in.
    //   Alphabetical order would put `amount` before `id` and `userErrors` before the result.
    // - "enum-values-sorted-alphabetically": enum values follow their natural order
    //   (DRAFT, ISSUED, PAID, VOID is a life cycle; aging buckets run from current to oldest),
    //   which clients show as it is.
  ],
};
