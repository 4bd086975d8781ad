// Loader of the autonomie numérique widget. A partner page needs only:
//   <script type="module" src="https://…/autonomie.js"></script>
//   <autonomie-numerique></autonomie-numerique>
// Every file is resolved next to this script, so the widget can be hosted on another origin.
import init, { boot } from './autonomie-app.js';

const here = (file) => new URL(file, import.meta.url);

await init({ module_or_path: here('./autonomie-app_bg.wasm') });
// The other modules are fetched only when a later step needs them: "extras" (places, QR
// codes) in a visitor's flow, "staff" (staff view) for mediators. A module that has not
// arrived after 20 s is given up (the step says so and offers to try again); a new try uses a
// new address, since the browser keeps waiting on a stalled import of the old one.
const MODULE_TIMEOUT_MS = 20000;
const attempts = {};
async function load(name) {
  const attempt = attempts[name] = (attempts[name] ?? -1) + 1;
  const retry = attempt > 0 ? `?retry=${attempt}` : '';
  const module = await import(`./autonomie-${name}.js${retry}`);
  await module.default({ module_or_path: here(`./autonomie-${name}_bg.wasm${retry}`) });
  return module;
}
boot(here('./').href, (name) => {
  if (name !== 'extras' && name !== 'staff') return Promise.reject(new Error(`unknown module ${name}`));
  return Promise.race([
    load(name),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${name} timed out`)), MODULE_TIMEOUT_MS)),
  ]);
});
