import { getApi } from "../../../../server/api";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return (await getApi()).trpc(request);
}

export { handle as GET, handle as POST };
