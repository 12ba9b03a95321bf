import type { Database } from "@interventions/db";
import type { ProfileRole } from "@interventions/domain";
import type { ActorCache } from "./auth/actor-cache";
import type { JobQueue } from "./jobs/job-queue";
import type { SignatureStorage } from "./storage/signature-storage";
import type { DestinationPolicy } from "./webhooks/destination";

/**
 * Who a change is recorded as made by, in one organization: a member, or nobody for the work the service
 * does on its own (a routine planning the next check).
 */
export interface Author {
  organizationId: number;
  profileId: number | null;
  /** For a provider's technician: the company contact they are. */
  companyContactId: number | null;
  /** The partner integration the request came through, when it came through one. */
  apiClientId: number | null;
}

/** Who is acting: a user's profile in one organization, reached through an API client or the dashboard. */
export interface Actor extends Author {
  userId: number;
  profileId: number;
  role: ProfileRole;
}

/** The service itself, acting for an organization: scheduled work that no member asked for. */
export function serviceAuthor(organizationId: number): Author {
  return { organizationId, profileId: null, companyContactId: null, apiClientId: null };
}

/** What the process provides every verb: the database, signature storage, background jobs. */
export interface ServiceDeps {
  db: Database;
  storage: SignatureStorage;
  /** Background work (e-mail delivery…), enqueued in the verb's own transaction. */
  jobs: JobQueue;
  /** Where webhook subscriptions may point (private addresses or not). */
  webhookDestinations: DestinationPolicy;
  /** Partners authenticated in the last second; unset, every request reads its credentials. */
  actors?: ActorCache<Actor>;
}

/** What work that writes needs of the process: the database and the jobs (no signature storage). */
export type WriteDeps = Pick<ServiceDeps, "db" | "jobs">;

/** What a write helper needs: the database and jobs, who the change is by, and its one clock. */
export interface WriteContext extends WriteDeps {
  actor: Author;
  /** The change's clock: one instant for every timestamp it writes. */
  now: Date;
}

/** Everything a service verb may touch arrives here; nothing is imported as a global. */
export interface ServiceContext extends ServiceDeps, WriteContext {
  actor: Actor;
}
