/**
 * Runs once when the server starts: the runtime (database migrated, seeded on the embedded default;
 * storage; handlers) before traffic, then its background work.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, per bundle, to keep Node-only code out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getRuntime } = await import("./server/runtime");
  try {
    const runtime = await getRuntime();
    await runtime.startBackgroundWork();
  } catch (error) {
    console.error(
      "The database or the storage could not be opened at start-up; /health reports 503 until they can.",
      error,
    );
  }
}
