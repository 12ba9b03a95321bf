// The demo's words, in each organization's language: the Lycée's records read in French, Acme's in English.

export type DemoLanguage = "fr" | "en";

export interface DemoTexts {
  /** Rule names by the catalogue's code. */
  rules: Record<"EXT" | "ALARM" | "EMLIGHT" | "ELEC" | "SMOKE" | "EVAC", string>;
  /** An intervention's description by its type (1 preventive, 2 curative, 3 exercise) and number. */
  intervention: (type: 1 | 2 | 3, index: number) => string;
  accepted: string;
  rejected: string;
  report: { done: string; replaced: string; general: string };
  anomalies: readonly string[];
  apiClient: string;
}

const EN: DemoTexts = {
  rules: {
    EXT: "Fire extinguishers",
    ALARM: "Fire alarm system",
    EMLIGHT: "Emergency lighting",
    ELEC: "Electrical installations",
    SMOKE: "Smoke extraction",
    EVAC: "Evacuation drill",
  },
  intervention: (type, index) =>
    `${{ 1: "Preventive check", 2: "Repair", 3: "Evacuation drill" }[type]} — demo intervention ${index}`,
  accepted: "Compliant, report received.",
  rejected: "Report incomplete: photos missing.",
  report: {
    done: "All equipment checked and tagged.",
    replaced: "Two units replaced.",
    general: "Access to the technical rooms was given by the caretaker.",
  },
  anomalies: [
    "CO2 extinguisher missing on the second floor landing",
    "Emergency light out of order in staircase B",
    "Smoke detector clogged in the refuse room",
    "Fire door does not close by itself (level 1)",
    "Residual current breaker trips under test, main switchboard",
    "Evacuation plan missing at the ground floor entrance",
    "Smoke vent hatch stuck closed",
    "Water extinguisher under-pressurised in the lobby",
    "Exit sign unreadable in the car park, level -1",
    "Exposed wiring in the boiler room",
  ],
  apiClient: "Demo partner integration",
};

const FR: DemoTexts = {
  rules: {
    EXT: "Extincteurs",
    ALARM: "Système d’alarme incendie",
    EMLIGHT: "Éclairage de sécurité",
    ELEC: "Installations électriques",
    SMOKE: "Désenfumage",
    EVAC: "Exercice d’évacuation",
  },
  intervention: (type, index) =>
    `${{ 1: "Contrôle périodique", 2: "Réparation", 3: "Exercice d’évacuation" }[type]} — intervention de démonstration ${index}`,
  accepted: "Conforme, rapport reçu.",
  rejected: "Rapport incomplet : photos manquantes.",
  report: {
    done: "Tous les équipements vérifiés et étiquetés.",
    replaced: "Deux appareils remplacés.",
    general: "Accès aux locaux techniques ouvert par le gardien.",
  },
  anomalies: [
    "Extincteur CO2 manquant sur le palier du deuxième étage",
    "Bloc de secours hors service dans l’escalier B",
    "Détecteur de fumée encrassé dans le local poubelles",
    "Porte coupe-feu qui ne se ferme pas seule (niveau 1)",
    "Disjoncteur différentiel qui déclenche à l’essai, tableau général",
    "Plan d’évacuation absent à l’entrée du rez-de-chaussée",
    "Trappe de désenfumage bloquée en position fermée",
    "Extincteur à eau sous-pressurisé dans le hall",
    "Panneau de sortie illisible au parking, niveau -1",
    "Câbles à nu dans la chaufferie",
  ],
  apiClient: "Intégration partenaire de démonstration",
};

export const DEMO_TEXTS: Record<DemoLanguage, DemoTexts> = { en: EN, fr: FR };
