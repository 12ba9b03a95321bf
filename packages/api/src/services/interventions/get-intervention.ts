import {
  anomalies,
  companies,
  companyContacts,
  interventionAnomalies,
  interventionEvents,
  interventionSiteRules,
  interventionSites,
  profiles,
  rules,
  siteRules,
  sites,
  users,
} from "@interventions/db";
import {
  AnomalyStatus,
  DomainError,
  ErrorCode,
  interventionIdInput,
  Operation,
  roleAllows,
} from "@interventions/domain";
import { and, asc, eq } from "drizzle-orm";
import { defineVerb } from "../verb";
import { nameReferences } from "./history/name-references";
import { readInterventionView, toProfileShaped, toUserShaped } from "./read/intervention-view";
import { interventionScope } from "./read/scope";

/** One intervention with what it is linked to and its history, for the detail page. */
export const getIntervention = defineVerb(
  { operation: Operation.read, input: interventionIdInput },
  async ({ ctx, input }) => {
    const { organizationId } = ctx.actor;
    const view = await readInterventionView(ctx.db, organizationId, input.interventionId, interventionScope(ctx.actor));
    if (!view) throw new DomainError(ErrorCode.notFound, `Intervention ${input.interventionId} not found`);
    const id = view.id;

    const [linkedSites, linkedSiteRules, linkedAnomalies, history, company, contact, rule] = await Promise.all([
      ctx.db
        .select({ id: sites.id, name: sites.name, city: sites.city })
        .from(interventionSites)
        .innerJoin(sites, eq(sites.id, interventionSites.siteId))
        .where(eq(interventionSites.interventionId, id))
        .orderBy(asc(sites.name)),
      ctx.db
        .select({
          id: siteRules.id,
          siteId: sites.id,
          siteName: sites.name,
          ruleId: rules.id,
          ruleCode: rules.code,
          ruleName: rules.name,
        })
        .from(interventionSiteRules)
        .innerJoin(siteRules, eq(siteRules.id, interventionSiteRules.siteRuleId))
        .innerJoin(sites, eq(sites.id, siteRules.siteId))
        .innerJoin(rules, eq(rules.id, siteRules.ruleId))
        .where(eq(interventionSiteRules.interventionId, id))
        .orderBy(asc(sites.name), asc(rules.code)),
      ctx.db
        .select({
          id: anomalies.id,
          description: anomalies.description,
          severity: anomalies.severity,
          status: anomalies.status,
          siteId: anomalies.siteId,
        })
        .from(interventionAnomalies)
        .innerJoin(anomalies, eq(anomalies.id, interventionAnomalies.anomalyId))
        .where(eq(interventionAnomalies.interventionId, id))
        .orderBy(asc(anomalies.id)),
      ctx.db
        .select({
          id: interventionEvents.id,
          action: interventionEvents.action,
          changes: interventionEvents.changes,
          occurredAt: interventionEvents.occurredAt,
          actorFirstName: users.firstName,
          actorLastName: users.lastName,
        })
        .from(interventionEvents)
        .leftJoin(profiles, eq(profiles.id, interventionEvents.actorProfileId))
        .leftJoin(users, eq(users.id, profiles.userId))
        .where(and(eq(interventionEvents.interventionId, id), eq(interventionEvents.organizationId, organizationId)))
        .orderBy(asc(interventionEvents.occurredAt), asc(interventionEvents.id)),
      view.companyId === null
        ? undefined
        : ctx.db
            .select({ id: companies.id, name: companies.name })
            .from(companies)
            .where(eq(companies.id, view.companyId))
            .then((r) => r[0]),
      view.assignedCompanyContactId === null
        ? undefined
        : ctx.db
            .select({
              id: companyContacts.id,
              firstName: companyContacts.firstName,
              lastName: companyContacts.lastName,
              email: companyContacts.email,
            })
            .from(companyContacts)
            .where(eq(companyContacts.id, view.assignedCompanyContactId))
            .then((r) => r[0]),
      view.ruleId === null
        ? undefined
        : ctx.db
            .select({ id: rules.id, code: rules.code, name: rules.name })
            .from(rules)
            .where(eq(rules.id, view.ruleId))
            .then((r) => r[0]),
    ]);

    const [historyNames, foundAnomalies] = await Promise.all([
      nameReferences(
        ctx.db,
        organizationId,
        history.map((event) => event.changes),
      ),
      // What this check found and is still open: the repair a rejection leads to.
      ctx.db
        .select({ id: anomalies.id, description: anomalies.description, severity: anomalies.severity })
        .from(anomalies)
        .where(
          and(
            eq(anomalies.organizationId, organizationId),
            eq(anomalies.foundInInterventionId, id),
            eq(anomalies.status, AnomalyStatus.open),
          ),
        )
        .orderBy(asc(anomalies.id)),
    ]);
    // A short-lived link for the page's <img>: the bucket itself stays private.
    const signatureUrl = view.imgSignature?.startsWith("organizations/")
      ? await ctx.storage.presignDownload(view.imgSignature)
      : null;
    return {
      signatureUrl,
      intervention: {
        ...toUserShaped(view),
        ...toProfileShaped(view),
        codePin: roleAllows(ctx.actor.role, Operation.readCodePin) ? view.codePin : null,
      },
      sites: linkedSites,
      siteRules: linkedSiteRules,
      anomalies: linkedAnomalies,
      foundAnomalies,
      rule: rule ?? null,
      company: company ?? null,
      assignedContact: contact ?? null,
      history: history.map((event) => ({
        id: event.id,
        action: event.action,
        changes: event.changes,
        occurredAt: event.occurredAt.toISOString(),
        actorName: event.actorFirstName ? `${event.actorFirstName} ${event.actorLastName}` : null,
      })),
      historyNames,
    };
  },
);
