import { errors, jwtVerify, SignJWT } from "jose";
import { LRUCache } from "lru-cache";
import { z } from "zod";

const ALGORITHM = "HS256";
/** Who issues the tokens and what they are for: a token signed with the same key for anything else is refused. */
export const TOKEN_ISSUER = "interventions";
export const TOKEN_AUDIENCE = "interventions-api";

const claimsSchema = z.object({
  // The documented example carries ids as strings; numbers are accepted too.
  userId: z.union([z.string().regex(/^\d{1,15}$/), z.int().positive()]).transform(Number),
  sessionId: z.string().min(1).max(100),
  iat: z.number(),
  exp: z.number(),
});
export type SessionClaims = z.infer<typeof claimsSchema>;

export class SessionTokens {
  // Imported once: given raw bytes, jose would import the HMAC key again for every token.
  private readonly key: Promise<CryptoKey>;
  // Tokens whose signature was checked: the same bytes need not be checked again; their expiry still is.
  private readonly verified = new LRUCache<string, SessionClaims>({ max: 10_000, ttl: 60_000 });

  constructor(secret: string) {
    this.key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
  }

  async sign(claims: { userId: number; sessionId: string }, issuedAt: Date, expiresAt: Date): Promise<string> {
    return new SignJWT({ userId: String(claims.userId), sessionId: claims.sessionId })
      .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(Math.floor(issuedAt.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.key);
  }

  /** The claims of a well-formed, correctly signed, unexpired token; null for anything else. */
  async verify(token: string, now: Date): Promise<SessionClaims | null> {
    const known = this.verified.get(token);
    if (known) return known.exp > now.getTime() / 1000 ? known : null;
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: [ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        currentDate: now,
        requiredClaims: ["iat", "exp", "iss", "aud"],
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return null;
      this.verified.set(token, claims.data);
      return claims.data;
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}
