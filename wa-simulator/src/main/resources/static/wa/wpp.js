/*
 * The simulator's WhatsApp Web client and its window.WPP, shaped like @wppconnect/wa-js 4.6.0 for the subset a
 * monitoring gateway uses: the same names, arguments, return shapes, error codes and event payloads, with
 * live-like Wid / MsgKey / MsgModel objects. It talks to the simulated WhatsApp servers under /wa.
 * WPP exists synchronously when this script has run; like the real bundle it emits nothing until "injected".
 */
(function () {
  'use strict';

  var WA_VERSION = '2.3000.1029950210';
  var FILE_LIMIT = 100 * 1024 * 1024;
  var FRESH_LOGIN_SYNC_MS = 1500;

  // ---- events: EventEmitter2 semantics as wa-js uses them (no wildcards, onAny first) -------------------
  function Emitter() {
    this._listeners = new Map();
    this._any = [];
  }
  Emitter.prototype.on = function (event, listener, options) {
    if (!this._listeners.has(event)) this._listeners.set(event, []);
    this._listeners.get(event).push(listener);
    if (options && typeof options === 'object' && options.objectify) {
      var self = this;
      return { event: event, listener: listener, off: function () { self.off(event, listener); return self; } };
    }
    return this;
  };
  Emitter.prototype.addListener = Emitter.prototype.on;
  Emitter.prototype.once = function (event, listener, options) {
    var self = this;
    var wrapper = function () {
      self.off(event, wrapper);
      return listener.apply(this, arguments);
    };
    wrapper._original = listener;
    return this.on(event, wrapper, options);
  };
  Emitter.prototype.off = function (event, listener) {
    var list = this._listeners.get(event);
    if (list) {
      var i = list.findIndex(function (l) { return l === listener || l._original === listener; });
      if (i >= 0) list.splice(i, 1);
    }
    return this;
  };
  Emitter.prototype.removeListener = Emitter.prototype.off;
  Emitter.prototype.removeAllListeners = function (event) {
    if (event === undefined) this._listeners.clear(); else this._listeners.delete(event);
    return this;
  };
  Emitter.prototype.onAny = function (listener) { this._any.push(listener); return this; };
  Emitter.prototype.prependAny = function (listener) { this._any.unshift(listener); return this; };
  Emitter.prototype.offAny = function (listener) {
    var i = this._any.indexOf(listener);
    if (i >= 0) this._any.splice(i, 1);
    return this;
  };
  Emitter.prototype.listenersAny = function () { return this._any.slice(); };
  Emitter.prototype.listeners = function (event) { return (this._listeners.get(event) || []).slice(); };
  Emitter.prototype.listenerCount = function (event) { return (this._listeners.get(event) || []).length; };
  Emitter.prototype.hasListeners = function (event) {
    return event === undefined ? this._listeners.size > 0 : this.listenerCount(event) > 0;
  };
  Emitter.prototype.eventNames = function () { return Array.from(this._listeners.keys()); };
  Emitter.prototype.emit = function (event) {
    var args = Array.prototype.slice.call(arguments, 1);
    this._any.slice().forEach(function (l) { safely(function () { l.apply(null, [event].concat(args)); }); });
    var list = (this._listeners.get(event) || []).slice();
    list.forEach(function (l) { safely(function () { l.apply(null, args); }); });
    return list.length > 0;
  };
  Emitter.prototype.emitAsync = function () {
    return Promise.resolve(this.emit.apply(this, arguments));
  };
  Emitter.prototype.many = function (event, times, listener) {
    var self = this;
    var left = times;
    var wrapper = function () {
      if (--left <= 0) self.off(event, wrapper);
      return listener.apply(this, arguments);
    };
    wrapper._original = listener;
    return this.on(event, wrapper);
  };
  Emitter.prototype.waitFor = function (event, options) {
    var self = this;
    var timeout = typeof options === 'number' ? options : (options && options.timeout) || 0;
    var filter = typeof options === 'function' ? options : (options && options.filter) || null;
    return new Promise(function (resolve, reject) {
      var timer = null;
      var listener = function () {
        var args = Array.prototype.slice.call(arguments);
        if (filter && !filter.apply(null, args)) return;
        self.off(event, listener);
        if (timer) clearTimeout(timer);
        resolve(args);
      };
      self.on(event, listener);
      if (timeout > 0) {
        timer = setTimeout(function () {
          self.off(event, listener);
          reject(new Error('timeout'));
        }, timeout);
      }
    });
  };

  function safely(fn) {
    try { fn(); } catch (e) { setTimeout(function () { throw e; }); }
  }

  // ---- errors ------------------------------------------------------------------------------------------
  function WPPError(code, message, extra) {
    var error = new Error(message);
    Object.setPrototypeOf(error, WPPError.prototype);
    error.code = code;
    if (extra) Object.keys(extra).forEach(function (k) { error[k] = extra[k]; });
    return error;
  }
  WPPError.prototype = Object.create(Error.prototype);
  WPPError.prototype.constructor = WPPError;

  // ---- live-like WhatsApp objects ----------------------------------------------------------------------
  function Wid(serialized) {
    var at = serialized.indexOf('@');
    this.server = serialized.slice(at + 1);
    this.user = serialized.slice(0, at);
    this._serialized = serialized;
  }
  Wid.prototype.toString = function () { return this._serialized; };
  Wid.prototype.toJSON = function () { return this._serialized; };
  Wid.prototype.isUser = function () { return this.server === 'c.us'; };
  Wid.prototype.isGroup = function () { return this.server === 'g.us'; };
  Wid.prototype.isLid = function () { return this.server === 'lid'; };
  Wid.prototype.isBroadcast = function () { return this.server === 'broadcast'; };
  Wid.prototype.isStatus = function () { return this._serialized === 'status@broadcast'; };
  Wid.prototype.isNewsletter = function () { return this.server === 'newsletter'; };
  Wid.prototype.equals = function (other) { return other != null && String(other) === this._serialized; };

  function MsgKey(fromMe, remote, id, participant) {
    this.fromMe = fromMe;
    this.remote = remote;
    this.id = id;
    this.participant = participant || undefined;
    this._serialized = fromMe + '_' + remote._serialized + '_' + id +
      (participant && !fromMe ? '_' + participant._serialized : '');
  }
  MsgKey.prototype.toString = function () { return this._serialized; };
  MsgKey.fromString = function (s) {
    var parts = String(s).split('_');
    if (parts.length < 3) throw WPPError('invalid_wid', 'Invalid message key ' + s, { id: s });
    return new MsgKey(parts[0] === 'true', new Wid(parts[1]), parts[2], parts[3] ? new Wid(parts[3]) : undefined);
  };

  /** Backbone-style model: attributes live in .attributes and are read through prototype getters. */
  function Model(attributes) {
    this.attributes = Object.assign({}, attributes);
    this._events = new Emitter();
  }
  Model.prototype.get = function (key) { return this.attributes[key]; };
  Model.prototype.set = function (key, value) {
    var previous = this.attributes[key];
    this.attributes[key] = value;
    if (previous !== value) {
      this._events.emit('change:' + key, this, value);
      this._events.emit('change', this);
    }
    return this;
  };
  Model.prototype.on = function (event, listener) { this._events.on(event, listener); return this; };
  Model.prototype.off = function (event, listener) { this._events.off(event, listener); return this; };
  Model.prototype.once = function (event, listener) { this._events.once(event, listener); return this; };
  Model.prototype.toJSON = function () { return Object.assign({}, this.attributes); };
  Model.prototype.serialize = Model.prototype.toJSON;
  function defineAttributes(proto, names) {
    names.forEach(function (name) {
      Object.defineProperty(proto, name, {
        get: function () { return this.attributes[name]; },
        set: function (v) { this.set(name, v); },
        configurable: true
      });
    });
  }

  function MediaDataModel(attributes) { Model.call(this, attributes); }
  MediaDataModel.prototype = Object.create(Model.prototype);
  defineAttributes(MediaDataModel.prototype, ['type', 'mediaStage', 'mimetype', 'size', 'filehash', 'filename',
    'duration', 'mediaBlob']);

  var MEDIA_TYPES = ['image', 'video', 'audio', 'ptt', 'ptv', 'document', 'sticker'];
  var NOTIFICATION_TYPES = ['notification', 'notification_template', 'gp2', 'group_notification',
    'e2e_notification', 'call_log', 'protocol', 'broadcast_notification'];

  function MsgModel(attributes) { Model.call(this, attributes); }
  MsgModel.prototype = Object.create(Model.prototype);
  defineAttributes(MsgModel.prototype, ['id', 'from', 'to', 'author', 'type', 'subtype', 'body', 'caption', 't',
    'notifyName', 'self', 'ack', 'isNewMsg', 'mimetype', 'filename', 'size', 'duration', 'filehash', 'mediaData',
    'isForwarded', 'forwardingScore', 'star', 'broadcast', 'mentionedJidList', 'quotedStanzaID',
    'quotedParticipant', 'quotedRemoteJid', 'width', 'height', 'isViewOnce', 'isGif']);
  Object.defineProperties(MsgModel.prototype, {
    isGroupMsg: { get: function () { return this.id.remote.isGroup(); } },
    isSentByMe: { get: function () { return this.id.fromMe; } },
    isStatusV3: { get: function () { return this.id.remote.isStatus(); } },
    isNotification: { get: function () { return NOTIFICATION_TYPES.indexOf(this.type) >= 0; } },
    isMedia: { get: function () { return MEDIA_TYPES.indexOf(this.type) >= 0; } },
    isPSA: { get: function () { return false; } },
    quotedMsgId: { get: function () { return undefined; } },
    chat: { get: function () { return chats.get(this.id.remote._serialized); } }
  });

  function ChatModel(id) {
    Model.call(this, { id: id, t: 0, unreadCount: 0, archive: false, pin: 0, name: undefined });
    this.msgs = { _models: [], getModelsArray: function () { return this._models.slice(); },
      get length() { return this._models.length; } };
  }
  ChatModel.prototype = Object.create(Model.prototype);
  defineAttributes(ChatModel.prototype, ['id', 't', 'unreadCount', 'archive', 'pin', 'name']);
  Object.defineProperties(ChatModel.prototype, {
    isGroup: { get: function () { return this.id.isGroup(); } },
    isUser: { get: function () { return this.id.isUser(); } },
    formattedTitle: { get: function () { return this.name || ('+' + this.id.user); } }
  });

  // ---- stores ------------------------------------------------------------------------------------------
  var messages = new Map();
  var chats = new Map();
  var mediaBlobs = new Map();
  var collectionEvents = new Emitter();
  var MsgStore = {
    get: function (id) { return messages.get(String(id)); },
    getModelsArray: function () { return Array.from(messages.values()); },
    on: function (e, l) { collectionEvents.on('msg:' + e, l); return this; },
    off: function (e, l) { collectionEvents.off('msg:' + e, l); return this; }
  };
  var ChatStore = {
    get: function (id) { return chats.get(String(id)); },
    getModelsArray: function () { return Array.from(chats.values()); },
    on: function (e, l) { collectionEvents.on('chat:' + e, l); return this; },
    off: function (e, l) { collectionEvents.off('chat:' + e, l); return this; }
  };

  // ---- connection state ------------------------------------------------------------------------------
  var ev = new Emitter();
  var ui = new Emitter(); // the page's own rendering, not part of WPP
  var state = {
    injected: false, ready: false, fullReady: false, mainInit: false, mainLoaded: false, mainReady: false,
    socket: 'OPENING', mode: undefined, info: 'OPENING', online: true, registered: false,
    authenticated: false, requireAuthSent: false, idle: false, conflict: false, needsUpdate: false,
    ref: null, keys: null, pairingToken: null, linkCode: null, linkPhone: null,
    sessionToken: null, me: null, deviceId: null, pushName: null, stream: null, retry: 0, loggingOut: false
  };
  var loaderHooks = { injected: [], ready: [], full_ready: [] };

  function emit(event, payload) {
    if (!state.injected) return;
    if (arguments.length < 2 || payload === undefined) ev.emit(event); else ev.emit(event, payload);
  }
  function render() { ui.emit('render', state); }

  function setMode(mode) {
    if (state.mode === mode) return;
    state.mode = mode;
    emit('conn.stream_mode_changed', mode);
    if (mode === 'MAIN' || mode === 'QR') mainReadyOnce();
    render();
  }
  function setInfo(info) {
    if (state.info === info) return;
    state.info = info;
    emit('conn.stream_info_changed', info);
    render();
  }
  function setSocket(socketState) {
    state.socket = socketState;
    if ((socketState === 'UNPAIRED' || socketState === 'UNPAIRED_IDLE') && !state.authenticated) {
      if (!state.requireAuthSent && state.injected) {
        state.requireAuthSent = true;
        emit('conn.require_auth');
      }
      if (socketState === 'UNPAIRED_IDLE') emit('conn.qrcode_idle');
    }
    render();
  }
  function setOnline(online) {
    if (state.online === online) return;
    state.online = online;
    emit('conn.online', online);
    render();
  }
  function mainReadyOnce() {
    if (state.mainReady || !state.injected) return;
    state.mainReady = true;
    emit('conn.main_ready');
    maybeFullReady();
  }
  function maybeFullReady() {
    if (state.ready && state.mainReady && !state.fullReady) {
      state.fullReady = true;
      emit('loader.full_ready');
      runHooks('full_ready');
    }
  }
  function runHooks(name) {
    loaderHooks[name].splice(0).forEach(function (h) { setTimeout(h.listener, h.delay || 0); });
  }

  function authCode() {
    if (!state.ref || state.registered || state.authenticated || !state.keys) return null;
    var k = state.keys;
    return { type: 'multidevice', ref: state.ref, staticKeyPair: k.staticKey, identityKeyPair: k.identityKey,
      secretKey: k.advSecret, fullCode: [state.ref, k.staticKey, k.identityKey, k.advSecret].join(',') };
  }

  /** WhatsApp's modules settle a moment after load; then wa-js injects and reports the current state. */
  function inject() {
    state.injected = true;
    ev.emit('loader.injected');
    runHooks('injected');
    setTimeout(function () {
      if ((state.socket === 'UNPAIRED' || state.socket === 'UNPAIRED_IDLE') && !state.authenticated) {
        state.requireAuthSent = true;
        emit('conn.require_auth');
      }
      if (state.mode) {
        ev.emit('conn.stream_mode_changed', state.mode);
        if (state.mode === 'MAIN' || state.mode === 'QR') mainReadyOnce();
      }
      if (state.info) ev.emit('conn.stream_info_changed', state.info);
      emit('conn.auth_code_change', authCode());
      if (state.socket === 'UNPAIRED_IDLE') emit('conn.qrcode_idle');
      if (state.mainLoaded) emit('conn.main_loaded');
    }, 0);
    setTimeout(function () {
      window.Debug = window.Debug || {};
      window.Debug.VERSION = WA_VERSION;
      state.mainInit = true;
      emit('conn.main_init');
      setTimeout(function () {
        state.ready = true;
        ev.emit('loader.ready');
        runHooks('ready');
        maybeFullReady();
      }, 50);
    }, 100);
  }

  // ---- talking to the servers ------------------------------------------------------------------------
  function http(method, path, body, headers) {
    var init = { method: method, headers: Object.assign({}, headers || {}) };
    if (state.sessionToken || state.pairingToken) {
      init.headers['X-Wa-Token'] = state.sessionToken || state.pairingToken;
    }
    if (body instanceof Blob) {
      init.body = body;
    } else if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var json = text ? JSON.parse(text) : {};
        if (!response.ok) {
          var error = new Error(json.detail || ('HTTP ' + response.status));
          error.status = response.status;
          error.serverCode = json.code;
          throw error;
        }
        return json;
      });
    });
  }

  function b64(bytes) {
    var s = '';
    bytes.forEach(function (b) { s += String.fromCharCode(b); });
    return btoa(s);
  }
  function randomB64(n) { return b64(crypto.getRandomValues(new Uint8Array(n))); }
  function hex(n) {
    return Array.from(crypto.getRandomValues(new Uint8Array(n)))
      .map(function (b) { return b.toString(16).padStart(2, '0'); }).join('').toUpperCase();
  }

  // The linked device's credentials live in IndexedDB, including a non-extractable CryptoKey, as WhatsApp's do.
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
      duration: a.duration, mediaId: a._mediaId || null, hasMedia: !!a.mediaData
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
      isForwarded: false, star: false, broadcast: false, mentionedJidList: []
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

  function openStream(token, handlers) {
    if (state.stream) state.stream.close();
    var stream = new EventSource('/wa/stream?token=' + encodeURIComponent(token));
    state.stream = stream;
    Object.keys(handlers).forEach(function (name) {
      stream.addEventListener(name, function (e) {
        if (state.stream !== stream) return;
        handlers[name](e.data ? JSON.parse(e.data) : {});
      });
    });
    stream.onerror = function () {
      if (state.stream !== stream) return;
      stream.close();
      state.stream = null;
      if (handlers.$lost) handlers.$lost();
    };
    return stream;
  }

  // ---- linking screen --------------------------------------------------------------------------------
  var pendingDeviceKey = null;

  function startPairing() {
    state.registered = false;
    state.authenticated = false;
    state.keys = { staticKey: randomB64(32), identityKey: randomB64(32), advSecret: randomB64(32) };
    return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
      .then(function (pair) {
        pendingDeviceKey = pair;
        return crypto.subtle.exportKey('jwk', pair.publicKey);
      })
      .then(function (jwk) {
        var config = window.WPPConfig || {};
        return http('POST', '/wa/pairing', {
          static_key: state.keys.staticKey, identity_key: state.keys.identityKey,
          adv_secret: state.keys.advSecret, device_key: jwk,
          device_name: typeof config.deviceName === 'string' ? config.deviceName : null
        });
      })
      .then(function (pairing) {
        state.pairingToken = pairing.token;
        setInfo('PAIRING');
        setSocket('UNPAIRED');
        setMode('QR');
        setOnline(true);
        openPairingStream();
      })
      .catch(function () {
        setOnline(false);
        setTimeout(startPairing, 2000);
      });
  }

  function openPairingStream() {
    openStream(state.pairingToken, {
      qr: function (data) {
        state.ref = data.ref;
        state.idle = false;
        if (state.socket !== 'UNPAIRED') setSocket('UNPAIRED');
        emit('conn.auth_code_change', authCode());
        render();
      },
      qr_idle: function () {
        state.idle = true;
        setSocket('UNPAIRED_IDLE');
      },
      paired: onPaired,
      // WhatsApp replaces an unused pairing code a few times, then gives up on it.
      link_code: function (data) {
        if (!state.linkPhone) return;
        state.linkCode = data.code;
        emit('conn.link_code_change', data.code);
        render();
      },
      link_code_expired: function () {
        state.linkCode = null;
        state.linkPhone = null;
        emit('conn.link_code_expired');
        render();
      },
      $lost: function () {
        if (!state.registered) setTimeout(openPairingStream, 1000);
      }
    });
  }

  function onPaired(data) {
    state.registered = true;
    state.ref = null;
    state.linkCode = null;
    state.pushName = data.push_name;
    setSocket('PAIRING');
    setInfo('PAIRING');
    emit('conn.auth_code_change', null);
    var credentials = {
      deviceId: data.device_id, phone: data.phone, wid: data.wid, pushName: data.push_name,
      key: pendingDeviceKey.privateKey, linkedAt: Date.now()
    };
    saveCredentials(credentials).then(function () {
      localStorage.setItem('last-wid-md', JSON.stringify(data.wid));
      sessionStorage.setItem('wa-fresh-login', '1');
      // WhatsApp Web reloads itself once the phone has linked it.
      setTimeout(function () { location.reload(); }, 300);
    });
  }

  // ---- a linked device's session -----------------------------------------------------------------------
  function resumeSession(credentials) {
    state.registered = true;
    state.deviceId = credentials.deviceId;
    state.me = new Wid(credentials.wid);
    state.pushName = credentials.pushName;
    setSocket('OPENING');
    setMode('SYNCING');
    setInfo('CONNECTING');
    http('POST', '/wa/session/challenge', { device_id: credentials.deviceId })
      .then(function (r) {
        return crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, credentials.key,
          new TextEncoder().encode(r.challenge));
      })
      .then(function (signature) {
        return http('POST', '/wa/session/resume',
          { device_id: credentials.deviceId, signature: b64(new Uint8Array(signature)) });
      })
      .then(function (session) {
        state.sessionToken = session.token;
        state.pushName = session.push_name;
        state.authenticated = true;
        setSocket('CONNECTED');
        openDeviceStream();
      })
      .catch(function (error) {
        if (error.status === 401) {
          // The device was unlinked (from the phone) while this profile was away.
          loggedOut(null);
        } else {
          setOnline(false);
          setMode('OFFLINE');
          setTimeout(function () { resumeSession(credentials); }, 2000);
        }
      });
  }

  function openDeviceStream() {
    openStream(state.sessionToken, {
      hello: function () {
        state.retry = 0;
        setInfo('RESUMING');
      },
      message: receive,
      offline_delivery_end: function () {
        flushAcks();
        var syncing = 0;
        if (!state.mainLoaded) {
          state.mainLoaded = true;
          emit('conn.main_loaded');
          if (sessionStorage.getItem('wa-fresh-login')) {
            sessionStorage.removeItem('wa-fresh-login');
            emit('conn.authenticated');
            // A freshly linked device syncs its history before the main screen ("Loading your chats").
            syncing = FRESH_LOGIN_SYNC_MS;
            setInfo('SYNCING');
          }
        }
        setTimeout(function () {
          setMode('MAIN');
          setInfo('NORMAL');
          setOnline(true);
        }, syncing);
      },
      receipt: function (data) {
        var msg = messages.get(data.id);
        if (msg && data.ack > (msg.ack || 0)) {
          msg.set('ack', data.ack);
          storeMessage(messageRecord(msg)).catch(function () {});
          emit('chat.msg_ack_change', { ack: data.ack, chat: msg.to, ids: [msg.id] });
          render();
        }
      },
      conflict: function () {
        state.conflict = true;
        if (state.stream) state.stream.close();
        state.stream = null;
        setSocket('CONFLICT');
        setMode('CONFLICT');
      },
      logout: function (data) { loggedOut(data && data.reason); },
      $lost: function () {
        if (state.conflict || state.loggingOut) return;
        setOnline(false);
        setMode('OFFLINE');
        setInfo('CONNECTING');
        state.retry = Math.min(state.retry + 1, 5);
        setTimeout(openDeviceStream, 1000 * state.retry);
      }
    });
  }

  function loggedOut(reason) {
    if (state.loggingOut) return;
    state.loggingOut = true;
    if (state.stream) state.stream.close();
    state.stream = null;
    ev.emit('conn.backend_event', 'starting_logout');
    if (reason) emit('conn.logout_reason', reason);
    emit('conn.logout');
    ev.emit('conn.backend_event', 'logout');
    state.registered = false;
    state.authenticated = false;
    clearCredentials().then(function () {
      setTimeout(function () { location.replace('/?post_logout=1'); }, 200);
    });
  }

  // ---- messages ----------------------------------------------------------------------------------------
  var ackQueue = [];
  var ackTimer = null;
  function queueAck(key) {
    ackQueue.push(key);
    if (!ackTimer) ackTimer = setTimeout(flushAcks, 50);
  }
  function flushAcks() {
    if (ackTimer) clearTimeout(ackTimer);
    ackTimer = null;
    if (!ackQueue.length || !state.sessionToken) return;
    var ids = ackQueue.splice(0);
    http('POST', '/wa/ack', { ids: ids }).catch(function () { ackQueue = ids.concat(ackQueue); });
  }

  function chatFor(wid) {
    var chat = chats.get(wid._serialized);
    if (!chat) {
      chat = new ChatModel(wid);
      chats.set(wid._serialized, chat);
      collectionEvents.emit('chat:add', chat);
      emit('chat.new_chat', chat);
    }
    return chat;
  }

  function addMessage(msg) {
    var chat = chatFor(msg.id.remote);
    messages.set(msg.id._serialized, msg);
    chat.msgs._models.push(msg);
    chat.set('t', Math.max(chat.t || 0, msg.t));
    if (!msg.id.fromMe) chat.set('unreadCount', (chat.unreadCount || 0) + 1);
    if (!chat.name && msg.notifyName && !msg.id.fromMe && !chat.isGroup) chat.set('name', msg.notifyName);
    collectionEvents.emit('msg:add', msg);
    // wa-js emits chat.new_message from MsgStore "add" for new messages, in a microtask.
    Promise.resolve().then(function () { if (msg.isNewMsg) emit('chat.new_message', msg); render(); });
  }

  function receive(wire) {
    var remote = new Wid(wire.remote);
    var participant = wire.participant ? new Wid(wire.participant) : undefined;
    var key = new MsgKey(wire.from_me, remote, wire.id, participant);
    if (messages.has(key._serialized)) {
      queueAck(key._serialized);
      return;
    }
    var attributes = {
      id: key, from: new Wid(wire.from), to: new Wid(wire.to), author: wire.author ? new Wid(wire.author) : undefined,
      type: wire.type, subtype: null, body: wire.body || undefined, caption: wire.caption || undefined, t: wire.t,
      notifyName: wire.notify_name || undefined, self: wire.from_me ? 'out' : 'in', ack: wire.ack,
      isNewMsg: true, mimetype: wire.mimetype || undefined, filename: wire.filename || undefined,
      size: wire.size || undefined, duration: wire.duration || undefined, isForwarded: false, star: false,
      broadcast: false, mentionedJidList: []
    };
    if (wire.media_id) {
      attributes.mediaData = new MediaDataModel({ type: wire.type, mediaStage: 'RESOLVED', mimetype: wire.mimetype,
        size: wire.size, filename: wire.filename, duration: wire.duration, filehash: undefined });
      attributes._mediaId = wire.media_id;
    }
    // Stored first, receipt confirmed to the server after: a message the server forgets is never lost here.
    var stored = messageRecord(new MsgModel(attributes));
    storeMessage(stored).then(function () { queueAck(key._serialized); },
      function () { /* not stored: no receipt, the server delivers it again */ });
    if (wire.ciphertext) {
      // First seen undecrypted, then the same object changes type once decryption succeeds.
      var real = Object.assign({}, attributes);
      attributes.type = 'ciphertext';
      attributes.body = undefined;
      attributes.caption = undefined;
      attributes.mediaData = undefined;
      var msg = new MsgModel(attributes);
      addMessage(msg);
      setTimeout(function () {
        Object.keys(real).forEach(function (k) { msg.attributes[k] = real[k]; });
        msg._events.emit('change:type', msg, real.type);
        emit('chat.new_message', msg);
        render();
      }, 250);
      return;
    }
    addMessage(new MsgModel(attributes));
  }

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
          return r.wid ? { wid: new Wid(r.wid), biz: false } : null;
        }, function (e) {
          if (e && e.code === 'invalid_wid') throw e;
          return null;
        });
      },
      getPnLidEntry: function (contactId) {
        return Promise.resolve().then(function () {
          var wid = toWid(contactId);
          return { phoneNumber: { id: wid.user, server: wid.server, _serialized: wid._serialized },
            contact: { name: chats.has(wid._serialized) ? chats.get(wid._serialized).name : undefined } };
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

  window.WPP = api;
  window.WPPConfig = configProxy;
  // The page's own UI reads the client state through this; it is not part of WPP.
  window.__waClient = { ui: ui, state: state, chats: chats, messages: messages, mediaBlobs: mediaBlobs };

  // ---- start -------------------------------------------------------------------------------------------
  // The client connects once its modules are loaded, so wa-js (injected when they settle) sees every step.
  var credentialsLoaded = loadCredentials().catch(function () { return null; });
  setTimeout(function () {
    inject();
    credentialsLoaded.then(function (credentials) {
      if (credentials && credentials.key && credentials.deviceId) {
        loadMessages().catch(function () {}).then(function () { resumeSession(credentials); });
      } else {
        startPairing();
      }
    });
  }, 150);
})();
