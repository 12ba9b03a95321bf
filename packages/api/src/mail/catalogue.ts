import { InterventionType } from "@interventions/domain";
import type { Locale, MessageKind } from "./message-kinds";

/** The words of every message, per language. */
export interface Wording {
  subject: Record<MessageKind, (id: number) => string>;
  lead: Record<MessageKind, string>;
  greeting: (name: string | null) => string;
  type: Record<number, string>;
  labels: { intervention: string; description: string; schedule: string; reason: string; comment: string };
  changedFields: string;
  fields: Record<string, string>;
  schedule: (start: string, end: string) => string;
  link: string;
  /** Between a label and its value: French puts a space before the colon. */
  colon: string;
  /** How the intervention's number is written. */
  number: (id: number) => string;
  dateLocale: string;
}

const fr: Wording = {
  subject: {
    assigned: (id) => `Intervention n° ${id} : elle vous est confiée`,
    unassigned: (id) => `Intervention n° ${id} : elle ne vous est plus confiée`,
    updated: (id) => `Intervention n° ${id} : elle a été modifiée`,
    accepted: (id) => `Intervention n° ${id} : acceptée`,
    rejected: (id) => `Intervention n° ${id} : refusée`,
    awaitingVerification: (id) => `Intervention n° ${id} : terminée, à vérifier`,
  },
  lead: {
    assigned: "Une intervention vous a été confiée.",
    unassigned: "Une intervention qui vous était confiée a été attribuée à quelqu'un d'autre.",
    updated: "Une intervention qui vous est confiée a été modifiée.",
    accepted: "Le client a accepté l'intervention que vous avez réalisée.",
    rejected: "Le client a refusé l'intervention que vous avez réalisée.",
    awaitingVerification: "Une intervention est terminée et attend votre vérification.",
  },
  greeting: (name) => (name ? `Bonjour ${name},` : "Bonjour,"),
  type: {
    [InterventionType.preventive]: "Contrôle préventif",
    [InterventionType.curative]: "Réparation",
    [InterventionType.trainingExercise]: "Exercice",
  },
  labels: {
    intervention: "Intervention",
    description: "Description",
    schedule: "Date",
    reason: "Motif",
    comment: "Commentaire",
  },
  changedFields: "Modifications",
  fields: {
    description: "description",
    scheduledStart: "début",
    scheduledEnd: "fin",
    siteRuleIds: "points de contrôle",
    siteIds: "sites",
    ruleId: "règle",
    status: "statut",
    creationStatus: "statut",
    assignedCompanyContactId: "prestataire",
    companyId: "entreprise",
    assignedProfileId: "responsable",
    actualStart: "début réel",
    actualEnd: "fin réelle",
  },
  schedule: (start, end) => `du ${start} au ${end}`,
  link: "Voir l'intervention",
  colon: " : ",
  number: (id) => `n° ${id}`,
  dateLocale: "fr-FR",
};

const en: Wording = {
  subject: {
    assigned: (id) => `Intervention #${id} has been assigned to you`,
    unassigned: (id) => `Intervention #${id} is no longer assigned to you`,
    updated: (id) => `Intervention #${id} has been updated`,
    accepted: (id) => `Intervention #${id} has been accepted`,
    rejected: (id) => `Intervention #${id} has been rejected`,
    awaitingVerification: (id) => `Intervention #${id} is done and awaits your verification`,
  },
  lead: {
    assigned: "An intervention has been assigned to you.",
    unassigned: "An intervention that was assigned to you has been given to someone else.",
    updated: "An intervention assigned to you has been updated.",
    accepted: "The client has accepted the intervention you carried out.",
    rejected: "The client has rejected the intervention you carried out.",
    awaitingVerification: "An intervention is done and awaits your verification.",
  },
  greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
  type: {
    [InterventionType.preventive]: "Preventive check",
    [InterventionType.curative]: "Repair",
    [InterventionType.trainingExercise]: "Drill",
  },
  labels: {
    intervention: "Intervention",
    description: "Description",
    schedule: "When",
    reason: "Reason",
    comment: "Comment",
  },
  changedFields: "Changed",
  fields: {
    description: "description",
    scheduledStart: "start",
    scheduledEnd: "end",
    siteRuleIds: "checkpoints",
    siteIds: "sites",
    ruleId: "rule",
    status: "status",
    creationStatus: "status",
    assignedCompanyContactId: "provider",
    companyId: "company",
    assignedProfileId: "assignee",
    actualStart: "actual start",
    actualEnd: "actual end",
  },
  schedule: (start, end) => `from ${start} to ${end}`,
  link: "View the intervention",
  colon: ": ",
  number: (id) => `#${id}`,
  dateLocale: "en-GB",
};

export const WORDING: Record<Locale, Wording> = { fr, en };
