import { parseArgs } from "node:util";
import { createApiClient, listApiClients, revokeApiClient } from "@interventions/api";
import { databaseEnvSchema, parseEnv, startDatabase } from "@interventions/db";

const USAGE = `Usage:
  pnpm api-key create --org <organization slug> --name <what the key is for>
  pnpm api-key revoke --id <api client id>
  pnpm api-key list`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { org: { type: "string" }, name: { type: "string" }, id: { type: "string" } },
});
const [command] = positionals;

const env = parseEnv(databaseEnvSchema, process.env);
// The same start as the app's: migrated, and the embedded default seeded on first use.
const handle = await startDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  if (command === "create" && values.org && values.name) {
    const { id, key } = await createApiClient(handle.db, { organizationSlug: values.org, name: values.name });
    console.log(`API client ${id} created for ${values.org}. Its key, shown only now:\n${key}`);
  } else if (command === "revoke" && values.id && /^\d+$/.test(values.id)) {
    const revoked = await revokeApiClient(handle.db, Number(values.id));
    console.log(revoked ? `API client ${values.id} revoked.` : `No active API client ${values.id}.`);
    process.exitCode = revoked ? 0 : 1;
  } else if (command === "list") {
    console.table(await listApiClients(handle.db));
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
