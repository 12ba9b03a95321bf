import { type Executor, organizations } from "@interventions/db";
import { eq } from "drizzle-orm";

export interface OrganizationCalendar {
  timeZone: string;
  /** How long before a due date an obligation is "due soon". */
  warningDays: number;
}

/** Where an organization's dates are reckoned, and how early it wants to be warned. */
export async function organizationCalendar(db: Executor, organizationId: number): Promise<OrganizationCalendar> {
  const [row] = await db
    .select({ timeZone: organizations.timeZone, warningDays: organizations.complianceWarningDays })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!row) throw new Error(`organization ${organizationId} vanished`);
  return row;
}
