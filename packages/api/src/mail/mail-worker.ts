import type { Database } from "@interventions/db";
import { type BackoffPolicy, DEFAULT_BACKOFF, retryDelayMs } from "./backoff";
import type { MailTransport } from "./mail-transport";
import { localeOf, messageKindSchema, messagePayloadSchema } from "./message-kinds";
import { type ClaimedMessage, claimDueMessages, markFailed, markSent } from "./outbox-store";
import { renderMessage } from "./render-message";

export interface MailWorkerOptions {
  db: Database;
  transport: MailTransport;
  /** The dashboard's base URL: messages link to `${appUrl}/interventions/${id}`. */
  appUrl: string;
  /** The From header, e.g. `Interventions <no-reply@example.com>`. */
  from: string;
  clock?: () => Date;
  /** Attempts before a message is dead (kept with its last error, never retried). */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** How often an idle worker looks for due messages. */
  pollIntervalMs?: number;
  /** Messages claimed at once. */
  batchSize?: number;
  /**
   * How long a claim keeps other workers away from a message. It must outlast sending a whole batch
   * (each send is bounded by the SMTP timeouts); when it does not, a message may be sent twice, never lost.
   */
  leaseMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface RunResult {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
}

export interface MailWorker {
  /** One pass: claim the due messages and try each once. What tests and the loop call. */
  runOnce(): Promise<RunResult>;
  /** Polls until stopped; a full batch is followed at once by another pass. */
  start(): void;
  /** Stops polling and waits for the pass under way, so that nothing is left half-recorded. */
  stop(): Promise<void>;
}

export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const clock = options.clock ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const log = options.log ?? ((message, error) => console.error(`[mail] ${message}`, error ?? ""));

  async function deliver(message: ClaimedMessage, result: RunResult): Promise<void> {
    try {
      await options.transport.send(compose(message, options));
    } catch (error) {
      const now = clock();
      const permanent = isPermanent(error) || message.attempts >= maxAttempts;
      await markFailed(options.db, message, {
        error: describe(error),
        retryAt: permanent ? null : new Date(now.getTime() + retryDelayMs(backoff, message.attempts)),
      });
      if (permanent) {
        result.dead += 1;
        log(`message ${message.id} to ${message.recipientEmail} is dead after ${message.attempts} attempt(s)`, error);
      } else {
        result.retried += 1;
      }
      return;
    }
    // A crash right here leaves the row pending: it is sent again, with the same Message-ID, after the lease.
    await markSent(options.db, message.id, clock());
    result.sent += 1;
  }

  async function runOnce(): Promise<RunResult> {
    const claimed = await claimDueMessages(options.db, { now: clock(), limit: batchSize, leaseMs });
    const result: RunResult = { claimed: claimed.length, sent: 0, retried: 0, dead: 0 };
    for (const message of claimed) await deliver(message, result);
    return result;
  }

  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      pass = runOnce().then(
        (result) => schedule(result.claimed === batchSize ? 0 : pollIntervalMs),
        (error: unknown) => {
          // The database may be away for a moment: try again at the next poll.
          log("delivery pass failed", error);
          schedule(pollIntervalMs);
        },
      );
    }, delayMs);
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}

/** The e-mail of an outbox row. A row that cannot be read is a permanent failure (see `isPermanent`). */
function compose(message: ClaimedMessage, options: MailWorkerOptions) {
  const kind = messageKindSchema.safeParse(message.kind);
  const payload = messagePayloadSchema.safeParse(message.payload);
  if (!kind.success || !payload.success) throw new UnreadableMessage(`unreadable outbox row ${message.id}`);
  // Interventions are archived, not deleted; one that was deleted anyway has nothing left to link to.
  if (message.interventionId === null) throw new UnreadableMessage(`the intervention of message ${message.id} is gone`);
  const rendered = renderMessage({
    kind: kind.data,
    locale: localeOf(message.locale),
    interventionId: message.interventionId,
    recipientName: message.recipientName,
    payload: payload.data,
    organization: { name: message.organizationName, timeZone: message.timeZone },
    appUrl: options.appUrl,
  });
  return {
    from: options.from,
    to: { name: message.recipientName, address: message.recipientEmail },
    messageId: message.messageId,
    ...rendered,
  };
}

class UnreadableMessage extends Error {}

/** A message that cannot be rendered, or that the server refused for good (5xx), is not retried. */
function isPermanent(error: unknown): boolean {
  if (error instanceof UnreadableMessage) return true;
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 2_000);
}
