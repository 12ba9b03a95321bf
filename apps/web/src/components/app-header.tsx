"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOutAction, switchOrganizationAction } from "../app/actions/session";
import { label, ROLE_LABELS } from "../lib/labels";
import { NotificationBell } from "./notification-bell";
import { Operation, useSession } from "./use-session";

const LINKS = [
  { href: "/compliance", label: "Compliance", operation: Operation.readCompliance },
  { href: "/interventions", label: "Interventions" },
  { href: "/planning", label: "Planning" },
  { href: "/sites", label: "Sites" },
  { href: "/anomalies", label: "Anomalies" },
  { href: "/members", label: "Members", operation: Operation.manageMembers },
  { href: "/webhooks", label: "Webhooks", operation: Operation.manageWebhooks },
];

export function AppHeader() {
  const pathname = usePathname();
  const { me, can } = useSession();
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Interventions
      </Link>
      <nav aria-label="Main">
        <ul>
          {LINKS.filter((link) => !link.operation || can(link.operation)).map((link) => (
            <li key={link.href}>
              <Link href={link.href} aria-current={pathname.startsWith(link.href) ? "page" : undefined}>
                {link.label}
              </Link>
            </li>
          ))}
          <li>
            <a href="/docs">API reference</a>
          </li>
        </ul>
      </nav>
      <div className="account">
        <NotificationBell />
        <span>
          {me.user.firstName} {me.user.lastName}
          <span className="muted"> · {label(ROLE_LABELS, me.role)}</span>
        </span>
        {me.memberships.length > 1 ? (
          <form action={switchOrganizationAction} className="row">
            <label className="field">
              <span className="visually-hidden">Organization</span>
              <select name="organizationId" defaultValue={me.organization.id} aria-label="Organization">
                {me.memberships.map((membership) => (
                  <option key={membership.organizationId} value={membership.organizationId}>
                    {membership.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="secondary">
              Switch
            </button>
          </form>
        ) : (
          <span>{me.organization.name}</span>
        )}
        <form action={signOutAction}>
          <button type="submit" className="secondary">
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
