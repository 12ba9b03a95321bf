/** One attempt at a job, as its handler sees it. */
export interface Job {
  id: string;
  data: unknown;
  /** 1 on the first attempt. */
  attempt: number;
  /** Aborted when the engine has given up waiting for this attempt (expiry, or a stop that would not wait). */
  signal: AbortSignal;
}

/** A job the engine stopped trying: its attempts spent, its last attempt expired, or failed for good. */
export interface GivenUpJob {
  id: string;
  data: unknown;
  /** What ended the last attempt, as the engine recorded it. */
  error: string;
}

/** The work of one queue. */
export interface JobHandler {
  /** Resolves when the job is done; a rejection is retried with backoff, unless it is a `PermanentJobError`. */
  run(job: Job): Promise<void>;
  /** Called once per job given up (at least once: a crash may repeat it), so that its record can say so. */
  givenUp?(job: GivenUpJob): Promise<void>;
}

/** A failure that trying again cannot mend (unreadable data, a refused address): the job is given up at once. */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}
