/**
 * Runs once when the server starts: database (migrated; seeded on the embedded default) and storage, before
 * traffic; then the outbox's mail delivery.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, per bundle, to keep Node-only code out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getApi } = await import("./server/api");
  const { startMail } = await import("./server/mail");
  try {
    await getApi();
    await startMail();
  } catch (error) {
    console.error(
      "The database or the storage could not be opened at start-up; /health reports 503 until they can.",
      error,
    );
  }
}
