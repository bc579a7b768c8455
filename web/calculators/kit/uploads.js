// Before a chosen file is read: Python checks its size and format (uploads.py: a clear refusal
// naming the limit), and the XLSX reader (openpyxl) is loaded only when a workbook arrives.
import { failureAnswer } from "../engine.js";
import { el, field } from "./dom.js";
import { guard, showError } from "./messages.js";
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

const TABLE_TYPES = ".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// A file input for the reader's own table (CSV in any separator or encoding, or an XLSX workbook).
// Python checks a chosen file before it is read; a refusal or a failed read goes to the widget's
// error area; then onTable({ base64, name }) runs. The input is cleared either way (the table in
// use is named on the page), so a refused file never looks chosen. Returns { field, input }.
export const tableUpload = ({ runtime, errors, label, role = "upload-table", onTable }) => {
  const upload = field(label, el("input", { type: "file", accept: TABLE_TYPES, data: { role } }));
  upload.input.addEventListener("change", async () => {
    const [file] = upload.input.files ?? [];
    upload.input.value = "";
    if (!file) return;
    const checked = await checkUploads(runtime, [file], "table");
    if (!checked.ok) {
      showError(errors, checked.error);
      return;
    }
    const base64 = await guard(errors, { what: `${file.name} could not be read`, next: "Choose it again." }, () =>
      fileBase64(file),
    );
    if (base64 !== null) onTable({ base64, name: file.name });
  });
  return upload;
};
