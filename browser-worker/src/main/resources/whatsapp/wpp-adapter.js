/*
 * The worker's adapter, injected into every document of the account's page (init script) after WPPConfig and,
 * on web.whatsapp.com, the wa-js bundle. It subscribes to WPP events as soon as window.WPP exists (at once with
 * the real bundle, or when the page defines it), converts live WhatsApp objects into flat DTOs, and hands them
 * to Java in batches through the __wamEvents binding without awaiting it.
 */
(() => {
  'use strict';
  if (window.top !== window.self || window.__wamAdapter) return;
  window.__wamAdapter = true;

  const queue = [];
  let timer = null;
  const send = (type, data) => {
    queue.push({ type, data: data === undefined ? null : data, at: Date.now() });
    if (!timer) timer = setTimeout(flush, 20);
  };
  const flush = () => {
    timer = null;
    if (!queue.length) return;
    const batch = queue.splice(0, queue.length);
    try {
      window.__wamEvents(JSON.stringify(batch));
    } catch (e) {
      queue.unshift(...batch);
      timer = setTimeout(flush, 250);
    }
  };

  const str = (w) => (w == null ? null : typeof w === 'string' ? w : (w._serialized || String(w)));
  const num = (v) => (typeof v === 'number' && isFinite(v) ? v : null);

  const messageDto = (m) => {
    const id = m.id || {};
    const remote = id.remote || null;
    return {
      id: str(id), key_id: id.id || null, from_me: !!id.fromMe, chat: str(remote), from: str(m.from), to: str(m.to),
      author: str(m.author), type: m.type || null, subtype: m.subtype || null,
      body: m.type === 'chat' ? (m.body || '') : null, caption: m.caption || null, t: num(m.t),
      notify_name: m.notifyName || null, ack: num(m.ack), mimetype: m.mimetype || null, filename: m.filename || null,
      size: num(m.size), duration: num(Number(m.duration)), has_media: !!m.mediaData,
      is_group: !!(remote && (remote.server === 'g.us' || String(remote).endsWith('@g.us'))),
      is_status: !!(m.isStatusV3 || str(remote) === 'status@broadcast'), is_notification: !!m.isNotification,
      is_forwarded: !!m.isForwarded, quoted_msg_id: m.quotedMsgId ? str(m.quotedMsgId) : null,
      lat: num(m.lat), lng: num(m.lng), loc: typeof m.loc === 'string' ? m.loc : null,
      vcards: m.type === 'vcard' ? [m.body || ''] : m.type === 'multi_vcard'
        ? (m.vcardList || []).map((v) => (v && v.vcard) || '') : null,
      poll_name: m.type === 'poll_creation' ? (m.pollName || '') : null,
      poll_options: m.type === 'poll_creation' ? (m.pollOptions || []).map((o) => (o && o.name) || '') : null,
      poll_selectable: m.type === 'poll_creation' ? num(m.pollSelectableOptionsCount) : null
    };
  };

  // The worker reads messages from WhatsApp Web's store after a restart (capture cursor) in the same shape.
  Object.defineProperty(window, '__wamMessageDto', { value: messageDto });

  // Session health. contactAt: when the page last heard from WhatsApp's servers through an event the worker does
  // not forward one by one (presence, backend events); the probe reads it. roundTrip: a light query the servers
  // must answer (the account's own "about" text, which WhatsApp Web fetches anyway, with WhatsApp Web's stored copy
  // removed first so that the answer cannot come from the page itself), answered through the binding so the
  // worker's thread never waits for it.
  const FROM_SERVER = new Set(['chat.msg_ack_change', 'chat.new_reaction', 'chat.msg_edited', 'chat.msg_revoke',
    'chat.presence_change', 'chat.poll_response', 'conn.backend_event', 'call.incoming_call',
    'group.participant_changed']);
  const health = { contactAt: null };
  health.roundTrip = (id) => {
    const W = window.WPP;
    const store = W && W.whatsapp && W.whatsapp.StatusStore;
    const me = W && W.conn && typeof W.conn.getMyUserId === 'function' ? W.conn.getMyUserId() : null;
    if (!W || !W.profile || typeof W.profile.getMyStatus !== 'function' || !store
        || typeof store.remove !== 'function' || typeof store.get !== 'function' || !me) {
      // Without a way to make WhatsApp Web ask the servers, an answer could come from its store: say nothing.
      send('health.round_trip', { id, ok: false, error: 'cannot make WhatsApp Web ask the servers for a status' });
      return false;
    }
    // getMyStatus() is StatusStore.find(me): the store answers from its copy once it has one, so the copy goes first.
    Promise.resolve().then(() => {
      if (store.get(me)) store.remove(me);
      return W.profile.getMyStatus();
    }).then(() => {
      health.contactAt = Date.now();
      send('health.round_trip', { id, ok: true });
    }, (e) => send('health.round_trip', { id, ok: false, error: String((e && e.message) || e) }));
    return true;
  };
  Object.defineProperty(window, '__wamHealth', { value: health });

  const attach = (WPP) => {
    if (!WPP || WPP.__wamAttached) return;
    try { Object.defineProperty(WPP, '__wamAttached', { value: true }); } catch (e) { WPP.__wamAttached = true; }
    if (typeof WPP.onAny === 'function') {
      WPP.onAny((name, first) => {
        if (FROM_SERVER.has(name)
            || (name === 'chat.new_message' && !(first && first.id && first.id.fromMe))) {
          health.contactAt = Date.now();
        }
      });
    }
    ['loader.ready', 'loader.full_ready', 'conn.main_ready', 'conn.main_loaded', 'conn.authenticated',
      'conn.require_auth', 'conn.qrcode_idle', 'conn.logout', 'conn.needs_update', 'conn.link_code_expired']
      .forEach((name) => WPP.on(name, () => send(name)));
    ['conn.stream_mode_changed', 'conn.stream_info_changed', 'conn.online', 'conn.logout_reason',
      'conn.link_code_change'].forEach((name) => WPP.on(name, (value) => send(name, value)));
    WPP.on('conn.auth_code_change', (code) => send('conn.auth_code_change', code ? code.fullCode : null));
    WPP.on('conn.link_code_error', (e) => send('conn.link_code_error', String((e && e.message) || e)));
    WPP.on('chat.new_message', (m) => {
      try { send('chat.new_message', messageDto(m)); } catch (e) { send('adapter.error', String(e)); }
    });
    WPP.on('chat.new_reaction', (r) => send('chat.new_reaction', {
      id: str(r.id), msg_id: str(r.msgId), text: r.reactionText || '', sender: str(r.sender),
      from_me: !!(r.id && r.id.fromMe), t: num(r.timestamp)
    }));
    // Fires on the edited message itself (its body is the new text); latestEditMsgKey names this edit.
    WPP.on('chat.msg_edited', (e) => {
      try {
        const m = e.msg || {};
        send('chat.msg_edited', { id: str(m.id) || e.id || null, edit_id: str(m.latestEditMsgKey),
          chat: str(m.id && m.id.remote), from: str(m.from), author: str(m.author), from_me: !!(m.id && m.id.fromMe),
          body: m.type === 'chat' ? (m.body || '') : (m.caption || null),
          t: num(m.latestEditSenderTimestampMs) != null ? Math.floor(m.latestEditSenderTimestampMs / 1000) : null });
      } catch (err) { send('adapter.error', String(err)); }
    });
    WPP.on('chat.msg_revoke', (r) => send('chat.msg_revoke', {
      id: str(r.id), ref_id: str(r.refId), from: str(r.from), to: str(r.to), author: str(r.author),
      from_me: !!(r.id && r.id.fromMe), kind: r.type || null
    }));
    WPP.on('chat.msg_ack_change', (a) => send('chat.msg_ack_change',
      { ack: num(a.ack), chat: str(a.chat), ids: (a.ids || []).map(str) }));
    send('adapter.attached', { version: WPP.version || null });
  };

  if (window.WPP) {
    attach(window.WPP);
  } else {
    let value;
    Object.defineProperty(window, 'WPP', {
      configurable: true, enumerable: true,
      get() { return value; },
      set(v) { value = v; attach(v); }
    });
  }
  send('page.loaded', { url: location.origin + location.pathname + location.search });
})();
