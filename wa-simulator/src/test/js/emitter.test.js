import { describe, expect, it } from 'vitest';
import { Emitter } from '../../main/resources/static/wa/wpp/emitter.js';

describe('Emitter (EventEmitter2 as wa-js configures it)', () => {
  it('runs onAny listeners before named ones, with the event name first', () => {
    const emitter = new Emitter();
    const calls = [];
    emitter.on('chat.new_message', (m) => calls.push(['named', m]));
    emitter.onAny((name, m) => calls.push(['any', name, m]));
    emitter.emit('chat.new_message', 'm1');
    expect(calls).toEqual([['any', 'chat.new_message', 'm1'], ['named', 'm1']]);
  });

  it('has no wildcards: conn.* never fires', () => {
    const emitter = new Emitter();
    let fired = false;
    emitter.on('conn.*', () => { fired = true; });
    emitter.emit('conn.online', true);
    expect(fired).toBe(false);
  });

  it('resolves waitFor with the array of the arguments, filtered', async () => {
    const emitter = new Emitter();
    const waiting = emitter.waitFor('conn.stream_mode_changed', { filter: (mode) => mode === 'MAIN' });
    emitter.emit('conn.stream_mode_changed', 'SYNCING');
    emitter.emit('conn.stream_mode_changed', 'MAIN');
    await expect(waiting).resolves.toEqual(['MAIN']);
  });

  it('removes a once listener after the first call and by its original function', () => {
    const emitter = new Emitter();
    let count = 0;
    const listener = () => { count++; };
    emitter.once('loader.ready', listener);
    emitter.emit('loader.ready');
    emitter.emit('loader.ready');
    emitter.once('loader.ready', listener);
    emitter.off('loader.ready', listener);
    emitter.emit('loader.ready');
    expect(count).toBe(1);
  });
});
