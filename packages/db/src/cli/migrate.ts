import { openConfiguredDatabase } from "../bootstrap";
import { databaseEnvSchema, parseEnv } from "../config";
import { defaultMigrationsFolder } from "../workspace";

const env = parseEnv(databaseEnvSchema, process.env);
const handle = await openConfiguredDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await handle.migrate(defaultMigrationsFolder());
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
