// Loader of the autonomie numérique widget. A partner page needs only:
//   <script type="module" src="https://…/autonomie.js"></script>
//   <autonomie-numerique></autonomie-numerique>
// Every file is resolved next to this script, so the widget can be hosted on another origin.
import init, { boot } from './autonomie-app.js';

const here = (file) => new URL(file, import.meta.url);

await init({ module_or_path: here('./autonomie-app_bg.wasm') });
// The other modules are fetched only when a later step needs them: "extras" (places, QR
// codes) in a visitor's flow, "staff" (staff view) for mediators.
boot(here('./').href, async (name) => {
  if (name !== 'extras' && name !== 'staff') throw new Error(`unknown module ${name}`);
  const module = await import(`./autonomie-${name}.js`);
  await module.default({ module_or_path: here(`./autonomie-${name}_bg.wasm`) });
  return module;
});
