import { z } from "zod";
import type { EnumValue } from "../enum";

/**
 * A profile is a user's membership of one organization, with one role:
 * - admin: everything in the organization, including its users and API clients;
 * - manager: plans, assigns and verifies interventions;
 * - viewer: reads only;
 * - provider: a provider company's technician, records work on site from the mobile app.
 */
export const ProfileRole = {
  admin: 1,
  manager: 2,
  viewer: 3,
  provider: 4,
} as const;
export type ProfileRole = EnumValue<typeof ProfileRole>;
export const profileRoleSchema = z.enum(ProfileRole);
