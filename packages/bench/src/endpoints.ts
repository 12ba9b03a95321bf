import type { BenchConfig } from "./config";
import type { OrganizationCredentials } from "./credentials";
import { companyId, ruleId, siteId } from "./layout";
import type { Pool, Pools } from "./pools";

/** What a 2xx answer acknowledged, to be found in the database afterwards. */
export interface Ack {
  endpoint: EndpointKey;
  interventionId: number;
  anomalyId?: number;
  description?: string;
}

export type EndpointKey = "health" | "unplanned" | "curative" | "preventive" | "training" | "verify";

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** From the 2xx answer's body, what must now be in the database. */
  ack(body: string): Ack | null;
}

export interface Endpoint {
  key: EndpointKey;
  label: string;
  /** Rows the endpoint consumes, one per request; none for creations and reads. */
  pool?: Pool;
  next(): Call;
}

const json = { "content-type": "application/json" };
const idOf = (body: string) => (JSON.parse(body) as { data: { id: number } }).data.id;

/** The five documented paths, each request on fresh rows, plus /health as the route layer's floor. */
export function endpoints(config: BenchConfig, pools: Pools, credentials: OrganizationCredentials[]): Endpoint[] {
  let sequence = 0;
  const manager = (org: number) => ({ ...json, ...(credentials[org - 1]?.manager ?? {}) });
  const description = (kind: string) => `Bench ${kind} update ${process.pid}-${++sequence}`;
  const patch = (key: "preventive" | "training", pool: Pool, prefix: string): Endpoint => ({
    key,
    label: `PATCH ${prefix}{id}`,
    pool,
    next() {
      const { id, org } = pool.take();
      const text = description(key);
      return {
        method: "PATCH",
        path: `${prefix}${id}`,
        headers: manager(org),
        body: JSON.stringify({ description: text }),
        ack: (body) => ({ endpoint: key, interventionId: idOf(body), description: text }),
      };
    },
  });
  return [
    {
      key: "health",
      label: "GET /health",
      next: () => ({ method: "GET", path: "/health", headers: {}, ack: () => null }),
    },
    {
      key: "unplanned",
      label: "POST /interventions/v2/mb/preventive/unplanned",
      next() {
        const org = 1 + (sequence % config.organizations);
        const site = siteId(config, org, 1 + ((++sequence >> 3) % config.sitesPerOrganization));
        return {
          method: "POST",
          path: "/interventions/v2/mb/preventive/unplanned",
          headers: { ...json, ...(credentials[org - 1]?.technician ?? {}) },
          body: JSON.stringify({
            companyId: companyId(org, 1),
            siteIds: [site],
            ruleIds: [ruleId(org, 1), ruleId(org, 2)],
            signature: { name: "signature.jpg", mimeType: "image/jpeg", size: 2048 },
            provider: {
              firstName: "Karim",
              lastName: "Benali",
              email: "karim.benali@bench.example",
              comment: "All good",
            },
          }),
          ack: (body) => ({ endpoint: "unplanned", interventionId: idOf(body) }),
        };
      },
    },
    {
      key: "curative",
      label: "POST /interventions/v2/rs/curative",
      pool: pools.curative,
      next() {
        const { id, org } = pools.curative.take();
        return {
          method: "POST",
          path: "/interventions/v2/rs/curative",
          headers: manager(org),
          body: JSON.stringify({
            scheduledStart: "2027-03-01T08:00:00.000Z",
            scheduledEnd: "2027-03-01T12:00:00.000Z",
            anomalyIds: [id],
            creationStatus: 0,
            description: "Repair found during the yearly check",
          }),
          ack: (body) => ({ endpoint: "curative", interventionId: idOf(body), anomalyId: id }),
        };
      },
    },
    patch("preventive", pools.preventive, "/interventions/v2/rs/preventive/"),
    patch("training", pools.training, "/interventions/v2/rs/training-exercise/"),
    {
      key: "verify",
      label: "PATCH /interventions/v2/rs/{id}/verify",
      pool: pools.verify,
      next() {
        const { id, org } = pools.verify.take();
        return {
          method: "PATCH",
          path: `/interventions/v2/rs/${id}/verify`,
          headers: manager(org),
          body: JSON.stringify({ decision: 1, decisionComment: "Checked on site: accepted" }),
          ack: (body) => ({ endpoint: "verify", interventionId: idOf(body) }),
        };
      },
    },
  ];
}
