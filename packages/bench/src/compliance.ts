import { runRoutines } from "@interventions/api";
import { createJobEngine } from "@interventions/api/runtime";
import { openDatabase } from "@interventions/db";
import postgres from "postgres";
import type { BenchConfig } from "./config";
import { CHECK_RULES, RULES } from "./layout";
import { describeScans, explain, percentile, type SentStatement } from "./plans";
import { managerReadCaller } from "./read-caller";

export interface ObligationsResult {
  obligations: number;
  /** Statements one call sends: the organization's calendar and the obligations' facts. */
  statements: number;
  p50: number;
  p95: number;
  plan: string;
  executionMs: number;
}

/**
 * The Compliance page's read (`compliance.overview`) for the largest organization: the status of every
 * one of its site rules, through the tRPC procedure the dashboard calls; the plan is the facts query's.
 */
export async function measureObligations(url: string, config: BenchConfig, now: Date): Promise<ObligationsResult> {
  const sent: SentStatement[] = [];
  const { client, caller } = managerReadCaller(url, now, (statement) => sent.push(statement));
  try {
    const times: number[] = [];
    let obligations = 0;
    for (let i = 0; i < config.listIterations + 10; i += 1) {
      sent.length = 0;
      const started = performance.now();
      const overview = await caller.compliance.overview();
      if (i >= 10) times.push(performance.now() - started);
      obligations = overview.obligations.length;
    }
    const facts = sent.find((statement) => statement.query.includes("open_anomalies"));
    if (!facts) throw new Error("the overview sent no facts query");
    const plan = await explain(client, facts);
    return {
      obligations,
      statements: sent.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      plan: describeScans(plan),
      executionMs: plan.executionMs,
    };
  } finally {
    await client.end();
  }
}

export interface GeneratorResult {
  organizations: number;
  /** Check site rules with a routine, every one due and nothing planned: what one pass must plan. */
  due: number;
  planned: number;
  firstRunMs: number;
  secondRunPlanned: number;
  secondRunMs: number;
}

/**
 * The routine generator over as many new organizations as the dataset has, each with its sites × check
 * rules all due and nothing planned: one pass (`runRoutines`, as the worker runs it, over every
 * organization) must plan them all; a second must plan nothing.
 */
export async function measureGenerator(url: string, config: BenchConfig, now: Date): Promise<GeneratorResult> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const checkRules = RULES.slice(0, CHECK_RULES).map((rule) => `('${rule.code}', '${rule.name}', ${rule.months})`);
  const dueAt = new Date(now.getTime() + 10 * 86_400_000);
  try {
    await sql.begin(async (tx) => {
      await tx.unsafe(`insert into organizations (name, slug)
        select 'Generator organization ' || g, 'generator-org-' || g from generate_series(1, ${config.organizations}) g`);
      const generated = `(select id from organizations where slug like 'generator-org-%')`;
      await tx.unsafe(`insert into companies (organization_id, name)
        select id, 'Provider of ' || name from organizations where id in ${generated}`);
      await tx.unsafe(`insert into company_contacts (organization_id, company_id, first_name, last_name, email)
        select organization_id, id, 'Tech', 'Generator', 'tech.' || id || '@generator.example'
        from companies where organization_id in ${generated}`);
      await tx.unsafe(`insert into rules (organization_id, code, name, kind, periodicity_months)
        select o, code, name, 1, months from ${generated} g(o), (values ${checkRules.join(", ")}) c(code, name, months)`);
      await tx.unsafe(`insert into sites (organization_id, name, address, postal_code, city)
        select o, 'Site ' || s, s || ' rue du Contrôle', '69003', 'Lyon'
        from ${generated} g(o), generate_series(1, ${config.sitesPerOrganization}) s`);
      await tx.unsafe(`insert into site_rules (organization_id, site_id, rule_id)
        select s.organization_id, s.id, r.id from sites s join rules r on r.organization_id = s.organization_id
        where s.organization_id in ${generated}`);
      await tx.unsafe(
        `insert into routines (organization_id, site_rule_id, assigned_company_contact_id, lead_days, first_due_at)
        select sr.organization_id, sr.id, c.id, 30, $1
        from site_rules sr join company_contacts c on c.organization_id = sr.organization_id
        where sr.organization_id in ${generated}`,
        [dueAt],
      );
    });
    await sql.unsafe("analyze");
    const [{ due = 0 } = {}] = await sql<{ due: number }[]>`
      select count(*)::int as due from routines r join organizations o on o.id = r.organization_id
      where o.slug like 'generator-org-%'`;

    const database = await openDatabase({ url, maxConnections: 4 });
    const jobs = createJobEngine({ database, log: () => {} });
    try {
      await jobs.start();
      const deps = { db: database.db, jobs };
      let started = performance.now();
      const first = await runRoutines(deps, { now });
      const firstRunMs = performance.now() - started;
      started = performance.now();
      const second = await runRoutines(deps, { now });
      const secondRunMs = performance.now() - started;
      const plannedIn = (runs: typeof first) =>
        runs
          .filter((run) => run.organization.slug.startsWith("generator-org-"))
          .reduce((sum, run) => sum + run.planned, 0);
      return {
        organizations: config.organizations,
        due,
        planned: plannedIn(first),
        firstRunMs,
        secondRunPlanned: second.reduce((sum, run) => sum + run.planned, 0),
        secondRunMs,
      };
    } finally {
      await jobs.stop({ graceful: false });
      await database.close();
    }
  } finally {
    await sql.end();
  }
}
