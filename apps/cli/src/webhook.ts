import { parseArgs } from "node:util";
import {
  createSubscription,
  destinationPolicyOf,
  listSubscriptions,
  recentDeliveries,
  setSubscriptionActive,
  webhookEnvSchema,
} from "@interventions/api";
import { type Database, databaseEnvSchema, organizations, parseEnv, startDatabase } from "@interventions/db";
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
const now = new Date();

/** What the command line asks for, checked before the database is opened. */
type Request =
  | { command: "create"; org: string; input: ReturnType<typeof createWebhookInput.parse> }
  | { command: "list"; org: string }
  | { command: "disable" | "enable" | "deliveries"; webhookId: number };

function readRequest(): Request | null {
  if (command === "create" && values.org && values.url) {
    const events = values.events?.split(",").map((type) => type.trim());
    return { command, org: values.org, input: createWebhookInput.parse({ url: values.url, events }) };
  }
  if (command === "list" && values.org) return { command, org: values.org };
  if ((command === "disable" || command === "enable" || command === "deliveries") && webhookId !== undefined) {
    return { command, webhookId };
  }
  return null;
}

async function organizationId(db: Database, slug: string): Promise<number> {
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!organization) throw new Error(`No organization ${slug}`);
  return organization.id;
}

async function perform(db: Database, request: Request): Promise<void> {
  switch (request.command) {
    case "create": {
      const created = await createSubscription(db, destinationPolicyOf(env), {
        ...request.input,
        organizationId: await organizationId(db, request.org),
        createdByProfileId: null,
        now,
      });
      const events = created.events?.join(", ") ?? "every event";
      console.log(`Webhook ${created.id} created for ${request.org}: ${created.url} (${events}).`);
      console.log(`Its signing secret, shown only now:\n${created.secret}`);
      return;
    }
    case "list":
      console.table(await listSubscriptions(db, await organizationId(db, request.org)));
      return;
    case "disable":
    case "enable": {
      const active = request.command === "enable";
      const webhook = await setSubscriptionActive(db, {
        organizationId: null,
        webhookId: request.webhookId,
        active,
        now,
      });
      console.log(`Webhook ${webhook.id} ${active ? "enabled" : "disabled"}.`);
      return;
    }
    case "deliveries":
      console.table(await recentDeliveries(db, request.webhookId, 20));
      return;
  }
}

let request: Request | null = null;
try {
  request = readRequest();
  if (!request) {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(describe(error));
  process.exitCode = 1;
}
if (request) {
  const handle = await startDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await perform(handle.db, request);
  } catch (error) {
    console.error(describe(error));
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
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
