import type { Sql } from "postgres";
import { PGBENCH_ANOMALY_BASE, REST_ANOMALY_BASE } from "./layout";

/** Rows a request will act on, one request each, dealt across organizations in turn. */
export class Pool {
  private next = 0;

  constructor(
    readonly name: string,
    private readonly rows: { id: number; org: number }[],
  ) {}

  get remaining(): number {
    return this.rows.length - this.next;
  }

  take(): { id: number; org: number } {
    const row = this.rows[this.next];
    if (!row) throw new Error(`pool ${this.name} is exhausted`);
    this.next += 1;
    return row;
  }
}

// Round robin over organizations: the n-th row of every organization, then the (n+1)-th…
const dealt = (where: string) => `
  select id::int, org::int from (
    select id, organization_id as org, row_number() over (partition by organization_id order by id) as rank
    from ${where}
  ) ranked order by rank, org`;

export async function loadPools(sql: Sql) {
  const rows = (query: string) => sql.unsafe<{ id: number; org: number }[]>(query);
  return {
    curative: new Pool(
      "open anomalies",
      await rows(dealt(`anomalies where id >= ${REST_ANOMALY_BASE} and id < ${PGBENCH_ANOMALY_BASE}`)),
    ),
    preventive: new Pool(
      "editable preventives",
      await rows(dealt("interventions where type = 1 and status in (1, 2)")),
    ),
    training: new Pool("editable drills", await rows(dealt("interventions where type = 3 and status in (1, 2)"))),
    verify: new Pool("interventions awaiting verification", await rows(dealt("interventions where status = 4"))),
  };
}

export type Pools = Awaited<ReturnType<typeof loadPools>>;
