/* Messages arriving from the servers: stored, then confirmed to the server, then shown (ciphertext first, sometimes). */
import { MediaDataModel, MsgKey, MsgModel, Wid } from './models.js';
import { http } from './server.js';
import { emit, render, state } from './state.js';
import { messageRecord, storeMessage } from './storage.js';
import { addMessage, messages } from './store.js';

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

export { ackQueue, ackTimer, flushAcks, queueAck, receive };
