/* Rapport tracking snippet and form embed: <script src="https://crm.example.com/t/rapport.js" data-site="KEY" async></script>
   Page views, clicks on [data-rapport-track] elements and rapport.track() events under a first-party visitor id,
   batched (sendBeacon / fetch keepalive). Honours Do Not Track, Global Privacy Control and rapport.consent(false);
   data-require-consent="true" records nothing until rapport.consent(true). Renders <div data-rapport-form="ID">. */
(function () {
  'use strict';
  var w = window, d = document, nav = navigator;
  if (w.rapport && w.rapport.loaded) return;
  var me = d.currentScript || d.querySelector('script[src*="/t/rapport.js"]');
  if (!me) return;
  var base = new URL(me.src, location.href).origin;
  var site = me.getAttribute('data-site');
  var consentFirst = me.getAttribute('data-require-consent') === 'true';
  var VID = 'rapport_vid', CONSENT = 'rapport_consent', UTM = 'rapport_utm';
  var queue = [], timer = 0, lastUrl = '';

  function store(k, v) { try { if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v); } catch (e) { /* storage off */ } }
  function load(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  function cookie(k) { var m = d.cookie.match(new RegExp('(?:^|; )' + k + '=([^;]*)')); return m ? decodeURIComponent(m[1]) : null; }
  function setCookie(k, v, days) { d.cookie = k + '=' + encodeURIComponent(v) + '; path=/; max-age=' + days * 86400 + '; SameSite=Lax'; }

  function privacySignal() { return nav.doNotTrack === '1' || w.doNotTrack === '1' || nav.globalPrivacyControl === true; }
  function consent() { return load(CONSENT) || cookie(CONSENT); }
  function allowed() {
    if (!site || privacySignal()) return false;
    var c = consent();
    return c === 'no' ? false : consentFirst ? c === 'yes' : true;
  }
  function randomId() {
    if (w.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, '');
    var s = ''; for (var i = 0; i < 32; i++) s += Math.floor(Math.random() * 16).toString(16); return s;
  }
  /** The visitor id kept on the site's own domain (localStorage, and a cookie for subdomain-less fallbacks). */
  function visitorId() {
    var id = load(VID) || cookie(VID);
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) id = randomId();
    store(VID, id); setCookie(VID, id, 730);
    return id;
  }
  /** UTM parameters of the landing page, kept for the visit (sessionStorage) so later pages carry them too. */
  function utm() {
    var q = new URLSearchParams(location.search), out = {}, any = false;
    ['source', 'medium', 'campaign', 'term', 'content'].forEach(function (k) { var v = q.get('utm_' + k); if (v) { out[k] = v.slice(0, 200); any = true; } });
    try { if (any) sessionStorage.setItem(UTM, JSON.stringify(out)); else out = JSON.parse(sessionStorage.getItem(UTM) || 'null'); } catch (e) { /* storage off */ }
    return out && Object.keys(out).length ? out : undefined;
  }

  function send(events) {
    var body = JSON.stringify({ site: site, visitor: visitorId(), events: events });
    var url = base + '/t/v1/events';
    // text/plain needs no CORS preflight, so sendBeacon can carry it.
    if (nav.sendBeacon && nav.sendBeacon(url, new Blob([body], { type: 'text/plain' }))) return;
    if (w.fetch) fetch(url, { method: 'POST', body: body, keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain' } }).catch(function () {});
  }
  function flush() {
    clearTimeout(timer); timer = 0;
    while (queue.length) send(queue.splice(0, 50));
  }
  function push(ev, now) {
    if (!allowed()) return;
    ev.at = new Date().toISOString();
    queue.push(ev);
    if (now || queue.length >= 20) flush();
    else if (!timer) timer = setTimeout(flush, 1000);
  }

  function pageView() {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    push({ type: 'page', url: location.href, title: d.title.slice(0, 300), referrer: d.referrer || undefined, utm: utm() });
  }

  var api = {
    loaded: true,
    track: function (name, props) { push({ type: 'event', name: String(name).slice(0, 100), url: location.href, props: props || undefined }); },
    /** { email } or, signed by the site's backend, { userId, signature } (hex HMAC-SHA256 of the user id with the site secret). */
    identify: function (who) {
      who = who || {};
      push({ type: 'identify', email: who.email || undefined, userId: who.userId || undefined, signature: who.signature || undefined }, true);
    },
    /** true: the visitor agreed to tracking; false: stop now and forget the queue. */
    consent: function (yes) {
      store(CONSENT, yes ? 'yes' : 'no'); setCookie(CONSENT, yes ? 'yes' : 'no', 365);
      if (!yes) { queue = []; clearTimeout(timer); timer = 0; } else { lastUrl = ''; pageView(); }
    },
    visitorId: function () { return allowed() ? visitorId() : null; },
    flush: flush,
  };
  var early = w.rapport && w.rapport.q;
  w.rapport = api;

  d.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-rapport-track]') : null;
    if (el) push({ type: 'click', name: el.getAttribute('data-rapport-track').slice(0, 100), url: location.href });
  }, true);
  // Single-page apps: a history change is a page view.
  ['pushState', 'replaceState'].forEach(function (m) {
    var orig = history[m];
    history[m] = function () { var r = orig.apply(this, arguments); setTimeout(pageView, 0); return r; };
  });
  w.addEventListener('popstate', pageView);
  w.addEventListener('pagehide', flush);
  d.addEventListener('visibilitychange', function () { if (d.visibilityState === 'hidden') flush(); });
  if (early && early.length) early.forEach(function (args) { var f = api[args[0]]; if (typeof f === 'function') f.apply(api, [].slice.call(args, 1)); });
  pageView();

  /* Forms: <div data-rapport-form="FORM_ID"></div> anywhere on the page. */
  function el(tag, attrs, text) {
    var n = d.createElement(tag);
    for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) n.setAttribute(k, attrs[k]);
    if (text) n.textContent = text;
    return n;
  }
  function renderForm(box, form) {
    var f = el('form', { 'class': 'rapport-form', novalidate: '' });
    f.style.cssText = 'display:flex;flex-direction:column;gap:10px;max-width:420px;font:inherit';
    form.fields.forEach(function (field) {
      var label = el('label', { style: 'display:flex;flex-direction:column;gap:4px' });
      label.appendChild(el('span', {}, field.label + (field.required ? ' *' : '')));
      var input = field.type === 'textarea' ? el('textarea', { name: field.key, rows: '3' }) : el('input', { name: field.key, type: field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : field.type === 'number' ? 'number' : 'text', autocomplete: field.autocomplete });
      if (field.required) input.setAttribute('required', '');
      input.style.cssText = 'padding:8px;font:inherit;border:1px solid #ccc;border-radius:4px';
      label.appendChild(input);
      f.appendChild(label);
    });
    // The honeypot: hidden from people, filled in by bots.
    var hp = el('input', { name: 'website', tabindex: '-1', autocomplete: 'off', 'aria-hidden': 'true' });
    hp.style.cssText = 'position:absolute;left:-10000px;width:1px;height:1px;opacity:0';
    f.appendChild(hp);
    if (form.consentText) {
      var c = el('label', { style: 'display:flex;gap:8px;align-items:flex-start' });
      c.appendChild(el('input', { type: 'checkbox', name: 'consent' }));
      c.appendChild(el('span', {}, form.consentText));
      f.appendChild(c);
    }
    var msg = el('div', { role: 'status', 'class': 'rapport-form-message' });
    var button = el('button', { type: 'submit', style: 'padding:10px;font:inherit;cursor:pointer' }, form.submitLabel);
    f.appendChild(button);
    f.appendChild(msg);
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var fields = {};
      form.fields.forEach(function (field) { var v = f.elements[field.key].value.trim(); if (v) fields[field.key] = v; });
      var body = { fields: fields, consent: !!(f.elements.consent && f.elements.consent.checked), website: hp.value, pageUrl: location.href, referrer: d.referrer || undefined, utm: utm(), visitor: api.visitorId() || undefined, site: allowed() ? site : undefined };
      button.disabled = true; msg.textContent = '';
      fetch(base + '/f/v1/forms/' + encodeURIComponent(form.id) + '/submissions', { method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (r) {
          button.disabled = false;
          if (!r.ok) { msg.textContent = (r.body && r.body.detail) || 'Error'; return; }
          box.replaceChildren(el('p', { 'class': 'rapport-form-done' }, r.body.message || form.successMessage));
        })
        .catch(function () { button.disabled = false; msg.textContent = 'Network error'; });
    });
    box.replaceChildren(f);
  }
  function forms() {
    var boxes = d.querySelectorAll('[data-rapport-form]');
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.getAttribute('data-rapport-ready')) return;
      box.setAttribute('data-rapport-ready', '1');
      fetch(base + '/f/v1/forms/' + encodeURIComponent(box.getAttribute('data-rapport-form')), { credentials: 'omit' })
        .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
        .then(function (form) { renderForm(box, form); })
        .catch(function () { box.textContent = ''; });
    });
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', forms); else forms();
})();
