import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { type MailTransport, type OutgoingMessage, toNodemailer } from "./mail-transport";

/**
 * The embedded default: each message becomes `<directory>/<Message-ID>.eml`, readable by any mail client.
 * The file is named after the Message-ID, so a message sent again after a crash replaces its own file.
 */
export function createEmlDirectoryTransport(directory: string): MailTransport {
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  let ready: Promise<unknown> | undefined;
  return {
    description: `.eml files in ${directory}`,
    async send(message: OutgoingMessage) {
      ready ??= mkdir(directory, { recursive: true });
      await ready;
      const info = await transporter.sendMail(toNodemailer(message));
      const file = join(directory, `${fileNameOf(message.messageId)}.eml`);
      // Written then renamed, so that a reader never sees half a message.
      const partial = `${file}.partial`;
      await writeFile(partial, info.message);
      await rename(partial, file);
    },
    async close() {},
  };
}

function fileNameOf(messageId: string): string {
  return messageId.replace(/^<|>$/g, "").replace(/[^A-Za-z0-9._@-]/g, "_");
}
