// Files in and out: reading what the reader chose, and saving a result as CSV or XLSX. Each failure
// is said on the page (the widget's error area) with what to do next.
import { decodeBase64 } from "./bytes.js";
import { el } from "./dom.js";
import { guard, showError } from "./messages.js";

// [{ name, text }] for a FileList (or an array of File). A file that cannot be read rejects with
// an error naming it (error.fileName).
export const readFiles = (fileList) =>
  Promise.all(
    Array.from(fileList ?? [], async (file) => {
      try {
        return { name: file.name, text: await file.text() };
      } catch (error) {
        error.fileName = file.name;
        throw error;
      }
    }),
  );

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
// errors: the widget's error area, where a failure is explained. Resolves to true once saved.
export const download = async (runtime, result, name, format, errors) => {
  const what = format === "xlsx" ? "XLSX" : "CSV";
  const reply = await runtime.call(format === "xlsx" ? "to_xlsx" : "to_csv", {
    table: { columns: result.columns, rows: result.rows, meta: result.meta ?? {} },
  });
  if (!reply.ok) {
    if (errors)
      showError(errors, { ...reply.error, message: `The ${what} file could not be made: ${reply.error.message}` });
    return false;
  }
  const saved = await guard(
    errors,
    { what: `The ${what} file could not be saved`, next: "Try the download again, or copy the table from the page." },
    () => {
      if (format === "xlsx") saveBlob(new Blob([decodeBase64(reply.result)], { type: XLSX_TYPE }), `${name}.xlsx`);
      else saveBlob(new Blob([reply.result], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
      return true;
    },
  );
  return saved === true;
};
