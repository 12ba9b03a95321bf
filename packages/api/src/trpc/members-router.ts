import { listMembers } from "../services/members/list-members";
import { revokeMemberSessions } from "../services/members/revoke-member-sessions";
import { createTRPCRouter, mutationOf, queryOf } from "./init";

/** The organization's members, for its admins: who is signed in, and signing one out everywhere. */
export const membersRouter = createTRPCRouter({
  list: queryOf(listMembers),
  revokeSessions: mutationOf(revokeMemberSessions),
});
