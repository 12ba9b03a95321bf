import { describe, expect, it } from "vitest";
import { fieldIssueKeysOf, serverIssueKey } from "./errors";

const refusal = (issues: { path: string; message: string }[]) => ({
  data: { errorCode: "VALIDATION_FAILED", issues },
});

describe("a server's refusal of fields, as form messages", () => {
  it("says the domain's known messages beside their field, by the field's own name", () => {
    expect(
      fieldIssueKeysOf(
        refusal([
          { path: "scheduledEnd", message: "scheduledEnd must not be before scheduledStart" },
          { path: "siteRuleIds.2", message: "Unknown site rule 77" },
          { path: "anomalyIds.0", message: "Anomaly 4 is already covered by intervention 9" },
        ]),
      ),
    ).toEqual({ scheduledEnd: "endBeforeStart", siteRuleIds: "gone", anomalyIds: "alreadyCovered" });
  });

  it("says a webhook address's refusal in words", () => {
    expect(serverIssueKey("Expected an absolute URL such as https://partner.example/webhooks")).toBe("absoluteUrl");
    expect(
      serverIssueKey(
        "The URL's host is a private or reserved address (10.0.0.1): webhooks only reach public addresses",
      ),
    ).toBe("privateAddress");
  });

  it("a message the dashboard does not know is the generic one, never the server's English", () => {
    expect(serverIssueKey("Something new the server says")).toBe("invalid");
    expect(serverIssueKey("Unknown field")).toBe("invalid");
    expect(fieldIssueKeysOf(refusal([{ path: "", message: "3 more problems not listed" }]))).toEqual({
      form: "invalid",
    });
  });

  it("no issues for another kind of error", () => {
    expect(fieldIssueKeysOf(new TypeError("fetch failed"))).toEqual({});
  });
});
