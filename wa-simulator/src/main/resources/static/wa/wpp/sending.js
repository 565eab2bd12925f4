/* Sending: resolving the recipient, the message key (messageId), uploading media, waiting for the server's acceptance. */
import { api } from './api.js';
import { WPPError } from './errors.js';
import { MsgKey, MsgModel, Wid } from './models.js';
import { hex, http } from './server.js';
import { emit, ev, render, state } from './state.js';
import { messageRecord, storeMessage } from './storage.js';
import { addMessage, chatFor, chats } from './store.js';

function toWid(id) {
  if (id instanceof Wid) return id;
  if (id && typeof id === 'object' && typeof id._serialized === 'string') return new Wid(id._serialized);
  var s = typeof id === 'string' ? id.trim() : '';
  if (/^\d{5,20}@(c\.us|lid)$/.test(s) || /^[\d-]{5,40}@g\.us$/.test(s) || s === 'status@broadcast') {
    return new Wid(s);
  }
  if (/^\d{5,20}$/.test(s)) return new Wid(s + '@c.us');
  if (/^\d{5,20}-\d{5,15}$/.test(s)) return new Wid(s + '@g.us');
  throw WPPError('invalid_wid', 'Invalid WID value for ' + id, { id: id });
}

function assertLoggedIn() {
  if (!state.authenticated) throw WPPError('not_authenticated', 'Not logged in');
}

function whenOnline() {
  if (state.online && state.mode === 'MAIN') return Promise.resolve();
  return ev.waitFor('conn.stream_mode_changed', { filter: function (m) { return m === 'MAIN'; }, timeout: 60000 })
    .then(function () { return undefined; });
}

function findChat(wid) {
  if (chats.has(wid._serialized) || wid.isGroup()) return Promise.resolve(chatFor(wid));
  return http('GET', '/wa/contacts/exists?id=' + encodeURIComponent(wid._serialized)).then(function (r) {
    if (!r.wid) throw new Error('Failed to find or create chat for ' + wid._serialized);
    return chatFor(wid);
  });
}

function sendMessage(chatId, attributes, upload, options) {
  var opts = Object.assign({}, api.chat.defaultSendMessageOptions, options || {});
  var wid;
  return Promise.resolve()
    .then(function () { assertLoggedIn(); wid = toWid(chatId); })
    .then(function () { return findChat(wid); })
    .then(function (chat) {
      if (opts.markIsRead) chat.set('unreadCount', 0);
      return upload ? upload() : {};
    })
    .then(function (media) {
      var id = '3EB0' + hex(8);
      if (opts.messageId) {
        var key = typeof opts.messageId === 'string' ? MsgKey.fromString(opts.messageId) : opts.messageId;
        if (!key.fromMe) {
          throw WPPError('message_key_is_not_from_me', 'Message key is not from me',
            { messageId: key.toString() });
        }
        if (!wid.equals(key.remote)) {
          throw WPPError('message_key_remote_id_is_not_same_of_chat', 'Message key remote ID is not same of chat',
            { messageId: key.toString() });
        }
        id = key.id;
      }
      var msg = new MsgModel(Object.assign({
        id: new MsgKey(true, wid, id), from: state.me, to: wid, t: Math.floor(Date.now() / 1000),
        ack: 0, self: 'out', isNewMsg: true, notifyName: state.pushName, isForwarded: false, star: false,
        broadcast: false, mentionedJidList: []
      }, attributes));
      if (media.mediaId) msg.attributes._mediaId = media.mediaId;
      addMessage(msg);
      storeMessage(messageRecord(msg)).catch(function () {});
      var send = function () {
        return whenOnline().then(function () {
          return http('POST', '/wa/messages', {
            id: id, to: wid._serialized, type: msg.type, body: msg.type === 'chat' ? msg.body : null,
            caption: msg.caption || null, media_id: media.mediaId || null, mimetype: msg.mimetype || null,
            filename: msg.filename || null, duration: msg.duration || null
          });
        });
      };
      var sent = send().then(function () {
        msg.set('ack', 1);
        storeMessage(messageRecord(msg)).catch(function () {});
        emit('chat.msg_ack_change', { ack: 1, chat: msg.to, ids: [msg.id] });
        return 'OK';
      }, function (error) {
        msg.set('ack', -1);
        return error.status ? 'ERROR_UNKNOWN' : 'ERROR_NETWORK';
      });
      var result = function (status) {
        return { id: msg.id._serialized, ack: msg.ack, from: state.me._serialized, to: wid._serialized,
          sendMsgResult: opts.waitForAck ? { messageSendResult: status } : null };
      };
      return opts.waitForAck ? sent.then(result) : result(null);
    });
}

function dataUrlParts(s) {
  var m = /^data:([^;,]+)?(;[^,]*)?,(.*)$/s.exec(s);
  if (!m || !/;base64/.test(m[2] || '')) return null;
  return { mimetype: m[1], data: m[3] };
}

function sniffMimetype(bytes) {
  var h = Array.from(bytes.slice(0, 12));
  var starts = function (sig) { return sig.every(function (b, i) { return h[i] === b; }); };
  if (starts([0xFF, 0xD8, 0xFF])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4E, 0x47])) return 'image/png';
  if (starts([0x47, 0x49, 0x46])) return 'image/gif';
  if (starts([0x25, 0x50, 0x44, 0x46])) return 'application/pdf';
  if (starts([0x4F, 0x67, 0x67, 0x53])) return 'audio/ogg';
  if (h[4] === 0x66 && h[5] === 0x74 && h[6] === 0x79 && h[7] === 0x70) return 'video/mp4';
  if (starts([0x52, 0x49, 0x46, 0x46]) && h[8] === 0x57) return 'image/webp';
  return 'application/octet-stream';
}
var EXTENSIONS = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp',
  'application/pdf': 'pdf', 'audio/ogg': 'ogg', 'video/mp4': 'mp4', 'audio/mpeg': 'mp3' };

function convertToFile(data, mimetype, filename) {
  return Promise.resolve().then(function () {
    if (data instanceof Blob) return data;
    if (typeof data !== 'string') throw 'invalid_data_url';
    if (/^https?:\/\//.test(data)) return fetch(data).then(function (r) { return r.blob(); });
    var parts = dataUrlParts(data);
    var b64data = parts ? parts.data : data;
    if (!/^[A-Za-z0-9+/=\s]+$/.test(b64data)) throw 'invalid_data_url';
    var binary;
    try { binary = atob(b64data.replace(/\s/g, '')); } catch (e) { throw 'invalid_data_url'; }
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: (parts && parts.mimetype) || mimetype || sniffMimetype(bytes) });
  }).then(function (blob) {
    return blob.arrayBuffer().then(function (buffer) {
      var type = mimetype || blob.type || sniffMimetype(new Uint8Array(buffer));
      var name = filename || blob.name || (type.split('/')[0] + '.' + (EXTENSIONS[type] || 'bin'));
      return new File([buffer], name, { type: type });
    });
  });
}

function mediaTypeFor(file, options) {
  var requested = options.type || 'auto-detect';
  var m = file.type;
  if (requested === 'audio' && options.isPtt) return 'ptt';
  if (requested !== 'auto-detect') return requested;
  if (m === 'image/webp') return 'sticker';
  if (m.indexOf('image/') === 0) return 'image';
  if (m.indexOf('video/') === 0) return 'video';
  if (m.indexOf('audio/') === 0) return options.isPtt ? 'ptt' : 'audio';
  return 'document';
}

function linkCodeStart(phone, refresh) {
  if (typeof phone !== 'string' || !phone.trim()) {
    return Promise.reject(WPPError('send_the_phone_number_to_connect', 'Send the phone number to connect'));
  }
  if (state.authenticated || state.registered) {
    return Promise.reject(WPPError('cannot_get_code_for_already_authenticated',
      'Cannot get code for already authenticated'));
  }
  return http('POST', '/wa/pairing/code', { phone: phone }).then(function (r) {
    var changed = state.linkCode !== r.code || refresh;
    state.linkCode = r.code;
    state.linkPhone = phone;
    if (changed) emit('conn.link_code_change', r.code);
    render();
    return r.code;
  });
}

export { EXTENSIONS, assertLoggedIn, convertToFile, dataUrlParts, findChat, linkCodeStart, mediaTypeFor, sendMessage, sniffMimetype, toWid, whenOnline };
