import { describe, expect, it } from 'vitest';
import {
  formatMegabytes,
  formatMemory,
  startingAccounts,
  usageColour,
  usageShare,
  workerStateInfo,
  workerStateOf,
} from './workers.js';

describe('workerStateOf', () => {
  it('takes the state the API reports', () => {
    expect(workerStateOf({ state: 'lost', alive: false })).toBe('lost');
    expect(workerStateOf({ state: 'draining', alive: true, draining: true })).toBe('draining');
  });

  it('derives it from alive and draining when there is none', () => {
    expect(workerStateOf({ alive: true, draining: false })).toBe('alive');
    expect(workerStateOf({ alive: true, draining: true })).toBe('draining');
    expect(workerStateOf({ alive: false })).toBe('unreachable');
  });
});

describe('workerStateInfo', () => {
  it('explains each state and colours it', () => {
    expect(workerStateInfo('alive')).toMatchObject({ label: 'alive' });
    expect(workerStateInfo('alive').classes).toContain('emerald');
    expect(workerStateInfo('draining').classes).toContain('amber');
    expect(workerStateInfo('draining').description).toMatch(/one at a time/);
    expect(workerStateInfo('unreachable').description).toMatch(/DISCONNECTED/);
    expect(workerStateInfo('lost').classes).toContain('red');
    expect(workerStateInfo('lost').description).toMatch(/WORKER_FAILOVER_GRACE/);
  });

  it('shows an unknown state verbatim', () => {
    expect(workerStateInfo('hibernating')).toMatchObject({ label: 'hibernating' });
    expect(workerStateInfo('hibernating').classes).toContain('fuchsia');
  });
});

describe('formatMegabytes', () => {
  it('counts 1024 × 1024 bytes to the megabyte', () => {
    expect(formatMegabytes(587202560)).toBe('560 MB');
    expect(formatMegabytes(2 * 1024 * 1024 * 1024)).toBe('2048 MB');
    expect(formatMegabytes(0)).toBe('0 MB');
  });

  it('does not round a little memory down to nothing', () => {
    expect(formatMegabytes(1000)).toBe('< 1 MB');
  });

  it('shows a dash for a missing value', () => {
    expect(formatMegabytes(undefined)).toBe('—');
    expect(formatMegabytes(null)).toBe('—');
  });
});

describe('formatMemory', () => {
  it('adds the limit only when there is one', () => {
    expect(formatMemory(587202560, 0)).toBe('560 MB');
    expect(formatMemory(587202560, 2147483648)).toBe('560 MB of 2048 MB');
  });
});

describe('usageShare and usageColour', () => {
  it('is a share between 0 and 1', () => {
    expect(usageShare(2, 4)).toBe(0.5);
    expect(usageShare(5, 4)).toBe(1);
    expect(usageShare(3, 0)).toBe(0);
    expect(usageShare(undefined, 3)).toBe(0);
  });

  it('turns amber from 80 % and red when full', () => {
    expect(usageColour(0.5)).toBe('bg-emerald-500');
    expect(usageColour(0.8)).toBe('bg-amber-500');
    expect(usageColour(1)).toBe('bg-red-500');
  });
});

describe('startingAccounts', () => {
  it('is the assigned accounts the worker does not hold yet', () => {
    const a = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const b = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect([...startingAccounts([a, b], [a.toUpperCase()])]).toEqual([b]);
    expect(startingAccounts([a], undefined).has(a)).toBe(true);
    expect(startingAccounts(undefined, [a]).size).toBe(0);
  });
});
