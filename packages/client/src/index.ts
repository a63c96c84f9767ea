/** Tongban's typed HTTP client: types generated from the runtime's OpenAPI document, over openapi-fetch. */
export {
  createTongbanClient,
  unwrap,
  type SuccessData,
  type TongbanClient,
  type TongbanClientOptions,
} from './client.js';
export {
  TongbanApiError,
  clientErrorCodes,
  isApiErrorBody,
  type ApiErrorBody,
  type ApiErrorDetail,
} from './api-error.js';
export type { paths, components, operations } from './schema.js';
