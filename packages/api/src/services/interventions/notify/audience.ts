import type { Transaction } from "@interventions/db";
import type { MessagePayload } from "../../../mail/message-kinds";
import { type ContactFacts, findContact, findProfile, type ProfileFacts } from "../lookups/people";

/** The people of an intervention one event concerns: its company contact, its member, or both. */
export interface Audience {
  contact?: ContactFacts | undefined;
  profile?: ProfileFacts | undefined;
}

/** Ids as an intervention row holds them; null means nobody. */
export async function audienceOf(
  tx: Transaction,
  organizationId: number,
  ids: { contactId: number | null; profileId: number | null },
): Promise<Audience> {
  // Both lookups sent together: one round trip.
  const [contact, profile] = await Promise.all([
    ids.contactId === null ? undefined : findContact(tx, organizationId, ids.contactId),
    ids.profileId === null ? undefined : findProfile(tx, organizationId, ids.profileId),
  ]);
  return { contact, profile };
}

/** What an intervention's messages describe of it, as of the change. */
export function interventionSummary(row: {
  type: number;
  description: string | null;
  scheduledStart: Date;
  scheduledEnd: Date;
}): MessagePayload["intervention"] {
  return {
    type: row.type,
    description: row.description,
    scheduledStart: row.scheduledStart.toISOString(),
    scheduledEnd: row.scheduledEnd.toISOString(),
  };
}
