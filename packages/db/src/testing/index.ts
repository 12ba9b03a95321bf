// What tests share, in this package and in those above it: a migrated database of their own, the demo's
// records by name, and the database's own refusals.
export * from "./demo-records";
export { createTestDatabase } from "./test-database";
export { refusal } from "./violation";
