import { InterventionType } from "@interventions/domain";
import { describe, expect, it } from "vitest";
import { MessageKind as Kind, localeOf, type MessageKind } from "../message-kinds";
import { interventionUrl, renderMessage } from "../render-message";

const base = {
  interventionId: 42,
  recipientName: 'Jean "<b>" Dupont',
  payload: {
    intervention: {
      type: InterventionType.preventive,
      description: "Check <all> the extinguishers\nand the hoses",
      scheduledStart: "2026-12-01T08:00:00.000Z",
      scheduledEnd: "2026-12-01T10:00:00.000Z",
    },
  },
  organization: { name: "Lycée <Victor> Hugo", timeZone: "Europe/Paris" },
  appUrl: "https://dashboard.example/",
};

describe("renderMessage", () => {
  it.each(Object.values(Kind))("%s: a subject, text and HTML in both languages, with the link", (kind) => {
    for (const locale of ["fr", "en"] as const) {
      const message = renderMessage({ ...base, kind: kind as MessageKind, locale });
      expect(message.subject).toMatch(/^\[Lycée <Victor> Hugo\] Intervention (n° |#)42/);
      expect(message.text).toContain("https://dashboard.example/interventions/42");
      expect(message.html).toContain('<a href="https://dashboard.example/interventions/42">');
      expect(message.html).toContain(`<html lang="${locale}">`);
    }
  });

  it("escapes in HTML everything that came from people or the database, and keeps the text as written", () => {
    const message = renderMessage({
      ...base,
      kind: "unassigned",
      locale: "en",
      payload: { ...base.payload, reason: "<script>x</script>" },
    });
    expect(message.text).toContain('Hello Jean "<b>" Dupont,');
    expect(message.text).toContain("Reason: <script>x</script>");
    expect(message.html).not.toMatch(/<script>|<b>|<all>|<Victor>/);
    expect(message.html).toContain("Jean &quot;&lt;b&gt;&quot; Dupont");
    expect(message.html).toContain("Check &lt;all&gt; the extinguishers<br>and the hoses");
    expect(message.html).toContain("&lt;script&gt;x&lt;/script&gt;");
  });

  it("shows the schedule in the organization's time zone and the recipient's language", () => {
    const fr = renderMessage({ ...base, kind: "assigned", locale: "fr" });
    expect(fr.text).toContain("Date : du 1 décembre 2026 à 09:00 au 1 décembre 2026 à 11:00");
    const en = renderMessage({ ...base, kind: "assigned", locale: "en" });
    expect(en.text).toContain("When: from 1 December 2026 at 09:00 to 1 December 2026 at 11:00");
  });
});

it("falls back to French for an unknown language, and links without a double slash", () => {
  expect([localeOf("en"), localeOf("fr"), localeOf("de")]).toEqual(["en", "fr", "fr"]);
  expect(interventionUrl("https://dashboard.example//", 7)).toBe("https://dashboard.example/interventions/7");
});
