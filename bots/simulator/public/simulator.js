/*
 * The citizen simulator page: a chat with the Vicinato bot through the simulator API.
 *   POST /api/simulator/chats/{chatId}/messages  {text} | {location:{lat,lng}} | {photo:{mimeType, base64}} | {voice:{base64}}
 *   GET  /api/simulator/chats/{chatId}/messages  -> {messages:[{text, choices?, purpose, at}]}
 * The server keeps only what the bot sent; what the citizen sent is kept in this browser
 * (localStorage), each message anchored after the bot messages known when it was sent.
 * Later status updates (report taken in charge, dispatched, closed) arrive by polling.
 * No inline script, no innerHTML with message text: everything is set as text (strict CSP).
 */
(function () {
  'use strict';

  var POLL_MS = 3000;
  var CHAT_KEY = 'vicinato.simulator.chatId';
  var LANG_KEY = 'vicinato.simulator.language';
  var SENT_KEY_PREFIX = 'vicinato.simulator.sent.';
  var FALLBACK_VIEW = { center: [42.5, 12.5], zoom: 6 };

  var TEXTS = {
    it: {
      title: 'Simulatore cittadino',
      subtitle: 'Prova il bot Vicinato come un cittadino su WhatsApp o Telegram.',
      newChat: 'Nuova conversazione',
      notice: 'Per le emergenze chiama il 112. Questo simulatore serve solo per prove.',
      chatHeading: 'Conversazione',
      chatLabel: 'Conversazione con il bot',
      choicesLabel: 'Risposte suggerite',
      messageLabel: 'Scrivi un messaggio',
      messagePlaceholder: 'Scrivi un messaggio',
      send: 'Invia',
      sending: 'Invio…',
      location: 'Posizione',
      photo: 'Foto',
      voice: 'Vocale',
      locationTitle: 'Invia una posizione',
      locationHint: 'Clicca sulla mappa per scegliere il punto, oppure scrivi le coordinate.',
      mapLabel: 'Mappa: clicca per scegliere il punto',
      lat: 'Latitudine',
      lng: 'Longitudine',
      sendLocation: 'Invia posizione',
      you: 'Tu',
      bot: 'Vicinato',
      update: 'Aggiornamento sulla segnalazione',
      youSentLocation: 'Posizione inviata: {lat}, {lng}',
      youSentPhoto: 'Foto inviata ({name})',
      youSentVoice: 'Vocale inviato ({name})',
      empty: 'Scrivi un messaggio (per esempio «ciao») per iniziare.',
      badCoords: 'Coordinate non valide: la latitudine va da -90 a 90, la longitudine da -180 a 180.',
      notImage: 'Il file scelto non è un’immagine.',
      notAudio: 'Il file scelto non è un audio.',
      errorPrefix: 'Messaggio non inviato: ',
      network: 'il servizio non risponde. Riprova tra poco.',
      confirmNew: 'Iniziare una nuova conversazione? Quella attuale resta salvata sul server.',
      askLocation: 'Il bot chiede una posizione: usa il pulsante «Posizione».',
    },
    en: {
      title: 'Citizen simulator',
      subtitle: 'Try the Vicinato bot as a citizen would on WhatsApp or Telegram.',
      newChat: 'New conversation',
      notice: 'In an emergency call 112. This simulator is for testing only.',
      chatHeading: 'Conversation',
      chatLabel: 'Conversation with the bot',
      choicesLabel: 'Suggested answers',
      messageLabel: 'Write a message',
      messagePlaceholder: 'Write a message',
      send: 'Send',
      sending: 'Sending…',
      location: 'Location',
      photo: 'Photo',
      voice: 'Voice note',
      locationTitle: 'Send a location',
      locationHint: 'Click on the map to pick the spot, or type the coordinates.',
      mapLabel: 'Map: click to pick the spot',
      lat: 'Latitude',
      lng: 'Longitude',
      sendLocation: 'Send location',
      you: 'You',
      bot: 'Vicinato',
      update: 'Update on your report',
      youSentLocation: 'Location sent: {lat}, {lng}',
      youSentPhoto: 'Photo sent ({name})',
      youSentVoice: 'Voice note sent ({name})',
      empty: 'Write a message (for example "hello") to start.',
      badCoords: 'Invalid coordinates: latitude goes from -90 to 90, longitude from -180 to 180.',
      notImage: 'The chosen file is not an image.',
      notAudio: 'The chosen file is not audio.',
      errorPrefix: 'Message not sent: ',
      network: 'the service does not answer. Try again shortly.',
      confirmNew: 'Start a new conversation? The current one stays stored on the server.',
      askLocation: 'The bot asks for a location: use the "Location" button.',
    },
  };

  var $ = function (id) {
    return document.getElementById(id);
  };
  var els = {
    chat: $('chat'),
    choices: $('choices'),
    error: $('error'),
    composer: $('composer'),
    message: $('message'),
    send: $('send'),
    toggleLocation: $('toggle-location'),
    locationPanel: $('location-panel'),
    locationForm: $('location-form'),
    lat: $('lat'),
    lng: $('lng'),
    photo: $('photo'),
    voice: $('voice'),
    newChat: $('new-chat'),
    langIt: $('lang-it'),
    langEn: $('lang-en'),
  };

  var state = {
    language: readStorage(LANG_KEY) === 'en' ? 'en' : 'it',
    chatId: readStorage(CHAT_KEY) || newChatId(),
    serverMessages: [],
    sent: [],
    busy: false,
    map: null,
    marker: null,
    config: null,
    renderedKey: '',
    renderedItems: [],
  };
  writeStorage(CHAT_KEY, state.chatId);
  state.sent = loadSent(state.chatId);

  // ---------- small helpers ----------

  function readStorage(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  }
  function writeStorage(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      /* private mode: the chat lasts for this page only */
    }
  }
  function newChatId() {
    var bytes = new Uint8Array(9);
    window.crypto.getRandomValues(bytes);
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      })
      .join('');
    return 'web-' + hex;
  }
  function loadSent(chatId) {
    try {
      var v = JSON.parse(readStorage(SENT_KEY_PREFIX + chatId) || '[]');
      return Array.isArray(v) ? v : [];
    } catch {
      return [];
    }
  }
  function saveSent() {
    writeStorage(SENT_KEY_PREFIX + state.chatId, JSON.stringify(state.sent.slice(-200)));
  }
  function t(key, values) {
    var s = (TEXTS[state.language] || TEXTS.it)[key] || key;
    if (values)
      s = s.replace(/\{(\w+)\}/g, function (m, name) {
        return name in values ? String(values[name]) : m;
      });
    return s;
  }
  function apiUrl() {
    return '/api/simulator/chats/' + encodeURIComponent(state.chatId) + '/messages';
  }
  function showError(text) {
    els.error.textContent = text;
    els.error.hidden = !text;
  }
  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    return d.toLocaleTimeString(state.language === 'it' ? 'it-IT' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  }

  // ---------- language ----------

  function applyLanguage() {
    document.documentElement.lang = state.language;
    document.title = t('title') + ' – Vicinato';
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-label]'), function (el) {
      el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label')));
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-placeholder]'), function (el) {
      el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder')));
    });
    els.langIt.setAttribute('aria-pressed', String(state.language === 'it'));
    els.langEn.setAttribute('aria-pressed', String(state.language === 'en'));
    state.renderedKey = '';
    render();
  }
  function setLanguage(lang) {
    state.language = lang;
    writeStorage(LANG_KEY, lang);
    applyLanguage();
  }

  // ---------- rendering ----------

  /** Bot messages from the server, with the citizen's own messages put back in their places. */
  function transcript() {
    var items = [];
    var sentByAnchor = {};
    state.sent.forEach(function (m) {
      (sentByAnchor[m.after] = sentByAnchor[m.after] || []).push(m);
    });
    var pushSent = function (anchor) {
      (sentByAnchor[anchor] || []).forEach(function (m) {
        items.push({ from: 'me', text: m.text, at: m.at });
      });
    };
    pushSent(0);
    state.serverMessages.forEach(function (m, i) {
      items.push({ from: 'bot', text: m.text, choices: m.choices, purpose: m.purpose, at: m.at, requestLocation: m.requestLocation });
      pushSent(i + 1);
    });
    // Sent messages anchored beyond what the server has returned so far (still being processed).
    Object.keys(sentByAnchor).forEach(function (k) {
      if (Number(k) > state.serverMessages.length) pushSent(k);
    });
    return items;
  }

  function bubble(item) {
    var li = document.createElement('div');
    li.className = 'bubble ' + (item.from === 'me' ? 'from-me' : 'from-bot') + (item.purpose === 'status-update' ? ' is-update' : '');
    var who = document.createElement('span');
    who.className = 'bubble-who';
    who.textContent = item.from === 'me' ? t('you') : item.purpose === 'status-update' ? t('update') : t('bot');
    var text = document.createElement('p');
    text.className = 'bubble-text';
    text.textContent = item.text;
    var time = document.createElement('time');
    time.className = 'bubble-time';
    time.dateTime = item.at || '';
    time.textContent = item.at ? formatTime(item.at) : '';
    li.appendChild(who);
    li.appendChild(text);
    li.appendChild(time);
    return li;
  }

  function render() {
    var items = transcript();
    var keys = items.map(function (item) {
      return JSON.stringify(item);
    });
    var key = state.language + '|' + keys.join('\n');
    if (key === state.renderedKey) return;
    var previous = state.renderedItems || [];
    var samePrefix =
      state.renderedKey !== '' &&
      previous.length > 0 &&
      previous.length <= keys.length &&
      previous.every(function (k, i) {
        return k === keys[i];
      });
    state.renderedKey = key;
    state.renderedItems = keys;
    // Append only what is new when the transcript grew (screen readers then read just that).
    if (samePrefix) {
      for (var i = previous.length; i < items.length; i++) els.chat.appendChild(bubble(items[i]));
    } else {
      els.chat.textContent = '';
      if (!items.length) {
        var empty = document.createElement('p');
        empty.className = 'chat-empty';
        empty.textContent = t('empty');
        els.chat.appendChild(empty);
      }
      items.forEach(function (item) {
        els.chat.appendChild(bubble(item));
      });
    }
    els.chat.scrollTop = els.chat.scrollHeight;
    renderChoices(items);
  }

  function renderChoices(items) {
    els.choices.textContent = '';
    var last = items[items.length - 1];
    if (!last || last.from !== 'bot') return;
    (last.choices || []).forEach(function (choice) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'choice';
      b.textContent = choice;
      b.addEventListener('click', function () {
        void sendMessage({ text: choice }, choice);
      });
      els.choices.appendChild(b);
    });
    if (last.requestLocation) {
      var hint = document.createElement('p');
      hint.className = 'hint';
      hint.textContent = t('askLocation');
      els.choices.appendChild(hint);
    }
  }

  // ---------- talking to the API ----------

  function refresh() {
    return fetch(apiUrl(), { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (body) {
        if (body && Array.isArray(body.messages)) {
          state.serverMessages = body.messages;
          render();
        }
      })
      .catch(function () {
        /* polling goes on; a send reports its own errors */
      });
  }

  function setBusy(busy) {
    state.busy = busy;
    els.send.disabled = busy;
    els.send.textContent = busy ? t('sending') : t('send');
    Array.prototype.forEach.call(els.choices.querySelectorAll('button'), function (b) {
      b.disabled = busy;
    });
  }

  /** Sends one message; `shown` is how it appears in the citizen's own bubble. */
  function sendMessage(body, shown) {
    if (state.busy) return Promise.resolve(false);
    showError('');
    setBusy(true);
    var entry = { text: shown, at: new Date().toISOString(), after: state.serverMessages.length };
    state.sent.push(entry);
    saveSent();
    render();
    return fetch(apiUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    })
      .then(function (res) {
        return res.json().then(
          function (json) {
            return { ok: res.ok, json: json };
          },
          function () {
            return { ok: res.ok, json: null };
          },
        );
      })
      .then(function (r) {
        if (!r.ok) showError(t('errorPrefix') + ((r.json && r.json.error) || 'HTTP error'));
        return refresh().then(function () {
          return r.ok;
        });
      })
      .catch(function () {
        showError(t('errorPrefix') + t('network'));
        return false;
      })
      .then(function (ok) {
        setBusy(false);
        return ok;
      });
  }

  // ---------- location ----------

  function loadConfig() {
    return fetch('/api/simulator/config', { headers: { Accept: 'application/json' } })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .catch(function () {
        return null;
      })
      .then(function (cfg) {
        state.config = cfg;
        return cfg;
      });
  }

  function setPoint(lat, lng, fromMap) {
    if (!fromMap) return;
    els.lat.value = lat.toFixed(6);
    els.lng.value = lng.toFixed(6);
  }

  function ensureMap() {
    if (state.map || !window.L) return;
    var cfg = state.config;
    var view = cfg && cfg.center ? { center: [cfg.center.lat, cfg.center.lng], zoom: 13 } : FALLBACK_VIEW;
    state.map = window.L.map('map', { keyboard: true }).setView(view.center, view.zoom);
    if (cfg && cfg.mapTileUrl) {
      window.L.tileLayer(cfg.mapTileUrl, {
        maxZoom: 19,
        attribution: /openstreetmap\.org/i.test(cfg.mapTileUrl) ? '&copy; OpenStreetMap' : '',
      }).addTo(state.map);
    }
    state.map.on('click', function (e) {
      placeMarker(e.latlng.lat, e.latlng.lng);
      setPoint(e.latlng.lat, e.latlng.lng, true);
    });
  }

  function placeMarker(lat, lng) {
    if (!state.map) return;
    if (state.marker) state.marker.setLatLng([lat, lng]);
    else state.marker = window.L.marker([lat, lng], { keyboard: false }).addTo(state.map);
  }

  function readCoordinate(input) {
    var v = Number(String(input.value).trim().replace(',', '.'));
    return input.value.trim() === '' || !isFinite(v) ? NaN : v;
  }

  // ---------- events ----------

  els.composer.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = els.message.value.trim();
    if (!text) return;
    sendMessage({ text: text }, text).then(function (ok) {
      if (ok) els.message.value = '';
      els.message.focus();
    });
  });

  els.toggleLocation.addEventListener('click', function () {
    var open = els.locationPanel.hidden;
    els.locationPanel.hidden = !open;
    els.toggleLocation.setAttribute('aria-expanded', String(open));
    if (open) {
      (state.config ? Promise.resolve(state.config) : loadConfig()).then(function () {
        ensureMap();
        if (state.map) state.map.invalidateSize();
        els.lat.focus();
      });
    }
  });

  [els.lat, els.lng].forEach(function (input) {
    input.addEventListener('change', function () {
      var lat = readCoordinate(els.lat);
      var lng = readCoordinate(els.lng);
      if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
        placeMarker(lat, lng);
        if (state.map) state.map.panTo([lat, lng]);
      }
    });
  });

  els.locationForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var lat = readCoordinate(els.lat);
    var lng = readCoordinate(els.lng);
    if (!(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
      showError(t('badCoords'));
      els.lat.focus();
      return;
    }
    sendMessage({ location: { lat: lat, lng: lng } }, t('youSentLocation', { lat: lat.toFixed(5), lng: lng.toFixed(5) })).then(function (ok) {
      if (ok) {
        els.locationPanel.hidden = true;
        els.toggleLocation.setAttribute('aria-expanded', 'false');
        els.message.focus();
      }
    });
  });

  els.photo.addEventListener('change', function () {
    var file = els.photo.files && els.photo.files[0];
    if (!file) return;
    if (!/^image\//.test(file.type)) {
      showError(t('notImage'));
      els.photo.value = '';
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var dataUrl = String(reader.result || '');
      var base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
      sendMessage({ photo: { mimeType: file.type, base64: base64 } }, t('youSentPhoto', { name: file.name })).then(function () {
        els.photo.value = '';
        els.message.focus();
      });
    };
    reader.onerror = function () {
      showError(t('notImage'));
    };
    reader.readAsDataURL(file);
  });

  // A voice note: an audio file (e.g. an .ogg recorded on a phone), as a channel's voice note.
  els.voice.addEventListener('change', function () {
    var file = els.voice.files && els.voice.files[0];
    if (!file) return;
    if (!/^audio\//.test(file.type) && !/\.(ogg|oga|opus|m4a|mp3|wav)$/i.test(file.name)) {
      showError(t('notAudio'));
      els.voice.value = '';
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      var dataUrl = String(reader.result || '');
      sendMessage({ voice: { base64: dataUrl.slice(dataUrl.indexOf(',') + 1) } }, t('youSentVoice', { name: file.name })).then(function () {
        els.voice.value = '';
        els.message.focus();
      });
    };
    reader.onerror = function () {
      showError(t('notAudio'));
    };
    reader.readAsDataURL(file);
  });

  els.newChat.addEventListener('click', function () {
    if (!window.confirm(t('confirmNew'))) return;
    state.chatId = newChatId();
    writeStorage(CHAT_KEY, state.chatId);
    state.sent = [];
    state.serverMessages = [];
    state.renderedKey = '';
    showError('');
    render();
    els.message.focus();
  });

  els.langIt.addEventListener('click', function () {
    setLanguage('it');
  });
  els.langEn.addEventListener('click', function () {
    setLanguage('en');
  });

  // ---------- start ----------

  applyLanguage();
  void refresh();
  window.setInterval(function () {
    if (!document.hidden && !state.busy) void refresh();
  }, POLL_MS);
})();
