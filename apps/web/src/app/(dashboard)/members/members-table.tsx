"use client";

import type { RouterOutputs } from "@interventions/api/trpc";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormFeedback } from "../../../components/form-feedback";
import { useSession } from "../../../components/use-session";
import { formatDateTime } from "../../../lib/dates";
import { label, ROLE_LABELS } from "../../../lib/labels";
import { useTRPC } from "../../../lib/trpc";

type Member = RouterOutputs["members"]["list"]["members"][number];

/** Each member, how many devices they are signed in on, and the button that signs them out everywhere. */
export function MembersTable({ members }: { members: Member[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { timeZone } = useSession();
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.members.revokeSessions.mutationOptions({
      onSuccess: ({ revoked }, { userId }) => {
        const member = members.find((candidate) => candidate.userId === userId);
        const name = member ? `${member.firstName} ${member.lastName}` : "The member";
        setDone(`${name} is signed out everywhere (${revoked} session${revoked === 1 ? "" : "s"} ended).`);
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
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Signed in on</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
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
                <td>{label(ROLE_LABELS, member.role)}</td>
                <td>
                  {member.liveSessions === 0
                    ? "Not signed in"
                    : `${member.liveSessions} device${member.liveSessions > 1 ? "s" : ""}`}
                </td>
                <td>{formatDateTime(member.lastSignInAt, timeZone)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={member.liveSessions === 0 || mutation.isPending}
                    aria-label={`Sign ${name} out everywhere`}
                    onClick={() => {
                      setDone(null);
                      mutation.mutate({ userId: member.userId });
                    }}
                  >
                    Sign out everywhere
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
