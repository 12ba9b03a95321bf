import { getRuntime } from "../../../../server/runtime";

export const dynamic = "force-dynamic";

/** The documented partner API; every method reaches the adapter so that a wrong one gets its 405. */
async function handle(request: Request): Promise<Response> {
  return (await getRuntime()).handlers.rest(request);
}

export { handle as DELETE, handle as GET, handle as OPTIONS, handle as PATCH, handle as POST, handle as PUT };
