import { type Database, interventionSiteRules, interventionSites } from "@interventions/db";
import { CreationStatus, InterventionStatus, InterventionType, VerificationDecision } from "@interventions/domain";
import { eq } from "drizzle-orm";
import { checkSiteRule, type SeedFixture } from "./demo-records";
import { freshIntervention, openAnomaly } from "./factories";

/** One write, as REST and as tRPC take it, with a body that the manager of Acme may send and that succeeds. */
export interface ValidWrite {
  operationId: string;
  /** The tRPC mutation of the same verb. */
  procedure: string;
  method: "POST" | "PATCH";
  path: string;
  body: Record<string, unknown>;
  /** The verb's input: the body with the path's intervention id. */
  input: Record<string, unknown>;
}

const TEXT = "Checked with the building manager.";

async function siteIdsOf(db: Database, interventionId: number): Promise<number[]> {
  const rows = await db.select().from(interventionSites).where(eq(interventionSites.interventionId, interventionId));
  return rows.map((row) => row.siteId);
}

async function siteRuleIdsOf(db: Database, interventionId: number): Promise<number[]> {
  const rows = await db
    .select()
    .from(interventionSiteRules)
    .where(eq(interventionSiteRules.interventionId, interventionId));
  return rows.map((row) => row.siteRuleId);
}

function write(
  operationId: string,
  method: ValidWrite["method"],
  path: string,
  body: Record<string, unknown>,
  interventionId?: number,
): ValidWrite {
  const input = interventionId === undefined ? body : { ...body, interventionId };
  return { operationId, procedure: `interventions.${operationId}`, method, path, body, input };
}

/**
 * The five documented writes with every optional text filled in, on fresh targets (each call makes new
 * ones): what hostile-input and fuzz tests start from and spoil.
 */
export async function validWrites(db: Database, seed: SeedFixture): Promise<ValidWrite[]> {
  const { acme } = seed;
  const siteRule = checkSiteRule(acme);
  const anomalyId = await openAnomaly(db, acme);
  const preventive = await freshIntervention(db, acme, {
    type: InterventionType.preventive,
    status: InterventionStatus.scheduled,
  });
  const exercise = await freshIntervention(db, acme, {
    type: InterventionType.trainingExercise,
    status: InterventionStatus.scheduled,
  });
  const done = await freshIntervention(db, acme, {
    type: InterventionType.preventive,
    status: InterventionStatus.awaitingVerification,
  });
  return [
    write("createUnplannedPreventive", "POST", "/interventions/v2/mb/preventive/unplanned", {
      companyId: acme.technicianCompanyId,
      siteIds: [siteRule.siteId],
      ruleIds: [siteRule.ruleId],
      signature: { name: "signature.jpg", mimeType: "image/jpeg", size: 1024 },
      provider: {
        firstName: "Karim",
        lastName: "Benali",
        email: "karim@sir.example",
        actionComment: TEXT,
        comment: TEXT,
      },
      actualStart: "2026-11-23T08:00:00.000Z",
    }),
    write("createCurative", "POST", "/interventions/v2/rs/curative", {
      scheduledStart: "2026-12-01T08:00:00.000Z",
      scheduledEnd: "2026-12-01T12:00:00.000Z",
      anomalyIds: [anomalyId],
      creationStatus: CreationStatus.toScheduled,
      description: TEXT,
    }),
    write(
      "updatePreventive",
      "PATCH",
      `/interventions/v2/rs/preventive/${preventive}`,
      {
        description: TEXT,
        siteRuleIds: await siteRuleIdsOf(db, preventive),
        previousAssigneeNotification: { sendEmail: false, reason: TEXT },
      },
      preventive,
    ),
    write(
      "updateTrainingExercise",
      "PATCH",
      `/interventions/v2/rs/training-exercise/${exercise}`,
      { description: TEXT, siteIds: await siteIdsOf(db, exercise) },
      exercise,
    ),
    {
      ...write(
        "verifyIntervention",
        "PATCH",
        `/interventions/v2/rs/${done}/verify`,
        { decisionComment: TEXT, decision: VerificationDecision.accept },
        done,
      ),
      procedure: "interventions.verify",
    },
  ];
}
