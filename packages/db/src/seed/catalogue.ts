import { ProfileRole, RuleKind } from "@interventions/domain";

// The demo: two organizations of different trades, so that isolation can be seen and tested.

export const DEMO_PASSWORD = "demo-password";

export interface OrganizationTemplate {
  slug: string;
  name: string;
  emailDomain: string;
  /** The dashboard's language for members whose browser asks for neither French nor English. */
  locale: "fr" | "en";
  /** A fixed demo API key, printed by the seed; demo data only. */
  apiKey: string;
  sites: { name: string; address: string; postalCode: string; city: string }[];
  companies: { name: string; email: string; contacts: { firstName: string; lastName: string }[] }[];
  users: { role: ProfileRole; firstName: string; lastName: string; locale: "fr" | "en" }[];
}

/** The rules every demo organization has; their names are in its language (demo-texts.ts). */
export const RULE_CATALOGUE = [
  { code: "EXT", kind: RuleKind.check, periodicityMonths: 12 },
  { code: "ALARM", kind: RuleKind.check, periodicityMonths: 3 },
  { code: "EMLIGHT", kind: RuleKind.check, periodicityMonths: 12 },
  { code: "ELEC", kind: RuleKind.check, periodicityMonths: 12 },
  { code: "SMOKE", kind: RuleKind.check, periodicityMonths: 12 },
  { code: "EVAC", kind: RuleKind.exercise, periodicityMonths: 6 },
] as const;

export const ORGANIZATIONS: readonly OrganizationTemplate[] = [
  {
    slug: "acme-properties",
    name: "Acme Properties",
    emailDomain: "acme.example",
    locale: "en",
    apiKey: "ivk_demo_acme_properties_0000000000000000000000000000",
    sites: [
      { name: "Résidence Les Tilleuls", address: "12 rue des Tilleuls", postalCode: "69003", city: "Lyon" },
      { name: "Immeuble Saxe", address: "88 avenue Maréchal de Saxe", postalCode: "69006", city: "Lyon" },
      { name: "Parking Part-Dieu", address: "3 boulevard Vivier-Merle", postalCode: "69003", city: "Lyon" },
      { name: "Bureaux Confluence", address: "41 quai Rambaud", postalCode: "69002", city: "Lyon" },
    ],
    companies: [
      {
        name: "Sécurité Incendie Rhône",
        email: "contact@sir.example",
        contacts: [
          { firstName: "Karim", lastName: "Benali" },
          { firstName: "Julie", lastName: "Moreau" },
        ],
      },
      {
        name: "ElecControl",
        email: "planning@eleccontrol.example",
        contacts: [
          { firstName: "Thomas", lastName: "Girard" },
          { firstName: "Nadia", lastName: "Lefèvre" },
        ],
      },
    ],
    users: [
      { role: ProfileRole.admin, firstName: "Claire", lastName: "Dubois", locale: "fr" },
      { role: ProfileRole.manager, firstName: "Marc", lastName: "Lambert", locale: "fr" },
      { role: ProfileRole.viewer, firstName: "Sophie", lastName: "Martin", locale: "en" },
      { role: ProfileRole.provider, firstName: "Karim", lastName: "Benali", locale: "fr" },
    ],
  },
  {
    slug: "lycee-victor-hugo",
    name: "Lycée Victor Hugo",
    emailDomain: "lycee-hugo.example",
    locale: "fr",
    apiKey: "ivk_demo_lycee_victor_hugo_000000000000000000000000000",
    sites: [
      { name: "Bâtiment A — Enseignement", address: "27 rue de Sévigné", postalCode: "75003", city: "Paris" },
      { name: "Bâtiment B — Internat", address: "29 rue de Sévigné", postalCode: "75003", city: "Paris" },
      { name: "Gymnase", address: "6 rue Payenne", postalCode: "75003", city: "Paris" },
    ],
    companies: [
      {
        name: "Protect Feu Paris",
        email: "agence@protectfeu.example",
        contacts: [
          { firstName: "Lucas", lastName: "Petit" },
          { firstName: "Emma", lastName: "Roux" },
        ],
      },
      {
        name: "Bureau Véritech",
        email: "idf@veritech.example",
        contacts: [{ firstName: "Hugo", lastName: "Fontaine" }],
      },
    ],
    users: [
      { role: ProfileRole.admin, firstName: "Isabelle", lastName: "Garnier", locale: "fr" },
      { role: ProfileRole.manager, firstName: "Paul", lastName: "Chevalier", locale: "fr" },
      { role: ProfileRole.viewer, firstName: "Amélie", lastName: "Blanc", locale: "fr" },
      { role: ProfileRole.provider, firstName: "Lucas", lastName: "Petit", locale: "en" },
    ],
  },
];

/** A consultant who manages safety for both organizations: shows switching between them. */
export const SHARED_USER = {
  email: "consultant@safety.example",
  firstName: "Nina",
  lastName: "Perrin",
  locale: "en" as const,
  role: ProfileRole.manager,
};

export function demoUserEmail(template: OrganizationTemplate, role: ProfileRole): string {
  const name = { 1: "admin", 2: "manager", 3: "viewer", 4: "technician" }[role];
  return `${name}@${template.emailDomain}`;
}
