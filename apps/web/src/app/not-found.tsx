import Link from "next/link";
import { useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <main className="page">
      <h1>{t("title")}</h1>
      <p>{t("explanation")}</p>
      <p>
        <Link href="/interventions">{t("back")}</Link>
      </p>
    </main>
  );
}
