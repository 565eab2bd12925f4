// RFC 9457 problem documents from the gateway, made safe to show: every field the UI renders is a string.

/** A short text for an HTTP status when the body says nothing usable. */
function fallbackDetail(status, statusText) {
  const reason = statusText ? ` ${statusText}` : '';
  return `The gateway answered ${status}${reason} without an explanation.`;
}

function text(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function fieldErrors(errors) {
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors
    .filter((e) => e && typeof e === 'object' && typeof e.field === 'string')
    .map((e) => ({ field: e.field, message: text(e.message) ?? 'is invalid' }));
}

/**
 * Builds the problem the UI shows from a response status and its parsed body (or null when the body was not
 * JSON). Never throws; `detail` is always a non-empty string.
 */
export function toProblem(status, statusText, body) {
  const doc = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const title = text(doc.title) ?? text(statusText) ?? `HTTP ${status}`;
  return {
    status: Number.isInteger(doc.status) ? doc.status : status,
    code: text(doc.code) ?? `HTTP_${status}`,
    title,
    detail: text(doc.detail) ?? text(doc.title) ?? fallbackDetail(status, statusText),
    errors: fieldErrors(doc.errors),
    limit: Number.isInteger(doc.limit) ? doc.limit : undefined,
    accountStatus: text(doc.account_status),
    errorId: text(doc.error_id),
  };
}

/** The messages a problem has for one form field, e.g. `webhook_url`. */
export function errorsFor(problem, field) {
  if (!problem) {
    return [];
  }
  return problem.errors.filter((e) => e.field === field).map((e) => e.message);
}

/** Field errors that no input of the form shows, so they are listed with the detail instead. */
export function unplacedErrors(problem, placedFields) {
  if (!problem) {
    return [];
  }
  return problem.errors.filter((e) => !placedFields.includes(e.field));
}

/**
 * Whether a request failed because the gateway has no such endpoint (a gateway older than this dashboard
 * answers 404 for it). A 404 about the account itself (ACCOUNT_NOT_FOUND) is a real error.
 */
export function isMissingEndpoint(error) {
  return error?.status === 404 && error.code !== 'ACCOUNT_NOT_FOUND';
}
