// Requests to the engine that carry files: the page hands over File objects (cheap to post to the
// worker) and the engine reads them right before Python gets the request.
import { toBase64 } from "./bytes.js";

const FILE = Symbol("file");
const SLICE = 3 * 1024 * 1024; // bytes read at a time: a multiple of 3, so base64 slices join cleanly
const BIG = 256 * 1024; // strings longer than this are written to JSON one at a time

// A file in a request's args: its content arrives in Python as text ("text": decoded by Python, as
// UTF-8, UTF-16 or Windows-1252), or as base64 text of its bytes ("base64": what the table readers
// take; they detect the encoding and XLSX themselves).
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

// The file's bytes; a failure names the file (error.fileName) and says what to do (error.hint).
const readBytes = async (file) => {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    error.fileName = file.name;
    error.hint = "It may have been moved or changed since you chose it: choose it again.";
    throw error;
  }
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

// The request as small JSON text plus its contents as bytes, which Python's browser_files.call_async
// puts back in place: copying a long string into Python costs far more than bytes, so files and long
// texts cross as buffers. Each becomes { $file: index, as, name }: "text" for a file Python decodes,
// "base64" for a file's bytes as base64, "utf-8" for text the page already had.
export const prepareRequest = async (request, files, pause = async () => {}) => {
  const buffers = [];
  const pending = [];
  const encoder = new TextEncoder();
  const walk = (value) => {
    if (typeof value === "string" && value.length > BIG) {
      buffers.push(null);
      const index = buffers.length - 1;
      pending.push(async () => {
        buffers[index] = encoder.encode(value);
      });
      return { $file: index, as: "utf-8" };
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") {
      if (
        Number.isInteger(value.$file) &&
        Object.keys(value).length === 1 &&
        files[value.$file]?.file instanceof Blob
      ) {
        const { file, as } = files[value.$file];
        buffers.push(null);
        const index = buffers.length - 1;
        pending.push(async () => {
          buffers[index] = await readBytes(file);
        });
        return { $file: index, as: as === "text" ? "text" : "base64", name: file.name };
      }
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    }
    return value;
  };
  const json = JSON.stringify(walk(request));
  for (const step of pending) {
    await step();
    await pause();
  }
  return { json, buffers };
};
