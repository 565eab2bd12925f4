import { describe, expect, it } from 'vitest';
import { accountHref, parseRoute } from './route.js';

describe('parseRoute', () => {
  it('opens the accounts view by default', () => {
    expect(parseRoute('')).toEqual({ view: 'accounts', accountId: null });
    expect(parseRoute('#/unknown')).toEqual({ view: 'accounts', accountId: null });
  });

  it('reads the selected account and the workers view', () => {
    const id = '6f1c2d3e-0000-4000-8000-000000000001';
    expect(parseRoute(accountHref(id))).toEqual({ view: 'accounts', accountId: id });
    expect(parseRoute('#/workers')).toEqual({ view: 'workers' });
  });
});
