import { listMembers } from "@interventions/api/services";
import { ErrorCode, Operation, roleAllows } from "@interventions/domain";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErrorBanner } from "../../../components/states";
import { requireActor, serviceContextFor } from "../../../lib/session";
import { MembersTable } from "./members-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

/** The organization's members and who is signed in, for its admins: a lost phone is signed out from here. */
export default async function MembersPage() {
  const [actor, t] = await Promise.all([requireActor("/members"), getTranslations("members")]);
  if (!roleAllows(actor.role, Operation.manageMembers)) {
    return (
      <>
        <h1>{t("title")}</h1>
        <ErrorBanner error={{ data: { errorCode: ErrorCode.forbidden } }} />
      </>
    );
  }
  const ctx = await serviceContextFor(actor);
  const { members } = await listMembers({ ctx });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <MembersTable members={members} />
    </>
  );
}
