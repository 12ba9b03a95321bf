export { BODY_LIMIT_BYTES, BODY_LIMIT_MESSAGE, declaresTooLarge, limitedBody, readJsonBody } from "./body";
export type { FetchHandler } from "./fetch-handler";
export { type RequestAddress, requestAddress } from "./forwarded";
export {
  errorResponse,
  HttpErrorCode,
  HttpProblem,
  methodNotAllowed,
  problemResponse,
  routeNotFound,
  statusOf,
} from "./problem";
