import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNext } from "../../lib/safe-next";
import { getActor } from "../../lib/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in · Interventions" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next);
  if (await getActor()) redirect(next);
  return (
    <main className="sign-in">
      <h1>Interventions</h1>
      <p className="muted">Plan, follow and verify the safety checks of your sites.</p>
      <SignInForm next={next} />
    </main>
  );
}
