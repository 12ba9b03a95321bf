import { notifications, obligationReminders, ReminderKind, routines, type Transaction } from "@interventions/db";
import { ObligationStatus, Operation } from "@interventions/domain";
import { and, eq } from "drizzle-orm";
import { serviceAuthor, type WriteContext, type WriteDeps } from "../../context";
import { localeOf } from "../../mail/message-kinds";
import { type EmailRecipient, queueEmails } from "../../mail/queue-email";
import { ReminderMessageKind, type ReminderPayload, reminderTitle } from "../../mail/reminder-message";
import { findContact, findProfile, membersAllowed, type ProfileFacts } from "../interventions/lookups/people";
import { announceOverdue } from "../webhooks/announce";
import { type Obligation, readObligations, toObligationRow } from "./obligations";
import { organizationCalendar } from "./organization-calendar";

const MESSAGE_OF: Record<ReminderKind, ReminderMessageKind> = {
  dueSoon: ReminderMessageKind.obligationDueSoon,
  overdue: ReminderMessageKind.obligationOverdue,
};

const reminderKindOf = (obligation: Obligation): ReminderKind | null =>
  obligation.status === ObligationStatus.overdue
    ? ReminderKind.overdue
    : obligation.status === ObligationStatus.dueSoon
      ? ReminderKind.dueSoon
      : null;

/**
 * Tells who answers for an organization's obligations that became due soon or overdue: due soon, the
 * routine's assignee and those who plan checks (admins, managers); overdue, those who plan checks. Once per
 * occurrence and kind: the notices are written only by the run whose reminder row was inserted. An
 * obligation fallen overdue is also a `compliance.overdue` event for the organization's webhooks.
 * Returns how many reminders it gave.
 */
export async function remindObligations(deps: WriteDeps, organizationId: number, now: Date): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const calling = (await readObligations(tx, organizationId, {}, now)).flatMap((obligation) => {
      const kind = reminderKindOf(obligation);
      return kind && obligation.dueAt ? [{ obligation, kind, dueAt: obligation.dueAt }] : [];
    });
    if (calling.length === 0) return 0;
    const ctx: WriteContext = { ...deps, actor: serviceAuthor(organizationId), now };
    const { timeZone } = await organizationCalendar(tx, organizationId);
    const planners = await membersAllowed(tx, organizationId, Operation.planPreventive);
    const assigneesOf = await routineAssignees(tx, organizationId);

    let given = 0;
    const overdue: Obligation[] = [];
    for (const { obligation, kind, dueAt } of calling) {
      const [inserted] = await tx
        .insert(obligationReminders)
        .values({ organizationId, siteRuleId: obligation.siteRuleId, dueAt, kind, createdAt: now })
        .onConflictDoNothing()
        .returning({ siteRuleId: obligationReminders.siteRuleId });
      if (!inserted) continue;
      given += 1;
      if (kind === ReminderKind.overdue) overdue.push(obligation);
      const assignees = kind === ReminderKind.dueSoon ? await assigneesOf(obligation.siteRuleId) : noAssignees;
      await tellReminder(tx, ctx, {
        kind: MESSAGE_OF[kind],
        timeZone,
        interventionId: obligation.nextIntervention?.id ?? null,
        payload: {
          obligation: {
            siteId: obligation.siteId,
            siteName: obligation.siteName,
            ruleId: obligation.ruleId,
            ruleName: obligation.ruleName,
            dueAt: dueAt.toISOString(),
            nextScheduledStart: obligation.nextIntervention?.scheduledStart.toISOString() ?? null,
          },
        },
        members: [...planners, ...assignees.members],
        contacts: assignees.contacts,
      });
    }
    await announceOverdue(tx, ctx, overdue.map(toObligationRow));
    return given;
  });
}

interface Assignees {
  members: ProfileFacts[];
  contacts: EmailRecipient[];
}
const noAssignees: Assignees = { members: [], contacts: [] };

/** Who each active routine assigns its checks to, looked up on demand. */
async function routineAssignees(tx: Transaction, organizationId: number) {
  const rows = await tx
    .select({
      siteRuleId: routines.siteRuleId,
      contactId: routines.assignedCompanyContactId,
      profileId: routines.assignedProfileId,
    })
    .from(routines)
    .where(and(eq(routines.organizationId, organizationId), eq(routines.active, true)));
  const bySiteRule = new Map(rows.map((row) => [row.siteRuleId, row] as const));
  return async (siteRuleId: number): Promise<Assignees> => {
    const routine = bySiteRule.get(siteRuleId);
    if (!routine) return noAssignees;
    const contact = routine.contactId === null ? undefined : await findContact(tx, organizationId, routine.contactId);
    const profile = routine.profileId === null ? undefined : await findProfile(tx, organizationId, routine.profileId);
    return { members: profile ? [profile] : [], contacts: contact ? [contact] : [] };
  };
}

/** Members by e-mail and in the app, contacts by e-mail; each address and each member once. */
async function tellReminder(
  tx: Transaction,
  ctx: WriteContext,
  reminder: {
    kind: ReminderMessageKind;
    timeZone: string;
    interventionId: number | null;
    payload: ReminderPayload;
    members: ProfileFacts[];
    contacts: EmailRecipient[];
  },
): Promise<void> {
  const members = new Map(reminder.members.map((member) => [member.id, member] as const));
  const byAddress = new Map<string, EmailRecipient>();
  for (const recipient of [...members.values(), ...reminder.contacts]) {
    const address = recipient.email.toLowerCase();
    if (!byAddress.has(address)) byAddress.set(address, recipient);
  }
  await queueEmails(
    tx,
    ctx,
    [...byAddress.values()].map((recipient) => ({
      interventionId: reminder.interventionId,
      kind: reminder.kind,
      payload: reminder.payload,
      recipient: { email: recipient.email, name: recipient.name, locale: recipient.locale },
    })),
  );
  if (members.size === 0) return;
  await tx.insert(notifications).values(
    [...members.values()].map((member) => ({
      organizationId: ctx.actor.organizationId,
      recipientProfileId: member.id,
      interventionId: reminder.interventionId,
      kind: reminder.kind,
      title: reminderTitle(reminder.kind, localeOf(member.locale), reminder.payload, reminder.timeZone),
      body: null,
      createdAt: ctx.now,
    })),
  );
}
