import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';
import { clientErrorCodes, toApiErrorBody, TongbanApiError } from './api-error.js';

export type TongbanClient = Client<paths>;

export interface TongbanClientOptions {
  /**
   * The runtime's origin (`http://127.0.0.1:3000`); the paths carry `/api`. In a browser the page's own
   * origin by default: the apps are served by the runtime (docs/decisions/0020-one-origin.md).
   */
  baseUrl?: string;
  /** The UI's language at the moment of each request (`i18n.language`): the runtime answers in it. */
  language: () => string;
  /** Replaces the global fetch (tests, a fetch that keeps cookies outside a browser). */
  fetch?: (input: Request) => Promise<Response>;
}

/**
 * The typed client of the runtime's HTTP API: generated types (schema.d.ts) over openapi-fetch. The
 * session cookie goes along on the same origin; `Accept-Language` follows the UI's language, so the
 * runtime's messages come back in it. Calls answer `{ data, error, response }` as openapi-fetch does;
 * `unwrap` turns them into the data or a thrown `TongbanApiError`.
 */
export function createTongbanClient(options: TongbanClientOptions): TongbanClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '',
    credentials: 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const language: Middleware = {
    onRequest({ request }) {
      request.headers.set('accept-language', options.language());
      return request;
    },
  };
  client.use(language);
  return client;
}

/** What a call of the client resolves to (openapi-fetch's `FetchResponse`, as far as `unwrap` needs it). */
interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a call's success (openapi-fetch types it as absent on the failure branch). */
export type SuccessData<Result extends CallResult> = Exclude<Result['data'], undefined>;

/**
 * The data of a successful call, or a `TongbanApiError` with the runtime's error body (its
 * `details[].path` name the fields at fault). No answer at all is a `TongbanApiError` with status 0.
 */
export async function unwrap<Result extends CallResult>(call: Promise<Result>): Promise<SuccessData<Result>> {
  let result: Result;
  try {
    result = await call;
  } catch (cause) {
    throw new TongbanApiError(0, {
      error: clientErrorCodes.networkUnreachable,
      message: cause instanceof Error ? cause.message : String(cause),
      details: [],
    });
  }
  if (result.response.ok) return result.data as SuccessData<Result>;
  throw new TongbanApiError(result.response.status, toApiErrorBody(result.error, result.response));
}
