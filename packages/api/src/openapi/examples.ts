// The documented examples, verbatim from the published contract (shared/seeds).

const COMMON = {
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
};

export const USER_SHAPED_EXAMPLE = {
  ...COMMON,
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

export const PROFILE_SHAPED_EXAMPLE = {
  ...COMMON,
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

export const OBLIGATION_EXAMPLE = {
  siteRuleId: 12,
  siteId: 3,
  ruleId: 1,
  status: "overdue",
  lastDoneAt: "2025-11-03T09:00:00.000Z",
  pendingVerification: false,
  dueAt: "2026-11-03T09:00:00.000Z",
  nextInterventionId: null,
  nextScheduledStart: null,
  openAnomalyCount: 1,
};

export const REQUEST_EXAMPLES: Record<string, unknown> = {
  createUnplannedPreventive: {
    companyId: 1,
    siteIds: [1, 2, 3],
    ruleIds: [1, 2, 3],
    signature: { name: "example.jpg", mimeType: "image/jpeg", size: 1024 },
    provider: {
      firstName: "Provider name",
      lastName: "Provider name",
      actionComment: "Action comment from the provider",
      email: "example@mail.fr",
      comment: "General comment from the provider",
    },
    actualStart: "2024-12-01T12:34:56.000Z",
  },
  createCurative: {
    scheduledStart: "2024-12-01T12:34:56.000Z",
    scheduledEnd: "2024-12-05T14:56:23.000Z",
    anomalyIds: [1],
    creationStatus: 0,
    description: "Description of the intervention",
    assignedCompanyContactId: 1,
    assignedUserId: 1,
  },
  updatePreventive: {
    description: "Description of the intervention",
    scheduledStart: "2024-12-01T12:34:56.000Z",
    scheduledEnd: "2024-12-05T14:56:23.000Z",
    siteRuleIds: [1, 2, 3],
    creationStatus: 1,
    assignedCompanyContactId: 1,
    assignedProfileId: 1,
    sendUpdateEmailToCurrentAssignee: false,
    previousAssigneeNotification: { sendEmail: true, reason: "The intervention details have changed." },
  },
  updateTrainingExercise: {
    description: "Description of the intervention",
    scheduledStart: "2024-12-01T12:34:56.000Z",
    scheduledEnd: "2024-12-05T14:56:23.000Z",
    ruleId: 1,
    siteIds: [1, 2, 3],
    creationStatus: 1,
    assignedCompanyContactId: 1,
    assignedUserId: 1,
    validateIntervention: true,
  },
  verifyIntervention: {
    decisionComment: "Provider refused the intervention due to scheduling conflicts.",
    decision: 2,
    notificationId: "notification-12345",
  },
};

export const RESPONSE_EXAMPLES: Record<string, unknown> = {
  createUnplannedPreventive: { data: USER_SHAPED_EXAMPLE, presignedUrl: "https://bucket.s3.amazonaws.com/1" },
  createCurative: { data: USER_SHAPED_EXAMPLE },
  updatePreventive: { data: PROFILE_SHAPED_EXAMPLE },
  updateTrainingExercise: { data: USER_SHAPED_EXAMPLE },
  verifyIntervention: { data: USER_SHAPED_EXAMPLE },
  readIntervention: { data: USER_SHAPED_EXAMPLE },
  syncInterventions: { data: [USER_SHAPED_EXAMPLE], nextCursor: "WyIyMDI2LTEyLTAxVDA5OjAwOjAwLjAwMFoiLDQyXQ" },
  listObligations: { data: [OBLIGATION_EXAMPLE], nextCursor: "WzEyXQ" },
};

export const SESSION_TOKEN_EXAMPLE =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VySWQiOiIxMjM0NTY3ODkwIiwic2Vzc2lvbklkIjoiYWJjZGVmMTIzNDU2IiwiaWF0IjoxNjA1MDk3ODk5LCJleHAiOjE2MDUxODQyOTl9.4XRQ1iXDyvEj5LgPZHbmTmzOZs98M3YPOzgf3MhxjaI";
