import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { safeNext } from "../../lib/safe-next";
import { getActor } from "../../lib/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next);
  if (await getActor()) redirect(next);
  return <SignIn next={next} />;
}

function SignIn({ next }: { next: string }) {
  const t = useTranslations("signIn");
  return (
    <main className="sign-in">
      <h1>{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      <SignInForm next={next} />
    </main>
  );
}
