/**
 * Smoke test of a running app over HTTP: each documented path called with the demo credentials, as a
 * partner would, checking status and body shape. Usage: tsx scripts/smoke-http.ts http://127.0.0.1:3000
 */
import type { AppRouter } from "@interventions/api/trpc";
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

function shaped(schema: z.ZodObject, body: { data?: unknown }): boolean {
  return schema.strict().safeParse(body.data).success;
}

async function partnerHeaders(email: string): Promise<Record<string, string>> {
  const login = await call("POST", "/api/auth/login", {}, { email, password: "demo-password" });
  check(login.status === 200, `login ${email}`, login.body);
  return { authorization: `Bearer ${API_KEY}`, "x-session-token": login.body.data.token };
}

const technician = await partnerHeaders("technician@acme.example");
const manager = await partnerHeaders("manager@acme.example");
const trpc = createTRPCClient<AppRouter>({
  links: [httpLink({ url: new URL("/api/trpc", base).toString(), transformer: superjson, headers: manager })],
});
const first = async (type: InterventionType, status: InterventionStatus) => {
  const page = await trpc.interventions.list.query({ type, status, limit: 1 });
  const item = page.items[0];
  if (!item) throw new Error(`no intervention of type ${type} in status ${status}`);
  return item.id;
};

const unplanned = await call("POST", "/interventions/v2/mb/preventive/unplanned", technician, {
  companyId: 1,
  siteIds: [1],
  ruleIds: [1],
  signature: { name: "example.jpg", mimeType: "image/jpeg", size: 1024 },
  provider: { firstName: "Karim", lastName: "Benali", email: "example@mail.fr", comment: "Smoke test" },
});
check(
  unplanned.status === 201 && shaped(interventionUserShapedSchema, unplanned.body),
  "000 → 201, user-shaped",
  unplanned.body,
);
const upload = await fetch(unplanned.body.presignedUrl, {
  method: "PUT",
  headers: { "content-type": "image/jpeg" },
  body: new Uint8Array(1024).fill(255),
});
check(upload.status === 200, "000 signature uploaded through the presigned URL", upload.status);

const [anomaly] = await trpc.anomalies.list.query({ status: 1 });
const curative = await call("POST", "/interventions/v2/rs/curative", manager, {
  scheduledStart: "2026-12-01T12:34:56.000Z",
  scheduledEnd: "2026-12-05T14:56:23.000Z",
  anomalyIds: [anomaly?.id ?? 0],
  creationStatus: 1,
  description: "Smoke test repair",
  assignedCompanyContactId: 1,
});
check(
  curative.status === 201 && shaped(interventionUserShapedSchema, curative.body),
  "001 → 201, user-shaped",
  curative.body,
);
check(/^\d{6}$/.test(String(curative.body.data.codePin)), "001 scheduled curative has a 6-digit code PIN");

const preventiveId = await first(InterventionType.preventive, InterventionStatus.scheduled);
const preventive = await call("PATCH", `/interventions/v2/rs/preventive/${preventiveId}`, manager, {
  description: "Smoke",
});
check(
  preventive.status === 200 && shaped(interventionProfileShapedSchema, preventive.body),
  "002 → 200, profile-shaped",
  preventive.body,
);

const exerciseId = await first(InterventionType.trainingExercise, InterventionStatus.toSchedule);
const exercise = await call("PATCH", `/interventions/v2/rs/training-exercise/${exerciseId}`, manager, {
  validateIntervention: true,
});
check(
  exercise.status === 200 && exercise.body.data.status === InterventionStatus.awaitingVerification,
  "003 → 200, validated",
  exercise.body,
);

const verify = await call("PATCH", `/interventions/v2/rs/${exerciseId}/verify`, manager, {
  decision: 1,
  decisionComment: "OK",
});
check(
  verify.status === 200 && verify.body.data.status === InterventionStatus.accepted,
  "004 → 200, accepted",
  verify.body,
);
const again = await call("PATCH", `/interventions/v2/rs/${exerciseId}/verify`, manager, {
  decision: 2,
  decisionComment: "No",
});
check(again.status === 409 && again.type === "application/problem+json", "004 twice → 409 problem+json", again.body);

const anonymous = await call("POST", "/interventions/v2/rs/curative", {}, {});
check(anonymous.status === 401 && anonymous.body.code === "UNAUTHENTICATED", "no credentials → 401", anonymous.body);

console.log(`smoke: ${passed} passed, 0 failed`);
