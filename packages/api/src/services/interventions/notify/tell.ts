import type { Transaction } from "@interventions/db";
import type { WriteContext } from "../../../context";
import type { MessageKind, MessagePayload } from "../../../mail/message-kinds";
import { type EmailRecipient, type QueuedEmail, queueEmails } from "../../../mail/queue-email";
import { findProfileOfContact, type ProfileFacts } from "../lookups/people";
import type { Audience } from "./audience";
import { type InAppNotice, insertNotifications } from "./in-app";

/** An event on an intervention, and who it concerns. */
export interface Telling {
  audience: Audience;
  event: { interventionId: number; kind: MessageKind; payload: MessagePayload; body?: string | null };
}

/**
 * Tells each audience about its event, in the caller's transaction: the contact and the member by e-mail
 * (once per address), members also in the app, including the technician who signs in as the contact (in the
 * app only: the contact's address already has the e-mail). Nobody is told about their own action. However
 * many events, the e-mails and the notifications are written in one statement each, sent together.
 */
export async function tell(tx: Transaction, ctx: WriteContext, tellings: readonly Telling[]): Promise<void> {
  const { actor } = ctx;
  const technicians = new Map<number, Promise<ProfileFacts | undefined>>();
  const technicianOf = (contactId: number) => {
    let found = technicians.get(contactId);
    if (!found) {
      found = findProfileOfContact(tx, actor.organizationId, contactId);
      technicians.set(contactId, found);
    }
    return found;
  };

  const emails: QueuedEmail[] = [];
  const notices: InAppNotice[] = [];
  for (const { audience, event } of tellings) {
    const contact = audience.contact?.id === actor.companyContactId ? undefined : audience.contact;
    const profile = audience.profile?.id === actor.profileId ? undefined : audience.profile;
    const technician = contact && (await technicianOf(contact.id));

    const byAddress = new Map<string, EmailRecipient>();
    // The member's own address and language first: they chose them; a contact's were typed by a planner.
    for (const recipient of [profile, contact]) {
      if (recipient && !byAddress.has(recipient.email.toLowerCase()))
        byAddress.set(recipient.email.toLowerCase(), recipient);
    }
    for (const recipient of byAddress.values()) {
      emails.push({
        interventionId: event.interventionId,
        kind: event.kind,
        recipient: { email: recipient.email, name: recipient.name, locale: recipient.locale },
        payload: event.payload,
      });
    }
    const members = new Map<number, ProfileFacts>();
    for (const member of [profile, technician]) {
      if (member && member.id !== actor.profileId) members.set(member.id, member);
    }
    for (const member of members.values()) {
      notices.push({
        profileId: member.id,
        locale: member.locale,
        interventionId: event.interventionId,
        kind: event.kind,
        body: event.body ?? null,
      });
    }
  }
  await Promise.all([queueEmails(tx, ctx, emails), insertNotifications(tx, ctx, notices)]);
}
