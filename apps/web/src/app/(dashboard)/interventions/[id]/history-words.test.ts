import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../../../../i18n/messages";
import { ASSIGNEE_LINE, describeChange, describeChanges, type HistoryNames, type ValueWords } from "./history-words";

const names: HistoryNames = {
  profile: { "3": "Julie Moreau" },
  contact: { "1": "Thomas Girard" },
  company: { "1": "ElecControl", "2": "Sécurité Incendie Rhône" },
  siteRule: { "7": "Smoke extraction", "8": "Fire alarm" },
  site: {},
  rule: {},
};
const words: ValueWords = {
  none: "—",
  nobody: "Nobody",
  yes: "Yes",
  no: "No",
  gone: (kind) => `a deleted ${kind}`,
  added: (name) => `+ ${name}`,
  removed: (name) => `− ${name}`,
  status: (value) => `status ${value}`,
  creationStatus: (value) => `creation ${value}`,
  dateTime: () => "7 Dec 2026, 10:00",
};

describe("describeChange", () => {
  it("names what ids point to", () => {
    expect(describeChange("companyId", { from: 1, to: 2 }, names, words)).toEqual({
      from: "ElecControl",
      to: "Sécurité Incendie Rhône",
    });
    expect(describeChange("assignedProfileId", { from: null, to: 3 }, names, words)).toEqual({
      from: "Nobody",
      to: "Julie Moreau",
    });
  });

  it("says an id that no longer resolves with a neutral word, never the number", () => {
    const said = describeChange("assignedCompanyContactId", { from: 1, to: 99 }, names, words);
    expect(said).toEqual({ from: "Thomas Girard", to: "a deleted contact" });
  });

  it("says a list of ids as what was added and removed", () => {
    expect(describeChange("siteRuleIds", { from: [8], to: [7] }, names, words)).toEqual({
      from: null,
      to: "+ Smoke extraction, − Fire alarm",
    });
  });

  it("words statuses and dates", () => {
    expect(describeChange("status", { from: 1, to: 2 }, names, words)).toEqual({ from: "status 1", to: "status 2" });
    expect(describeChange("scheduledEnd", { from: "2026-12-07T10:00:00.000Z", to: null }, names, words)).toEqual({
      from: "7 Dec 2026, 10:00",
      to: "—",
    });
  });

  it("says an emptied assignee as nobody, in words", () => {
    expect(describeChange("assignedCompanyContactId", { from: 1, to: null }, names, words)).toEqual({
      from: "Thomas Girard",
      to: "Nobody",
    });
  });
});

describe("describeChanges", () => {
  it("says a member in place of a contact as one line, who before and who after", () => {
    const changes = {
      description: { from: "Old", to: "New" },
      assignedCompanyContactId: { from: 1, to: null },
      assignedProfileId: { from: null, to: 3 },
    };
    expect(describeChanges(changes, names, words)).toEqual([
      { field: ASSIGNEE_LINE, from: "Thomas Girard", to: "Julie Moreau" },
      { field: "description", from: "Old", to: "New" },
    ]);
  });

  it("says both cleared as one line to nobody", () => {
    const changes = { assignedCompanyContactId: { from: 1, to: null }, assignedProfileId: { from: 3, to: null } };
    expect(describeChanges(changes, names, words)).toEqual([
      { field: ASSIGNEE_LINE, from: "Thomas Girard, Julie Moreau", to: "Nobody" },
    ]);
  });

  it("keeps a line per field when only one of them changed", () => {
    expect(describeChanges({ assignedProfileId: { from: null, to: 3 } }, names, words)).toEqual([
      { field: "assignedProfileId", from: "Nobody", to: "Julie Moreau" },
    ]);
  });
});

describe("the history's words", () => {
  // What a history line starts with or says alone (an action, a field, a value) is capitalised the same way.
  it.each(Object.entries(CATALOGUES))("start with a capital in %s", (_language, catalogue) => {
    const {
      added: _added,
      removed: _removed,
      none: _none,
      listChange: _list,
      ...values
    } = catalogue.detail.historyWords;
    const said = [
      ...Object.values(catalogue.labels.history),
      ...Object.values(catalogue.labels.field),
      catalogue.labels.otherAction,
      catalogue.labels.otherField,
      ...Object.values(values),
      ...Object.values(catalogue.labels.status),
      ...Object.values(catalogue.labels.creationStatus),
    ];
    expect(said.filter((word) => !/^\p{Lu}/u.test(word))).toEqual([]);
  });
});
