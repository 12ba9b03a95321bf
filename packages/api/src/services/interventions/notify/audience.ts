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
  return {
    contact: ids.contactId === null ? undefined : await findContact(tx, organizationId, ids.contactId),
    profile: ids.profileId === null ? undefined : await findProfile(tx, organizationId, ids.profileId),
  };
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
