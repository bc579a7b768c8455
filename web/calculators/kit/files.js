// Files in and out: reading what the reader chose, and saving a result as CSV or XLSX.
import { el } from "./dom.js";

// [{ name, text }] for a FileList (or an array of File).
export const readFiles = (fileList) =>
  Promise.all(Array.from(fileList ?? [], async (file) => ({ name: file.name, text: await file.text() })));

const saveBlob = (blob, name) => {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; a second later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Python writes the file (the CLI's writers), so a download matches `start_calculators --output`.
export const download = async (runtime, result, name, format) => {
  const table = { columns: result.columns, rows: result.rows, meta: result.meta ?? {} };
  const reply = await runtime.call(format === "xlsx" ? "to_xlsx" : "to_csv", { table });
  if (!reply.ok) throw reply.error;
  if (format === "xlsx") {
    const bytes = Uint8Array.from(atob(reply.result), (c) => c.charCodeAt(0));
    saveBlob(new Blob([bytes], { type: XLSX_TYPE }), `${name}.xlsx`);
  } else {
    saveBlob(new Blob([reply.result], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
  }
};
