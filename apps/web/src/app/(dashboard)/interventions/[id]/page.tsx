import { interventionExists } from "@interventions/api";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "../../../../lib/session";
import { getDatabase } from "../../../../server/database";
import { InterventionDetail } from "./intervention-detail";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Intervention #${(await params).id}` };
}

/** Another organization's intervention is a 404, exactly like one that does not exist. */
export default async function InterventionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/interventions/${id}`);
  const interventionId = /^\d{1,15}$/.test(id) ? Number(id) : null;
  if (interventionId === null) notFound();
  const { db } = await getDatabase();
  if (!(await interventionExists(db, actor, interventionId))) notFound();
  return <InterventionDetail interventionId={interventionId} />;
}
