/* What the page keeps in IndexedDB: the linked device's credentials (with a non-extractable key) and its messages. */
import { MediaDataModel, MsgKey, MsgModel, Wid } from './models.js';
import { addMessage, messages } from './store.js';

// So do its messages ("model-storage"): WhatsApp Web stores a message before it confirms receipt to the
// server, and shows the stored ones again after a reload.
var DB_NAME = 'wawc';
function db() {
  return new Promise(function (resolve, reject) {
    var open = indexedDB.open(DB_NAME, 2);
    open.onupgradeneeded = function () {
      if (!open.result.objectStoreNames.contains('user')) open.result.createObjectStore('user');
      if (!open.result.objectStoreNames.contains('messages')) open.result.createObjectStore('messages');
    };
    open.onsuccess = function () { resolve(open.result); };
    open.onerror = function () { reject(open.error); };
  });
}
function dbDo(storeName, mode, fn) {
  return db().then(function (database) {
    return new Promise(function (resolve, reject) {
      var tx = database.transaction(storeName, mode);
      var request = fn(tx.objectStore(storeName));
      tx.oncomplete = function () { database.close(); resolve(request && request.result); };
      tx.onerror = function () { database.close(); reject(tx.error); };
    });
  });
}
function loadCredentials() { return dbDo('user', 'readonly', function (s) { return s.get('device'); }); }
function saveCredentials(c) { return dbDo('user', 'readwrite', function (s) { return s.put(c, 'device'); }); }
function clearCredentials() {
  localStorage.removeItem('last-wid-md');
  return dbDo('user', 'readwrite', function (s) { return s.delete('device'); })
    .then(function () { return dbDo('messages', 'readwrite', function (s) { return s.clear(); }); });
}

function widString(w) { return w == null ? null : (w._serialized || String(w)); }
function messageRecord(msg) {
  var a = msg.attributes;
  return {
    id: a.id._serialized, fromMe: a.id.fromMe, remote: a.id.remote._serialized, keyId: a.id.id,
    participant: a.id.participant ? a.id.participant._serialized : null, from: widString(a.from),
    to: widString(a.to), author: widString(a.author), type: a.type, body: a.body, caption: a.caption, t: a.t,
    notifyName: a.notifyName, ack: a.ack, mimetype: a.mimetype, filename: a.filename, size: a.size,
    duration: a.duration, mediaId: a._mediaId || null, hasMedia: !!a.mediaData,
    lat: a.lat, lng: a.lng, loc: a.loc, vcardList: a.vcardList, vcardFormattedName: a.vcardFormattedName,
    pollName: a.pollName, pollOptions: a.pollOptions, pollSelectableOptionsCount: a.pollSelectableOptionsCount,
    quotedStanzaID: a.quotedStanzaID, quotedRemoteJid: widString(a.quotedRemoteJid),
    quotedParticipant: widString(a.quotedParticipant), quotedKey: a._quotedKey || null, isForwarded: !!a.isForwarded,
    latestEditMsgKey: widString(a.latestEditMsgKey), latestEditSenderTimestampMs: a.latestEditSenderTimestampMs,
    reactions: a._reactions || null
  };
}
function messageFromRecord(r) {
  var remote = new Wid(r.remote);
  var attributes = {
    id: new MsgKey(r.fromMe, remote, r.keyId, r.participant ? new Wid(r.participant) : undefined),
    from: r.from ? new Wid(r.from) : undefined, to: r.to ? new Wid(r.to) : undefined,
    author: r.author ? new Wid(r.author) : undefined, type: r.type, subtype: null, body: r.body,
    caption: r.caption, t: r.t, notifyName: r.notifyName, self: r.fromMe ? 'out' : 'in', ack: r.ack,
    isNewMsg: false, mimetype: r.mimetype, filename: r.filename, size: r.size, duration: r.duration,
    isForwarded: !!r.isForwarded, star: false, broadcast: false, mentionedJidList: [],
    lat: r.lat, lng: r.lng, loc: r.loc, vcardList: r.vcardList, vcardFormattedName: r.vcardFormattedName,
    pollName: r.pollName, pollOptions: r.pollOptions, pollSelectableOptionsCount: r.pollSelectableOptionsCount,
    quotedStanzaID: r.quotedStanzaID, quotedRemoteJid: r.quotedRemoteJid ? new Wid(r.quotedRemoteJid) : undefined,
    quotedParticipant: r.quotedParticipant ? new Wid(r.quotedParticipant) : undefined,
    _quotedKey: r.quotedKey || undefined, _reactions: r.reactions || undefined,
    latestEditMsgKey: r.latestEditMsgKey ? MsgKey.fromString(r.latestEditMsgKey) : undefined,
    latestEditSenderTimestampMs: r.latestEditSenderTimestampMs
  };
  if (r.hasMedia) {
    attributes.mediaData = new MediaDataModel({ type: r.type, mediaStage: 'RESOLVED', mimetype: r.mimetype,
      size: r.size, filename: r.filename, duration: r.duration, filehash: undefined });
    attributes._mediaId = r.mediaId;
  }
  return new MsgModel(attributes);
}
function storeMessage(record) {
  return dbDo('messages', 'readwrite', function (s) { return s.put(record, record.id); });
}
function loadMessages() {
  return dbDo('messages', 'readonly', function (s) { return s.getAll(); }).then(function (records) {
    (records || []).sort(function (a, b) { return (a.t || 0) - (b.t || 0); })
      .forEach(function (r) { if (!messages.has(r.id)) addMessage(messageFromRecord(r)); });
  });
}

export { DB_NAME, clearCredentials, db, dbDo, loadCredentials, loadMessages, messageFromRecord, messageRecord, saveCredentials, storeMessage, widString };
