import type { Metadata } from "next";
import { AnomaliesBoard } from "./anomalies-board";

export const metadata: Metadata = { title: "Anomalies" };

export default function AnomaliesPage() {
  return (
    <>
      <h1>Open anomalies</h1>
      <p className="muted">Select the anomalies one provider will repair, then plan the curative intervention.</p>
      <AnomaliesBoard />
    </>
  );
}
