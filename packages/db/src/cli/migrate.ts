import { openDatabase } from "../client";
import { databaseEnvSchema, parseEnv } from "../config";
import { defaultDataDir, defaultMigrationsFolder } from "../workspace";

const env = parseEnv(databaseEnvSchema, process.env);
const handle = await openDatabase({
  url: env.DATABASE_URL,
  dataDir: env.DATA_DIR ?? (env.DATABASE_URL ? undefined : defaultDataDir()),
});
try {
  await handle.migrate(defaultMigrationsFolder());
  console.log(`Migrations applied (${handle.kind}).`);
} finally {
  await handle.close();
}
