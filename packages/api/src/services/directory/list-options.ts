import { companies, companyContacts, profiles, rules, siteRules, sites, users } from "@interventions/db";
import { Operation } from "@interventions/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import { defineVerb, noInput } from "../verb";

/** What the dashboard's forms choose from: the organization's sites, rules, site rules and possible assignees. */
export const listOptions = defineVerb({ operation: Operation.read, input: noInput }, async ({ ctx }) => {
  const organizationId = ctx.actor.organizationId;
  const [siteRows, ruleRows, siteRuleRows, contactRows, profileRows] = await Promise.all([
    ctx.db
      .select({ id: sites.id, name: sites.name, city: sites.city })
      .from(sites)
      .where(and(eq(sites.organizationId, organizationId), isNull(sites.archivedAt)))
      .orderBy(asc(sites.name)),
    ctx.db
      .select({ id: rules.id, code: rules.code, name: rules.name, kind: rules.kind })
      .from(rules)
      .where(eq(rules.organizationId, organizationId))
      .orderBy(asc(rules.code)),
    ctx.db
      .select({ id: siteRules.id, siteId: siteRules.siteId, ruleId: siteRules.ruleId })
      .from(siteRules)
      .where(eq(siteRules.organizationId, organizationId))
      .orderBy(asc(siteRules.id)),
    ctx.db
      .select({
        id: companyContacts.id,
        firstName: companyContacts.firstName,
        lastName: companyContacts.lastName,
        companyId: companies.id,
        companyName: companies.name,
      })
      .from(companyContacts)
      .innerJoin(companies, eq(companies.id, companyContacts.companyId))
      .where(eq(companyContacts.organizationId, organizationId))
      .orderBy(asc(companies.name), asc(companyContacts.lastName)),
    ctx.db
      .select({
        id: profiles.id,
        userId: users.id,
        firstName: users.firstName,
        lastName: users.lastName,
        role: profiles.role,
      })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(and(eq(profiles.organizationId, organizationId), isNull(profiles.deletedAt)))
      .orderBy(asc(users.lastName), asc(users.firstName)),
  ]);
  return { sites: siteRows, rules: ruleRows, siteRules: siteRuleRows, contacts: contactRows, profiles: profileRows };
});
