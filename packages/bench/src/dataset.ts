import type { Sql, TransactionSql } from "postgres";
import type { BenchConfig } from "./config";
import { interventionRanges, managerProfile, PGBENCH_ANOMALY_BASE, REST_ANOMALY_BASE, ROLES, RULES } from "./layout";

/** Everything written with identity ids given explicitly; the sequences are moved past them at the end. */
const IDENTITY_TABLES = [
  "organizations",
  "users",
  "companies",
  "company_contacts",
  "profiles",
  "rules",
  "sites",
  "site_rules",
  "api_clients",
  "anomalies",
  "interventions",
  "intervention_events",
];

/**
 * Writes the dataset with set-based INSERT … SELECT generate_series. Foreign-key triggers are off while it
 * runs (session_replication_role = replica): the ids are consistent by construction, and check
 * constraints still apply.
 */
export async function generateDataset(
  sql: Sql,
  config: BenchConfig,
  options: { now: Date; passwordHash: string; apiKeyHashes: string[] },
): Promise<void> {
  const O = config.organizations;
  const S = config.sitesPerOrganization;
  await sql.begin(async (tx) => {
    await tx.unsafe("set local session_replication_role = replica");
    await tx.unsafe(`insert into organizations (id, name, slug) overriding system value
      select o, 'Bench organization ' || o, 'bench-org-' || o from generate_series(1, ${O}) o`);
    await tx.unsafe(
      `insert into users (id, email, password_hash, first_name, last_name, locale) overriding system value
      select (o - 1) * ${ROLES.length} + r, (array['${ROLES.join("','")}'])[r] || '.' || o || '@bench.example', $1,
        'User', 'Org ' || o, 'fr'
      from generate_series(1, ${O}) o, generate_series(1, ${ROLES.length}) r`,
      [options.passwordHash],
    );
    await tx.unsafe(`insert into companies (id, organization_id, name, email) overriding system value
      select (o - 1) * 2 + c, o, 'Provider ' || c || ' of organization ' || o, 'planning@p' || c || '-' || o || '.example'
      from generate_series(1, ${O}) o, generate_series(1, 2) c`);
    await tx.unsafe(`insert into company_contacts (id, organization_id, company_id, first_name, last_name, email)
      overriding system value
      select (((o - 1) * 2 + c) - 1) * 2 + k, o, (o - 1) * 2 + c, 'Tech' || k, 'Company ' || ((o - 1) * 2 + c),
        'tech' || k || '.' || ((o - 1) * 2 + c) || '@bench.example'
      from generate_series(1, ${O}) o, generate_series(1, 2) c, generate_series(1, 2) k`);
    await tx.unsafe(`insert into profiles (id, user_id, organization_id, role, company_contact_id) overriding system value
      select (o - 1) * ${ROLES.length} + r, (o - 1) * ${ROLES.length} + r, o, r,
        case when r = 4 then (o - 1) * 4 + 1 end
      from generate_series(1, ${O}) o, generate_series(1, ${ROLES.length}) r`);
    const ruleValues = RULES.map(
      (rule, index) => `(${index + 1}, '${rule.code}', '${rule.name}', ${rule.kind}, ${rule.months})`,
    );
    await tx.unsafe(`insert into rules (id, organization_id, code, name, kind, periodicity_months) overriding system value
      select (o - 1) * ${RULES.length} + k, o, code, name, kind, months
      from generate_series(1, ${O}) o, (values ${ruleValues.join(", ")}) as catalogue(k, code, name, kind, months)`);
    await tx.unsafe(`insert into sites (id, organization_id, name, address, postal_code, city) overriding system value
      select (o - 1) * ${S} + s, o, 'Site ' || s || ' of organization ' || o, s || ' rue de la Paix', '690' || lpad((s % 10)::text, 2, '0'), 'Lyon'
      from generate_series(1, ${O}) o, generate_series(1, ${S}) s`);
    await tx.unsafe(`insert into site_rules (id, organization_id, site_id, rule_id) overriding system value
      select (site - 1) * ${RULES.length} + k, o, site, (o - 1) * ${RULES.length} + k
      from generate_series(1, ${O}) o, generate_series(1, ${S}) s, generate_series(1, ${RULES.length}) k,
        lateral (select (o - 1) * ${S} + s as site) x`);
    await tx.unsafe(
      `insert into api_clients (id, organization_id, name, key_prefix, key_hash) overriding system value
      select o, o, 'Bench partner', 'ivk_bench', hash from unnest($1::text[]) with ordinality as keys(hash, o)`,
      [options.apiKeyHashes],
    );
    for (const [index, [first, last]] of interventionRanges(config).entries()) {
      await insertInterventions(tx, config, index + 1, first, last, options.now);
    }
    await tx.unsafe(
      `insert into anomalies (id, organization_id, site_id, description, severity, status, detected_at)
      overriding system value
      select ${REST_ANOMALY_BASE} + j, 1 + j % ${O}, (j % ${O}) * ${S} + 1 + (j / ${O}) % ${S},
        'Open anomaly ' || j, 1 + j % 3, 1, $1::timestamptz - interval '3 days'
      from generate_series(0, ${config.curativeAnomalies - 1}) j`,
      [options.now],
    );
    await tx.unsafe(
      `insert into anomalies (id, organization_id, site_id, description, severity, status, detected_at)
      overriding system value
      select ${PGBENCH_ANOMALY_BASE} + j, 1, 1 + j % ${S}, 'Open anomaly for pgbench ' || j, 2, 1, $1::timestamptz - interval '3 days'
      from generate_series(0, ${config.pgbenchClients * (config.pgbenchTransactionsPerClient + 1) - 1}) j`,
      [options.now],
    );
    for (const table of IDENTITY_TABLES) {
      await tx.unsafe(
        `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
      );
    }
  });
  await sql.unsafe("vacuum analyze");
}

/**
 * One organization's interventions, typed by id modulo 20 (10 preventive, 6 curative, 4 drills),
 * scheduled evenly over the four past years and the next one: past ones mostly decided, future ones to
 * schedule or scheduled. Each has its site, its rules or its anomaly, and its creation event.
 */
async function insertInterventions(
  tx: TransactionSql,
  config: BenchConfig,
  org: number,
  first: number,
  last: number,
  now: Date,
): Promise<void> {
  const S = config.sitesPerOrganization;
  const count = last - first + 1;
  const manager = managerProfile(org);
  const siteOf = (column: string) => `(${(org - 1) * S} + 1 + ${column} % ${S})`;
  const _site = siteOf("i");
  await tx.unsafe(
    `insert into interventions (id, organization_id, type, status, creation_status, description, code_pin,
      scheduled_start, scheduled_end, actual_start, actual_end, company_id, assigned_company_contact_id,
      assigned_profile_id, verified_by_profile_id, verified_at, decision_comment, rule_id, attendee_count,
      created_by_profile_id, created_at, updated_at) overriding system value
    select i, ${org}, type, status,
      case status when 1 then 0 when 2 then 1 when 3 then 1 when 7 then 1 else 2 end,
      'Bench intervention ' || i,
      case when status in (2, 3) then 100000 + i % 900000 end,
      start, start + interval '4 hours',
      case when status between 4 and 6 then start end,
      case when status between 4 and 6 then start + interval '3 hours' end,
      case when type <> 3 then company end,
      case when type <> 3 then (company - 1) * 2 + 1 + i % 2 end,
      case when i % 3 = 0 then ${manager} end,
      case when status in (5, 6) then ${manager} end,
      case when status in (5, 6) then start + interval '2 days' end,
      case status when 5 then 'Checked, all good' when 6 then 'Report incomplete, please redo' end,
      case when type = 3 then ${(org - 1) * 6 + 6} end,
      case when type = 3 then 10 + i % 30 end,
      ${manager}, start - interval '30 days', start - interval '30 days'
    from (
      select i, type, start, (${(org - 1) * 2} + 1 + i % 2) as company,
        case when start > $1::timestamptz then (case when dice < 45 then 1 else 2 end)
          else (case when dice < 3 then 3 when dice < 23 then 4 when dice < 85 then 5 when dice < 92 then 6 else 7 end)
        end as status
      from (
        select i,
          case when i % 20 < 10 then 1 when i % 20 < 16 then 2 else 3 end as type,
          $1::timestamptz - interval '4 years' + ((i - ${first})::float8 / ${count}) * interval '5 years'
            + ((i::bigint * 7919) % 86400) * interval '1 second' as start,
          (i::bigint * 2654435761) % 100 as dice
        from generate_series(${first}, ${last}) i
      ) drawn
    ) shaped`,
    [now],
  );
  // The links copy what the list and coverage need (see the schema).
  await tx.unsafe(`insert into intervention_sites (intervention_id, site_id, organization_id, type, rule_key, status,
      scheduled_start, done_at, live)
    select id, ${siteOf("id")}, ${org}, type, rule_key, status, scheduled_start, done_at, live
    from interventions where id between ${first} and ${last}`);
  // Preventives check two of their site's check rules; the links copy what coverage needs (see the schema).
  await tx.unsafe(`insert into intervention_site_rules (intervention_id, site_rule_id, status, scheduled_start, done_at, live)
    select id, (${siteOf("id")} - 1) * ${RULES.length} + 1 + (id + d) % 5, status, scheduled_start, done_at, live
    from interventions, (values (0), (1)) as pair(d) where id between ${first} and ${last} and type = 1`);
  // A curative's anomaly takes the curative's id; its state follows the curative's (held, closed, reopened).
  await tx.unsafe(`insert into anomalies (id, organization_id, site_id, description, severity, status, detected_at, closed_at)
    overriding system value
    select id, ${org}, ${siteOf("id")}, 'Anomaly repaired by ' || id, 1 + id % 3,
      case when status <= 4 then 2 when status = 5 then 3 else 1 end, scheduled_start - interval '10 days',
      case when status = 5 then verified_at end
    from interventions where id between ${first} and ${last} and type = 2`);
  await tx.unsafe(`insert into intervention_anomalies (intervention_id, anomaly_id)
    select id, id from interventions where id between ${first} and ${last} and type = 2`);
  await tx.unsafe(`insert into intervention_events (organization_id, intervention_id, actor_profile_id, action, occurred_at)
    select ${org}, id, ${manager}, 'created', created_at from interventions where id between ${first} and ${last}`);
}
