// The offline copy's Pyodide loader, for pages opened from disk. Chromium blocks fetch and module
// imports on file://, so every runtime file arrives as a classic script written by
// scripts/offline_pack.py into assets/pyodide/offline/: pyodide.js (loadPyodide), pyodide-asm.js
// (the esbuild-bundled pyodide.asm.mjs), pack.js (the lock and a file list) and one base64 script
// per binary file. Each hands its part over on the StartToolkit namespace.
import { toolkit } from "../site/namespace.js";

const loadScript = (url, name) =>
  new Promise((resolve, reject) => {
    const tag = document.createElement("script");
    tag.src = url;
    tag.addEventListener("load", resolve);
    tag.addEventListener("error", () => reject(new Error(`the offline copy is missing ${name}`)));
    document.head.append(tag);
  });

const decodeBase64 = (text) => {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
};

const toBase64 = (buffer) => {
  const bytes = new Uint8Array(buffer);
  if (typeof bytes.toBase64 === "function") return bytes.toBase64();
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(""));
};

// What fetch does with an `integrity` option: refuse bytes whose digest does not match.
const checkIntegrity = async (bytes, integrity, name) => {
  if (!integrity) return;
  const wanted = integrity
    .trim()
    .split(/\s+/)
    .filter((item) => item.startsWith("sha256-"));
  if (!wanted.length) throw new TypeError(`unsupported integrity value for ${name}`);
  const actual = `sha256-${toBase64(await crypto.subtle.digest("SHA-256", bytes))}`;
  if (!wanted.includes(actual)) throw new TypeError(`integrity check failed for ${name}`);
};

export class OfflinePack {
  #folder; // assets/pyodide/offline/
  #indexURL; // assets/pyodide/, the same folder as online
  #payloads = new Map(); // file name -> Promise<Uint8Array>
  #prepared = null;

  constructor(assets) {
    this.#indexURL = new URL("pyodide/", assets).href;
    this.#folder = new URL("offline/", this.#indexURL);
  }

  #script(name) {
    return loadScript(new URL(name, this.#folder).href, name);
  }

  // Starts loading a payload script once; the decoded bytes are kept and the base64 text dropped.
  #payload(name, entry) {
    if (!this.#payloads.has(name)) {
      const bytes = this.#script(entry.script).then(() => {
        const store = toolkit().offlineFiles ?? {};
        const decoded = decodeBase64(store[name]);
        delete store[name];
        return decoded;
      });
      bytes.catch(() => this.#payloads.delete(name)); // a retry reads it again
      this.#payloads.set(name, bytes);
    }
    return this.#payloads.get(name);
  }

  // Pyodide fetches pyodide.asm.wasm, the standard library and the wheels with fetch(), which
  // Chromium refuses for file:// addresses, and it has no option to take their bytes instead.
  // So on pages opened from disk (only there) fetch answers the packed files from memory;
  // every other request goes to the real fetch.
  #installFetchShim(files) {
    if (globalThis.fetch.startOffline) return; // a retry keeps the shim it already has
    const realFetch = globalThis.fetch.bind(globalThis);
    const shim = async (input, init) => {
      const address = typeof input === "string" || input instanceof URL ? String(input) : input?.url;
      const url = new URL(address, location.href).href;
      const name = url.startsWith(this.#indexURL) ? decodeURIComponent(url.slice(this.#indexURL.length)) : null;
      const entry = name && Object.hasOwn(files, name) ? files[name] : null;
      if (!entry) return realFetch(input, init);
      const bytes = await this.#payload(name, entry);
      this.#payloads.delete(name); // Pyodide reads each file once; free the copy
      await checkIntegrity(bytes, init?.integrity, name);
      return new Response(bytes, { status: 200, headers: { "Content-Type": entry.type } });
    };
    shim.startOffline = true;
    globalThis.fetch = shim;
  }

  async #prepare() {
    const runtime = Promise.all([this.#script("pyodide.js"), this.#script("pyodide-asm.js")]);
    await this.#script("pack.js");
    const pack = toolkit().offlinePack;
    this.#installFetchShim(pack.files);
    // Start reading the payloads every start needs now, so they load while the runtime compiles;
    // optional packages (openpyxl, for XLSX uploads) load only when Pyodide asks for them.
    const optional = new Set(
      Object.entries(pack.lock.packages)
        .filter(([name]) => name !== "start-calculators")
        .map(([, entry]) => entry.file_name),
    );
    for (const [name, entry] of Object.entries(pack.files)) if (!optional.has(name)) this.#payload(name, entry);
    // Wait for the wasm too: Pyodide only logs a failed wasm load and never settles, so a
    // missing file must fail here, where the status line can say so and offer a retry.
    await Promise.all([runtime, this.#payloads.get("pyodide.asm.wasm")]);
    return {
      loadPyodide: globalThis.loadPyodide,
      options: {
        indexURL: this.#indexURL,
        packageBaseUrl: this.#indexURL,
        lockFileContents: pack.lock,
        createPyodideModule: toolkit().pyodideAsm.default,
      },
    };
  }

  // Resolves to { loadPyodide, options } for startEngine; a failure can be retried.
  prepare() {
    this.#prepared ??= this.#prepare();
    this.#prepared.catch(() => {
      this.#prepared = null;
    });
    return this.#prepared;
  }
}
