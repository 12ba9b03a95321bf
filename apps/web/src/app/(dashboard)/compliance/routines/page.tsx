import { listOptions, listRoutines } from "@interventions/api/services";
import { ErrorCode, Operation, roleAllows } from "@interventions/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { ErrorBanner } from "../../../../components/states";
import { requireActor, serviceContextFor } from "../../../../lib/session";
import { RoutineTable } from "./routine-table";

export const metadata: Metadata = { title: "Routines" };

/** Read here, on the server, with the signed-in actor; admins and managers get the forms to change them. */
export default async function RoutinesPage() {
  const actor = await requireActor("/compliance/routines");
  const heading = (
    <>
      <p>
        <Link href="/compliance">← Compliance</Link>
      </p>
      <h1>Routines</h1>
    </>
  );
  if (!roleAllows(actor.role, Operation.readRoutines)) {
    return (
      <>
        {heading}
        <ErrorBanner error={{ data: { errorCode: ErrorCode.forbidden } }} />
      </>
    );
  }
  const ctx = await serviceContextFor(actor);
  const editable = roleAllows(actor.role, Operation.updateRoutine);
  const [{ routines }, options] = await Promise.all([
    listRoutines({ ctx }),
    editable ? listOptions({ ctx }) : undefined,
  ]);
  const assignees = options && {
    contacts: options.contacts.map((contact) => ({
      id: contact.id,
      name: `${contact.firstName} ${contact.lastName}`,
      companyName: contact.companyName,
    })),
    members: options.profiles.map((profile) => ({
      id: profile.id,
      name: `${profile.firstName} ${profile.lastName}`,
      role: profile.role,
    })),
  };
  return (
    <>
      {heading}
      <p className="muted">
        Each periodic check of a site has its routine: it plans the next check the set number of days before it falls
        due, and assigns it. A change applies to the checks it plans from now on.
      </p>
      <RoutineTable routines={routines} assignees={assignees} />
    </>
  );
}
