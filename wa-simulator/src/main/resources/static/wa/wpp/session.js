/* Linking (QR and pairing code) and a linked device's session: resume with the stored key, the live stream, logout. */
import { b64, http, openStream, randomB64 } from './server.js';
import { authCode, emit, ev, render, setInfo, setMode, setOnline, setSocket, state } from './state.js';
import { clearCredentials, messageRecord, saveCredentials, storeMessage } from './storage.js';
import { Wid } from './models.js';
import { flushAcks, receive } from './inbox.js';
import { FRESH_LOGIN_SYNC_MS } from './constants.js';
import { messages } from './store.js';

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
    freeze: freeze,
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

/* A WhatsApp Web bug that blocks the main thread (the simulator's "freeze" stall): synchronous long polls, each
 * held by the server a few seconds, until it says the freeze ended or the server is gone. No other script of the
 * page runs meanwhile, yet no CPU burns; closing the page ends it too. */
function freeze() {
  var token = state.sessionToken;
  var frozen;
  do {
    frozen = false;
    try {
      var poll = new XMLHttpRequest();
      poll.open('GET', '/wa/freeze', false);
      poll.setRequestHeader('X-Wa-Token', token);
      poll.send();
      frozen = poll.status === 200 && JSON.parse(poll.responseText).frozen === true;
    } catch (e) { /* the server is gone, and with it the freeze */ }
  } while (frozen);
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

export { loggedOut, onPaired, openDeviceStream, openPairingStream, pendingDeviceKey, resumeSession, startPairing };
