import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createUnplannedPreventiveBody, SIGNATURE_MAX_BYTES } from "./request-schemas";

// 000 — POST /interventions/v2/mb/preventive/unplanned: the documented example body, verbatim.
const example = {
  companyId: 1,
  siteIds: [1, 2, 3],
  ruleIds: [1, 2, 3],
  signature: {
    name: "example.jpg",
    mimeType: "image/jpeg",
    size: 1024,
  },
  provider: {
    firstName: "Provider name",
    lastName: "Provider name",
    actionComment: "Action comment from the provider",
    email: "example@mail.fr",
    comment: "General comment from the provider",
  },
  actualStart: "2024-12-01T12:34:56.000Z",
};

const MAX_SAFE = 9007199254740991;

function parse(body: unknown): z.ZodSafeParseResult<unknown> {
  return createUnplannedPreventiveBody.safeParse(body);
}

function paths(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.error?.issues.map((issue) => issue.path.join(".")) ?? [];
}

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

const withSignature = (patch: Record<string, unknown>) => ({
  ...example,
  signature: { ...example.signature, ...patch },
});
const withProvider = (patch: Record<string, unknown>) => ({ ...example, provider: { ...example.provider, ...patch } });

describe("createUnplannedPreventiveBody", () => {
  it("parses the documented example unchanged", () => {
    const result = createUnplannedPreventiveBody.safeParse(example);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(example);
  });

  it.each(["companyId", "siteIds", "ruleIds", "signature", "provider"])("rejects a body without %s", (field) => {
    const result = parse(without(example, field));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([field]);
  });

  it("accepts a body without actualStart", () => {
    expect(parse(without(example, "actualStart")).success).toBe(true);
  });

  it.each(["name", "mimeType", "size"])("rejects a signature without %s", (field) => {
    const result = parse({ ...example, signature: without(example.signature, field) });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([`signature.${field}`]);
  });

  it.each(["firstName", "lastName", "email"])("rejects a provider without %s", (field) => {
    const result = parse({ ...example, provider: without(example.provider, field) });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([`provider.${field}`]);
  });

  it("accepts a provider without its optional comments", () => {
    const provider = without(without(example.provider, "actionComment"), "comment");
    expect(parse({ ...example, provider }).success).toBe(true);
  });

  it.each([
    ["the body", { ...example, extra: 1 }, ""],
    ["the signature", withSignature({ extra: 1 }), "signature"],
    ["the provider", withProvider({ extra: 1 }), "provider"],
  ])("rejects an unknown field in %s", (_label, body, path) => {
    const result = parse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["extra"], path: path ? [path] : [] }),
    ]);
  });
});

describe.each([
  ["companyId", false],
  ["siteIds", true],
  ["ruleIds", true],
])("createUnplannedPreventiveBody %s range", (field, isList) => {
  const put = (value: unknown) => ({ ...example, [field]: isList ? [value] : value });
  const path = isList ? `${field}.0` : field;

  it.each([MAX_SAFE, -MAX_SAFE])("accepts %d", (value) => {
    expect(parse(put(value)).success).toBe(true);
  });

  it.each([MAX_SAFE + 1, -(MAX_SAFE + 1), 1.5, "1", null])("rejects %j", (value) => {
    const result = parse(put(value));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([path]);
  });
});

describe.each(["siteIds", "ruleIds"])("createUnplannedPreventiveBody %s length", (field) => {
  it("accepts one id", () => {
    expect(parse({ ...example, [field]: [7] }).success).toBe(true);
  });

  it("rejects an empty array", () => {
    const result = parse({ ...example, [field]: [] });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([field]);
  });
});

describe("createUnplannedPreventiveBody signature", () => {
  it.each(["image/jpeg", "image/png", "image/webp"])("accepts the mime type %s", (mimeType) => {
    expect(parse(withSignature({ mimeType })).success).toBe(true);
  });

  it.each(["image/gif", "application/pdf", "IMAGE/PNG", "image/jpg", ""])("rejects the mime type %j", (mimeType) => {
    const result = parse(withSignature({ mimeType }));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["signature.mimeType"]);
  });

  it("has a 5 MiB limit", () => {
    expect(SIGNATURE_MAX_BYTES).toBe(5 * 1024 * 1024);
  });

  it.each([1, 5 * 1024 * 1024])("accepts a size of %d bytes", (size) => {
    expect(parse(withSignature({ size })).success).toBe(true);
  });

  it.each([0, -1, 5 * 1024 * 1024 + 1, 1.5, "1024"])("rejects a size of %j", (size) => {
    const result = parse(withSignature({ size }));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["signature.size"]);
  });

  it.each(["example.jpg", "a", "signature_2024-12-01.png", "A-b_c.v2.webp", "-x.png", `${"a".repeat(251)}.png`])(
    "accepts the name %j",
    (name) => {
      expect(parse(withSignature({ name })).success).toBe(true);
    },
  );

  it.each([
    "../x.png",
    "a/b.png",
    "a\\b.png",
    ".hidden",
    "..",
    "",
    "a b.png",
    "é.png",
    "x.png\n",
    `${"a".repeat(252)}.png`,
  ])("rejects the name %j", (name) => {
    const result = parse(withSignature({ name }));
    expect(result.success).toBe(false);
    expect(paths(result).every((path) => path === "signature.name")).toBe(true);
  });

  it("accepts a name of 255 characters and rejects one of 256", () => {
    expect(parse(withSignature({ name: "a".repeat(255) })).success).toBe(true);
    expect(parse(withSignature({ name: "a".repeat(256) })).success).toBe(false);
  });
});

describe("createUnplannedPreventiveBody provider", () => {
  it.each(["not-an-email", "a@", "@mail.fr", "a b@mail.fr", ""])("rejects the email %j", (email) => {
    const result = parse(withProvider({ email }));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual(["provider.email"]);
  });

  it.each(["firstName", "lastName"])("rejects an empty %s", (field) => {
    const result = parse(withProvider({ [field]: "" }));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([`provider.${field}`]);
  });

  it.each(["actionComment", "comment"])("accepts a %s of 5000 characters and rejects 5001", (field) => {
    expect(parse(withProvider({ [field]: "x".repeat(5000) })).success).toBe(true);
    const result = parse(withProvider({ [field]: "x".repeat(5001) }));
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([`provider.${field}`]);
  });
});

describe("createUnplannedPreventiveBody actualStart", () => {
  it.each(["2024-12-01T12:34Z", "2024-12-01T12:34:56Z", "2024-02-29T00:00Z"])("accepts %s", (actualStart) => {
    expect(parse({ ...example, actualStart }).success).toBe(true);
  });

  it.each(["2024-12-01T12:34:56+01:00", "2025-02-29T00:00Z", "2024-12-01", "2024-12-01T12:34:56z"])(
    "rejects %s",
    (actualStart) => {
      const result = parse({ ...example, actualStart });
      expect(result.success).toBe(false);
      expect(paths(result)).toEqual(["actualStart"]);
    },
  );
});
