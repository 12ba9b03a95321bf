import type { Database } from "@interventions/db";
import type { ProfileRole } from "@interventions/domain";
import type { JobQueue } from "./jobs/job-queue";
import type { SignatureStorage } from "./storage/signature-storage";

/** Who is acting: a user's profile in one organization, reached through an API client or the dashboard. */
export interface Actor {
  userId: number;
  profileId: number;
  organizationId: number;
  role: ProfileRole;
  /** For a provider's technician: the company contact they are. */
  companyContactId: number | null;
  /** The partner integration the request came through, when it came through one. */
  apiClientId: number | null;
}

/** What the process provides every verb: the database, signature storage, background jobs. */
export interface ServiceDeps {
  db: Database;
  storage: SignatureStorage;
  /** Background work (e-mail delivery…), enqueued in the verb's own transaction. */
  jobs: JobQueue;
}

/** Everything a service verb may touch arrives here; nothing is imported as a global. */
export interface ServiceContext extends ServiceDeps {
  actor: Actor;
  /** The request's clock: one instant for every timestamp a verb writes. */
  now: Date;
}
