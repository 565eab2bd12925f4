/* The page's link to the simulated servers: HTTP calls with the session token, and the live event stream. */
import { state } from './state.js';

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

export { b64, hex, http, openStream, randomB64 };
