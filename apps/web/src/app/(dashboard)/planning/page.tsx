import type { Metadata } from "next";
import { Suspense } from "react";
import { Loading } from "../../../components/states";
import { PlanningCalendar } from "./planning-calendar";

export const metadata: Metadata = { title: "Planning" };

export default function PlanningPage() {
  return (
    <>
      <h1>Planning</h1>
      <Suspense fallback={<Loading what="the planning" />}>
        <PlanningCalendar />
      </Suspense>
    </>
  );
}
