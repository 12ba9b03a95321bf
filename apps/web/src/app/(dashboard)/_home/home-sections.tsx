import type { homeOverview } from "@interventions/api/services";
import { InterventionStatus, Operation, type ProfileRole, roleAllows } from "@interventions/domain";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { addDays, formatDateTime, zonedDay } from "../../../lib/dates";
import { useLabels } from "../../../lib/labels";
import { statusWord, toSearch } from "../interventions/list-filters";

type Home = Awaited<ReturnType<typeof homeOverview>>;
type Section = NonNullable<Home["unassigned"]>;

interface Props {
  home: Home;
  role: ProfileRole;
  locale: string;
}

/** The home page's sections: overdue obligations and the member's verifications first, then the week. */
export function HomeSections({ home, role, locale }: Props) {
  const t = useTranslations("home");
  const { timeZone, periods } = home;
  const date = (instant: string | Date | null) => formatDateTime(instant, timeZone, locale);
  const day = (instant: Date) => zonedDay(instant, timeZone);
  const today = day(periods.today);
  const can = (operation: Operation) => roleAllows(role, operation);
  return (
    <div className="home stack">
      {home.obligations ? (
        <HomeCard
          title={t("obligations.title")}
          summary={t("obligations.summary", { overdue: home.obligations.overdue, dueSoon: home.obligations.dueSoon })}
          empty={t("obligations.empty")}
          links={[
            { href: "/compliance?status=overdue", label: t("obligations.allOverdue") },
            { href: "/compliance?status=dueSoon", label: t("obligations.allDueSoon") },
          ]}
        >
          {home.obligations.items.map((item) => (
            <li key={item.siteRuleId}>
              <ObligationLine item={item} date={date} canPlan={can(Operation.planPreventive)} />
            </li>
          ))}
        </HomeCard>
      ) : null}
      {home.verifications ? (
        <HomeCard
          title={t("verifications.title")}
          summary={t("verifications.summary", { count: home.verifications.count })}
          empty={t("verifications.empty")}
          links={[
            {
              href: `/interventions${toSearch({ status: statusWord(InterventionStatus.awaitingVerification) })}`,
              label: t("verifications.all"),
            },
          ]}
        >
          <InterventionLines section={home.verifications} date={date} action={t("verifications.verify")} />
        </HomeCard>
      ) : null}
      {home.mine ? (
        <HomeCard
          title={t("mine.title")}
          summary={t("mine.summary", { count: home.mine.count })}
          empty={t("mine.empty")}
          links={[{ href: `/interventions${toSearch({ from: today, to: addDays(today, 1) })}`, label: t("mine.all") }]}
        >
          <InterventionLines section={home.mine} date={date} />
        </HomeCard>
      ) : null}
      {home.unassigned ? (
        <HomeCard
          title={t("unassigned.title")}
          summary={t("unassigned.summary", { count: home.unassigned.count })}
          empty={t("unassigned.empty")}
          links={[
            {
              href: `/interventions${toSearch({ assignee: "none", from: today, to: addDays(day(periods.unassignedUntil), -1) })}`,
              label: t("unassigned.all"),
            },
          ]}
        >
          <InterventionLines
            section={home.unassigned}
            date={date}
            action={can(Operation.updatePreventive) ? t("unassigned.assign") : undefined}
          />
        </HomeCard>
      ) : null}
      <HomeCard
        title={t("week.title")}
        summary={t("week.summary", { count: home.week.count })}
        empty={t("week.empty")}
        links={[{ href: `/planning?view=week&date=${today}`, label: t("week.all") }]}
      >
        <InterventionLines section={home.week} date={date} />
      </HomeCard>
    </div>
  );
}

function HomeCard(props: {
  title: string;
  summary: string;
  empty: string;
  links: { href: string; label: string }[];
  children: ReactNode;
}) {
  const items = Array.isArray(props.children) ? props.children : [props.children];
  const hasRows = items.flat().some((child) => child !== null && child !== false);
  return (
    <section className="card" aria-label={props.title}>
      <h2>{props.title}</h2>
      <p className="home-summary">{props.summary}</p>
      {hasRows ? <ul className="home-rows">{props.children}</ul> : <p className="muted">{props.empty}</p>}
      <p className="row">
        {props.links.map((link) => (
          <Link key={link.href} href={link.href}>
            {link.label}
          </Link>
        ))}
      </p>
    </section>
  );
}

function ObligationLine(props: {
  item: NonNullable<Home["obligations"]>["items"][number];
  date: (instant: string | null) => string;
  canPlan: boolean;
}) {
  const t = useTranslations("home");
  const label = useLabels();
  const { item } = props;
  return (
    <>
      <span className={`badge obligation-${item.status}`}>{label("obligation", item.status)}</span>{" "}
      <Link href={`/sites/${item.siteId}`}>{t("obligations.line", { rule: item.ruleName, site: item.siteName })}</Link>{" "}
      <span className="muted">{t("obligations.due", { date: props.date(item.dueAt) })}</span>{" "}
      {item.nextInterventionId !== null ? (
        <Link href={`/interventions/${item.nextInterventionId}`}>{t("obligations.next")}</Link>
      ) : props.canPlan ? (
        <Link className="button" href={`/compliance/plan?siteRuleId=${item.siteRuleId}`}>
          {t("obligations.plan")}
        </Link>
      ) : (
        <span className="muted">{t("obligations.nothingPlanned")}</span>
      )}
    </>
  );
}

function InterventionLines(props: { section: Section; date: (instant: Date) => string; action?: string | undefined }) {
  const t = useTranslations("home");
  const label = useLabels();
  if (props.section.items.length === 0) return null;
  return props.section.items.map((item) => (
    <li key={item.id}>
      <Link href={`/interventions/${item.id}`}>{t("line", { type: label("type", item.type), id: item.id })}</Link>{" "}
      <span className={`badge status-${item.status}`}>{label("status", item.status)}</span>{" "}
      <span className="muted">
        {item.siteName ? `${item.siteName} · ` : ""}
        {props.date(item.scheduledStart)}
      </span>
      {props.action ? (
        <>
          {" "}
          <Link className="button" href={`/interventions/${item.id}`}>
            {props.action}
          </Link>
        </>
      ) : null}
    </li>
  ));
}
