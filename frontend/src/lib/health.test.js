import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  healReasonText,
  healStepText,
  healthInfo,
  incidentsOf,
  screenshotFileName,
  screenshotPath,
} from './health.js';

describe('healthInfo', () => {
  it('labels, explains and colours each health', () => {
    expect(healthInfo('ok')).toMatchObject({ label: 'ok' });
    expect(healthInfo('ok').classes).toContain('emerald');
    expect(healthInfo('degraded').classes).toContain('amber');
    expect(healthInfo('stalled').classes).toContain('red');
    expect(healthInfo('stalled').description).toMatch(/heal/);
  });

  it('is null when the health is unknown, so nothing is shown', () => {
    expect(healthInfo(null)).toBeNull();
    expect(healthInfo(undefined)).toBeNull();
    expect(healthInfo('')).toBeNull();
  });

  it('shows a value it does not know verbatim', () => {
    expect(healthInfo('wobbly')).toMatchObject({ label: 'wobbly' });
    expect(healthInfo('wobbly').classes).toContain('fuchsia');
  });
});

describe('healStepText', () => {
  it('says what the worker did', () => {
    expect(healStepText('reload')).toBe('Reloaded the WhatsApp Web page');
    expect(healStepText('relaunch')).toBe('Relaunched the browser');
    expect(healStepText('give_up')).toBe('Gave up healing: the account is FAILED');
  });

  it('is null without a heal step and verbatim for an unknown one', () => {
    expect(healStepText(null)).toBeNull();
    expect(healStepText(undefined)).toBeNull();
    expect(healStepText('reboot')).toBe('Heal step “reboot”');
  });
});

describe('healReasonText', () => {
  it('says why the worker healed', () => {
    expect(healReasonText('server_silent')).toBe("WhatsApp's servers went silent");
    expect(healReasonText('browser_exited')).toBe('the browser exited');
    expect(healReasonText('gpu_on_fire')).toBe('gpu on fire');
    expect(healReasonText(null)).toBeNull();
  });
});

describe('formatBytes', () => {
  it('picks the unit by powers of 1024', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(143654912)).toBe('137 MB');
    expect(formatBytes(2.5 * 1024 ** 3)).toBe('2.5 GB');
  });

  it('shows one decimal below ten and whole numbers above', () => {
    expect(formatBytes(9 * 1024 * 1024)).toBe('9.0 MB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(9.97 * 1024 * 1024)).toBe('10 MB');
  });

  it('never says 1024 of a unit', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB');
    expect(formatBytes(1023)).toBe('1023 B');
  });

  it('shows a dash for a missing or impossible value', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes('123')).toBe('—');
  });
});

describe('screenshotPath', () => {
  it("takes the gateway's own /api path", () => {
    const url = '/api/accounts/a1/incidents/i1/screenshot';
    expect(screenshotPath({ screenshot_url: url })).toBe(url);
  });

  it('refuses anything the API key must not be sent to', () => {
    expect(screenshotPath({ screenshot_url: 'https://evil.example/x.png' })).toBeNull();
    expect(screenshotPath({ screenshot_url: '//evil.example/api/x.png' })).toBeNull();
    expect(screenshotPath({ screenshot_url: null })).toBeNull();
    expect(screenshotPath({})).toBeNull();
    expect(screenshotPath(undefined)).toBeNull();
  });
});

describe('screenshotFileName', () => {
  it('names the file after the account and the time', () => {
    expect(screenshotFileName('Sales desk', '2026-12-02T12:00:00Z')).toBe(
      'incident-Sales_desk-2026-12-02T12-00-00Z.png',
    );
    expect(screenshotFileName('a', null)).toBe('incident-a.png');
  });
});

describe('incidentsOf', () => {
  it('keeps at most ten incidents in the order given', () => {
    const list = Array.from({ length: 12 }, (_, i) => ({ id: String(i) }));
    expect(incidentsOf(list).map((i) => i.id)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
  });

  it('reads anything that is not a list as no incidents', () => {
    expect(incidentsOf(null)).toEqual([]);
    expect(incidentsOf({ id: 'x' })).toEqual([]);
    expect(incidentsOf([null, { id: 'y' }])).toEqual([{ id: 'y' }]);
  });
});
