// Runs an npm PII redactor over JSONL notes for the "deid" benchmark.
// usage: node redact-compare.mjs <redact-pii|openredaction> <in.jsonl> <out.jsonl> [passes]
// in: {"id","text"} per line; out: {"id","redacted"} per line; stdout: one JSON summary line.
import { readFileSync, writeFileSync } from 'node:fs';

const [which, inPath, outPath, passesArg] = process.argv.slice(2);
if (!which || !inPath || !outPath) {
  console.error('usage: node redact-compare.mjs <redact-pii|openredaction> <in.jsonl> <out.jsonl> [passes]');
  process.exit(2);
}

const notes = readFileSync(inPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const passes = Math.max(1, Number(passesArg ?? 1));

let redact;
if (which === 'redact-pii') {
  const { SyncRedactor } = await import('redact-pii');
  const r = new SyncRedactor();
  redact = (t) => r.redact(t);
} else if (which === 'openredaction') {
  const { OpenRedaction } = await import('openredaction');
  const r = new OpenRedaction({ redactionMode: 'placeholder' });
  redact = async (t) => (await r.detect(t)).redacted;
} else {
  console.error(`unknown redactor: ${which}`);
  process.exit(2);
}

// Warm-up on a few notes so that timing is not dominated by JIT start-up.
for (const n of notes.slice(0, 20)) await redact(n.text);

const chars = notes.reduce((s, n) => s + n.text.length, 0);
const bytes = notes.reduce((s, n) => s + Buffer.byteLength(n.text, 'utf8'), 0);
let out = [];
const t0 = process.hrtime.bigint();
for (let p = 0; p < passes; p++) {
  out = [];
  for (const n of notes) out.push({ id: n.id, redacted: await redact(n.text) });
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
writeFileSync(outPath, out.map((o) => JSON.stringify(o)).join('\n') + '\n');
console.log(JSON.stringify({ redactor: which, notes: notes.length, chars, bytes, passes, ms }));
