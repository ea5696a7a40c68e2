/* Reads JSON lines {rule, vocabulary, texts, queries} on stdin and answers each with
 * {text: [[tokens], ...], capped: [...], query: [...]} from tokens.js: the browser's tokenizer
 * run under node, for tests/test_token_parity.py. */
"use strict";
const path = require("path");
const readline = require("readline");
const ubTokens = require(path.resolve(process.argv[2]));

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on("line", (line) => {
  const job = JSON.parse(line);
  const t = ubTokens.make(job.rule);
  const vocab = t.vocabulary(job.vocabulary);
  process.stdout.write(JSON.stringify({
    text: job.texts.map((s) => t.textTokens(s, vocab)),
    capped: job.texts.map((s) => t.textTokens(s, vocab, 1)),
    query: job.queries.map((s) => t.queryTokens(s, vocab)),
    terms: job.vocabulary.map((s) => t.isTerm(t.normalise(s).trim())),
  }) + "\n");
});
