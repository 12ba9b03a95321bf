"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormFeedback } from "../../../components/form-feedback";
import { useFormats } from "../../../components/use-formats";
import { useLabels } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";

type Member = RouterOutputs["members"]["list"]["members"][number];

/** Each member, how many devices they are signed in on, and the button that signs them out everywhere. */
export function MembersTable({ members }: { members: Member[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations("members");
  const label = useLabels();
  const { dateTime } = useFormats();
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.members.revokeSessions.mutationOptions({
      onSuccess: ({ revoked }, { userId }) => {
        const member = members.find((candidate) => candidate.userId === userId);
        const name = member ? `${member.firstName} ${member.lastName}` : t("theMember");
        setDone(t("signedOut", { name, count: revoked }));
        router.refresh();
      },
    }),
  );
  return (
    <>
      <FormFeedback error={mutation.error} success={done} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("signedInOn")}</th>
            <th scope="col">{t("lastSignIn")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const name = `${member.firstName} ${member.lastName}`;
            return (
              <tr key={member.userId}>
                <th scope="row">{name}</th>
                <td>{member.email}</td>
                <td>{label("role", member.role)}</td>
                <td>{member.liveSessions === 0 ? t("notSignedIn") : t("devices", { count: member.liveSessions })}</td>
                <td>{dateTime(member.lastSignInAt)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={member.liveSessions === 0 || mutation.isPending}
                    aria-label={t("signOutLabel", { name })}
                    onClick={() => {
                      setDone(null);
                      mutation.mutate({ userId: member.userId });
                    }}
                  >
                    {t("signOutEverywhere")}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
