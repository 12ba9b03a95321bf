import { DomainError } from "@interventions/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDestination } from "../destination";
import { createEventPoster } from "../post-event";
import { type Receiver, startReceiver } from "./receiver";

// Server-side request forgery: a subscription may not make the service post into its own network or a
// cloud's metadata service, unless private addresses are allowed (tests, the embedded default).

const refused = { allowPrivate: false };
const allowed = { allowPrivate: true };

async function refusal(url: string, policy = refused): Promise<string> {
  try {
    await checkDestination(url, policy);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.issues.map((issue) => issue.path)).toEqual(["url"]);
    return error.issues[0]?.message ?? "";
  }
  throw new Error(`${url} was accepted`);
}

describe("checkDestination", () => {
  it.each(["http://169.254.169.254/", "http://10.0.0.1/"])("refuses %s without WEBHOOK_ALLOW_PRIVATE", async (url) => {
    expect(await refusal(url)).toMatch(/https/);
  });

  it.each([
    ["https://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["https://10.0.0.1/hooks", "10.0.0.1"],
    ["https://192.168.1.20/", "192.168.1.20"],
    ["https://127.0.0.1:8443/", "127.0.0.1"],
    ["https://[::1]/", "::1"],
    ["https://[fd00::1]/", "fd00::1"],
    ["https://[::ffff:10.0.0.1]/", "::ffff:a00:1"],
    ["https://0.0.0.0/", "0.0.0.0"],
    ["https://localhost/", "127.0.0.1"],
  ])("refuses %s: a private or reserved address", async (url, address) => {
    const message = await refusal(url);
    expect(message).toMatch(/private or reserved address/);
    expect(message).toContain(address);
  });

  it("refuses what is not an absolute https URL, credentials and fragments", async () => {
    expect(await refusal("partner.example/hooks")).toMatch(/absolute URL/);
    expect(await refusal("ftp://partner.example/hooks")).toMatch(/https/);
    expect(await refusal("https://user:pass@partner.example/hooks")).toMatch(/user name and password/);
    expect(await refusal("https://partner.example/hooks#x")).toMatch(/fragment/);
  });

  it("says so when the host cannot be found", async () => {
    expect(await refusal("https://no-such-host.invalid/hooks")).toMatch(/could not be found/);
  });

  it("accepts private and loopback addresses, over plain HTTP too, where they are allowed", async () => {
    expect(await checkDestination("http://127.0.0.1:8080/hooks", allowed)).toBe("http://127.0.0.1:8080/hooks");
    expect(await checkDestination("https://10.0.0.1/hooks", allowed)).toBe("https://10.0.0.1/hooks");
  });

  it("accepts a public address", async () => {
    expect(await checkDestination("https://93.184.215.14/hooks", refused)).toBe("https://93.184.215.14/hooks");
  });
});

describe("the poster", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it("refuses, as it connects, an address that is not public: a name that now resolves inside is not reached", async () => {
    const poster = createEventPoster(refused);
    const outcome = await poster.post({
      url: receiver.url,
      secret: `whsec_${Buffer.from("s".repeat(24)).toString("base64")}`,
      webhookId: "msg_test",
      body: "{}",
      timestamp: new Date(),
    });
    poster.close();
    expect(outcome).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/private IP address/) });
    expect(receiver.received).toHaveLength(0);
  });
});
