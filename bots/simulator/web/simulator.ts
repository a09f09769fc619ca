/**
 * The citizen simulator page: a chat with the Vicinato bot through the simulator API.
 *   POST /api/simulator/chats/{chatId}/messages  {text} | {location:{lat,lng}} | {photo:{mimeType, base64}} | {voice:{base64}}
 *   GET  /api/simulator/chats/{chatId}/messages  -> {messages:[{text, choices?, purpose, at}]}
 * The server keeps only what the bot sent; what the citizen sent is kept in this browser
 * (localStorage), each message anchored after the bot messages known when it was sent.
 * Later status updates (report taken in charge, dispatched, closed) arrive by polling.
 * No inline script, no innerHTML with message text: everything is set as text (strict CSP).
 *
 * Built with the panel (script/build-panel.sh, esbuild) into dist/panel/simulator/simulator.js,
 * served at /simulator/assets/simulator.js; Leaflet comes as a global from /simulator/vendor/leaflet.
 */
import type * as Leaflet from 'leaflet';
import type { SimulatorMessageBody } from '../simulator.schema';
import { simulatorEn } from '../../../src/texts/citizen/simulator.en';
import { simulatorIt } from '../../../src/texts/citizen/simulator.it';

declare global {
  interface Window {
    L?: typeof Leaflet;
  }
}

const POLL_MS = 3000;
const CHAT_KEY = 'vicinato.simulator.chatId';
const LANG_KEY = 'vicinato.simulator.language';
const SENT_KEY_PREFIX = 'vicinato.simulator.sent.';
const FALLBACK_VIEW = { center: [42.5, 12.5] as [number, number], zoom: 6 };

// The page's words live with everything else citizens read (src/texts/citizen); only these two
// files are bundled into the page.
const TEXTS = { it: simulatorIt, en: simulatorEn };

type Language = keyof typeof TEXTS;
type TextKey = keyof (typeof TEXTS)['it'];

/** A bot message as GET .../messages returns it. */
type ServerMessage = { text: string; choices?: string[]; purpose?: string; at?: string; requestLocation?: boolean };
/** A message the citizen sent, kept in this browser: `after` = how many bot messages came before it. */
type SentMessage = { text: string; at: string; after: number };
type Item = { from: 'me' | 'bot'; text: string; at?: string; choices?: string[]; purpose?: string; requestLocation?: boolean };
type PageConfig = { mapTileUrl?: string; center?: { lat: number; lng: number }; municipality?: string };

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`simulator page: #${id} is missing`);
  return el as T;
}

const els = {
  chat: element<HTMLElement>('chat'),
  choices: element<HTMLElement>('choices'),
  error: element<HTMLElement>('error'),
  composer: element<HTMLFormElement>('composer'),
  message: element<HTMLInputElement>('message'),
  send: element<HTMLButtonElement>('send'),
  toggleLocation: element<HTMLButtonElement>('toggle-location'),
  locationPanel: element<HTMLElement>('location-panel'),
  locationForm: element<HTMLFormElement>('location-form'),
  lat: element<HTMLInputElement>('lat'),
  lng: element<HTMLInputElement>('lng'),
  photo: element<HTMLInputElement>('photo'),
  voice: element<HTMLInputElement>('voice'),
  newChat: element<HTMLButtonElement>('new-chat'),
  langIt: element<HTMLButtonElement>('lang-it'),
  langEn: element<HTMLButtonElement>('lang-en'),
};

// ---------- small helpers ----------

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* private mode: the chat lasts for this page only */
  }
}
function newChatId(): string {
  const bytes = new Uint8Array(9);
  window.crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
function loadSent(chatId: string): SentMessage[] {
  try {
    const v: unknown = JSON.parse(readStorage(SENT_KEY_PREFIX + chatId) || '[]');
    return Array.isArray(v) ? (v as SentMessage[]) : [];
  } catch {
    return [];
  }
}

const state = {
  language: (readStorage(LANG_KEY) === 'en' ? 'en' : 'it') as Language,
  chatId: readStorage(CHAT_KEY) || newChatId(),
  serverMessages: [] as ServerMessage[],
  sent: [] as SentMessage[],
  busy: false,
  map: null as Leaflet.Map | null,
  marker: null as Leaflet.Marker | null,
  config: null as PageConfig | null,
  renderedKey: '',
  renderedItems: [] as string[],
};
writeStorage(CHAT_KEY, state.chatId);
state.sent = loadSent(state.chatId);

function saveSent(): void {
  writeStorage(SENT_KEY_PREFIX + state.chatId, JSON.stringify(state.sent.slice(-200)));
}
function t(key: string, values?: Record<string, string | number>): string {
  let s: string = (TEXTS[state.language] ?? TEXTS.it)[key as TextKey] || key;
  if (values) s = s.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
  return s;
}
function apiUrl(): string {
  return `/api/simulator/chats/${encodeURIComponent(state.chatId)}/messages`;
}
function showError(text: string): void {
  els.error.textContent = text;
  els.error.hidden = !text;
}
function formatTime(iso: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  return d.toLocaleTimeString(state.language === 'it' ? 'it-IT' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

// ---------- language ----------

function applyLanguage(): void {
  document.documentElement.lang = state.language;
  document.title = `${t('title')} – Vicinato`;
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.getAttribute('data-i18n') ?? '');
  });
  document.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label') ?? ''));
  });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder') ?? ''));
  });
  els.langIt.setAttribute('aria-pressed', String(state.language === 'it'));
  els.langEn.setAttribute('aria-pressed', String(state.language === 'en'));
  state.renderedKey = '';
  render();
}
function setLanguage(lang: Language): void {
  state.language = lang;
  writeStorage(LANG_KEY, lang);
  applyLanguage();
}

// ---------- rendering ----------

/** Bot messages from the server, with the citizen's own messages put back in their places. */
function transcript(): Item[] {
  const items: Item[] = [];
  const sentByAnchor: Record<string, SentMessage[]> = {};
  state.sent.forEach((m) => {
    (sentByAnchor[m.after] = sentByAnchor[m.after] || []).push(m);
  });
  const pushSent = (anchor: number | string) => {
    (sentByAnchor[anchor] || []).forEach((m) => {
      items.push({ from: 'me', text: m.text, at: m.at });
    });
  };
  pushSent(0);
  state.serverMessages.forEach((m, i) => {
    items.push({ from: 'bot', text: m.text, choices: m.choices, purpose: m.purpose, at: m.at, requestLocation: m.requestLocation });
    pushSent(i + 1);
  });
  // Sent messages anchored beyond what the server has returned so far (still being processed).
  Object.keys(sentByAnchor).forEach((k) => {
    if (Number(k) > state.serverMessages.length) pushSent(k);
  });
  return items;
}

function bubble(item: Item): HTMLElement {
  const li = document.createElement('div');
  li.className = `bubble ${item.from === 'me' ? 'from-me' : 'from-bot'}${item.purpose === 'status-update' ? ' is-update' : ''}`;
  const who = document.createElement('span');
  who.className = 'bubble-who';
  who.textContent = item.from === 'me' ? t('you') : item.purpose === 'status-update' ? t('update') : t('bot');
  const text = document.createElement('p');
  text.className = 'bubble-text';
  text.textContent = item.text;
  const time = document.createElement('time');
  time.className = 'bubble-time';
  time.dateTime = item.at || '';
  time.textContent = item.at ? formatTime(item.at) : '';
  li.appendChild(who);
  li.appendChild(text);
  li.appendChild(time);
  return li;
}

function render(): void {
  const items = transcript();
  const keys = items.map((item) => JSON.stringify(item));
  const key = `${state.language}|${keys.join('\n')}`;
  if (key === state.renderedKey) return;
  const previous = state.renderedItems || [];
  const samePrefix =
    state.renderedKey !== '' && previous.length > 0 && previous.length <= keys.length && previous.every((k, i) => k === keys[i]);
  state.renderedKey = key;
  state.renderedItems = keys;
  // Append only what is new when the transcript grew (screen readers then read just that).
  if (samePrefix) {
    for (let i = previous.length; i < items.length; i++) els.chat.appendChild(bubble(items[i]));
  } else {
    els.chat.textContent = '';
    if (!items.length) {
      const empty = document.createElement('p');
      empty.className = 'chat-empty';
      empty.textContent = t('empty');
      els.chat.appendChild(empty);
    }
    items.forEach((item) => els.chat.appendChild(bubble(item)));
  }
  els.chat.scrollTop = els.chat.scrollHeight;
  renderChoices(items);
}

function renderChoices(items: Item[]): void {
  els.choices.textContent = '';
  const last = items[items.length - 1];
  if (!last || last.from !== 'bot') return;
  (last.choices || []).forEach((choice) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'choice';
    b.textContent = choice;
    b.addEventListener('click', () => {
      void sendMessage({ text: choice }, choice);
    });
    els.choices.appendChild(b);
  });
  if (last.requestLocation) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = t('askLocation');
    els.choices.appendChild(hint);
  }
}

// ---------- talking to the API ----------

async function refresh(): Promise<void> {
  try {
    const res = await fetch(apiUrl(), { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const body = (res.ok ? await res.json() : null) as { messages?: unknown } | null;
    if (body && Array.isArray(body.messages)) {
      state.serverMessages = body.messages as ServerMessage[];
      render();
    }
  } catch {
    /* polling goes on; a send reports its own errors */
  }
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  els.send.disabled = busy;
  els.send.textContent = busy ? t('sending') : t('send');
  els.choices.querySelectorAll('button').forEach((b) => {
    b.disabled = busy;
  });
}

/** Sends one message; `shown` is how it appears in the citizen's own bubble. */
async function sendMessage(body: SimulatorMessageBody, shown: string): Promise<boolean> {
  if (state.busy) return false;
  showError('');
  setBusy(true);
  state.sent.push({ text: shown, at: new Date().toISOString(), after: state.serverMessages.length });
  saveSent();
  render();
  let ok = false;
  try {
    const res = await fetch(apiUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as { error?: string } | null;
    if (!res.ok) showError(t('errorPrefix') + (json?.error || 'HTTP error'));
    await refresh();
    ok = res.ok;
  } catch {
    showError(t('errorPrefix') + t('network'));
  }
  setBusy(false);
  return ok;
}

// ---------- location ----------

async function loadConfig(): Promise<PageConfig | null> {
  let cfg: PageConfig | null = null;
  try {
    const res = await fetch('/api/simulator/config', { headers: { Accept: 'application/json' } });
    cfg = res.ok ? ((await res.json()) as PageConfig) : null;
  } catch {
    cfg = null;
  }
  state.config = cfg;
  return cfg;
}

function setPoint(lat: number, lng: number): void {
  els.lat.value = lat.toFixed(6);
  els.lng.value = lng.toFixed(6);
}

function ensureMap(): void {
  const L = window.L;
  if (state.map || !L) return;
  const cfg = state.config;
  const view = cfg?.center ? { center: [cfg.center.lat, cfg.center.lng] as [number, number], zoom: 13 } : FALLBACK_VIEW;
  const map = L.map('map', { keyboard: true }).setView(view.center, view.zoom);
  state.map = map;
  if (cfg?.mapTileUrl) {
    L.tileLayer(cfg.mapTileUrl, {
      maxZoom: 19,
      attribution: /openstreetmap\.org/i.test(cfg.mapTileUrl) ? '&copy; OpenStreetMap' : '',
    }).addTo(map);
  }
  map.on('click', (e: Leaflet.LeafletMouseEvent) => {
    placeMarker(e.latlng.lat, e.latlng.lng);
    setPoint(e.latlng.lat, e.latlng.lng);
  });
}

function placeMarker(lat: number, lng: number): void {
  const L = window.L;
  if (!state.map || !L) return;
  if (state.marker) state.marker.setLatLng([lat, lng]);
  else state.marker = L.marker([lat, lng], { keyboard: false }).addTo(state.map);
}

function readCoordinate(input: HTMLInputElement): number {
  const v = Number(String(input.value).trim().replace(',', '.'));
  return input.value.trim() === '' || !isFinite(v) ? NaN : v;
}

// ---------- events ----------

els.composer.addEventListener('submit', (e) => {
  e.preventDefault();
  const text = els.message.value.trim();
  if (!text) return;
  void sendMessage({ text }, text).then((ok) => {
    if (ok) els.message.value = '';
    els.message.focus();
  });
});

els.toggleLocation.addEventListener('click', () => {
  const open = els.locationPanel.hidden;
  els.locationPanel.hidden = !open;
  els.toggleLocation.setAttribute('aria-expanded', String(open));
  if (open) {
    void (state.config ? Promise.resolve(state.config) : loadConfig()).then(() => {
      ensureMap();
      state.map?.invalidateSize();
      els.lat.focus();
    });
  }
});

[els.lat, els.lng].forEach((input) => {
  input.addEventListener('change', () => {
    const lat = readCoordinate(els.lat);
    const lng = readCoordinate(els.lng);
    if (Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
      placeMarker(lat, lng);
      state.map?.panTo([lat, lng]);
    }
  });
});

els.locationForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const lat = readCoordinate(els.lat);
  const lng = readCoordinate(els.lng);
  if (!(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
    showError(t('badCoords'));
    els.lat.focus();
    return;
  }
  void sendMessage({ location: { lat, lng } }, t('youSentLocation', { lat: lat.toFixed(5), lng: lng.toFixed(5) })).then((ok) => {
    if (ok) {
      els.locationPanel.hidden = true;
      els.toggleLocation.setAttribute('aria-expanded', 'false');
      els.message.focus();
    }
  });
});

els.photo.addEventListener('change', () => {
  const file = els.photo.files?.[0];
  if (!file) return;
  if (!/^image\//.test(file.type)) {
    showError(t('notImage'));
    els.photo.value = '';
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    const dataUrl = String(reader.result || '');
    const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
    void sendMessage({ photo: { mimeType: file.type, base64 } }, t('youSentPhoto', { name: file.name })).then(() => {
      els.photo.value = '';
      els.message.focus();
    });
  };
  reader.onerror = () => showError(t('notImage'));
  reader.readAsDataURL(file);
});

// A voice note: an audio file (e.g. an .ogg recorded on a phone), as a channel's voice note.
els.voice.addEventListener('change', () => {
  const file = els.voice.files?.[0];
  if (!file) return;
  if (!/^audio\//.test(file.type) && !/\.(ogg|oga|opus|m4a|mp3|wav)$/i.test(file.name)) {
    showError(t('notAudio'));
    els.voice.value = '';
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    const dataUrl = String(reader.result || '');
    void sendMessage({ voice: { base64: dataUrl.slice(dataUrl.indexOf(',') + 1) } }, t('youSentVoice', { name: file.name })).then(() => {
      els.voice.value = '';
      els.message.focus();
    });
  };
  reader.onerror = () => showError(t('notAudio'));
  reader.readAsDataURL(file);
});

els.newChat.addEventListener('click', () => {
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

els.langIt.addEventListener('click', () => setLanguage('it'));
els.langEn.addEventListener('click', () => setLanguage('en'));

// ---------- start ----------

applyLanguage();
void refresh();
window.setInterval(() => {
  if (!document.hidden && !state.busy) void refresh();
}, POLL_MS);
