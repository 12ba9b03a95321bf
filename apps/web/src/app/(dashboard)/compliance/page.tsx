import type { Metadata } from "next";
import Link from "next/link";
import { ComplianceGrid } from "./compliance-grid";

export const metadata: Metadata = { title: "Compliance" };

export default function CompliancePage() {
  return (
    <>
      <h1>Compliance</h1>
      <p>
        <Link href="/compliance/routines">Routines</Link>
        <span className="muted"> — who each periodic check goes to, and how early it is planned</span>
      </p>
      <ComplianceGrid />
    </>
  );
}
