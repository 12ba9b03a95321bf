import { parseArgs } from "node:util";
import { revokeAllSessions } from "@interventions/api";
import { databaseEnvSchema, parseEnv, startDatabase, users } from "@interventions/db";
import { eq } from "drizzle-orm";

const USAGE = "Usage: pnpm sessions:revoke --email <the user's e-mail>";

const { values } = parseArgs({ options: { email: { type: "string" } } });

const env = parseEnv(databaseEnvSchema, process.env);
const handle = await startDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  if (!values.email) {
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    const [user] = await handle.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, values.email.toLowerCase()));
    if (!user) {
      console.error(`No user has the e-mail ${values.email}.`);
      process.exitCode = 1;
    } else {
      const revoked = await revokeAllSessions(handle.db, user.id, new Date());
      console.log(`${revoked} session(s) of ${values.email} revoked: they are signed out everywhere.`);
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
