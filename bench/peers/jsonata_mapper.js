#!/usr/bin/env node
// Shopify Admin REST order -> the peers' projection of ordernorm's output
// (bench/peers/README.md) with JSONata: shopify.jsonata compiled once, then
// readline + JSON.parse + `await evaluate()` per order (evaluate is async
// since jsonata 2.0).
//
//   node jsonata_mapper.js orders.ndjson > projection.ndjson
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const jsonata = require('jsonata');

async function main() {
  const expression = jsonata(fs.readFileSync(path.join(__dirname, 'shopify.jsonata'), 'utf8'));
  const input = process.argv[2] ? fs.createReadStream(process.argv[2]) : process.stdin;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  // Output goes out in ~1 MB chunks, as node_mapper.js does.
  let pending = [];
  let pendingBytes = 0;
  for await (const line of lines) {
    if (line.length === 0) continue;
    const out = JSON.stringify(await expression.evaluate(JSON.parse(line)));
    pending.push(out);
    pendingBytes += out.length;
    if (pendingBytes > 1 << 20) {
      process.stdout.write(pending.join('\n') + '\n');
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pending.length) process.stdout.write(pending.join('\n') + '\n');
}

main().catch((e) => {
  console.error(e.message ?? e, e.position !== undefined ? `(at ${e.position})` : '');
  process.exit(1);
});
