import type { Metadata } from "next";
import { ComplianceGrid } from "./compliance-grid";

export const metadata: Metadata = { title: "Compliance" };

export default function CompliancePage() {
  return (
    <>
      <h1>Compliance</h1>
      <ComplianceGrid />
    </>
  );
}
