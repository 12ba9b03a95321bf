import { describe, expect, it } from "vitest";
import {
  interventionProfileShapedResponse,
  interventionProfileShapedSchema,
  interventionUserShapedResponse,
  interventionUserShapedSchema,
  unplannedPreventiveCreatedResponse,
} from "./response-schemas";

// The `data` object of the documented responses of 000, 001, 003 and 004, verbatim.
const userShaped = {
  id: 1,
  status: 2,
  type: 1,
  description: "Description of the intervention",
  imgSignature: "Signature image",
  codePin: 123456,
  autoCreated: true,
  creationStatus: 1,
  scheduledStart: "2024-12-01T12:34:56.000Z",
  scheduledEnd: "2024-12-05T14:56:23.000Z",
  actualStart: "2024-12-01T12:34:56.000Z",
  actualEnd: "2024-12-01T12:34:56.000Z",
  providerName: "Provider name",
  providerEmail: "example@mail.fr",
  providerActionComment: "Action comment from the provider",
  providerGeneralComment: "General comment from the provider",
  assignedCompanyContactId: 1,
  assignedUserId: 1,
  verifiedByUserId: 1,
  verifiedAt: "2024-12-09T14:23:00.000Z",
  decisionComment: "Provider refused the intervention due to scheduling conflicts.",
  attendeeCount: 25,
  routineId: 1,
  organizationId: 1,
  createdByUserId: 1,
  archivedAt: "2024-12-09T14:23:00.000Z",
  updatedAt: "2024-12-09T14:23:00.000Z",
  createdAt: "2024-01-15T08:45:00.000Z",
};

// The `data` object of the documented response of 002, verbatim (the page shows an obfuscated e-mail).
const profileShaped = {
  id: 1,
  status: 2,
  type: 1,
  description: "Description of the intervention",
  imgSignature: "Signature image",
  codePin: 123456,
  autoCreated: true,
  creationStatus: 1,
  scheduledStart: "2024-12-01T12:34:56.000Z",
  scheduledEnd: "2024-12-05T14:56:23.000Z",
  actualStart: "2024-12-01T12:34:56.000Z",
  actualEnd: "2024-12-01T12:34:56.000Z",
  providerName: "Provider name",
  providerEmail: "[email protected]",
  providerActionComment: "Action comment from the provider",
  providerGeneralComment: "General comment from the provider",
  assignedCompanyContactId: 1,
  assignedProfileId: 1,
  verifiedById: 1,
  verifiedAt: "2024-12-09T14:23:00.000Z",
  decisionComment: "Provider refused the intervention due to scheduling conflicts.",
  routineId: 1,
  organizationId: 1,
  createdById: 1,
  archivedAt: "2024-12-09T14:23:00.000Z",
  updatedAt: "2024-12-09T14:23:00.000Z",
  createdAt: "2024-01-15T08:45:00.000Z",
  companyId: 1,
  negotiationEndDate: "2024-12-01T12:34:56.000Z",
  checkType: 1,
  deletedAt: "2024-12-09T14:23:00.000Z",
};

// The field order of the documents, written out rather than taken from the examples above.
const USER_SHAPED_KEYS = [
  "id",
  "status",
  "type",
  "description",
  "imgSignature",
  "codePin",
  "autoCreated",
  "creationStatus",
  "scheduledStart",
  "scheduledEnd",
  "actualStart",
  "actualEnd",
  "providerName",
  "providerEmail",
  "providerActionComment",
  "providerGeneralComment",
  "assignedCompanyContactId",
  "assignedUserId",
  "verifiedByUserId",
  "verifiedAt",
  "decisionComment",
  "attendeeCount",
  "routineId",
  "organizationId",
  "createdByUserId",
  "archivedAt",
  "updatedAt",
  "createdAt",
];

const PROFILE_SHAPED_KEYS = [
  ...USER_SHAPED_KEYS.slice(0, USER_SHAPED_KEYS.indexOf("assignedUserId")),
  "assignedProfileId",
  "verifiedById",
  "verifiedAt",
  "decisionComment",
  "routineId",
  "organizationId",
  "createdById",
  "archivedAt",
  "updatedAt",
  "createdAt",
  "companyId",
  "negotiationEndDate",
  "checkType",
  "deletedAt",
];

function without(value: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
}

function reversed(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).reverse());
}

describe.each([
  ["user-shaped", interventionUserShapedSchema, userShaped, USER_SHAPED_KEYS],
  ["profile-shaped", interventionProfileShapedSchema, profileShaped, PROFILE_SHAPED_KEYS],
])("the %s intervention", (_label, schema, example, keys) => {
  it("parses the documented example unchanged", () => {
    const result = schema.safeParse(example);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(example);
  });

  it("keeps the documented key order", () => {
    expect(Object.keys(schema.parse(example))).toEqual(keys);
  });

  it("puts the keys in the documented order even when they come in another order", () => {
    expect(Object.keys(schema.parse(reversed(example)))).toEqual(keys);
  });

  it.each(keys)("rejects an object without %s", (key) => {
    const result = schema.safeParse(without(example, key));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[key]]);
  });

  it("accepts null in every nullable field", () => {
    const nullable = keys.filter((key) => schema.shape[key as keyof typeof schema.shape].safeParse(null).success);
    expect(nullable).toContain("description");
    expect(nullable).toContain("actualStart");
    expect(schema.safeParse({ ...example, ...Object.fromEntries(nullable.map((key) => [key, null])) }).success).toBe(
      true,
    );
  });

  it.each([
    ["status", 8],
    ["type", 4],
    ["creationStatus", 3],
    ["id", 1.5],
    ["scheduledStart", "2024-12-01T12:34:56+01:00"],
    ["autoCreated", null],
  ])("rejects %s = %j", (key, value) => {
    const result = schema.safeParse({ ...example, [key]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[key]]);
  });
});

describe("the two shapes", () => {
  it("do not accept each other's example", () => {
    expect(interventionProfileShapedSchema.safeParse(userShaped).success).toBe(false);
    expect(interventionUserShapedSchema.safeParse(profileShaped).success).toBe(false);
  });

  it("reject an unknown check type in the profile shape", () => {
    expect(interventionProfileShapedSchema.safeParse({ ...profileShaped, checkType: 4 }).success).toBe(false);
  });
});

describe("the response envelopes", () => {
  it("wrap the user-shaped example in data (001, 003, 004)", () => {
    expect(interventionUserShapedResponse.safeParse({ data: userShaped }).success).toBe(true);
    expect(interventionUserShapedResponse.safeParse(userShaped).success).toBe(false);
  });

  it("wrap the profile-shaped example in data (002)", () => {
    expect(interventionProfileShapedResponse.safeParse({ data: profileShaped }).success).toBe(true);
    expect(interventionProfileShapedResponse.safeParse({ data: userShaped }).success).toBe(false);
  });

  it("parse the documented 000 response with its presigned URL", () => {
    const response = { data: userShaped, presignedUrl: "https://bucket.s3.amazonaws.com/1" };
    const result = unplannedPreventiveCreatedResponse.safeParse(response);
    expect(result.success).toBe(true);
    expect(Object.keys(result.data ?? {})).toEqual(["data", "presignedUrl"]);
  });

  it("reject a 000 response without a presigned URL or with an invalid one", () => {
    expect(unplannedPreventiveCreatedResponse.safeParse({ data: userShaped }).success).toBe(false);
    expect(unplannedPreventiveCreatedResponse.safeParse({ data: userShaped, presignedUrl: "bucket/1" }).success).toBe(
      false,
    );
  });
});
