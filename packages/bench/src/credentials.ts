import { randomBytes } from "node:crypto";
import { SessionTokens } from "@interventions/api";
import { generateApiKey, hashApiKey } from "@interventions/db";
import type { Sql } from "postgres";
import type { BenchConfig } from "./config";
import { userId } from "./layout";

/** The two headers of a partner request, per organization, for its manager and its technician. */
export interface OrganizationCredentials {
  manager: Record<string, string>;
  technician: Record<string, string>;
}

export interface BenchKeys {
  sessionSecret: string;
  apiKeys: string[];
  apiKeyHashes: string[];
}

/** One API key per organization and the session secret the servers are started with. */
export function makeKeys(config: BenchConfig): BenchKeys {
  const apiKeys = Array.from({ length: config.organizations }, () => generateApiKey());
  return { sessionSecret: randomBytes(32).toString("hex"), apiKeys, apiKeyHashes: apiKeys.map(hashApiKey) };
}

/**
 * Sessions opened directly (a sign-in costs a 100 ms scrypt: not what is measured), with tokens signed
 * by the servers' secret, exactly as the login route would sign them.
 */
export async function openSessions(sql: Sql, config: BenchConfig, keys: BenchKeys, now: Date) {
  const tokens = new SessionTokens(keys.sessionSecret);
  const expiresAt = new Date(now.getTime() + 24 * 3_600_000);
  const credentials: OrganizationCredentials[] = [];
  for (let org = 1; org <= config.organizations; org += 1) {
    const headersOf = async (role: number) => {
      const user = userId(org, role);
      const [session] = await sql<{ id: string }[]>`
        insert into sessions (user_id, expires_at, created_at) values (${user}, ${expiresAt}, ${now}) returning id`;
      if (!session) throw new Error("session insert returned nothing");
      const token = await tokens.sign({ userId: user, sessionId: session.id }, now, expiresAt);
      return { authorization: `Bearer ${keys.apiKeys[org - 1]}`, "x-session-token": token };
    };
    credentials.push({ manager: await headersOf(2), technician: await headersOf(4) });
  }
  return credentials;
}
