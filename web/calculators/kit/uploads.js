// Before a chosen file is read: Python checks its size and format (uploads.py: a clear refusal
// naming the limit), and the XLSX reader (openpyxl) is loaded only when a workbook arrives.
import { failureAnswer } from "../engine.js";
import { readFile } from "./requests.js";

const HEAD = 8; // bytes: enough to tell a workbook or another binary file from text
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

const describe = async (file) => {
  try {
    return { name: file.name, size: file.size, head: await readFile({ file: file.slice(0, HEAD), as: "base64" }) };
  } catch (error) {
    error.fileName = file.name;
    throw error;
  }
};

// files: File objects; use: "table" or "qcew". Resolves to an answer: { ok: true } when they may be
// read, else { ok: false, error } (Python's refusal, or a file the browser could not open).
export const checkUploads = async (runtime, files, use) => {
  let described;
  try {
    described = await Promise.all(files.map(describe));
  } catch (error) {
    const name = error.fileName ?? "A file";
    const hint = "It may have been moved or changed since you chose it: choose it again.";
    return failureAnswer(null, `${name} could not be read (${error.message})`, hint, "unreadable");
  }
  const reply = await runtime.call("check_uploads", { files: described, use });
  if (!reply.ok || !reply.result.packages.length) return reply;
  await runtime.load(reply.result.packages);
  // Asked again: a package that did not load now gets Python's refusal, before the file is read.
  return runtime.call("check_uploads", { files: described, use, xlsx_loaded: true });
};

// The file's bytes as base64 text (for the table readers, which detect encoding and XLSX), read a
// slice at a time so a big file never holds the page.
export const fileBase64 = (file) => readFile({ file, as: "base64" }, breathe);
