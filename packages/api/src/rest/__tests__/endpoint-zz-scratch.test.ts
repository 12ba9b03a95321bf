import { it, vi } from "vitest";
import { createApiTestEnv, jsonRequest } from "../../testing";

it("probe", async () => {
  const env = await createApiTestEnv();
  const tech = await env.credentialsFor("technician@acme.example");
  const res = await env.rest(
    jsonRequest("POST", "/interventions/v2/mb/preventive/unplanned", tech, {
      companyId: 1,
      siteIds: [1],
      ruleIds: [1],
      signature: { name: "s.jpg", mimeType: "image/jpeg", size: 10 },
      provider: { firstName: "a", lastName: "b", email: "a@b.fr" },
    }),
  );
  const body = await res.json();
  console.log(res.status, JSON.stringify(body));
  const url = body.presignedUrl as string;
  const bytes = new Uint8Array(10).fill(7);
  const put = async (u: string, type: string, b: Uint8Array) => {
    const r = await fetch(u, { method: "PUT", headers: { "content-type": type }, body: b });
    return `${r.status} ${(await r.text()).slice(0, 200)}`;
  };
  console.log("wrong type", await put(url, "image/png", bytes));
  console.log("wrong len", await put(url, "image/jpeg", new Uint8Array(11)));
  console.log("tampered", await put(url.replace("signature-", "signaturx-"), "image/jpeg", bytes));
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + 16 * 60 * 1000);
  console.log("expired", await put(url, "image/jpeg", bytes));
  vi.useRealTimers();
  console.log("ok", await put(url, "image/jpeg", bytes));
  const dl = await fetch(await env.storage.presignDownload(body.data.imgSignature));
  console.log("dl", dl.status, new Uint8Array(await dl.arrayBuffer()));
  await env.close();
});
