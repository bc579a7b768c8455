// The region all calculators share, one per window (it outlives Material's instant navigation):
// the counties the reader chose (for the BLS links and the map), the QCEW files loaded (none: the
// sample), the span of years to compare, and where they are kept (kit/store.js).
import { forgetEverything, loadFiles, onStorageProblem, saveFiles, store } from "../kit/store.js";

// The sample (sample.py): the ten counties of the Columbus, OH MSA, 2023, with 2020 to 2022 before it.
export const SAMPLE = {
  state: "39",
  counties: ["39041", "39045", "39049", "39073", "39089", "39097", "39117", "39127", "39129", "39159"],
  year: "2023",
  years: ["2020", "2021", "2022", "2023"],
  span: { start: "2020", end: "2023" },
};

const sampleRegion = () => ({
  selection: { state: SAMPLE.state, counties: [...SAMPLE.counties], year: SAMPLE.year },
  data: null,
  span: { ...SAMPLE.span },
});

const newGeneration = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export class RegionModel {
  #saved = store("region");
  #region = sampleRegion();
  #listeners = new Set();
  #storageListeners = new Set();
  #storage = { ok: true, message: "" };
  #ready;
  #taking = 0; // files being checked and read, not yet the region
  #sampleInfo = null;

  constructor() {
    onStorageProblem((message) => this.#setStorage(false, message));
    this.#ready = this.#restore();
  }

  // Resolves once the region kept in this browser (if any) is back.
  ready() {
    return this.#ready;
  }

  current() {
    return this.#region;
  }

  // True when the region is the sample (no files loaded).
  isSample() {
    return this.#region.data === null;
  }

  // True while the builder checks and reads files the reader added.
  isTaking() {
    return this.#taking > 0;
  }

  // Runs work() (the builder taking files), counted by isTaking().
  async whileTaking(work) {
    this.#taking += 1;
    try {
      return await work();
    } finally {
      this.#taking -= 1;
    }
  }

  // Python's sample_info answer, asked once per window (a failed answer is asked for again).
  sampleInfo(runtime) {
    this.#sampleInfo ??= runtime.call("sample_info", {}).then((reply) => {
      if (!reply?.ok) this.#sampleInfo = null;
      return reply;
    });
    return this.#sampleInfo;
  }

  // listener(region, change) on every change ("selection", "data", "span"); returns a stop function.
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // listener({ ok, message }) now and whenever keeping the region succeeds or fails.
  onStorage(listener) {
    this.#storageListeners.add(listener);
    listener(this.#storage);
    return () => this.#storageListeners.delete(listener);
  }

  #setStorage(ok, message) {
    this.#storage = { ok, message };
    for (const listener of this.#storageListeners) listener(this.#storage);
  }

  #notify(change) {
    for (const listener of this.#listeners) listener(this.#region, change);
  }

  // What localStorage holds: everything but the files, which carry a generation to match.
  #pointer(extra = {}) {
    const { selection, span, data } = this.#region;
    const files = data && { generation: data.generation, inspect: data.inspect, fileYears: data.fileYears };
    return { selection, span, data: files, ...extra };
  }

  async #restore() {
    const kept = this.#saved.load();
    if (!kept) return;
    const region = sampleRegion();
    if (kept.selection?.counties) region.selection = kept.selection;
    if (kept.data) {
      const files = await loadFiles(kept.data.generation);
      if (files) {
        region.data = { ...kept.data, files };
        region.span = kept.span;
        this.#setStorage(true, `Kept in this browser: your counties and ${files.length} files.`);
      } else {
        this.#setStorage(
          false,
          `Your files (${kept.data.inspect.meta.summary}) are no longer in this browser's storage, so the calculators ` +
            "show the sample. Add the files again below.",
        );
      }
    } else if (kept.unsaved) {
      this.#setStorage(
        false,
        `Your last files (${kept.unsaved}) could not be kept in this browser, so the calculators show the sample. ` +
          "Add the files again below.",
      );
    }
    this.#region = region;
    this.#saved.save(this.#pointer());
  }

  // Choose counties, a state or the links' year: { state, counties, year }. Counties chosen this way
  // are the reader's (custom): files added later must cover them.
  select(patch) {
    const custom = this.#region.selection.custom || "counties" in patch;
    this.#region = { ...this.#region, selection: { ...this.#region.selection, ...patch, custom } };
    this.#saved.save(this.#pointer());
    this.#notify("selection");
  }

  setSpan(start, end) {
    this.#region = { ...this.#region, span: { start, end } };
    this.#saved.save(this.#pointer());
    this.#notify("span");
  }

  // New files, checked by Python (inspect: inspect_region's result); they become the region, its
  // counties the selection and its years the span. Resolves to true once kept in this browser.
  async useFiles(files, inspect) {
    const { meta, rows } = inspect;
    // Each file's year as Python keys it: "2023", or "2023-Q1" for a quarter (period "Q1").
    const fileYears = Object.fromEntries(
      rows.map(([name, , , year, period]) => [name, period === "annual" ? year : `${year}-${period}`]),
    );
    const counties = [...meta.counties, ...meta.other_areas];
    const years = meta.years;
    const data = {
      generation: newGeneration(),
      inspect: { columns: inspect.columns, rows, meta },
      fileYears,
      files,
    };
    const state = counties[0]?.slice(0, 2) || this.#region.selection.state;
    this.#region = {
      selection: { state, counties, year: years.at(-1) ?? this.#region.selection.year },
      data,
      span: { start: years[0], end: years.at(-1) },
    };
    this.#notify("data");
    // The pointer first: if the files cannot be kept, it must not lead back to older ones.
    const pointed = this.#saved.save(this.#pointer());
    const kept = pointed && (await saveFiles(data.generation, files));
    if (kept) this.#setStorage(true, `Kept in this browser: your counties and ${files.length} files.`);
    else this.#saved.save({ ...this.#pointer(), data: null, unsaved: meta.summary });
    return kept;
  }

  useSample() {
    this.#region = sampleRegion();
    this.#saved.save(this.#pointer());
    this.#setStorage(true, "");
    this.#notify("data");
  }

  // The sample again and nothing kept (the tests' fresh start; "Forget my data" reloads instead).
  async reset() {
    await forgetEverything();
    this.#region = sampleRegion();
    this.#setStorage(true, "");
    this.#notify("data");
  }

  // start_year and end_year for Python, when files of several years span them; with one year, none
  // (growth then uses the change over the year BLS prints in each file). For the sample: its years
  // to read as well (sample_region).
  spanArgs() {
    const { data, span } = this.#region;
    if (!data) return { years: [...SAMPLE.years], start_year: span.start, end_year: span.end };
    return span.start !== span.end ? { start_year: span.start, end_year: span.end } : {};
  }

  // True while the region is the sample over its whole span: what hooks/prerender.py computed.
  isPrerendered() {
    const { data, span } = this.#region;
    return data === null && span.start === SAMPLE.span.start && span.end === SAMPLE.span.end;
  }

  // The files of the years from `start` to `end` of the span (the national files included).
  filesInSpan() {
    const { data, span } = this.#region;
    if (!data) return [];
    return data.files.filter((file) => {
      const year = data.fileYears[file.name];
      return year >= span.start && year <= span.end;
    });
  }
}

// Clears everything the calculators keep, then reloads the page so no calculator holds on to it.
export const forgetAndReload = async () => {
  const problems = await forgetEverything();
  if (problems.length) return problems;
  location.reload();
  return [];
};
