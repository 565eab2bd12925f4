import { describe, expect, it } from 'vitest';
import { formatDuration, relativeTime, toMillis } from './time.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('relativeTime', () => {
  it('uses the largest whole unit', () => {
    expect(relativeTime('2025-06-01T11:59:48Z', NOW)).toBe('12 s ago');
    expect(relativeTime('2025-06-01T11:57:00Z', NOW)).toBe('3 min ago');
    expect(relativeTime('2025-06-01T09:30:00Z', NOW)).toBe('2 h ago');
    expect(relativeTime('2025-05-28T12:00:00Z', NOW)).toBe('4 d ago');
  });

  it('says when a time is in the future, such as the next delivery attempt', () => {
    expect(relativeTime('2025-06-01T12:00:40Z', NOW)).toBe('in 40 s');
  });

  it('treats a second of clock skew as now', () => {
    expect(relativeTime('2025-06-01T12:00:01Z', NOW)).toBe('just now');
  });

  it('shows a dash for a missing or invalid time', () => {
    expect(relativeTime(null, NOW)).toBe('—');
    expect(relativeTime('not a date', NOW)).toBe('—');
  });
});

describe('toMillis', () => {
  it('reads epoch seconds as WhatsApp timestamps are given', () => {
    expect(toMillis(1795693800)).toBe(1795693800000);
    expect(toMillis(NOW)).toBe(NOW);
  });
});

describe('formatDuration', () => {
  it('switches to seconds from one second on', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(2300)).toBe('2.3 s');
    expect(formatDuration(null)).toBe('—');
  });
});
