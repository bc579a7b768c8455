// The offline copy's fetch for Pyodide's files. Pyodide fetches pyodide.asm.wasm, the standard
// library, the snapshot and the wheels with fetch(), which Chromium refuses for file:// addresses,
// and it has no option to take their bytes instead. So on pages opened from disk (and in their
// engine worker) fetch answers the packed files from memory; every other request goes to the
// real fetch.
import { gunzip, toBase64 } from "../calculators/kit/bytes.js";

// What fetch does with an `integrity` option: refuse bytes whose digest does not match.
const checkIntegrity = async (bytes, integrity, name) => {
  if (!integrity) return;
  const wanted = integrity
    .trim()
    .split(/\s+/)
    .filter((item) => item.startsWith("sha256-"));
  if (!wanted.length) throw new TypeError(`unsupported integrity value for ${name}`);
  const actual = `sha256-${toBase64(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)))}`;
  if (!wanted.includes(actual)) throw new TypeError(`integrity check failed for ${name}`);
};

// indexURL: the runtime folder's address; files: the pack's { name: { type, encoding } }; bytesOf(name):
// resolves to the file's bytes (Pyodide reads each file once, so the caller need not keep them).
export const installFetchShim = ({ indexURL, files, bytesOf }) => {
  if (globalThis.fetch.startOffline) return; // a retry keeps the shim it already has
  const realFetch = globalThis.fetch.bind(globalThis);
  const shim = async (input, init) => {
    const address = typeof input === "string" || input instanceof URL ? String(input) : input?.url;
    const url = new URL(address, location.href).href;
    const name = url.startsWith(indexURL) ? decodeURIComponent(url.slice(indexURL.length)) : null;
    const entry = name && Object.hasOwn(files, name) ? files[name] : null;
    if (!entry) return realFetch(input, init);
    // The pack gzips what shrinks most (the wasm): less base64 for the page to read.
    const packed = await bytesOf(name);
    const bytes = entry.encoding === "gzip" ? await gunzip(packed) : packed;
    await checkIntegrity(bytes, init?.integrity, name);
    return new Response(bytes, { status: 200, headers: { "Content-Type": entry.type } });
  };
  shim.startOffline = true;
  globalThis.fetch = shim;
};
