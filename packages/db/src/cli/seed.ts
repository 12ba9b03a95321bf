import { enumName, ProfileRole } from "@interventions/domain";
import { openConfiguredDatabase } from "../bootstrap";
import { databaseEnvSchema, parseEnv } from "../config";
import { seedDemo } from "../seed/seed";
import { defaultMigrationsFolder } from "../workspace";

const env = parseEnv(databaseEnvSchema, process.env);
const handle = await openConfiguredDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await handle.migrate(defaultMigrationsFolder());
  const result = await seedDemo(handle.db);
  console.log(
    result.seeded ? `Demo loaded (${handle.kind}).` : `Demo already present (${handle.kind}): nothing changed.`,
  );
  console.log(`\nDemo accounts — password for every user: ${result.password}`);
  for (const org of result.organizations) {
    console.log(`\n${org.name} (${org.slug})\n  API key: ${org.apiKey}`);
    for (const user of org.users) console.log(`  ${enumName(ProfileRole, user.role).padEnd(8)} ${user.email}`);
  }
} finally {
  await handle.close();
}
