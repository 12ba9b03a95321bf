import { getIntervention } from "@interventions/api/services";
import { ErrorCode, isDomainError } from "@interventions/domain";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor, serviceContextFor } from "../../../../lib/session";
import { InterventionDetail } from "./intervention-detail";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ id }, t] = await Promise.all([params, getTranslations("detail")]);
  return { title: t("title", { id }) };
}

/** Read once, here: another organization's intervention is a 404, exactly like one that does not exist. */
export default async function InterventionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/interventions/${id}`);
  const interventionId = /^\d{1,15}$/.test(id) ? Number(id) : null;
  if (interventionId === null) notFound();
  const ctx = await serviceContextFor(actor);
  const initial = await getIntervention({ ctx, input: { interventionId } }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === ErrorCode.notFound) return null;
    throw error;
  });
  if (!initial) notFound();
  return <InterventionDetail interventionId={interventionId} initial={initial} />;
}
