/** The database's own message for a refused statement (drizzle wraps the driver's error as `cause`). */
export async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : (error as Error).message;
  }
  throw new Error("Expected the database to refuse the statement, but it was accepted");
}
