import { listOptions, listRoutines } from "@interventions/api/services";
import { ErrorCode, Operation, roleAllows } from "@interventions/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ErrorBanner } from "../../../../components/states";
import { requireActor, serviceContextFor } from "../../../../lib/session";
import { RoutineTable } from "./routine-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("routines");
  return { title: t("title") };
}

/** Read here, on the server, with the signed-in actor; admins and managers get the forms to change them. */
export default async function RoutinesPage() {
  const [actor, t] = await Promise.all([requireActor("/compliance/routines"), getTranslations("routines")]);
  const heading = (
    <>
      <p>
        <Link href="/compliance">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
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
      <p className="muted">{t("intro")}</p>
      <RoutineTable routines={routines} assignees={assignees} />
    </>
  );
}
