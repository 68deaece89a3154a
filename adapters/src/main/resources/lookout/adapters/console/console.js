// Lookout console page: posts what you type, long-polls the channel and renders the bot's neutral
// messages. Every piece of user or bot text is set with textContent, so none of it is parsed as HTML.
'use strict';
(() => {
  const params = new URLSearchParams(location.search);
  const token = params.get('token'); // the page URL carries it when the console requires one
  const channel = params.get('channel') || 'lobby';
  const state = {
    version: 0,
    messages: new Map(), // id -> message JSON, to re-render when a notice changes
    elements: new Map(), // id -> .msg element
    threads: new Map(), // root id -> .thread element
    notices: new Map(), // id -> {text, accepted}
    replyTo: null,
  };
  const $ = (id) => document.getElementById(id);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  async function api(method, path, body) {
    const headers = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['Authorization'] = 'Bearer ' + token;
    const res = await fetch('api/console/' + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try {
      data = await res.json();
    } catch (e) {
      data = null;
    }
    if (!res.ok) throw new Error((data && data.error) || 'HTTP ' + res.status);
    return data;
  }

  function setStatus(text) {
    $('status').textContent = text || '';
  }

  function userName() {
    return $('user').value.trim();
  }

  // ---- rendering ----

  function renderPart(message, part) {
    switch (part.type) {
      case 'section': {
        const node = el('div', 'section');
        if (part.heading) node.append(el('strong', 'heading', part.heading));
        node.append(el('div', 'text', part.text));
        return node;
      }
      case 'facts': {
        const table = el('table', 'facts');
        for (const fact of part.facts) {
          const row = el('tr');
          row.append(el('th', null, fact.label), el('td', null, fact.value));
          table.append(row);
        }
        return table;
      }
      case 'code':
        return el('pre', 'code', part.text);
      case 'note':
        return el('div', 'note', part.text);
      case 'image': {
        const img = el('img', 'chart');
        img.src = 'data:image/png;base64,' + part.png;
        img.alt = part.title;
        img.title = part.title;
        return img;
      }
      case 'actions': {
        const row = el('div', 'actions');
        for (const button of part.buttons) {
          const node = el('button', 'action ' + button.style, button.label);
          node.type = 'button';
          node.dataset.token = button.token;
          node.addEventListener('click', () => click(message.id, button.token, row));
          row.append(node);
        }
        return row;
      }
      default:
        return el('div', 'note', '(unsupported part: ' + part.type + ')');
    }
  }

  function renderMessage(m) {
    const node = el('div', 'msg ' + m.author.kind);
    node.dataset.id = m.id;
    node.dataset.author = m.author.name;
    node.dataset.version = String(m.version);
    const meta = el('div', 'meta');
    const time = el('time', 'time', new Date(m.createdAt).toLocaleTimeString());
    time.dateTime = m.createdAt;
    meta.append(el('span', 'author', m.author.name), time);
    if (m.updatedAt !== m.createdAt) meta.append(el('span', 'edited', 'edited'));
    if (m.thread === null) {
      const reply = el('button', 'reply', 'reply in thread');
      reply.type = 'button';
      reply.addEventListener('click', () => replyIn(m.id));
      meta.append(reply);
    }
    node.append(meta);
    if (m.author.kind === 'bot') {
      node.append(el('div', 'summary', m.summary));
      for (const part of m.parts || []) node.append(renderPart(m, part));
    } else {
      node.append(el('div', 'text', m.text));
    }
    const notice = state.notices.get(m.id);
    if (notice) node.append(el('div', notice.accepted ? 'notice' : 'notice refused', notice.text));
    return node;
  }

  function threadFor(rootId) {
    let thread = state.threads.get(rootId);
    if (!thread) {
      thread = el('div', 'thread');
      thread.dataset.thread = rootId;
      thread.append(el('div', 'replies'));
      $('messages').append(thread);
      state.threads.set(rootId, thread);
    }
    return thread;
  }

  function show(m) {
    state.messages.set(m.id, m);
    const fresh = renderMessage(m);
    const old = state.elements.get(m.id);
    state.elements.set(m.id, fresh);
    if (old) {
      old.replaceWith(fresh); // edited in place: same spot in the thread
    } else if (m.thread === null) {
      const thread = threadFor(m.id);
      thread.insertBefore(fresh, thread.querySelector('.replies'));
    } else {
      threadFor(m.thread).querySelector('.replies').append(fresh);
    }
  }

  function reset() {
    $('messages').replaceChildren();
    state.messages.clear();
    state.elements.clear();
    state.threads.clear();
    state.version = 0;
  }

  // ---- actions ----

  async function click(messageId, buttonToken, row) {
    const name = userName();
    if (!name) return setStatus('Type your name first.');
    for (const b of row.querySelectorAll('button')) b.disabled = true;
    try {
      const reply = await api('POST', 'clicks', { user: name, messageId, token: buttonToken });
      state.notices.set(messageId, { text: reply.notice || (reply.accepted ? 'Done.' : 'Refused.'),
        accepted: reply.accepted });
    } catch (e) {
      state.notices.set(messageId, { text: e.message, accepted: false });
    }
    const latest = state.messages.get(messageId);
    if (latest) show(latest); // re-renders with the notice and fresh buttons
  }

  function replyIn(rootId) {
    state.replyTo = rootId;
    $('reply-target').hidden = false;
    $('message').focus();
  }

  function cancelReply() {
    state.replyTo = null;
    $('reply-target').hidden = true;
  }

  async function send() {
    const text = $('message').value;
    const name = userName();
    if (!text.trim()) return;
    if (!name) return setStatus('Type your name first.');
    $('send').disabled = true;
    try {
      await api('POST', 'messages', { user: name, text, channel, thread: state.replyTo });
      $('message').value = '';
      setStatus('');
    } catch (e) {
      setStatus(e.message);
    } finally {
      $('send').disabled = false;
      $('message').focus();
    }
  }

  async function poll() {
    for (;;) {
      const started = Date.now();
      let received = 0;
      try {
        const query = 'channel=' + encodeURIComponent(channel) + '&since=' + state.version + '&wait=25';
        const data = await api('GET', 'messages?' + query);
        if (data.version < state.version) reset(); // the server restarted: start over
        for (const m of data.messages) show(m);
        received = data.messages.length;
        state.version = data.version;
        if (received) $('messages').scrollTop = $('messages').scrollHeight;
        setStatus('');
      } catch (e) {
        setStatus('Cannot reach Lookout (' + e.message + '); retrying…');
        await sleep(2000);
        continue;
      }
      if (received === 0 && Date.now() - started < 1000) await sleep(1000);
    }
  }

  function start() {
    const user = $('user');
    user.value = localStorage.getItem('lookout.user') || 'alice';
    user.addEventListener('input', () => localStorage.setItem('lookout.user', user.value.trim()));
    $('channel').textContent = channel;
    $('send').addEventListener('click', send);
    $('message').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        send();
      }
    });
    $('reply-cancel').addEventListener('click', cancelReply);
    poll();
  }

  start();
})();
