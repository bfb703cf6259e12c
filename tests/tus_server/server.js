#!/usr/bin/env node
// A real tus server (@tus/server + @tus/file-store) on loopback for the upload tests and bench.
//
//   node server.js --dir DIR [--port N] [--host 127.0.0.1] [--max-size BYTES]
//                  [--tls-cert PEM --tls-key PEM] [--log FILE]
//
// Every option can also come from the environment (TUS_DIR, TUS_PORT, TUS_HOST, TUS_MAX_SIZE,
// TUS_TLS_CERT, TUS_TLS_KEY, TUS_LOG). TUS_TOKEN (environment only, so it never shows in a process
// list) makes every tus request need `Authorization: Bearer <token>`.
//
// On start it prints one JSON line to stdout: {"event":"listening","port":N,"url":"…/files/"}.
//
// Fault injection for tests, set at any time with `POST /__control` (JSON, fields optional):
//   {"fail":  [{"method":"PATCH","status":503,"count":2,"retry_after":1}],  answer with status
//    "drop":  [{"method":"PATCH","count":1,"after_bytes":65536}],  cut the connection (after that
//              many body bytes reached the store; 0 = before reading the body)
//    "hang":  [{"method":"PATCH","count":1}],   never answer (the client's timeout must fire)
//    "delay_ms": 100,                            wait before each PATCH is handled
//    "reset": true}                              forget pending faults and the request log
// `GET /__stats` returns {"requests":[…]}: one record per request with method, upload id, status,
// and for PATCH the offset before and after (measured on the stored file), i.e. what arrived.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');
const { Transform } = require('node:stream');
const { Server, EVENTS } = require('@tus/server');
const { FileStore } = require('@tus/file-store');

function parseArgs(argv) {
  const opts = {};
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    opts[a.slice(2).replace(/-/g, '_')] = argv[++i];
  }
  return opts;
}

const args = parseArgs(process.argv);
const opt = (name, env, dflt) => args[name] ?? process.env[env] ?? dflt;
const dir = opt('dir', 'TUS_DIR');
if (!dir) {
  console.error('usage: node server.js --dir DIR [--port N] [--max-size BYTES] ...');
  process.exit(2);
}
const host = opt('host', 'TUS_HOST', '127.0.0.1');
const port = Number(opt('port', 'TUS_PORT', '0'));
const maxSize = Number(opt('max_size', 'TUS_MAX_SIZE', '0'));
const tlsCert = opt('tls_cert', 'TUS_TLS_CERT');
const tlsKey = opt('tls_key', 'TUS_TLS_KEY');
const logFile = opt('log', 'TUS_LOG');
const token = process.env.TUS_TOKEN || '';
fs.mkdirSync(dir, { recursive: true });

const faults = { fail: [], drop: [], hang: [], delay_ms: 0 };
let requests = [];

function record(entry) {
  requests.push(entry);
  if (logFile) fs.appendFileSync(logFile, JSON.stringify(entry) + '\n');
}

function takeFault(list, method) {
  const f = list.find((x) => (x.method || 'PATCH') === method && (x.count ?? 1) > 0);
  if (!f) return null;
  f.count = (f.count ?? 1) - 1;
  return f;
}

function storedSize(id) {
  try {
    return fs.statSync(path.join(dir, id)).size;
  } catch {
    return null;
  }
}

function uploadId(req) {
  const m = /\/files\/([^/?#]+)/.exec(req.url || '');
  return m ? decodeURIComponent(m[1]) : null;
}

// A FileStore that can cut the connection after a given number of body bytes were stored: a
// dropped connection in the middle of a PATCH, at a byte position the test chooses.
const cuts = new Map();
class CuttingStore extends FileStore {
  write(readable, id, offset) {
    const cut = cuts.get(id);
    if (!cut) return super.write(readable, id, offset);
    cuts.delete(id);
    let seen = 0;
    const gate = new Transform({
      transform(chunk, _enc, cb) {
        const room = cut.after - seen;
        if (room <= 0) return cb();
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        seen += part.length;
        cb(null, part);
        if (seen >= cut.after) {
          // The bytes so far go to the file; the client is cut off mid-request.
          readable.unpipe(gate);
          gate.end();
          cut.req.socket.destroy();
        }
      },
    });
    readable.on('error', (e) => gate.destroy(e));
    return super.write(readable.pipe(gate), id, offset);
  }
}

const tus = new Server({
  path: '/files',
  datastore: new CuttingStore({ directory: dir }),
  maxSize: maxSize > 0 ? maxSize : undefined,
});
tus.on(EVENTS.POST_FINISH, (req, res, upload) => {
  record({ event: 'finish', id: upload.id, size: upload.size, t: Date.now() });
});

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      try { resolve(body ? JSON.parse(body) : {}); } catch (e) { reject(e); }
    });
    req.on('error', reject);
  });
}

async function control(req, res) {
  if (req.method === 'GET' && req.url.startsWith('/__stats')) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ requests }));
    return;
  }
  const body = await readJson(req);
  if (body.reset) {
    faults.fail = []; faults.drop = []; faults.hang = []; faults.delay_ms = 0;
    requests = [];
  }
  for (const key of ['fail', 'drop', 'hang']) {
    if (Array.isArray(body[key])) faults[key].push(...body[key]);
  }
  if (body.delay_ms !== undefined) faults.delay_ms = Number(body.delay_ms);
  res.writeHead(204);
  res.end();
}

async function handle(req, res) {
  if (req.url.startsWith('/__')) {
    return control(req, res).catch((e) => { res.writeHead(400); res.end(String(e)); });
  }
  const method = req.method;
  const id = uploadId(req);
  const entry = { method, id, t: Date.now(), auth: Boolean(req.headers.authorization) };
  if (method === 'PATCH') {
    entry.offset_before = Number(req.headers['upload-offset']);
    entry.content_length = Number(req.headers['content-length']);
  }
  let done = false;
  const finish = (how) => {
    if (done) return;
    done = true;
    entry.how = how;
    entry.status = res.statusCode;
    if (method === 'PATCH' && id) entry.offset_after = storedSize(id);
    if (method === 'POST') entry.location = res.getHeader('location') || null;
    record(entry);
  };
  res.on('finish', () => finish('answered'));
  res.on('close', () => finish('closed'));

  if (token && method !== 'OPTIONS' && req.headers.authorization !== `Bearer ${token}`) {
    res.writeHead(401, { 'Tus-Resumable': '1.0.0', 'Content-Type': 'text/plain' });
    res.end('unauthorized');
    return;
  }
  const fail = takeFault(faults.fail, method);
  if (fail) {
    const headers = { 'Content-Type': 'text/plain', Connection: 'close' };
    if (fail.retry_after !== undefined) headers['Retry-After'] = String(fail.retry_after);
    res.writeHead(fail.status || 500, headers);
    res.end('injected failure');
    req.resume();
    return;
  }
  if (takeFault(faults.hang, method)) {
    entry.hung = true;
    req.resume();
    return; // never answered: the socket stays open until the client gives up
  }
  const drop = takeFault(faults.drop, method);
  if (drop) {
    entry.dropped = true;
    const after = Number(drop.after_bytes || 0);
    if (after <= 0 || !id) {
      req.socket.destroy();
      return;
    }
    // Exactly `after` body bytes reach the store, then the connection is cut (see CuttingStore).
    cuts.set(id, { after, req });
  }
  if (method === 'PATCH' && faults.delay_ms > 0) {
    await new Promise((r) => setTimeout(r, faults.delay_ms));
  }
  return tus.handle(req, res);
}

const listener = (req, res) => {
  handle(req, res).catch((e) => {
    if (!res.headersSent) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
};
const server = tlsCert
  ? https.createServer({ cert: fs.readFileSync(tlsCert), key: fs.readFileSync(tlsKey) }, listener)
  : http.createServer(listener);
server.listen(port, host, () => {
  const actual = server.address().port;
  const scheme = tlsCert ? 'https' : 'http';
  process.stdout.write(JSON.stringify({
    event: 'listening', port: actual, url: `${scheme}://${host}:${actual}/files/`,
  }) + '\n');
});
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => { server.close(); process.exit(0); });
}
