import Link from "next/link";

export default function NotFound() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>There is nothing here, or it belongs to another organization.</p>
      <p>
        <Link href="/interventions">Back to the interventions</Link>
      </p>
    </main>
  );
}
