import { describe, expect, it } from 'vitest';
import { errorsFor, isMissingEndpoint, toProblem, unplacedErrors } from './problem.js';

describe('toProblem', () => {
  it('keeps the detail, code and field errors of a validation problem', () => {
    const problem = toProblem(400, 'Bad Request', {
      type: 'https://wamonitor.io/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      detail: 'name is required',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'name', message: 'is required' }],
    });
    expect(problem).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'name is required',
    });
    expect(errorsFor(problem, 'name')).toEqual(['is required']);
    expect(errorsFor(problem, 'webhook_url')).toEqual([]);
  });

  it('reads the limit of ACCOUNT_LIMIT_REACHED', () => {
    const problem = toProblem(409, '', {
      code: 'ACCOUNT_LIMIT_REACHED',
      detail: 'At most 5 accounts',
      limit: 5,
    });
    expect(problem.limit).toBe(5);
  });

  it('explains a status without a body instead of showing nothing', () => {
    expect(toProblem(502, 'Bad Gateway', null).detail).toBe(
      'The gateway answered 502 Bad Gateway without an explanation.',
    );
    expect(toProblem(404, '', undefined).code).toBe('HTTP_404');
  });

  it('never turns an object into text such as [object Object]', () => {
    const problem = toProblem(500, '', {
      detail: { nested: true },
      title: 'Internal error',
      errors: 'nope',
    });
    expect(problem.detail).toBe('Internal error');
    expect(problem.errors).toEqual([]);
  });

  it('lists field errors that the form does not place next to an input', () => {
    const problem = toProblem(400, '', {
      detail: 'x',
      errors: [
        { field: 'name', message: 'is required' },
        { field: 'media.data', message: 'is required' },
      ],
    });
    expect(unplacedErrors(problem, ['name'])).toEqual([
      { field: 'media.data', message: 'is required' },
    ]);
  });
});

describe('isMissingEndpoint', () => {
  it('takes a 404 for an endpoint that an older gateway does not have', () => {
    expect(isMissingEndpoint({ status: 404, code: 'NOT_FOUND' })).toBe(true);
    expect(isMissingEndpoint({ status: 404, code: 'HTTP_404' })).toBe(true);
  });

  it('keeps a missing account and every other failure an error', () => {
    expect(isMissingEndpoint({ status: 404, code: 'ACCOUNT_NOT_FOUND' })).toBe(false);
    expect(isMissingEndpoint({ status: 500, code: 'INTERNAL_ERROR' })).toBe(false);
    expect(isMissingEndpoint(new Error('bug'))).toBe(false);
    expect(isMissingEndpoint(null)).toBe(false);
  });
});
