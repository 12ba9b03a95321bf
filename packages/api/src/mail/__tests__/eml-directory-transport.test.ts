import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createMailTransport } from "../create-mail-transport";
import type { OutgoingMessage } from "../mail-transport";

// The embedded default: no SMTP server configured, each message becomes an .eml file in a folder.

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "interventions-mail-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const message: OutgoingMessage = {
  from: "Interventions <no-reply@interventions.example>",
  to: { name: "Julie Moreau", address: "julie.moreau@sir.example" },
  subject: "[Acme Properties] Intervention n° 42 : elle vous est confiée",
  text: "Bonjour Julie Moreau,\n\nVoir l'intervention : https://dashboard.example/interventions/42\n",
  html: '<p><a href="https://dashboard.example/interventions/42">Voir</a></p>',
  messageId: "<0b5e1c1e-2f9d-4f7e-9d59-3c1f1d2b7a10@interventions.local>",
};

it("writes a readable message named after its Message-ID, creating the folder", async () => {
  const directory = join(root, "mail");
  const transport = createMailTransport({ directory });
  expect(transport.description).toBe(`.eml files in ${directory}`);
  await transport.send(message);
  expect(await readdir(directory)).toEqual(["0b5e1c1e-2f9d-4f7e-9d59-3c1f1d2b7a10@interventions.local.eml"]);
  const parsed = await simpleParser(
    await readFile(join(directory, "0b5e1c1e-2f9d-4f7e-9d59-3c1f1d2b7a10@interventions.local.eml")),
  );
  expect(parsed.messageId).toBe(message.messageId);
  expect(parsed.subject).toBe(message.subject);
  expect(parsed.text).toBe(message.text);
  expect(parsed.html).toContain('href="https://dashboard.example/interventions/42"');
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  expect(to?.value).toEqual([{ name: "Julie Moreau", address: "julie.moreau@sir.example" }]);
});

it("writes a message sent again (a retry after a crash) over its own file, not beside it", async () => {
  const directory = join(root, "again");
  const transport = createMailTransport({ smtpUrl: "", directory });
  await transport.send(message);
  await transport.send({ ...message, subject: "second copy" });
  const files = await readdir(directory);
  expect(files).toHaveLength(1);
  const parsed = await simpleParser(await readFile(join(directory, files[0] ?? "")));
  expect(parsed.subject).toBe("second copy");
});

it("refuses an SMTP URL of another scheme", () => {
  expect(() => createMailTransport({ smtpUrl: "http://mail.example", directory: root })).toThrow(/smtp:\/\//);
});
