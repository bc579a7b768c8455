// What the calculators keep in this browser: each calculator's settings in localStorage, the region's
// files in IndexedDB (they can be tens of megabytes), and "Forget my data", which clears both.
// A storage that is full or blocked never stops a calculation, and never fails silently: every
// failure goes to the listeners of onStorageProblem (the region builder shows it on the page).

const PREFIX = "start-calculators:";
const DATABASE = "start-calculators";
const FILES = "files";
const problemListeners = new Set();

const report = (message) => {
  for (const listener of problemListeners) listener(message);
};

// listener(message) for every storage failure; returns a function that stops it.
export const onStorageProblem = (listener) => {
  problemListeners.add(listener);
  return () => problemListeners.delete(listener);
};

const reason = (error) =>
  error?.name === "QuotaExceededError"
    ? "this browser's storage for the site is full"
    : `the browser refused (${error?.message || error?.name || error})`;

// One calculator's small state, as JSON under `start-calculators:<key>`.
export const store = (key) => {
  const name = `${PREFIX}${key}`;
  return {
    load: () => {
      try {
        return JSON.parse(localStorage.getItem(name));
      } catch {
        return null;
      }
    },
    // True when kept; false (and reported) when the storage refused.
    save: (value) => {
      try {
        localStorage.setItem(name, JSON.stringify(value));
        return true;
      } catch (error) {
        report(`Your settings could not be kept in this browser: ${reason(error)}.`);
        return false;
      }
    },
    clear: () => {
      try {
        localStorage.removeItem(name);
      } catch {
        // a blocked storage holds nothing to clear
      }
    },
  };
};

// --- IndexedDB: the region's files ------------------------------------------------------------

let opening = null;

const database = () => {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.addEventListener("upgradeneeded", () => request.result.createObjectStore(FILES));
    request.addEventListener("success", () => {
      const db = request.result;
      // Another tab upgrading or deleting the database: let it, and open again next time.
      db.addEventListener("versionchange", () => {
        db.close();
        opening = null;
      });
      resolve(db);
    });
    request.addEventListener("error", () => reject(request.error));
    request.addEventListener("blocked", () => reject(new Error("another tab holds the storage open")));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
};

// Runs work(objectStore) in one transaction; resolves with what the request it returns gives, once
// the transaction is complete (so a write has really happened), or rejects with the cause.
const transaction = async (mode, work) => {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(FILES, mode);
    const request = work(tx.objectStore(FILES));
    tx.addEventListener("complete", () => resolve(request?.result));
    tx.addEventListener("abort", () => reject(tx.error ?? new Error("the storage transaction was aborted")));
    tx.addEventListener("error", (event) => event.preventDefault()); // the abort that follows reports it
  });
};

// Keeps files under a key ("region", or a calculator's own) and a generation; true when kept, false
// when not (reported). The files kept before are deleted first, so a failure can never leave older
// files to load later.
export const saveFiles = async (generation, files, key = "region") => {
  try {
    await transaction("readwrite", (objects) => objects.delete(key));
    await transaction("readwrite", (objects) => objects.put({ generation, files }, key));
    return true;
  } catch (error) {
    report(`Your files could not be kept in this browser: ${reason(error)}.`);
    return false;
  }
};

// The files kept under `key` and `generation`, or null (none kept, another generation, no storage).
export const loadFiles = async (generation, key = "region") => {
  try {
    const record = await transaction("readonly", (objects) => objects.get(key));
    return record?.generation === generation ? record.files : null;
  } catch {
    return null;
  }
};

// Everything the calculators keep in this browser, on this site: every calculator's settings and
// tables, the region and its files. Resolves to the problems met (empty when all is cleared).
export const forgetEverything = async () => {
  const problems = [];
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch (error) {
    problems.push(`settings: ${reason(error)}`);
  }
  try {
    await transaction("readwrite", (objects) => objects.clear());
  } catch (error) {
    problems.push(`files: ${reason(error)}`);
  }
  return problems;
};
