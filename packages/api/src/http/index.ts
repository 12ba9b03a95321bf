export { BODY_LIMIT_BYTES, BODY_LIMIT_MESSAGE, declaresTooLarge, limitedBody, readJsonBody } from "./body";
export type { FetchHandler } from "./fetch-handler";
export {
  errorResponse,
  HttpErrorCode,
  HttpProblem,
  methodNotAllowed,
  problemResponse,
  routeNotFound,
  statusOf,
} from "./problem";
