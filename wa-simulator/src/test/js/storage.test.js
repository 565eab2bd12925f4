import { describe, expect, it } from 'vitest';
import { MediaDataModel, MsgKey, MsgModel, Wid } from '../../main/resources/static/wa/wpp/models.js';
import { messageFromRecord, messageRecord } from '../../main/resources/static/wa/wpp/storage.js';

describe('messages kept in IndexedDB', () => {
  it('come back from their record as stored messages, not new ones, with their media reference', () => {
    const remote = new Wid('120363012345678901@g.us');
    const author = new Wid('15550003333@c.us');
    const msg = new MsgModel({ id: new MsgKey(false, remote, '3A1B', author), from: remote,
      to: new Wid('15550001111@c.us'), author, type: 'image', caption: 'the menu', t: 1795693801, ack: 0,
      isNewMsg: true, mimetype: 'image/png', filename: 'menu.png', size: 68,
      mediaData: new MediaDataModel({ type: 'image', mimetype: 'image/png' }) });
    msg.attributes._mediaId = 'media-1';

    const back = messageFromRecord(JSON.parse(JSON.stringify(messageRecord(msg))));

    expect(back.id._serialized).toBe(msg.id._serialized);
    expect(back.author.equals(author)).toBe(true);
    expect(back.caption).toBe('the menu');
    expect(back.isNewMsg).toBe(false);
    expect(back.mediaData.mimetype).toBe('image/png');
    expect(back.attributes._mediaId).toBe('media-1');
  });
});
