export { BODY_LIMIT_BYTES, BODY_LIMIT_MESSAGE, declaresTooLarge, limitedBody, readJsonBody } from "./body";
export { REQUEST_DEADLINE_MS, withDeadline } from "./deadline";
export { entityTag, ifMatchVersions, ifNoneMatchHolds } from "./entity-tags";
export type { FetchHandler } from "./fetch-handler";
export { clientAddress, type RequestAddress, requestAddress } from "./forwarded";
export {
  databaseUnavailable,
  errorResponse,
  HttpErrorCode,
  HttpProblem,
  methodNotAllowed,
  problemResponse,
  RETRY_AFTER_SECONDS,
  routeNotFound,
  statusOf,
} from "./problem";
