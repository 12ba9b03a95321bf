import { getRuntime } from "../../../../server/runtime";

export const dynamic = "force-dynamic";

/** POST /api/auth/login and /api/auth/logout; other methods get the adapter's 405. */
async function handle(request: Request): Promise<Response> {
  return (await getRuntime()).handlers.auth(request);
}

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
