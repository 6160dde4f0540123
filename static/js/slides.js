// loa: a seminar deck that runs from a disk, with no network and no
// framework. One slide at a time; keyboard and presentation clickers
// (which send Page Up / Page Down, sometimes "." or "b" for a black
// screen); full screen; and a presenter's window (P) with the current
// slide, the next one, the speaker's notes and a timer.
//
// The two windows talk with postMessage: pages opened from file:// have
// no common origin, so neither may touch the other's document, but a
// window may always post to the one that opened it and to those it
// opened.
(() => {
  'use strict';
  const stages = Array.from(document.querySelectorAll('.stage'));
  if (stages.length === 0) return;
  const body = document.body;
  const presenter = location.hash === '#presenter';
  const minutes = parseInt(body.dataset.minutes || '0', 10) || 0;
  let cur = 0;
  let peer = null; // the other window

  document.documentElement.classList.add('js');

  const clamp = (i) => Math.max(0, Math.min(stages.length - 1, i));
  const fromHash = () => {
    const m = /^#(?:trang-)?(\d+)$/.exec(location.hash);
    return m ? clamp(parseInt(m[1], 10) - 1) : 0;
  };

  function tell(msg) {
    if (peer && !peer.closed) peer.postMessage(Object.assign({ loa: 'deck' }, msg), '*');
  }

  function show(i, fromPeer) {
    cur = clamp(i);
    stages.forEach((s, k) => s.classList.toggle('current', k === cur));
    if (presenter) {
      renderPresenter();
    } else if (location.hash !== '#' + (cur + 1)) {
      history.replaceState(null, '', '#' + (cur + 1));
    }
    if (!fromPeer) tell({ slide: cur });
  }

  // Keys: what presentation clickers send, and what speakers press.
  const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n', 'N']);
  const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);
  function onKey(e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key;
    if (NEXT.has(k) && !(k === ' ' && e.shiftKey)) { show(cur + 1); }
    else if (PREV.has(k) || (k === ' ' && e.shiftKey)) { show(cur - 1); }
    else if (k === 'Home') { show(0); }
    else if (k === 'End') { show(stages.length - 1); }
    else if (k === 'f' || k === 'F' || k === 'F5') { fullscreen(); }
    else if (k === 'p' || k === 'P') { if (!presenter) openPresenter(); }
    else if (k === 'b' || k === 'B' || k === '.' || k === 'w' || k === 'W') { black(); }
    else if (k === '?' || k === 'h' || k === 'H') { help(); }
    else if (k === 'Escape' && body.classList.contains('black')) { black(false); }
    else { return; }
    e.preventDefault();
  }

  function fullscreen() {
    const d = document;
    if (d.fullscreenElement) { d.exitFullscreen(); return; }
    const el = d.documentElement;
    if (el.requestFullscreen) el.requestFullscreen().catch(() => {});
  }

  function black(on) {
    const v = on === undefined ? !body.classList.contains('black') : on;
    body.classList.toggle('black', v);
    tell({ black: v });
  }

  function help() {
    const h = document.querySelector('.deck-help');
    if (h) h.hidden = !h.hidden;
  }

  function openPresenter() {
    const url = location.href.split('#')[0] + '#presenter';
    const w = window.open(url, 'loa-presenter', 'width=1280,height=800');
    if (w) peer = w;
  }

  // Touch: a swipe left or right.
  let touchX = null;
  document.addEventListener('touchstart', (e) => { touchX = e.changedTouches[0].clientX; }, { passive: true });
  document.addEventListener('touchend', (e) => {
    if (touchX === null) return;
    const dx = e.changedTouches[0].clientX - touchX;
    if (Math.abs(dx) > 40) show(cur + (dx < 0 ? 1 : -1));
    touchX = null;
  });

  // A click on the slide goes on; the pointer shows while the mouse moves.
  let hide = 0;
  document.addEventListener('mousemove', () => {
    body.classList.add('pointer');
    clearTimeout(hide);
    hide = setTimeout(() => body.classList.remove('pointer'), 2000);
  });
  if (!presenter) {
    document.addEventListener('click', (e) => {
      if (e.target.closest('a, button, .deck-help')) return;
      show(cur + 1);
    });
  }

  window.addEventListener('message', (e) => {
    const d = e.data;
    if (!d || d.loa !== 'deck') return;
    if (!peer) peer = e.source;
    if (d.hello) { tell({ slide: cur, black: body.classList.contains('black') }); return; }
    if (typeof d.black === 'boolean') body.classList.toggle('black', d.black);
    if (typeof d.slide === 'number') show(d.slide, true);
  });
  window.addEventListener('hashchange', () => { if (!presenter) show(fromHash(), false); });
  document.addEventListener('keydown', onKey);

  // The presenter's window.
  let started = null; // when the talk started, or the paused time
  let paused = 0;
  let els = null;
  function renderPresenter() {
    if (!els) return;
    const put = (slot, i) => {
      slot.textContent = '';
      if (i < stages.length) slot.appendChild(stages[i].querySelector('.slide').cloneNode(true));
    };
    put(els.now, cur);
    put(els.next, cur + 1);
    if (cur + 1 >= stages.length) els.next.textContent = '(Hết bài)';
    const notes = stages[cur].querySelector('.notes');
    els.notes.innerHTML = notes ? notes.innerHTML : '';
    els.count.textContent = 'Trang ' + (cur + 1) + ' / ' + stages.length;
  }
  const pad = (n) => String(n).padStart(2, '0');
  const clock = (ms) => { const s = Math.floor(ms / 1000); return pad(Math.floor(s / 60)) + ':' + pad(s % 60); };
  function tick() {
    if (!els) return;
    const ms = started === null ? paused : Date.now() - started;
    els.clock.textContent = clock(ms);
    if (minutes > 0) {
      const left = minutes * 60000 - ms;
      els.left.textContent = left >= 0 ? 'còn ' + clock(left) : 'quá ' + clock(-left);
      els.left.classList.toggle('over', left < 0);
    }
  }
  function buildPresenter() {
    body.classList.add('presenter');
    const pv = document.createElement('div');
    pv.className = 'pv';
    const make = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; };
    const left = make('div', 'pv-main');
    left.append(make('p', 'pv-label', 'Đang chiếu'));
    const now = make('div', 'pv-slot');
    left.append(now);
    const side = make('div', 'pv-side');
    side.append(make('p', 'pv-label', 'Trang tiếp theo'));
    const next = make('div', 'pv-slot');
    side.append(next);
    const timer = make('div', 'pv-timer');
    const clockEl = make('div', 'pv-clock', '00:00');
    const leftEl = make('div', 'pv-left');
    const pause = make('button', '', 'Tạm dừng');
    const reset = make('button', '', 'Đặt lại');
    pause.type = reset.type = 'button';
    pause.addEventListener('click', () => {
      if (started === null) { started = Date.now() - paused; pause.textContent = 'Tạm dừng'; }
      else { paused = Date.now() - started; started = null; pause.textContent = 'Tiếp tục'; }
    });
    reset.addEventListener('click', () => { paused = 0; started = started === null ? null : Date.now(); tick(); });
    timer.append(clockEl, leftEl, pause, reset);
    const count = make('div', 'pv-count');
    side.append(timer, count);
    const notes = make('div', 'pv-notes');
    notes.setAttribute('aria-live', 'polite');
    pv.append(left, side, notes);
    body.append(pv);
    els = { now, next, notes, clock: clockEl, left: leftEl, count };
    started = Date.now();
    setInterval(tick, 500);
    tick();
  }

  if (presenter) {
    buildPresenter();
    peer = window.opener;
    show(0, true);
    tell({ hello: true });
  } else {
    show(fromHash(), true);
  }
})();
