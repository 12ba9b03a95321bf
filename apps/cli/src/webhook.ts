import { parseArgs } from "node:util";
import {
  createSubscription,
  destinationPolicyOf,
  listSubscriptions,
  recentDeliveries,
  setSubscriptionActive,
  webhookEnvSchema,
} from "@interventions/api";
import { databaseEnvSchema, organizations, parseEnv, startDatabase } from "@interventions/db";
import { createWebhookInput, DomainError, WEBHOOK_EVENT_TYPES } from "@interventions/domain";
import { eq } from "drizzle-orm";

const USAGE = `Usage:
  pnpm webhook create --org <organization slug> --url <https://…> [--events <type,type…>]
  pnpm webhook list --org <organization slug>
  pnpm webhook disable --id <webhook id>
  pnpm webhook enable --id <webhook id>
  pnpm webhook deliveries --id <webhook id>
Event types (all when --events is left out): ${WEBHOOK_EVENT_TYPES.join(", ")}`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    org: { type: "string" },
    url: { type: "string" },
    events: { type: "string" },
    id: { type: "string" },
  },
});
const [command] = positionals;
const webhookId = values.id && /^\d{1,15}$/.test(values.id) ? Number(values.id) : undefined;

const env = parseEnv(databaseEnvSchema.extend(webhookEnvSchema.shape), process.env);
const handle = await startDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
const now = new Date();

async function organizationId(slug: string): Promise<number> {
  const [organization] = await handle.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!organization) throw new Error(`No organization ${slug}`);
  return organization.id;
}

try {
  if (command === "create" && values.org && values.url) {
    const input = createWebhookInput.parse({
      url: values.url,
      events: values.events?.split(",").map((type) => type.trim()),
    });
    const created = await createSubscription(handle.db, destinationPolicyOf(env), {
      ...input,
      organizationId: await organizationId(values.org),
      createdByProfileId: null,
      now,
    });
    console.log(
      `Webhook ${created.id} created for ${values.org}: ${created.url} (${created.events?.join(", ") ?? "every event"}).`,
    );
    console.log(`Its signing secret, shown only now:\n${created.secret}`);
  } else if (command === "list" && values.org) {
    console.table(await listSubscriptions(handle.db, await organizationId(values.org)));
  } else if ((command === "disable" || command === "enable") && webhookId !== undefined) {
    const active = command === "enable";
    const webhook = await setSubscriptionActive(handle.db, { organizationId: null, webhookId, active, now });
    console.log(`Webhook ${webhook.id} ${active ? "enabled" : "disabled"}.`);
  } else if (command === "deliveries" && webhookId !== undefined) {
    console.table(await recentDeliveries(handle.db, webhookId, 20));
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(describe(error));
  process.exitCode = 1;
} finally {
  await handle.close();
}

function describe(error: unknown): string {
  if (error instanceof DomainError && error.issues.length > 0) {
    return error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("\n");
  }
  if (typeof error === "object" && error !== null && "issues" in error && Array.isArray(error.issues)) {
    return error.issues
      .map((issue: { path: unknown[]; message: string }) => `${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}
