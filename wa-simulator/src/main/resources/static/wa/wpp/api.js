/* window.WPP: the names, arguments, return shapes and errors of @wppconnect/wa-js 4.6.0 for the subset a gateway uses. */
import { FILE_LIMIT, WA_VERSION } from './constants.js';
import { WPPError } from './errors.js';
import { MediaDataModel, MsgKey, Wid } from './models.js';
import { convertToFile, findChat, linkCodeStart, mediaTypeFor, sendMessage, toWid } from './sending.js';
import { http } from './server.js';
import { loggedOut, openDeviceStream } from './session.js';
import { authCode, emit, ev, loaderHooks, render, setSocket, state } from './state.js';
import { ChatStore, MsgStore, chats, mediaBlobs, messages } from './store.js';

// ---- the public API ----------------------------------------------------------------------------------
var config = Object.assign({ deviceName: false, poweredBy: 'WA-JS', disableGoogleAnalytics: false,
  googleAnalyticsId: null, googleAnalyticsUserProperty: {}, linkPreviewApiServers: null, liveLocationLimit: 10,
  sendStatusToDevice: false, syncAllStatus: true }, window.WPPConfig || {});
var configProxy = new Proxy(config, {
  set: function (target, key, value) {
    target[key] = value;
    emit('config.update', { config: target, key: key, path: [key], target: target, value: value });
    return true;
  }
});

// WhatsApp Web's store of About texts (WAWebTextStatusCollection): find() asks the servers once per user and keeps
// the answer; a later find() of the same user is answered from the store, without the servers, until the model is
// removed.
var statusModels = new Map();
function statusKey(id) { return String(id && (id._serialized || id)); }
var StatusStore = {
  get: function (id) { return statusModels.get(statusKey(id)); },
  remove: function (id) {
    var model = statusModels.get(statusKey(id));
    statusModels.delete(statusKey(id));
    return model;
  },
  find: function (id) {
    var cached = statusModels.get(statusKey(id));
    if (cached) return Promise.resolve(cached);
    return http('GET', '/wa/profile/status').then(function (r) {
      var model = { id: id, status: r.status };
      statusModels.set(statusKey(id), model);
      return model;
    });
  }
};

var api = {
  version: '4.6.0',
  supportedWhatsappWeb: '>=2.3000.1038792969-alpha',
  license: 'Apache-2.0',
  config: configProxy,
  ev: ev,
  loader: {
    loaderType: 'meta',
    injectLoader: function () {},
    onInjected: function (listener, delay) { loaderHooks.injected.push({ listener: listener, delay: delay }); },
    onReady: function (listener, delay) { loaderHooks.ready.push({ listener: listener, delay: delay }); },
    onFullReady: function (listener, delay) { loaderHooks.full_ready.push({ listener: listener, delay: delay }); }
  },
  conn: {
    isAuthenticated: function () { return state.authenticated; },
    isRegistered: function () { return state.registered; },
    isMainInit: function () { return state.mainInit; },
    isMainLoaded: function () { return state.mainLoaded; },
    isMainReady: function () { return state.mainReady; },
    isOnline: function () { return state.online; },
    isIdle: function () { return state.socket === 'UNPAIRED_IDLE'; },
    isMultiDevice: function () { return true; },
    needsUpdate: function () { return state.needsUpdate; },
    getStreamData: function () { return { mode: state.mode, info: state.info }; },
    getAuthCode: function () { return Promise.resolve(authCode()); },
    refreshQR: function () {
      if (state.authenticated || state.registered) return Promise.resolve(null);
      var next = ev.waitFor('conn.auth_code_change', { filter: function (c) { return c != null; } });
      return http('POST', '/wa/pairing/refresh', {}).then(function () { return next; })
        .then(function (args) { return args[0]; });
    },
    genLinkDeviceCodeForPhoneNumber: function (phone) { return linkCodeStart(phone, false); },
    startLinkDeviceCodeForPhoneNumber: function (phone) { return linkCodeStart(phone, false); },
    refreshLinkDeviceCode: function () {
      if (!state.linkPhone) return Promise.reject(new Error('No phone linking flow is active'));
      return linkCodeStart(state.linkPhone, true);
    },
    cancelLinkDeviceCode: function () {
      if (!state.linkPhone) return;
      state.linkPhone = null;
      state.linkCode = null;
      http('POST', '/wa/pairing/code/cancel', {}).catch(function () {});
      render();
    },
    logout: function () {
      if (!state.sessionToken) return Promise.resolve(true);
      return http('POST', '/wa/logout', {}).then(function () {
        loggedOut('user_initiated');
        return true;
      });
    },
    getMyUserId: function () { return state.me || undefined; },
    getMyUserWid: function () { return state.me || undefined; },
    getMyUserLid: function () { return undefined; },
    getMyDeviceId: function () {
      return state.deviceId ? new Wid(state.deviceId + '@c.us') : undefined;
    },
    getPlatform: function () { return state.authenticated ? 'android' : undefined; },
    getTheme: function () { return 'light'; },
    getBuildConstants: function () {
      var p = WA_VERSION.split('.').map(Number);
      return state.mainInit ? { VERSION_STR: WA_VERSION, VERSION_BASE: WA_VERSION, VERSION_PRIMARY: p[0],
        VERSION_SECONDARY: p[1], VERSION_TERTIARY: p[2], PARSED: { PRIMARY: p[0], SECONDARY: p[1],
          TERTIARY: p[2] } } : null;
    },
    isWhatsAppVersionGTE: function (v) {
      var a = WA_VERSION.split('.').map(Number);
      var b = String(v).split('.').map(Number);
      for (var i = 0; i < 3; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
      return true;
    },
    getHistorySyncProgress: function () {
      return { progress: state.mode === 'MAIN' ? 100 : null, paused: false, inProgress: state.mode === 'SYNCING' };
    },
    setKeepAlive: function () { return true; },
    markAvailable: function () { return Promise.resolve(true); },
    markUnavailable: function () { return Promise.resolve(true); }
  },
  chat: {
    defaultSendMessageOptions: { detectMentioned: true, linkPreview: true, markIsRead: true, waitForAck: true,
      delay: 0 },
    sendTextMessage: function (chatId, content, options) {
      return sendMessage(chatId, { type: 'chat', body: String(content) }, null, options);
    },
    sendFileMessage: function (chatId, content, options) {
      var opts = options || {};
      var file;
      return convertToFile(content, opts.mimetype, opts.filename).then(function (f) {
        file = f;
        var type = mediaTypeFor(file, opts);
        if (file.size > FILE_LIMIT) {
          throw WPPError('file_too_large', 'File too large', { fileSize: file.size, limit: FILE_LIMIT,
            mediaType: type });
        }
        var caption = opts.caption !== undefined ? opts.caption : (type === 'document' ? file.name : undefined);
        var attributes = { type: type, caption: caption, mimetype: file.type, filename: file.name,
          size: file.size, isViewOnce: !!opts.isViewOnce };
        attributes.mediaData = new MediaDataModel({ type: type, mediaStage: 'RESOLVED', mimetype: file.type,
          size: file.size, filename: file.name, mediaBlob: file });
        return sendMessage(chatId, attributes, function () {
          return http('POST', '/wa/media', file, { 'Content-Type': file.type,
            'X-Filename': encodeURIComponent(file.name) })
            .then(function (r) { return { mediaId: r.media_id }; });
        }, opts);
      }).then(function (result) {
        mediaBlobs.set(result.id, file);
        return { id: result.id, ack: result.ack, sendMsgResult: result.sendMsgResult };
      });
    },
    markIsRead: function (chatId) {
      return Promise.resolve().then(function () {
        var wid = toWid(chatId);
        var chat = chats.get(wid._serialized);
        if (!chat) throw WPPError('chat_not_found', 'Chat not found for ' + wid._serialized, { id: chatId });
        chat.set('unreadCount', 0);
        render();
        return { wid: chat.id, unreadCount: 0 };
      });
    },
    downloadMedia: function (id) {
      return api.chat.getMessageById(id).then(function (msg) {
        if (!msg.mediaData) {
          throw WPPError('message_not_contains_media', 'Message ' + id + ' not contains media', { id: id });
        }
        if (mediaBlobs.has(msg.id._serialized)) return mediaBlobs.get(msg.id._serialized);
        return fetch('/wa/media/' + encodeURIComponent(msg.attributes._mediaId || '')).then(function (r) {
          if (!r.ok) throw { error: true, code: 'media_not_found', message: 'Media not found' };
          return r.blob();
        }).then(function (blob) {
          mediaBlobs.set(msg.id._serialized, blob);
          return blob;
        });
      });
    },
    getMessageById: function (ids) {
      var one = function (id) {
        var key = typeof id === 'string' ? id : (id && id._serialized);
        var msg = key && messages.get(key);
        if (!msg) throw WPPError('msg_not_found', 'Message ' + key + ' not found', { id: id });
        return msg;
      };
      return Promise.resolve().then(function () { return Array.isArray(ids) ? ids.map(one) : one(ids); });
    },
    // As wa-js: without an id, the chat's last `count` messages (the last one included); with an id, `count`
    // messages before (default) or after it. Oldest first. count -1: all.
    getMessages: function (chatId, options) {
      return Promise.resolve().then(function () {
        var o = options || {};
        var wid = toWid(chatId);
        var chat = chats.get(wid._serialized);
        if (!chat) throw WPPError('chat_not_found', 'Chat not found for ' + wid._serialized, { id: chatId });
        var all = chat.msgs.getModelsArray();
        var count = o.count === -1 ? Infinity : (o.count || 20);
        if (!o.id) return all.slice(Math.max(0, all.length - count));
        var key = typeof o.id === 'string' ? o.id : o.id._serialized;
        var at = all.findIndex(function (m) { return m.id._serialized === key; });
        if (at < 0) throw WPPError('msg_not_found', 'Message ' + key + ' not found', { id: o.id });
        return o.direction === 'after' ? all.slice(at + 1, at + 1 + count)
          : all.slice(Math.max(0, at - count), at);
      });
    },
    list: function (options) {
      var o = options || {};
      var list = Array.from(chats.values()).sort(function (a, b) { return (b.t || 0) - (a.t || 0); });
      if (o.onlyUsers) list = list.filter(function (c) { return c.id.isUser(); });
      if (o.onlyGroups) list = list.filter(function (c) { return c.id.isGroup(); });
      if (o.onlyWithUnreadMessage) list = list.filter(function (c) { return c.unreadCount > 0; });
      if (o.onlyArchived) list = list.filter(function (c) { return c.archive; });
      if (typeof o.count === 'number' && o.count >= 0) list = list.slice(0, o.count);
      return Promise.resolve(list);
    },
    get: function (chatId) {
      try { return chats.get(toWid(chatId)._serialized); } catch (e) { return undefined; }
    },
    find: function (chatId) {
      return Promise.resolve().then(function () { return findChat(toWid(chatId)); });
    }
  },
  contact: {
    queryWidExists: function (contactId) {
      return Promise.resolve().then(function () {
        var wid = toWid(contactId);
        return http('GET', '/wa/contacts/exists?id=' + encodeURIComponent(wid._serialized));
      }).then(function (r) {
        if (!r.wid) return null;
        var result = { wid: new Wid(r.wid), biz: false };
        if (r.lid) result.lid = new Wid(r.lid);
        return result;
      }, function (e) {
        if (e && e.code === 'invalid_wid') throw e;
        return null;
      });
    },
    getPnLidEntry: function (contactId) {
      var wid;
      return Promise.resolve().then(function () {
        wid = toWid(contactId);
        if (!wid.isUser() && !wid.isLid()) throw WPPError('invalid_wid', 'Invalid WID value for ' + wid._serialized + ' - getPnLidEntry only supports @c.us and @lid.', { id: wid._serialized });
        return http('GET', '/wa/contacts/lid?id=' + encodeURIComponent(wid._serialized));
      }).then(function (r) {
        var entry = {};
        var part = function (serialized) {
          var w = new Wid(serialized);
          return { id: w.user, server: w.server, _serialized: w._serialized };
        };
        if (r.lid) entry.lid = part(r.lid);
        if (r.phone_number) entry.phoneNumber = part(r.phone_number);
        var chat = chats.get(wid._serialized);
        if (r.name || chat) entry.contact = { name: chat ? chat.name : undefined, pushname: r.name || undefined };
        return entry;
      });
    },
    get: function (contactId) {
      return Promise.resolve().then(function () {
        var chat = chats.get(toWid(contactId)._serialized);
        return chat ? { id: chat.id, name: chat.name, pushname: chat.name, isBusiness: false } : undefined;
      });
    }
  },
  profile: {
    getMyProfileName: function () { return state.pushName || undefined; },
    // wa-js: (await StatusStore.find(getMyUserWid())).status, the account's About text, which WhatsApp Web asks the
    // servers for: a round trip that a connection gone silent never completes.
    getMyStatus: function () {
      if (!state.sessionToken || !state.me) return Promise.resolve(undefined);
      return StatusStore.find(state.me).then(function (model) { return model.status; });
    },
    isBusiness: function () { return state.authenticated ? false : undefined; }
  },
  util: {
    WPPError: WPPError,
    blobToBase64: function (blob) {
      return new Promise(function (resolve, reject) {
        var reader = new FileReader();
        reader.onload = function () { resolve(reader.result); };
        reader.onerror = function () { reject(reader.error); };
        reader.readAsDataURL(blob);
      });
    },
    blobToArrayBuffer: function (blob) { return blob.arrayBuffer(); },
    convertToFile: convertToFile,
    createWid: function (id) { try { return toWid(id); } catch (e) { return undefined; } },
    isBase64: function (s) { return typeof s === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(s); }
  },
  whatsapp: {
    StatusStore: StatusStore,
    Socket: {
      get state() { return state.socket; },
      get stream() { return state.mode; },
      takeover: function () {
        return http('POST', '/wa/takeover', {}).then(function () {
          state.conflict = false;
          setSocket('CONNECTED');
          openDeviceStream();
        });
      },
      logout: function () { return api.conn.logout(); }
    },
    Stream: {
      get mode() { return state.mode; },
      get info() { return state.info; },
      get needsUpdate() { return state.needsUpdate; }
    },
    Conn: {
      get ref() { return state.ref || undefined; },
      get wid() { return state.me || undefined; },
      get pushname() { return state.pushName || undefined; },
      get platform() { return state.authenticated ? 'android' : undefined; },
      isSMB: false
    },
    MsgStore: MsgStore,
    ChatStore: ChatStore,
    MsgKey: MsgKey,
    Wid: Wid,
    enums: {
      ACK: { MD_DOWNGRADE: -7, INACTIVE: -6, CONTENT_UNUPLOADABLE: -5, CONTENT_TOO_BIG: -4, CONTENT_GONE: -3,
        EXPIRED: -2, FAILED: -1, CLOCK: 0, SENT: 1, RECEIVED: 2, READ: 3, PLAYED: 4, PEER: 5 }
    }
  }
};
api.contact.queryExists = api.contact.queryWidExists;

['on', 'once', 'off', 'removeListener', 'onAny', 'offAny', 'prependAny', 'listenersAny', 'many', 'waitFor',
  'emit', 'emitAsync', 'listeners', 'listenerCount', 'hasListeners', 'eventNames', 'removeAllListeners'
].forEach(function (name) { api[name] = ev[name].bind(ev); });
['isInjected', 'isReady', 'isFullReady'].forEach(function (flag) {
  var key = { isInjected: 'injected', isReady: 'ready', isFullReady: 'fullReady' }[flag];
  var getter = { get: function () { return state[key]; }, enumerable: true };
  Object.defineProperty(api, flag, getter);
  Object.defineProperty(api.loader, flag, getter);
});

export { api, config, configProxy };
