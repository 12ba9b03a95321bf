// What tests share, in this package and in the apps: a seeded environment over the real handlers
// (test-env), how to authenticate as the demo's people (credentials), the demo's records by name
// (demo-records), rows a test creates (factories) and reads back (rows), requests as partners and the
// dashboard send them (requests, dashboard), and what a refusal must look like (assertions).

// The domain's named enums, for the tests of apps that do not depend on the domain themselves.
export {
  AnomalyStatus,
  CreationStatus,
  InterventionStatus,
  InterventionType,
  ProfileRole,
  VerificationDecision,
} from "@interventions/domain";
export * from "./assertions";
export * from "./credentials";
export * from "./dashboard";
export * from "./demo-records";
export * from "./factories";
export * from "./procedures";
export * from "./requests";
export * from "./rows";
export * from "./test-env";
export * from "./valid-writes";
