// Minifies wasm-bindgen's JS glue in a Trunk build and renews the page's
// integrity hash for it. wasm-bindgen writes readable JS (56 KB, 8.0 KB
// brotli); terser makes it 26 KB (6.3 KB brotli), and every hosted page
// and offline file carries it. Trunk's own minifier is not used: it breaks
// wasm-bindgen's glue (trunk-rs/trunk#761, #1044).
//
// Usage: node tools/minify-glue.mjs DIR   (DIR: Trunk's output, with
// index.html and one report-viewer-*.js). Run by `make viewer`; terser
// comes from the npm tools (NODE_PATH).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { minify } = createRequire(import.meta.url)('terser');
const dir = process.argv[2];
if (!dir) throw new Error('usage: node tools/minify-glue.mjs DIR');
const glue = readdirSync(dir).filter((f) => /^report-viewer-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`${dir}: expected one report-viewer-*.js, found ${glue.length}`);
const file = join(dir, glue[0]);
const page = join(dir, 'index.html');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const before = readFileSync(file);
const html = readFileSync(page, 'utf8');
if (!html.includes(sri(before))) {
  // Already minified (its hash is not the one Trunk wrote), or Trunk
  // stopped writing integrity attributes: either way, say so and stop.
  throw new Error(`${page}: no integrity attribute for ${glue[0]} as Trunk wrote it`);
}
// A module: exports keep their names; the names wasm-bindgen's imports
// object uses are properties, which terser leaves alone.
const out = await minify(before.toString('utf8'), { module: true, compress: true, mangle: true });
writeFileSync(file, out.code);
writeFileSync(page, html.replace(sri(before), sri(Buffer.from(out.code))));
console.log(`minified ${glue[0]}: ${before.length} → ${Buffer.byteLength(out.code)} bytes`);
