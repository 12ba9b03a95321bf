"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { signOutAction, switchOrganizationAction } from "../app/actions/session";
import { useLabels } from "../lib/labels";
import { LanguageSwitch } from "./language-switch";
import { NotificationBell } from "./notification-bell";
import { Operation, useSession } from "./use-session";

export function AppHeader() {
  const pathname = usePathname();
  const t = useTranslations("header");
  const label = useLabels();
  const { me, can } = useSession();
  const links = [
    { href: "/compliance", label: t("compliance"), operation: Operation.readCompliance },
    { href: "/interventions", label: t("interventions") },
    { href: "/planning", label: t("planning") },
    { href: "/sites", label: t("sites") },
    { href: "/anomalies", label: t("anomalies") },
    { href: "/members", label: t("members"), operation: Operation.manageMembers },
    { href: "/webhooks", label: t("webhooks"), operation: Operation.manageWebhooks },
  ];
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        {t("brand")}
      </Link>
      <nav aria-label={t("main")}>
        <ul>
          {links
            .filter((link) => !link.operation || can(link.operation))
            .map((link) => (
              <li key={link.href}>
                <Link href={link.href} aria-current={pathname.startsWith(link.href) ? "page" : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
          <li>
            <a href="/docs">{t("apiReference")}</a>
          </li>
        </ul>
      </nav>
      <div className="account">
        <NotificationBell />
        <span>
          {me.user.firstName} {me.user.lastName}
          <span className="muted"> · {label("role", me.role)}</span>
        </span>
        {me.memberships.length > 1 ? (
          <form action={switchOrganizationAction} className="row">
            <label className="field">
              <span className="visually-hidden">{t("organization")}</span>
              <select name="organizationId" defaultValue={me.organization.id} aria-label={t("organization")}>
                {me.memberships.map((membership) => (
                  <option key={membership.organizationId} value={membership.organizationId}>
                    {membership.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="secondary">
              {t("switch")}
            </button>
          </form>
        ) : (
          <span>{me.organization.name}</span>
        )}
        <LanguageSwitch />
        <form action={signOutAction}>
          <button type="submit" className="secondary">
            {t("signOut")}
          </button>
        </form>
      </div>
    </header>
  );
}
