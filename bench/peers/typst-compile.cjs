// Compiles Typst sources to PDF with the Node binding of Typst.
//
//   node typst-compile.cjs OUT_DIR FILE.typ...        cold: one process, one compiler
//   TYPST_LOAD_ONLY=1 node typst-compile.cjs          the wrapper alone: Node starts and
//                                                     loads the binding, compiles nothing
//
// With several files, prints the compiler's creation time (font scan) and the mean time per
// document of the compile + PDF export loop, the compiler reused (distinct documents).
'use strict';
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
if (process.env.TYPST_LOAD_ONLY) process.exit(0);
const { readFileSync, writeFileSync } = require('node:fs');
const { basename } = require('node:path');

const [outDir, ...files] = process.argv.slice(2);
const sources = files.map((f) => [f, readFileSync(f, 'utf8')]);
const t0 = performance.now();
const compiler = NodeCompiler.create({});
const t1 = performance.now();
for (const [file, source] of sources) {
  const pdf = compiler.pdf({ mainFileContent: source });
  writeFileSync(`${outDir}/${basename(file, '.typ')}.pdf`, pdf);
}
const t2 = performance.now();
if (sources.length > 1) {
  console.log(`typst: compiler created in ${(t1 - t0).toFixed(1)} ms; ` +
    `${sources.length} documents in ${(t2 - t1).toFixed(1)} ms, ` +
    `${((t2 - t1) / sources.length).toFixed(2)} ms per document`);
}
