// Starts the configurator (written in Rust, in the staff module).
import init, { configurator_mount } from '../autonomie-staff.js';

await init({ module_or_path: new URL('../autonomie-staff_bg.wasm', import.meta.url) });
configurator_mount(document.getElementById('configurator'), new URL('../autonomie.js', import.meta.url).href);
