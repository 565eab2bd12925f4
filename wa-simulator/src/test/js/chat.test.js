import { beforeAll, describe, expect, it } from 'vitest';

let api;
let store;
let models;
let state;

beforeAll(async () => {
  // The client is a browser page; these parts need only a window to read WPPConfig from.
  globalThis.window = globalThis.window || {};
  ({ api } = await import('../../main/resources/static/wa/wpp/api.js'));
  store = await import('../../main/resources/static/wa/wpp/store.js');
  models = await import('../../main/resources/static/wa/wpp/models.js');
  ({ state } = await import('../../main/resources/static/wa/wpp/state.js'));
});

function message(chat, n, fromMe) {
  const remote = new models.Wid(chat);
  return new models.MsgModel({ id: new models.MsgKey(!!fromMe, remote, '3A' + n), from: remote, to: remote,
    type: 'chat', body: 'message ' + n, t: 1795693800 + n, isNewMsg: false });
}

describe('WPP.chat.getMessages (as wa-js: oldest first)', () => {
  it('gives the chat\'s last count messages, or count before or after an id', async () => {
    for (let n = 1; n <= 5; n++) store.addMessage(message('15550002222@c.us', n));
    const last = await api.chat.getMessages('15550002222@c.us', { count: 2 });
    expect(last.map((m) => m.body)).toEqual(['message 4', 'message 5']);
    const before = await api.chat.getMessages('15550002222@c.us',
      { count: 2, direction: 'before', id: 'false_15550002222@c.us_3A4' });
    expect(before.map((m) => m.body)).toEqual(['message 2', 'message 3']);
    const after = await api.chat.getMessages('15550002222@c.us',
      { count: 10, direction: 'after', id: 'false_15550002222@c.us_3A4' });
    expect(after.map((m) => m.body)).toEqual(['message 5']);
    const all = await api.chat.getMessages('15550002222@c.us', { count: -1 });
    expect(all).toHaveLength(5);
  });

  it('refuses an unknown chat with chat_not_found and a malformed id with invalid_wid', async () => {
    await expect(api.chat.getMessages('15559990000@c.us')).rejects.toMatchObject({ code: 'chat_not_found' });
    await expect(api.chat.getMessages('not a chat')).rejects.toMatchObject({ code: 'invalid_wid' });
  });

  it('lists chats by their last activity', async () => {
    store.addMessage(message('15550007777@c.us', 9));
    const chats = await api.chat.list();
    expect(chats[0].id._serialized).toBe('15550007777@c.us');
  });
});

describe('a send with a messageId', () => {
  it('refuses a key that is not from me, or of another chat, as wa-js does', async () => {
    state.authenticated = true;
    store.addMessage(message('15550002222@c.us', 20));
    await expect(api.chat.sendTextMessage('15550002222@c.us', 'x',
      { messageId: 'false_15550002222@c.us_3EB0AAAA' })).rejects.toMatchObject({ code: 'message_key_is_not_from_me' });
    await expect(api.chat.sendTextMessage('15550002222@c.us', 'x',
      { messageId: 'true_15550003333@c.us_3EB0AAAA' }))
      .rejects.toMatchObject({ code: 'message_key_remote_id_is_not_same_of_chat' });
  });
});
