import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../../components/states";
import { InterventionList } from "./intervention-list";

export const metadata: Metadata = { title: "Interventions" };

export default function InterventionsPage() {
  return (
    <>
      <h1>Interventions</h1>
      <Suspense fallback={<Loading what="interventions" />}>
        <InterventionList />
      </Suspense>
    </>
  );
}
