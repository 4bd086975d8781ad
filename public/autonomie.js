// Loader of the autonomie numérique widget. A partner page needs only:
//   <script type="module" src="https://…/autonomie.js"></script>
//   <autonomie-numerique></autonomie-numerique>
// Every file is resolved next to this script, so the widget can be hosted on another origin.
import init, { boot } from './autonomie-app.js';

const here = (file) => new URL(file, import.meta.url);

await init({ module_or_path: here('./autonomie-app_bg.wasm') });
// The second module (places, QR codes) is fetched only when a later step needs it.
boot(here('./').href, async () => {
  const extras = await import('./autonomie-extras.js');
  await extras.default({ module_or_path: here('./autonomie-extras_bg.wasm') });
  return extras;
});
