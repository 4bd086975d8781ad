// Loader of the autonomie numérique widget. Partners add:
//   <script type="module" src="https://…/autonomie.js"></script>
//   <autonomie-numerique></autonomie-numerique>
// Files are resolved next to this script, so the widget can be hosted on another origin.
import init, { boot } from './autonomie-app.js';

await init({ module_or_path: new URL('./autonomie-app_bg.wasm', import.meta.url) });
boot(new URL('./', import.meta.url).href);
