import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { BulkRefusal } from "@interventions/domain";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../lib/errors";
import { FORM_ERROR_MESSAGES } from "../lib/form-validation";
import { ENUM_LABELS, HISTORY_ACTIONS, HISTORY_FIELDS } from "../lib/labels";
import { CATALOGUES } from "./messages";

// Both languages say everything, and say nothing the code never asks for. Translators are named `t` and take
// their namespace as a literal (`const t = useTranslations("list")`, `getTranslations("list")`), so that the
// keys a file uses are read from its `t("key")` calls; the words of enums, errors and form errors are looked
// up by value, and their lists are the code's own.

type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

const SOURCE = join(import.meta.dirname, "..");
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The keys a file asks for: each `t("key")` under each namespace the file's translators name. */
function keysAskedFor(text: string): { namespaces: string[]; keys: string[] } {
  const namespaces = [...text.matchAll(/\b(?:useTranslations|getTranslations)\(\s*"([\w.]+)"\s*\)/g)].map(
    (match) => match[1] ?? "",
  );
  const keys = [...text.matchAll(/\bt(?:\.rich|\.markup|\.raw|\.has)?\(\s*"([^"]+)"/g)].map((match) => match[1] ?? "");
  return { namespaces, keys };
}

/** The keys looked up by value: every member of every enum with words, every history field, error, form error. */
function keysLookedUp(): string[] {
  return [
    ...Object.entries(ENUM_LABELS).flatMap(([kind, members]) =>
      Object.keys(members).map((name) => `labels.${kind}.${name}`),
    ),
    ...HISTORY_ACTIONS.map((action) => `labels.history.${action}`),
    ...HISTORY_FIELDS.map((field) => `labels.field.${field}`),
    ...ERROR_MESSAGES.map((message) => `errors.${message}`),
    ...FORM_ERROR_MESSAGES.map((message) => `formErrors.${message}`),
    ...Object.keys(BulkRefusal).map((reason) => `bulk.reasons.${reason}`),
  ];
}

/** The arguments a message takes, plural and select ones included (`{count, plural, …}` → count). */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1] ?? ""))]
    .filter((name) => name !== "" && !/^\d+$/.test(name))
    .sort();
}

const en = flatten(CATALOGUES.en);
const fr = flatten(CATALOGUES.fr);

function usage() {
  const used = new Set(keysLookedUp());
  const missing: string[] = [];
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, "utf8");
    const { namespaces, keys } = keysAskedFor(text);
    for (const key of keys) {
      const found = namespaces.map((namespace) => `${namespace}.${key}`).filter((path) => en.has(path));
      if (found.length === 0) missing.push(`${relative(SOURCE, file)}: t("${key}") in ${namespaces.join(", ")}`);
      for (const path of found) used.add(path);
    }
  }
  return { used, missing };
}

describe("the message catalogues", () => {
  it("have the same keys in French and in English", () => {
    expect(
      [...fr.keys()].filter((key) => !en.has(key)),
      "in French only",
    ).toEqual([]);
    expect(
      [...en.keys()].filter((key) => !fr.has(key)),
      "in English only",
    ).toEqual([]);
  });

  it("say something for every key, with the same arguments in both languages", () => {
    for (const [key, english] of en) {
      const french = fr.get(key) ?? "";
      expect(english.trim(), key).not.toBe("");
      expect(french.trim(), key).not.toBe("");
      expect(argumentsOf(french), key).toEqual(argumentsOf(english));
    }
  });

  it("hold every key the code asks for, in both languages", () => {
    const { used, missing } = usage();
    expect(missing).toEqual([]);
    expect(
      [...used].filter((key) => !en.has(key)),
      "missing in English",
    ).toEqual([]);
    expect(
      [...used].filter((key) => !fr.has(key)),
      "missing in French",
    ).toEqual([]);
  });

  it("hold no key the code never asks for", () => {
    const { used } = usage();
    expect([...en.keys()].filter((key) => !used.has(key))).toEqual([]);
  });

  it("name translators `t`, so that the keys they ask for are seen", () => {
    const others: string[] = [];
    for (const file of sourceFiles(SOURCE)) {
      for (const match of readFileSync(file, "utf8").matchAll(
        /const\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(/g,
      )) {
        if (match[1] !== "t") others.push(`${relative(SOURCE, file)}: ${match[1]}`);
      }
    }
    expect(others).toEqual([]);
  });
});
