// Requests to the engine that carry files: the page hands over File objects (cheap to post to the
// worker) and the engine reads them, in slices, right before Python gets the request as JSON text.

const FILE = Symbol("file");
const SLICE = 3 * 1024 * 1024; // bytes read at a time: a multiple of 3, so base64 slices join cleanly
const BIG = 256 * 1024; // strings longer than this are written to JSON one at a time

// A file in a request's args: its content arrives in Python as text (UTF-8), or as base64 text of
// its bytes (what the table readers want: they detect the encoding and XLSX themselves).
export const fileArg = (file, as = "base64") => ({ [FILE]: true, file, as });

// { args, files }: args with every fileArg replaced by { $file: index }, ready for postMessage.
export const packFiles = (args) => {
  const files = [];
  const walk = (value) => {
    if (value?.[FILE]) {
      files.push({ file: value.file, as: value.as });
      return { $file: files.length - 1 };
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    }
    return value;
  };
  return { args: walk(args), files };
};

const toBase64 = (bytes) => {
  if (typeof bytes.toBase64 === "function") return bytes.toBase64();
  let text = "";
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(text);
};

// The file's content as text or base64, a slice at a time with pause() between slices. A failure
// names the file (error.fileName) and says what to do (error.hint).
export const readFile = async ({ file, as }, pause = async () => {}) => {
  const decoder = as === "text" ? new TextDecoder("utf-8") : null;
  const parts = [];
  try {
    for (let at = 0; at < file.size; at += SLICE) {
      const bytes = new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer());
      parts.push(decoder ? decoder.decode(bytes, { stream: true }) : toBase64(bytes));
      await pause();
    }
  } catch (error) {
    error.fileName = file.name;
    error.hint = "It may have been moved or changed since you chose it: choose it again.";
    throw error;
  }
  if (decoder) parts.push(decoder.decode());
  return parts.join("");
};

// The request as JSON text for Python: files read in, big strings written one at a time, so that on
// the main thread (the offline copy) no single step blocks the page for long.
export const resolveFiles = async (request, files, pause = async () => {}) => {
  const nonce = Math.random().toString(36).slice(2);
  const token = (index) => `\u0000${nonce}:${index}\u0000`;
  const big = [];
  const walk = (value) => {
    if (typeof value === "string" && value.length > BIG) {
      big.push(value);
      return token(big.length - 1);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") {
      if (Number.isInteger(value.$file) && Object.keys(value).length === 1 && files[value.$file]) {
        big.push(files[value.$file]);
        return token(big.length - 1);
      }
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    }
    return value;
  };
  // JSON writes each token as "\u0000<nonce>:N\u0000": split there, then put the texts in.
  const parts = JSON.stringify(walk(request)).split(new RegExp(`"\\\\u0000${nonce}:(\\d+)\\\\u0000"`));
  for (let at = 1; at < parts.length; at += 2) {
    const item = big[Number(parts[at])];
    parts[at] = JSON.stringify(typeof item === "string" ? item : await readFile(item, pause));
    await pause();
  }
  return parts.join("");
};
