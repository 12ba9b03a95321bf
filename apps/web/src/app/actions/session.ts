"use server";

import {
  clientAddress,
  membershipsOf,
  ORGANIZATION_COOKIE,
  SESSION_COOKIE,
  signIn,
  signInInput,
  signOut,
} from "@interventions/api";
import { isDomainError, RateLimitedError } from "@interventions/domain";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "../../env";
import { safeNext } from "../../lib/safe-next";
import { getActor } from "../../lib/session";
import { getRuntime } from "../../server/runtime";

const cookieOptions = {
  httpOnly: true,
  sameSite: "lax",
  secure: env.NODE_ENV === "production",
  path: "/",
} as const;

export interface SignInState {
  error: string | null;
  email: string;
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const t = await getTranslations("signIn");
  const parsed = signInInput.safeParse({ email, password: String(form.get("password") ?? "") });
  if (!parsed.success) return { error: t("missing"), email };
  const [{ database, tokens, sessionTtlMs, rateLimits, env: serverEnv }, requestHeaders] = await Promise.all([
    getRuntime(),
    headers(),
  ]);
  let session: Awaited<ReturnType<typeof signIn>>;
  try {
    session = await signIn(
      {
        db: database.db,
        tokens,
        now: new Date(),
        sessionTtlMs,
        userAgent: requestHeaders.get("user-agent"),
        throttle: { limits: rateLimits, address: clientAddress(requestHeaders, serverEnv.TRUST_PROXY) },
      },
      parsed.data,
    );
  } catch (error) {
    if (error instanceof RateLimitedError) {
      const minutes = Math.ceil(error.retryAfterSeconds / 60);
      return { error: t("tooManyAttempts", { minutes }), email };
    }
    if (isDomainError(error)) return { error: t("wrongCredentials"), email };
    throw error;
  }
  const jar = await cookies();
  jar.set(SESSION_COOKIE, session.token, { ...cookieOptions, expires: new Date(session.expiresAt) });
  jar.delete(ORGANIZATION_COOKIE);
  redirect(safeNext(form.get("next")));
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) {
    const { database, tokens } = await getRuntime();
    const claims = await tokens.verify(token, new Date());
    if (claims) await signOut(database.db, claims.sessionId, new Date());
  }
  jar.delete(SESSION_COOKIE);
  jar.delete(ORGANIZATION_COOKIE);
  redirect("/sign-in");
}

/** Works in another of the user's organizations; one they are not a member of is ignored. */
export async function switchOrganizationAction(form: FormData): Promise<void> {
  const organizationId = Number(form.get("organizationId"));
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  const { database } = await getRuntime();
  const memberships = await membershipsOf(database.db, actor.userId);
  if (memberships.some((membership) => membership.organizationId === organizationId)) {
    (await cookies()).set(ORGANIZATION_COOKIE, String(organizationId), cookieOptions);
  }
  // Pages of one organization mean nothing in another: start again from the list.
  redirect("/");
}
