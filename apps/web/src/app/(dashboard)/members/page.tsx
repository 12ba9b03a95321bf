import { listMembers } from "@interventions/api/services";
import { ErrorCode, Operation, roleAllows } from "@interventions/domain";
import type { Metadata } from "next";
import { ErrorBanner } from "../../../components/states";
import { requireActor, serviceContextFor } from "../../../lib/session";
import { MembersTable } from "./members-table";

export const metadata: Metadata = { title: "Members" };

/** The organization's members and who is signed in, for its admins: a lost phone is signed out from here. */
export default async function MembersPage() {
  const actor = await requireActor("/members");
  if (!roleAllows(actor.role, Operation.manageMembers)) {
    return (
      <>
        <h1>Members</h1>
        <ErrorBanner error={{ data: { errorCode: ErrorCode.forbidden } }} />
      </>
    );
  }
  const ctx = await serviceContextFor(actor);
  const { members } = await listMembers({ ctx });
  return (
    <>
      <h1>Members</h1>
      <p className="muted">
        Signing a member out everywhere ends all their sessions at once, on every device: the dashboard, the mobile app
        and partner integrations using their session. They can sign in again with their password.
      </p>
      <MembersTable members={members} />
    </>
  );
}
