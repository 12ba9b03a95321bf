import { isDatabaseUnavailable } from "@interventions/db";
import {
  assertRoleAllows,
  DomainError,
  ErrorCode,
  issuesFromZod,
  type Operation,
  validationError,
} from "@interventions/domain";
import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, type z } from "zod";
import type { Actor, ServiceContext, ServiceDeps } from "../context";
import { HttpErrorCode } from "../http";
import type { Verb } from "../services/verb";

export interface TrpcContext {
  services: ServiceDeps;
  now: Date;
  /** null when the request carries no credentials: only public procedures may run. */
  actor: Actor | null;
  /** Why credentials that were sent did not hold; raised by protected procedures (401/403). */
  authError: DomainError | null;
}

const TRPC_CODES: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  [ErrorCode.validationFailed]: "BAD_REQUEST",
  [ErrorCode.unauthenticated]: "UNAUTHORIZED",
  [ErrorCode.forbidden]: "FORBIDDEN",
  [ErrorCode.notFound]: "NOT_FOUND",
  [ErrorCode.invalidState]: "CONFLICT",
  [ErrorCode.conflict]: "CONFLICT",
  [ErrorCode.preconditionFailed]: "PRECONDITION_FAILED",
  [ErrorCode.rateLimited]: "TOO_MANY_REQUESTS",
};

/** tRPC's own failures (before any procedure runs), named as the REST adapter names them. */
const TRANSPORT_CODES: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  PARSE_ERROR: HttpErrorCode.malformedJson,
  BAD_REQUEST: HttpErrorCode.malformedJson,
  UNAUTHORIZED: ErrorCode.unauthenticated,
  FORBIDDEN: ErrorCode.forbidden,
  NOT_FOUND: HttpErrorCode.routeNotFound,
  METHOD_NOT_SUPPORTED: HttpErrorCode.methodNotAllowed,
  PAYLOAD_TOO_LARGE: HttpErrorCode.payloadTooLarge,
  UNSUPPORTED_MEDIA_TYPE: HttpErrorCode.unsupportedMediaType,
  CONFLICT: ErrorCode.conflict,
  SERVICE_UNAVAILABLE: HttpErrorCode.databaseUnavailable,
};

/** The stable code a client sees: the same as the REST problem's `code` for the same failure. */
function errorCodeOf(error: TRPCError): string {
  if (error.cause instanceof DomainError) return error.cause.code;
  if (error.cause instanceof ZodError) return ErrorCode.validationFailed;
  return TRANSPORT_CODES[error.code] ?? HttpErrorCode.internal;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  // Never send a stack trace, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const issues =
      error.cause instanceof DomainError
        ? error.cause.issues
        : error.cause instanceof ZodError
          ? issuesFromZod(error.cause)
          : [];
    // zod's own message is its issue list as JSON: say the first issue in words, as the REST problems do.
    const message = internal
      ? "An unexpected error occurred"
      : error.cause instanceof ZodError
        ? validationError(issues).message
        : shape.message;
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        errorCode: errorCodeOf(error),
        issues,
      },
    };
  },
});

/** Domain errors thrown by a verb become tRPC errors of the matching status; a lost database, a 503. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODES[cause.code], message: cause.message, cause });
  }
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) throw databaseUnavailable(result.error.cause);
  return result;
});

/** The database dropped or refused the connection: a retryable 503, as the REST adapter answers it. */
export function databaseUnavailable(cause: unknown): TRPCError {
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: "The database is unavailable for a moment; retry",
    cause,
  });
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);

/** Requires an actor; its procedures receive the same context as every service verb. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.authError) {
    throw new TRPCError({ code: TRPC_CODES[ctx.authError.code], message: ctx.authError.message, cause: ctx.authError });
  }
  if (!ctx.actor) {
    const cause = new DomainError(ErrorCode.unauthenticated, "Sign in first");
    throw new TRPCError({ code: "UNAUTHORIZED", message: cause.message, cause });
  }
  const service: ServiceContext = { ...ctx.services, now: ctx.now, actor: ctx.actor };
  return next({ ctx: { service } });
});

/** A protected procedure for one operation: the role is checked before the input is parsed (403 before 400). */
function procedureFor(operation: Operation) {
  return protectedProcedure.use(({ ctx, next }) => {
    assertRoleAllows(ctx.service.actor.role, operation);
    return next();
  });
}

// tRPC types a generic schema's output as its own `inferParser<Schema>`, which TypeScript cannot equate with
// zod's `z.output<Schema>`; the input is what `verb.input` parsed, so the cast only restores its type.
const callVerb =
  <Schema extends z.ZodType, Output>(verb: Verb<Schema, Output>) =>
  ({ ctx, input }: { ctx: { service: ServiceContext }; input: unknown }) =>
    verb({ ctx: ctx.service, input: input as z.output<Schema> });

/** A verb as a query: its operation's role rule, then its input schema, then the verb itself. */
export function queryOf<Schema extends z.ZodType, Output>(verb: Verb<Schema, Output>) {
  return procedureFor(verb.operation).input(verb.input).query(callVerb(verb));
}

/** A verb as a mutation, derived as `queryOf` is. */
export function mutationOf<Schema extends z.ZodType, Output>(verb: Verb<Schema, Output>) {
  return procedureFor(verb.operation).input(verb.input).mutation(callVerb(verb));
}
