import { describe, expect, it } from 'vitest';
import { MsgKey, MsgModel, Wid } from '../../main/resources/static/wa/wpp/models.js';

describe('Wid and MsgKey', () => {
  it('parse and serialize as WhatsApp does', () => {
    const group = new Wid('120363012345678901@g.us');
    expect(group.isGroup()).toBe(true);
    expect(group.isUser()).toBe(false);
    expect(String(group)).toBe('120363012345678901@g.us');
    expect(JSON.stringify({ id: group })).toBe('{"id":"120363012345678901@g.us"}');
    expect(new Wid('123456789012345@lid').isLid()).toBe(true);
  });

  it('name the participant of a group message in the key, not of one sent by me', () => {
    const remote = new Wid('120363012345678901@g.us');
    const author = new Wid('15550003333@c.us');
    expect(new MsgKey(false, remote, '3A1B', author)._serialized)
      .toBe('false_120363012345678901@g.us_3A1B_15550003333@c.us');
    expect(new MsgKey(true, remote, '3EB0', author)._serialized).toBe('true_120363012345678901@g.us_3EB0');
    const parsed = MsgKey.fromString('true_15550002222@c.us_3EB0ABCD');
    expect(parsed.fromMe).toBe(true);
    expect(parsed.remote.equals('15550002222@c.us')).toBe(true);
    expect(parsed.id).toBe('3EB0ABCD');
  });

  it('keeps a message\'s attributes behind prototype getters, not own keys', () => {
    const msg = new MsgModel({ id: new MsgKey(false, new Wid('15550002222@c.us'), '3A1B'), type: 'chat', body: 'hi' });
    expect(msg.body).toBe('hi');
    expect(Object.keys(msg)).not.toContain('body');
    expect(msg.isGroupMsg).toBe(false);
    expect(msg.isNotification).toBe(false);
  });
});
