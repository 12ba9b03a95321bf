/**
 * Parses the app's settings; on a bad value the process stops, naming the variable: a server that cannot
 * work should not start and answer errors.
 */
export async function stopOnBadSettings(): Promise<void> {
  try {
    await import("../env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
