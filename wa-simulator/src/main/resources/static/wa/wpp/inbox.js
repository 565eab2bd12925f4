/* Messages arriving from the servers: stored, then confirmed to the server, then shown (ciphertext first, sometimes). */
import { MediaDataModel, MsgKey, MsgModel, Wid } from './models.js';
import { http } from './server.js';
import { emit, render, state } from './state.js';
import { messageRecord, storeMessage } from './storage.js';
import { addMessage, collectionEvents, messages } from './store.js';

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


// Reactions, edits and deletions already applied in this page's life: the server may deliver one again
// until the receipt reaches it.
var changesSeen = new Set();

/* A reaction, or a protocol message (edit, deletion for everyone): applied to the message it names, then
 * confirmed to the server. Such messages never join the chat as messages of their own. */
function applyChange(wire, key) {
  var c = wire.content || {};
  if (changesSeen.has(key._serialized)) {
    queueAck(key._serialized);
    return;
  }
  changesSeen.add(key._serialized);
  var target = messages.get(c.target_key);
  var sender = new Wid(wire.author || wire.from);
  var saved = Promise.resolve();
  if (wire.type === 'reaction') {
    if (target) {
      var reactions = Object.assign({}, target.attributes._reactions || {});
      if (wire.body) reactions[sender._serialized] = wire.body; else delete reactions[sender._serialized];
      target.set('_reactions', reactions);
      saved = storeMessage(messageRecord(target));
    }
    // wa-js reports reactions from WhatsApp's reaction table, target or not (orphan), in milliseconds.
    emit('chat.new_reaction', { id: key, msgId: MsgKey.fromString(c.target_key), reactionText: wire.body || '',
      read: false, sender: sender, orphan: target ? 0 : 1, orphanReason: target ? null : 'no_parent',
      timestamp: wire.t * 1000 });
  } else if (c.subtype === 'revoke') {
    // wa-js sees the protocol message before the store does, whether it holds the target or not.
    emit('chat.msg_revoke', { author: wire.author ? new Wid(wire.author) : undefined, from: new Wid(wire.from),
      id: key, refId: MsgKey.fromString(c.target_key), to: new Wid(wire.to), type: 'revoke' });
    if (target) {
      target.attributes.body = undefined;
      target.attributes.caption = undefined;
      target.attributes.mediaData = undefined;
      target.set('type', 'revoked');
      saved = storeMessage(messageRecord(target));
    }
  } else if (c.subtype === 'message_edit' && target) {
    if (target.type === 'chat') target.set('body', wire.body); else target.set('caption', wire.body);
    target.set('latestEditSenderTimestampMs', wire.t * 1000);
    target.set('latestEditMsgKey', key);
    // wa-js: MsgStore "change:latestEditMsgKey" -> chat.msg_edited (chat is the message's "to"), in a microtask.
    collectionEvents.emit('msg:change:latestEditMsgKey', target);
    Promise.resolve().then(function () {
      emit('chat.msg_edited', { chat: target.to, id: target.id.toString(), msg: target });
    });
    saved = storeMessage(messageRecord(target));
  }
  saved.then(function () { queueAck(key._serialized); }, function () { changesSeen.delete(key._serialized); });
  render();
}

function typedAttributes(wire, attributes) {
  var c = wire.content;
  if (!c) return;
  if (c.lat != null) { attributes.lat = c.lat; attributes.lng = c.lng; attributes.loc = c.loc || undefined; }
  if (wire.type === 'multi_vcard' && c.vcards) {
    attributes.vcardList = c.vcards.map(function (v) {
      var fn = /^FN(?:;[^:\r\n]*)?:(.*)$/m.exec(v);
      return { displayName: fn ? fn[1].trim() : '', vcard: v };
    });
    attributes.vcardFormattedName = attributes.vcardList.map(function (v) { return v.displayName; }).join(', ');
  }
  if (c.poll_name != null) {
    attributes.pollName = c.poll_name;
    attributes.pollOptions = (c.poll_options || []).map(function (name, i) { return { name: name, localId: i }; });
    attributes.pollSelectableOptionsCount = c.poll_selectable;
  }
  if (c.quoted_key) {
    var quoted = MsgKey.fromString(c.quoted_key);
    attributes.quotedStanzaID = quoted.id;
    attributes.quotedRemoteJid = quoted.remote;
    attributes.quotedParticipant = quoted.participant || (quoted.fromMe ? undefined : quoted.remote);
    attributes._quotedKey = c.quoted_key;
  }
  attributes.isForwarded = !!c.forwarded;
}

function receive(wire) {
  var remote = new Wid(wire.remote);
  var participant = wire.participant ? new Wid(wire.participant) : undefined;
  var key = new MsgKey(wire.from_me, remote, wire.id, participant);
  if (wire.type === 'reaction' || wire.type === 'protocol') {
    applyChange(wire, key);
    return;
  }
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
  typedAttributes(wire, attributes);
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
