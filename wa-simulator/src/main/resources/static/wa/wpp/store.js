/* WhatsApp Web's stores: messages and chats, and how a new message joins them (chat.new_message for new ones). */
import { Emitter } from './emitter.js';
import { ChatModel } from './models.js';
import { emit, render } from './state.js';

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

export { ChatStore, MsgStore, addMessage, chatFor, chats, collectionEvents, mediaBlobs, messages };
