import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are applied by code (`src/migrate.ts`), never pushed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
