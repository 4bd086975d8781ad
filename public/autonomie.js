// Loader of the autonomie numérique widget. A partner page needs only:
//   <script type="module" src="https://…/autonomie.js" integrity="sha384-…" crossorigin="anonymous"></script>
//   <autonomie-numerique></autonomie-numerique>
// Every file is resolved next to this script, so the widget can be hosted on another origin.
//
// Integrity: the build writes the sha384 of every file this loader fetches afterwards into
// INTEGRITY (scripts/stamp-integrity.sh). The snippet's `integrity` covers this file, so the
// chain holds: module code is preloaded with its hash before it is imported (a mismatch
// leaves it unrun), the wasm is fetched with its hash, and the language and data files are
// fetched by the widget with theirs. A file that does not match is refused with a message.
const INTEGRITY = {};

const here = (file) => new URL(file, import.meta.url);
// The same table by absolute address, as the widget looks files up.
const hashes = Object.fromEntries(Object.entries(INTEGRITY).map(([f, h]) => [here(f).href, h]));
const hashOf = (url) => hashes[url.split('?')[0]];

class Refused extends Error {
  constructor(url) {
    super(`${url} does not match its integrity hash`);
    this.name = 'IntegrityError';
  }
}

// True when the file arrives but is not the one the hash describes (as opposed to a network
// failure, which keeps the usual "try again" path).
async function tampered(url) {
  try {
    const body = await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', body));
    return `sha384-${btoa(String.fromCharCode(...digest))}` !== hashOf(url);
  } catch {
    return false;
  }
}

async function refuse(url, error) {
  if (hashOf(url) && await tampered(url)) {
    console.error(`autonomie-numerique: ${url} does not match its integrity hash; it was not run.`);
    throw new Refused(url);
  }
  throw error;
}

// Imports a module only once its code matched its hash: a preload with `integrity` fills the
// browser's module map, the import then takes that entry (a failed preload leaves no module).
async function verifiedImport(url) {
  const integrity = hashOf(url);
  if (integrity) {
    await new Promise((resolve, reject) => {
      const link = document.createElement('link');
      Object.assign(link, { rel: 'modulepreload', href: url, integrity });
      link.onload = () => { link.remove(); resolve(); };
      link.onerror = () => { link.remove(); reject(new Error(`${url} did not load`)); };
      document.head.append(link);
    }).catch((error) => refuse(url, error));
  }
  return import(url);
}

async function verifiedWasm(url) {
  const integrity = hashOf(url);
  if (!integrity) return url;
  return fetch(url, { integrity }).catch((error) => refuse(url, error));
}

async function start(name, retry = '') {
  const module = await verifiedImport(here(`./autonomie-${name}.js${retry}`).href);
  await module.default({ module_or_path: await verifiedWasm(here(`./autonomie-${name}_bg.wasm${retry}`).href) });
  return module;
}

const MESSAGES = {
  fr: 'Ce questionnaire ne peut pas s’ouvrir : un de ses fichiers a été modifié. Par sécurité, il ne s’est pas lancé. Prévenez le site qui le propose.',
  en: 'This questionnaire cannot open: one of its files was changed. For your safety, it did not start. Please tell the website that offers it.',
  ar: 'لا يمكن فتح هذا الاستبيان: تم تغيير أحد ملفاته. لم يبدأ حفاظًا على أمانك. أخبر الموقع الذي يقدمه.',
  uk: 'Цей опитувальник не може відкритися: один із його файлів змінено. З міркувань безпеки він не запустився. Повідомте сайт, який його пропонує.',
};

// The widget itself cannot run: each host element says so, in its language.
function showRefusal() {
  for (const host of document.querySelectorAll('autonomie-numerique, [data-autonomie-numerique]')) {
    const lang = MESSAGES[host.dataset.lang] ? host.dataset.lang : 'fr';
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const text = document.createElement('p');
    Object.assign(text, { role: 'alert', lang, dir: lang === 'ar' ? 'rtl' : 'ltr', textContent: MESSAGES[lang] });
    // Set through the CSSOM, which a strict `style-src` allows (an inline style would not be).
    text.style.cssText = 'border:2px solid #b91c1c;border-radius:6px;padding:.75em 1em;max-width:40em;font-size:1.05em;line-height:1.5';
    root.replaceChildren(text);
  }
}

let app;
try {
  app = await start('app');
} catch (error) {
  if (!(error instanceof Refused)) throw error;
  showRefusal();
}

// The other modules are fetched only when a later step needs them: "extras" (places, QR
// codes) in a visitor's flow, "staff" (staff view) for mediators. A module that has not
// arrived after 20 s is given up (the step says so and offers to try again); a new try uses a
// new address, since the browser keeps waiting on a stalled import of the old one.
const MODULE_TIMEOUT_MS = 20000;
const attempts = {};
async function load(name) {
  const attempt = attempts[name] = (attempts[name] ?? -1) + 1;
  const module = await start(name, attempt > 0 ? `?retry=${attempt}` : '');
  module.set_integrity?.(hashes);
  return module;
}
app?.boot(here('./').href, (name) => {
  if (name !== 'extras' && name !== 'staff') return Promise.reject(new Error(`unknown module ${name}`));
  return Promise.race([
    load(name),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${name} timed out`)), MODULE_TIMEOUT_MS)),
  ]);
}, hashes);
