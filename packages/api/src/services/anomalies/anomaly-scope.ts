import { anomalies, interventionAnomalies, interventions } from "@interventions/db";
import { ProfileRole } from "@interventions/domain";
import { not, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../context";
import { linksOutsideScope } from "../interventions/read/scope";

/**
 * The anomalies an actor may see, beyond their organization's: a provider's technician does not see one
 * found by, or held by, an intervention outside their scope, since its text tells of that work.
 */
export function anomalyScope(actor: Actor): SQL | undefined {
  if (actor.role !== ProfileRole.provider) return undefined;
  const linked = or(
    sql`${interventions.id} = ${anomalies.foundInInterventionId}`,
    sql`${interventions.id} in (select ${interventionAnomalies.interventionId} from ${interventionAnomalies} where ${interventionAnomalies.anomalyId} = ${anomalies.id})`,
  ) as SQL;
  return not(linksOutsideScope(actor, linked));
}
