/*
 * The simulator's WhatsApp Web client and its window.WPP, shaped like @wppconnect/wa-js 4.6.0 for the subset a
 * monitoring gateway uses: the same names, arguments, return shapes, error codes and event payloads, with
 * live-like Wid / MsgKey / MsgModel objects. It talks to the simulated WhatsApp servers under /wa.
 * Like the real bundle, WPP emits nothing until "injected". This entry point publishes window.WPP and starts
 * the client once its modules are loaded.
 */
import { api, configProxy } from './api.js';
import { resumeSession, startPairing } from './session.js';
import { inject, state, ui } from './state.js';
import { loadCredentials, loadMessages } from './storage.js';
import { chats, mediaBlobs, messages } from './store.js';

window.WPP = api;
window.WPPConfig = configProxy;
// The page's own UI reads the client state through this; it is not part of WPP.
window.__waClient = { ui: ui, state: state, chats: chats, messages: messages, mediaBlobs: mediaBlobs };

// ---- start -------------------------------------------------------------------------------------------
// The client connects once its modules are loaded, so wa-js (injected when they settle) sees every step.
// Like WhatsApp Web, the client knows at once (from localStorage) that this browser holds a login, before its
// keys are read from IndexedDB: isRegistered() is true from the first moment WPP is ready.
if (localStorage.getItem('last-wid-md')) state.registered = true;
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
