// Starts the configurator (written in Rust, in the lazily loaded module).
import init, { configurator_mount } from '../autonomie-extras.js';

await init({ module_or_path: new URL('../autonomie-extras_bg.wasm', import.meta.url) });
configurator_mount(document.getElementById('configurator'), new URL('../autonomie.js', import.meta.url).href);
