/* The connection's state machine: stream mode and info, socket state, online, the loader flags and hooks, and what wa-js reports at inject. */
import { WA_VERSION } from './constants.js';
import { Emitter } from './emitter.js';

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

export { authCode, emit, ev, inject, loaderHooks, mainReadyOnce, maybeFullReady, render, runHooks, setInfo, setMode, setOnline, setSocket, state, ui };
