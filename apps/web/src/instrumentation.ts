/** Runs once when the server starts: database (migrated; seeded on the embedded default) and storage, before traffic. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, per bundle, to keep Node-only code out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getApi } = await import("./server/api");
  try {
    await getApi();
  } catch (error) {
    console.error(
      "The database or the storage could not be opened at start-up; /health reports 503 until they can.",
      error,
    );
  }
}
