// Types for the example operations, from the committed schema and the published scalar map
// (docs/api/scalars.md). strictScalars: a custom scalar missing from the map fails the run
// instead of becoming `any`.
import { readFileSync } from "node:fs";
import type { CodegenConfig } from "@graphql-codegen/cli";

const scalars: Record<string, string> = JSON.parse(
  readFileSync(new URL("./scalars.json", import.meta.url), "utf8"),
);

const config: CodegenConfig = {
  schema: "../../../schema/schema.graphql",
  documents: "operations/**/*.graphql",
  generates: {
    "generated/graphql.ts": {
      plugins: ["typescript", "typescript-operations"],
      config: {
        strictScalars: true,
        scalars,
        enumsAsTypes: true,
        avoidOptionals: false,
        useTypeImports: true,
      },
    },
  },
};

export default config;
