import { z } from "zod";
import { id } from "../primitives";

/** The member whose sessions an admin ends: a user of the organization, by user id. */
export const revokeMemberSessionsInput = z.strictObject({ userId: id });
export type RevokeMemberSessionsInput = z.infer<typeof revokeMemberSessionsInput>;
