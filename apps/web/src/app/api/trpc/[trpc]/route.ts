import { getRuntime } from "../../../../server/runtime";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return (await getRuntime()).handlers.trpc(request);
}

export { handle as GET, handle as POST };
