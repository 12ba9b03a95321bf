/**
 * Runs once when the server starts: the runtime (database migrated, seeded on the embedded default;
 * storage; handlers) before traffic, then its background work.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, per bundle, to keep Node-only code out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await (await import("./server/stop-on-bad-settings")).stopOnBadSettings();
  const { getRuntime } = await import("./server/runtime");
  try {
    const runtime = await getRuntime();
    // Not awaited: Next.js answers nothing until register() returns, and the workers' start (~1 s on the
    // embedded database) need not hold the first requests; what they work on is already in the database.
    runtime.startBackgroundWork().catch((error: unknown) => {
      console.error("The background work (mail, webhooks, routines) could not start.", error);
    });
  } catch (error) {
    console.error(
      "The database or the storage could not be opened at start-up; /health reports 503 until they can.",
      error,
    );
  }
}
