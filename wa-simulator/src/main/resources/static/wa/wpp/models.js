/* Live-like WhatsApp objects: Wid, MsgKey and Backbone-style models with attributes behind prototype getters. */
import { Emitter } from './emitter.js';
import { WPPError } from './errors.js';
import { chats } from './store.js';

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
  'quotedParticipant', 'quotedRemoteJid', 'width', 'height', 'isViewOnce', 'isGif', 'lat', 'lng', 'loc',
  'vcardList', 'vcardFormattedName', 'pollName', 'pollOptions', 'pollSelectableOptionsCount', 'latestEditMsgKey',
  'latestEditSenderTimestampMs']);
Object.defineProperties(MsgModel.prototype, {
  isGroupMsg: { get: function () { return this.id.remote.isGroup(); } },
  isSentByMe: { get: function () { return this.id.fromMe; } },
  isStatusV3: { get: function () { return this.id.remote.isStatus(); } },
  isNotification: { get: function () { return NOTIFICATION_TYPES.indexOf(this.type) >= 0; } },
  isMedia: { get: function () { return MEDIA_TYPES.indexOf(this.type) >= 0; } },
  isPSA: { get: function () { return false; } },
  // wa-js adds this getter: the quoted message's key, from the reply context WhatsApp keeps.
  quotedMsgId: { get: function () { return this.attributes._quotedKey ? MsgKey.fromString(this.attributes._quotedKey) : undefined; } },
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

export { ChatModel, MEDIA_TYPES, MediaDataModel, Model, MsgKey, MsgModel, NOTIFICATION_TYPES, Wid, defineAttributes };
