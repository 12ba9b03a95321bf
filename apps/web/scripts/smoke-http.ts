/**
 * Smoke test of a running app over HTTP: each documented path called with the demo credentials through the
 * partners' typed client, as a partner would, checking status and body shape; then the API reference.
 * Usage: tsx scripts/smoke-http.ts http://127.0.0.1:3000
 */
import type { AppRouter } from "@interventions/api/trpc";
import { createInterventionsClient } from "@interventions/client";
import publishedDocument from "@interventions/client/openapi.json" with { type: "json" };
import {
  InterventionStatus,
  InterventionType,
  interventionProfileShapedSchema,
  interventionUserShapedSchema,
} from "@interventions/domain";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { z } from "zod";

const base = process.argv[2];
if (!base) throw new Error("usage: smoke-http.ts <base url>");
const API_KEY = "ivk_demo_acme_properties_0000000000000000000000000000";
let passed = 0;

function check(condition: boolean, what: string, detail?: unknown): void {
  if (!condition) {
    console.error(`FAIL ${what}`, detail ?? "");
    console.error(`smoke: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed += 1;
  console.log(`ok   ${what}`);
}

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

function shaped(schema: z.ZodObject, data: unknown): boolean {
  return schema.strict().safeParse(data).success;
}

async function sessionToken(email: string): Promise<string> {
  const login = await call("POST", "/api/auth/login", {}, { email, password: "demo-password" });
  check(login.status === 200, `login ${email}`, login.body);
  return login.body.data.token;
}

const technician = createInterventionsClient({
  baseUrl: base,
  apiKey: API_KEY,
  sessionToken: await sessionToken("technician@acme.example"),
});
const managerToken = await sessionToken("manager@acme.example");
const manager = createInterventionsClient({ baseUrl: base, apiKey: API_KEY, sessionToken: managerToken });
const trpc = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: new URL("/api/trpc", base).toString(),
      transformer: superjson,
      headers: { authorization: `Bearer ${API_KEY}`, "x-session-token": managerToken },
    }),
  ],
});
const first = async (type: InterventionType, status: InterventionStatus) => {
  const page = await trpc.interventions.list.query({ type, status, limit: 1 });
  const item = page.items[0];
  if (!item) throw new Error(`no intervention of type ${type} in status ${status}`);
  return item.id;
};

const unplanned = await technician.POST("/interventions/v2/mb/preventive/unplanned", {
  body: {
    companyId: 1,
    siteIds: [1],
    ruleIds: [1],
    signature: { name: "example.jpg", mimeType: "image/jpeg", size: 1024 },
    provider: { firstName: "Karim", lastName: "Benali", email: "example@mail.fr", comment: "Smoke test" },
  },
});
check(
  unplanned.response.status === 201 && shaped(interventionUserShapedSchema, unplanned.data?.data),
  "000 → 201, user-shaped",
  unplanned.error,
);
const upload = await fetch(unplanned.data?.presignedUrl ?? "", {
  method: "PUT",
  headers: { "content-type": "image/jpeg" },
  body: new Uint8Array(1024).fill(255),
});
check(upload.status === 200, "000 signature uploaded through the presigned URL", upload.status);

const [anomaly] = await trpc.anomalies.list.query({ status: 1 });
const curative = await manager.POST("/interventions/v2/rs/curative", {
  body: {
    scheduledStart: "2026-12-01T12:34:56.000Z",
    scheduledEnd: "2026-12-05T14:56:23.000Z",
    anomalyIds: [anomaly?.id ?? 0],
    creationStatus: 1,
    description: "Smoke test repair",
    assignedCompanyContactId: 1,
  },
});
check(
  curative.response.status === 201 && shaped(interventionUserShapedSchema, curative.data?.data),
  "001 → 201, user-shaped",
  curative.error,
);
check(/^\d{6}$/.test(String(curative.data?.data.codePin)), "001 scheduled curative has a 6-digit code PIN");

const preventiveId = await first(InterventionType.preventive, InterventionStatus.scheduled);
const preventive = await manager.PATCH("/interventions/v2/rs/preventive/{interventionId}", {
  params: { path: { interventionId: preventiveId } },
  body: { description: "Smoke" },
});
check(
  preventive.response.status === 200 && shaped(interventionProfileShapedSchema, preventive.data?.data),
  "002 → 200, profile-shaped",
  preventive.error,
);

const exerciseId = await first(InterventionType.trainingExercise, InterventionStatus.toSchedule);
const exercise = await manager.PATCH("/interventions/v2/rs/training-exercise/{interventionId}", {
  params: { path: { interventionId: exerciseId } },
  body: { validateIntervention: true },
});
check(
  exercise.response.status === 200 && exercise.data?.data.status === InterventionStatus.awaitingVerification,
  "003 → 200, validated",
  exercise.error,
);

const verifyPath = "/interventions/v2/rs/{interventionId}/verify" as const;
const verify = await manager.PATCH(verifyPath, {
  params: { path: { interventionId: exerciseId } },
  body: { decision: 1, decisionComment: "OK" },
});
check(
  verify.response.status === 200 && verify.data?.data.status === InterventionStatus.accepted,
  "004 → 200, accepted",
  verify.error,
);
const again = await manager.PATCH(verifyPath, {
  params: { path: { interventionId: exerciseId } },
  body: { decision: 2, decisionComment: "No" },
});
check(
  again.response.status === 409 &&
    again.response.headers.get("content-type") === "application/problem+json" &&
    again.error?.code === "INVALID_STATE",
  "004 twice → 409 problem+json",
  again.error,
);

const anonymous = await call("POST", "/interventions/v2/rs/curative", {}, {});
check(anonymous.status === 401 && anonymous.body.code === "UNAUTHENTICATED", "no credentials → 401", anonymous.body);

const served = await fetch(new URL("/openapi.json", base));
check(
  served.status === 200 && JSON.stringify(await served.json()) === JSON.stringify(publishedDocument),
  "GET /openapi.json is the document the client was generated from",
);
const docs = await fetch(new URL("/docs", base));
const page = await docs.text();
const scripts = [...page.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1] ?? "");
check(
  docs.status === 200 && scripts.length > 0 && scripts.every((src) => src.startsWith("/")),
  "GET /docs loads local scripts only",
  scripts,
);
for (const src of scripts) {
  const asset = await fetch(new URL(src, base));
  check(asset.status === 200, `GET ${src} → 200`, asset.status);
}

console.log(`smoke: ${passed} passed, 0 failed`);
