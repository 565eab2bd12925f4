/* Events as wa-js emits them: EventEmitter2 semantics (no wildcards, onAny first, waitFor resolving the args). */
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

export { Emitter, safely };
