// The one way the dashboard talks to the gateway: adds the API key, turns every failure into an ApiError
// carrying a problem the UI can show, and tells the app when the key stops working or the gateway is gone.

import { toProblem } from './lib/problem.js';

const KEY_STORAGE = 'wa-monitor.api-key';

/**
 * The API key lives in sessionStorage: it is gone when the tab closes, is not seen by other tabs (a tab
 * duplicated by the browser starts with a copy) and never goes into a URL, a cookie or the console.
 */
export const apiKeyStore = {
  get() {
    try {
      return sessionStorage.getItem(KEY_STORAGE);
    } catch {
      return null;
    }
  },
  /** False when the browser refuses storage; the caller then tells the operator why sign-in cannot stick. */
  set(key) {
    try {
      sessionStorage.setItem(KEY_STORAGE, key);
      return true;
    } catch {
      return false;
    }
  },
  clear() {
    try {
      sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      // storage disabled: nothing was kept
    }
  },
};

/**
 * Events for the app shell: `unauthorized` (the stored key was refused; detail = problem),
 * `reachable` and `unreachable` (whether the last request got an answer from the gateway).
 */
export const gatewayEvents = new EventTarget();

function emit(type, detail) {
  gatewayEvents.dispatchEvent(new CustomEvent(type, { detail }));
}

export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
  }

  static unreachable() {
    return new ApiError({
      status: 0,
      code: 'GATEWAY_UNREACHABLE',
      title: 'Gateway unreachable',
      detail:
        'The gateway could not be reached. Check that it is running and that this machine can reach it.',
      errors: [],
    });
  }
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

/**
 * The gateway answers every error with JSON. A 5xx without JSON comes from something in between (a proxy, the
 * dev server) telling us the gateway itself did not answer.
 */
function answeredByGateway(response) {
  const type = response.headers.get('Content-Type') ?? '';
  return response.status < 500 || type.includes('json');
}

async function readBody(response) {
  const raw = await response.text();
  if (raw === '') {
    return null;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Sends a request and returns the Response when it is 2xx. `json` is sent as the body; `apiKey` checks a key
 * that is not stored yet (a refusal then does not sign anyone out).
 */
export async function apiRequest(
  path,
  { method = 'GET', json, headers = {}, accept = 'application/json', apiKey, signal } = {},
) {
  const key = apiKey ?? apiKeyStore.get();
  const sent = new Headers(headers);
  sent.set('Accept', accept);
  if (key) {
    sent.set('X-Api-Key', key);
  }
  const init = { method, headers: sent, signal, cache: 'no-store', credentials: 'same-origin' };
  if (json !== undefined) {
    sent.set('Content-Type', 'application/json');
    init.body = JSON.stringify(json);
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (isAbort(error)) {
      throw error;
    }
    emit('unreachable');
    throw ApiError.unreachable();
  }
  if (!answeredByGateway(response)) {
    emit('unreachable');
    throw ApiError.unreachable();
  }
  emit('reachable');
  if (response.ok) {
    return response;
  }

  const body = await readBody(response);
  const error = new ApiError(toProblem(response.status, response.statusText, body));
  // Only a refusal of the key in use now signs out: a poll sent with the previous key may come back after
  // the operator signed in again.
  if (response.status === 401 && apiKey === undefined && key === apiKeyStore.get()) {
    emit('unauthorized', error.problem);
  }
  throw error;
}

/** The parsed JSON of a 2xx answer (null when it has no body). */
export async function readJson(response) {
  const body = await readBody(response);
  if (body === undefined) {
    throw new ApiError(
      toProblem(response.status, response.statusText, {
        detail: 'The gateway answered with something that is not JSON.',
      }),
    );
  }
  return body;
}

export async function getJson(path, options) {
  return readJson(await apiRequest(path, options));
}

export async function sendJson(method, path, json, options = {}) {
  return readJson(await apiRequest(path, { ...options, method, json }));
}

export async function getBlob(path, options = {}) {
  const response = await apiRequest(path, { ...options, accept: options.accept ?? '*/*' });
  return response.blob();
}

/** Builds /api/... paths with every variable part encoded (message ids contain '@' and more). */
export function apiPath(strings, ...values) {
  return strings.reduce(
    (path, part, i) => path + part + (i < values.length ? encodeURIComponent(values[i]) : ''),
    '',
  );
}
