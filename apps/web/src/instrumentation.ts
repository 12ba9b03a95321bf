/** Runs once when the server starts: open, migrate (and on the embedded default, seed) before traffic. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next.js itself, per bundle, to keep Node-only code out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./server/database");
  try {
    await getDatabase();
  } catch (error) {
    console.error("The database could not be opened at start-up; /health reports 503 until it can.", error);
  }
}
