import { ProfileRole, RuleKind } from "@interventions/domain";
import type { Transaction } from "../client";
import { apiKeyPrefix, hashApiKey } from "../credentials/api-key";
import {
  apiClients,
  companies,
  companyContacts,
  organizations,
  profiles,
  routines,
  rules,
  siteRules,
  sites,
  users,
} from "../schema";
import { demoUserEmail, type OrganizationTemplate, RULE_CATALOGUE, SHARED_USER } from "./catalogue";
import { DEMO_TEXTS, type DemoTexts } from "./demo-texts";

const DAY = 24 * 60 * 60 * 1000;

export interface SeedContext {
  tx: Transaction;
  /** Today at 08:00 UTC: every demo date is placed relative to it. */
  base: Date;
  random: () => number;
  passwordHash: string;
  sharedUserId: number;
}

export interface SeededOrganization {
  id: number;
  siteIds: number[];
  ruleIdByCode: Map<string, number>;
  /** Check-kind site rules, per site, in site order. */
  checkSiteRulesBySite: Map<number, number[]>;
  contactIds: number[];
  companyIdByContact: Map<number, number>;
  profileIdByRole: Map<number, number>;
  /** Its records' words, in its language. */
  texts: DemoTexts;
}

export async function seedOrganization(ctx: SeedContext, template: OrganizationTemplate): Promise<SeededOrganization> {
  const { tx } = ctx;
  const [organization] = await tx
    .insert(organizations)
    .values({ name: template.name, slug: template.slug, locale: template.locale })
    .returning({ id: organizations.id });
  if (!organization) throw new Error("organization insert returned nothing");
  const organizationId = organization.id;
  const texts = DEMO_TEXTS[template.locale];

  const siteRows = await tx
    .insert(sites)
    .values(template.sites.map((site) => ({ ...site, organizationId })))
    .returning({ id: sites.id });
  const siteIds = siteRows.map((row) => row.id);

  const ruleRows = await tx
    .insert(rules)
    .values(RULE_CATALOGUE.map((rule) => ({ ...rule, name: texts.rules[rule.code], organizationId })))
    .returning({ id: rules.id, code: rules.code, kind: rules.kind });
  const ruleIdByCode = new Map(ruleRows.map((row) => [row.code, row.id]));

  // Every site has every rule but a few, so that "this rule does not apply to this site" occurs.
  const pairs = siteIds.flatMap((siteId, siteIndex) =>
    ruleRows
      .filter((_, ruleIndex) => (siteIndex + ruleIndex) % 5 !== 4)
      .map((rule) => ({ organizationId, siteId, ruleId: rule.id, kind: rule.kind })),
  );
  const siteRuleRows = await tx
    .insert(siteRules)
    .values(pairs.map(({ kind: _kind, ...pair }) => pair))
    .returning({ id: siteRules.id, siteId: siteRules.siteId, ruleId: siteRules.ruleId });
  const checkRuleIds = new Set(ruleRows.filter((r) => r.kind === RuleKind.check).map((r) => r.id));
  const checkSiteRulesBySite = new Map<number, number[]>(siteIds.map((id) => [id, []]));
  for (const row of siteRuleRows) {
    if (checkRuleIds.has(row.ruleId)) checkSiteRulesBySite.get(row.siteId)?.push(row.id);
  }

  const contactIds: number[] = [];
  const companyIdByContact = new Map<number, number>();
  for (const company of template.companies) {
    const [companyRow] = await tx
      .insert(companies)
      .values({ organizationId, name: company.name, email: company.email })
      .returning({ id: companies.id });
    if (!companyRow) throw new Error("company insert returned nothing");
    const contactRows = await tx
      .insert(companyContacts)
      .values(
        company.contacts.map((contact) => ({
          ...contact,
          organizationId,
          companyId: companyRow.id,
          email: `${contact.firstName}.${contact.lastName}@${company.email.split("@")[1]}`
            .normalize("NFD")
            .replace(/[\u0300-\u036f]/g, "")
            .toLowerCase(),
        })),
      )
      .returning({ id: companyContacts.id });
    for (const row of contactRows) {
      contactIds.push(row.id);
      companyIdByContact.set(row.id, companyRow.id);
    }
  }

  const profileIdByRole = new Map<number, number>();
  for (const person of template.users) {
    const email = demoUserEmail(template, person.role);
    const [user] = await tx
      .insert(users)
      .values({
        email,
        passwordHash: ctx.passwordHash,
        firstName: person.firstName,
        lastName: person.lastName,
        locale: person.locale,
      })
      .returning({ id: users.id });
    if (!user) throw new Error("user insert returned nothing");
    const [profile] = await tx
      .insert(profiles)
      .values({
        userId: user.id,
        organizationId,
        role: person.role,
        // The technician is the first contact of the first provider company.
        companyContactId: person.role === ProfileRole.provider ? contactIds[0] : null,
      })
      .returning({ id: profiles.id });
    if (!profile) throw new Error("profile insert returned nothing");
    profileIdByRole.set(person.role, profile.id);
  }
  await tx.insert(profiles).values({ userId: ctx.sharedUserId, organizationId, role: SHARED_USER.role });

  // Every check site rule has its routine, assigned in turn to each provider's first contact.
  const firstContactOf = new Map<number, number>();
  for (const [contact, company] of companyIdByContact)
    if (!firstContactOf.has(company)) firstContactOf.set(company, contact);
  const firstContacts = [...firstContactOf.values()];
  await tx.insert(routines).values(
    siteRuleRows
      .filter((row) => checkRuleIds.has(row.ruleId))
      .map((row, index) => {
        const contactId = firstContacts[index % firstContacts.length] ?? null;
        const firstDueAt = new Date(ctx.base.getTime() + (7 + index * 5) * DAY);
        return {
          organizationId,
          siteRuleId: row.id,
          assignedCompanyContactId: contactId,
          leadDays: 30,
          firstDueAt,
        };
      }),
  );

  await tx.insert(apiClients).values({
    organizationId,
    name: texts.apiClient,
    keyPrefix: apiKeyPrefix(template.apiKey),
    keyHash: hashApiKey(template.apiKey),
  });

  return {
    id: organizationId,
    siteIds,
    ruleIdByCode,
    checkSiteRulesBySite,
    contactIds,
    companyIdByContact,
    profileIdByRole,
    texts,
  };
}
