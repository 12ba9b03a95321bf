// What tests share, in this package and in the apps: a seeded environment over the real handlers, the
// demo's records by name, fresh rows, requests as partners and the dashboard send them, and assertions.
export * from "./dashboard";
export * from "./endpoints";
export * from "./procedures";
export * from "./requests";
export * from "./test-env";
export * from "./valid-writes";
