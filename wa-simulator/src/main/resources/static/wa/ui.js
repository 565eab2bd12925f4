/*
 * WhatsApp Web's screens as the simulator draws them: the loading screen, the linking screen with its QR code,
 * the chat list with an open conversation, and the offline / conflict states. Reads the client state only.
 */
(function () {
  'use strict';

  var client = window.__waClient;
  var app = document.getElementById('app');
  var selectedChat = null;
  var drawnRef = null;
  var objectUrls = new Map();
  var scheduled = false;

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function time(t) {
    var d = new Date(t * 1000);
    return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
  }
  function initials(name) {
    return esc(String(name || '?').replace(/^\+/, '').slice(0, 2).toUpperCase());
  }
  function humanSize(n) {
    if (!n) return '';
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return Math.round(n / 1024) + ' kB';
    return (n / 1024 / 1024).toFixed(1) + ' MB';
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(function () { scheduled = false; draw(client.state); });
  }

  function draw(state) {
    if (state.mode === 'QR' || state.socket === 'UNPAIRED' || state.socket === 'UNPAIRED_IDLE') {
      drawLanding(state);
    } else if (state.authenticated && (state.mode === 'MAIN' || state.mode === 'OFFLINE' ||
        state.mode === 'CONFLICT' || state.mainLoaded)) {
      drawMain(state);
    } else {
      drawLoading(state);
    }
  }

  function drawLoading(state) {
    if (app.querySelector('.startup')) return;
    drawnRef = null;
    app.innerHTML = '<div class="startup"><div class="startup-logo"></div><progress max="100" value="' +
      (state.registered ? 70 : 30) + '"></progress><div class="startup-title">WhatsApp</div>' +
      '<div class="startup-note">End-to-end encrypted</div></div>';
  }

  function drawLanding(state) {
    var code = state.ref ? [state.ref, state.keys.staticKey, state.keys.identityKey, state.keys.advSecret].join(',')
      : '';
    if (!app.querySelector('.landing')) {
      drawnRef = null;
      app.innerHTML = '<div class="landing"><div class="landing-header">WhatsApp Web</div><div class="landing-card">' +
        '<div><h1>Use WhatsApp on your computer</h1><ol>' +
        '<li>Open WhatsApp on your phone</li>' +
        '<li>Tap <b>Menu</b> or <b>Settings</b> and select <b>Linked devices</b></li>' +
        '<li>Tap on <b>Link a device</b></li>' +
        '<li>Point your phone to this screen to capture the QR code</li></ol>' +
        '<div class="link">Link with phone number</div></div>' +
        '<div class="qr-area"></div></div></div>';
    }
    var area = app.querySelector('.qr-area');
    if (state.linkCode) {
      area.innerHTML = '<div>Enter code on phone:</div><div class="pairing-code">' +
        esc(state.linkCode.slice(0, 4) + '-' + state.linkCode.slice(4)) + '</div>';
      drawnRef = null;
      return;
    }
    if (drawnRef !== code || !area.querySelector('.qr')) {
      drawnRef = code;
      area.innerHTML = '<div class="qr" data-ref="' + esc(code) + '"><canvas width="264" height="264"></canvas>' +
        '</div>';
      if (code) paintQr(area.querySelector('canvas'), code);
    }
    var qr = area.querySelector('.qr');
    var idle = qr.querySelector('.qr-idle');
    if (state.idle && !idle) {
      qr.insertAdjacentHTML('beforeend', '<div class="qr-idle"><button>Click to reload QR code</button></div>');
      qr.querySelector('button').onclick = function () { window.WPP.conn.refreshQR(); };
    } else if (!state.idle && idle) {
      idle.remove();
    }
  }

  function paintQr(canvas, text) {
    fetch('/wa/qr-matrix', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: text }) })
      .then(function (r) { return r.json(); })
      .then(function (m) {
        if (drawnRef !== text) return;
        var ctx = canvas.getContext('2d');
        var quiet = 2;
        var scale = canvas.width / (m.size + quiet * 2);
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.fillStyle = '#122e31';
        m.rows.forEach(function (row, y) {
          for (var x = 0; x < row.length; x++) {
            if (row[x] === '1') {
              ctx.fillRect(Math.floor((x + quiet) * scale), Math.floor((y + quiet) * scale),
                Math.ceil(scale), Math.ceil(scale));
            }
          }
        });
      });
  }

  function lastMessage(chat) {
    var models = chat.msgs.getModelsArray();
    return models[models.length - 1];
  }

  function preview(msg) {
    if (!msg) return '';
    if (msg.type === 'chat') return msg.body;
    if (msg.type === 'ciphertext') return 'Waiting for this message...';
    if (msg.type === 'revoked') return 'This message was deleted';
    var label = { image: 'Photo', video: 'Video', audio: 'Audio', ptt: 'Voice message', document: msg.filename ||
      'Document', sticker: 'Sticker', location: 'Location' + (msg.loc ? ': ' + msg.loc.split('\n')[0] : ''),
      vcard: 'Contact', multi_vcard: (msg.vcardList || []).length + ' contacts',
      poll_creation: 'Poll: ' + (msg.pollName || '') }[msg.type] || msg.type;
    return (msg.caption ? label + ': ' + msg.caption : label);
  }

  function drawMain(state) {
    drawnRef = null;
    var chats = Array.from(client.chats.values()).sort(function (a, b) { return (b.t || 0) - (a.t || 0); });
    if (!selectedChat && chats.length) selectedChat = chats[0].id._serialized;
    var me = state.pushName || (state.me ? '+' + state.me.user : '');
    var html = '<div class="main"><div class="side"><div class="side-header"><div class="avatar me">' +
      initials(me) + '</div><div>' + esc(me) + '</div></div>';
    if (!state.online || state.mode === 'OFFLINE') {
      html += '<div class="banner"><b>Computer not connected</b><br>Make sure your computer has an active ' +
        'Internet connection.</div>';
    }
    html += '<div class="search"><div>Search or start a new chat</div></div><div class="chat-list">';
    chats.forEach(function (chat) {
      var last = lastMessage(chat);
      var id = chat.id._serialized;
      html += '<div class="chat-item' + (id === selectedChat ? ' active' : '') + '" data-chat="' + esc(id) +
        '"><div class="avatar">' + initials(chat.formattedTitle) + '</div><div class="text"><div class="row">' +
        '<span class="name">' + esc(chat.formattedTitle) + '</span><span class="time">' +
        (last ? time(last.t) : '') + '</span></div><div class="row"><span class="preview">' +
        esc(preview(last)) + '</span>' + (chat.unreadCount ? '<span class="badge">' + chat.unreadCount +
        '</span>' : '') + '</div></div></div>';
    });
    html += '</div></div>';
    var chat = selectedChat && client.chats.get(selectedChat);
    if (chat) {
      html += '<div class="conv"><div class="conv-header"><div class="avatar">' + initials(chat.formattedTitle) +
        '</div><div><div class="name">' + esc(chat.formattedTitle) + '</div><div class="sub">' +
        (chat.isGroup ? 'group' : 'click here for contact info') + '</div></div></div><div class="messages">';
      chat.msgs.getModelsArray().forEach(function (msg) { html += bubble(msg, chat); });
      html += '</div><div class="composer"><div>Type a message</div></div></div>';
    } else {
      html += '<div class="intro"><h1>WhatsApp Web</h1><p>Send and receive messages without keeping your phone ' +
        'online.</p><p>Use WhatsApp on up to 4 linked devices and 1 phone at the same time.</p></div>';
    }
    html += '</div>';
    if (state.mode === 'CONFLICT') {
      html += '<div class="overlay"><div class="dialog">WhatsApp is open on another computer or browser. ' +
        'Click "Use here" to use WhatsApp in this window.<br><button class="use-here">Use here</button>' +
        '</div></div>';
    }
    app.innerHTML = html;
    app.querySelectorAll('.chat-item').forEach(function (item) {
      item.onclick = function () { selectedChat = item.getAttribute('data-chat'); schedule(); };
    });
    var useHere = app.querySelector('.use-here');
    if (useHere) useHere.onclick = function () { window.WPP.whatsapp.Socket.takeover(); };
    var list = app.querySelector('.messages');
    if (list) list.scrollTop = list.scrollHeight;
  }

  function bubble(msg, chat) {
    var out = msg.id.fromMe;
    var html = '<div class="bubble' + (out ? ' out' : '') + (msg.type === 'ciphertext' ? ' cipher' : '') + '">';
    if (chat.isGroup && !out && msg.author) html += '<div class="author">+' + esc(msg.author.user) + '</div>';
    if (msg.type === 'image' || msg.type === 'sticker') {
      html += '<img class="thumb" src="' + esc(mediaUrl(msg)) + '" alt="">';
    } else if (msg.mediaData && msg.type !== 'ciphertext') {
      html += '<div class="doc"><div class="icon">' + esc((msg.filename || msg.type).split('.').pop()
        .slice(0, 4).toUpperCase()) + '</div><div><div>' + esc(msg.filename || preview(msg)) +
        '</div><div class="size">' + esc(humanSize(msg.size)) + '</div></div></div>';
    }
    if (msg.type === 'location') {
      html += '<div class="doc"><div class="icon">MAP</div><div><div>' + esc(msg.loc ? msg.loc.split('\n')[0] :
        'Location') + '</div><div class="size">' + esc(msg.lat + ', ' + msg.lng) + '</div></div></div>';
    } else if (msg.type === 'vcard' || msg.type === 'multi_vcard') {
      var names = msg.type === 'vcard' ? [(/^FN(?:;[^:\r\n]*)?:(.*)$/m.exec(msg.body || '') || [])[1] || 'Contact']
        : (msg.vcardList || []).map(function (v) { return v.displayName || 'Contact'; });
      html += '<div class="doc"><div class="icon">VCF</div><div>' + names.map(esc).join('<br>') + '</div></div>';
    } else if (msg.type === 'poll_creation') {
      html += '<div class="poll"><b>' + esc(msg.pollName) + '</b>' + (msg.pollSelectableOptionsCount === 1 ? '' :
        ' <span class="size">(choose several)</span>') + (msg.pollOptions || []).map(function (o) {
        return '<div>&#9675; ' + esc(o.name) + '</div>'; }).join('') + '</div>';
    }
    if (msg.isForwarded) html += '<div class="size"><i>Forwarded</i></div>';
    if (msg.quotedMsgId) {
      var quoted = client.messages.get(msg.quotedMsgId._serialized);
      html += '<div class="quote">' + esc(quoted ? preview(quoted) : 'a message') + '</div>';
    }
    var text = msg.type === 'chat' ? msg.body : msg.type === 'ciphertext'
      ? 'Waiting for this message. This may take a while.' : msg.type === 'revoked' ? 'This message was deleted'
        : (msg.type === 'document' && msg.caption === msg.filename ? '' : msg.caption);
    if (msg.latestEditMsgKey) text = (text || '') + ' (edited)';
    var ticks = '';
    if (out) {
      ticks = '<span class="ticks' + (msg.ack >= 3 ? ' read' : '') + '">' +
        (msg.ack >= 2 ? '&#10003;&#10003;' : msg.ack === 1 ? '&#10003;' : '&#128339;') + '</span>';
    }
    var reactions = msg.attributes._reactions ? Object.keys(msg.attributes._reactions).map(function (k) {
      return msg.attributes._reactions[k]; }) : [];
    html += '<span class="body">' + esc(text || '') + '</span><span class="meta">' + time(msg.t) + ticks +
      '</span>' + (reactions.length ? '<div class="reactions">' + esc(reactions.join(' ')) + '</div>' : '') +
      '</div>';
    return html;
  }

  function mediaUrl(msg) {
    var key = msg.id._serialized;
    if (objectUrls.has(key)) return objectUrls.get(key);
    var blob = client.mediaBlobs.get(key);
    if (blob) {
      objectUrls.set(key, URL.createObjectURL(blob));
      return objectUrls.get(key);
    }
    return '/wa/media/' + encodeURIComponent(msg.attributes._mediaId || '');
  }

  client.ui.on('render', schedule);
  schedule();
})();
