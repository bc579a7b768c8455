// The per-county view: for one industry, each county's figure, share of the region and LQ (Python's
// county_view), suppressed counties marked in words, and a map shaded by band with its legend.
import { el, field, select, uniqueId } from "../kit/dom.js";
import { display } from "../kit/format.js";
import { showError } from "../kit/messages.js";
import { loadShapes, loadStates, svg } from "./atlas.js";
import { hatch, shadedMap } from "./map.js";

const MEASURES = [
  ["employment", "Employment"],
  ["establishments", "Establishments"],
  ["wages", "Total wages"],
];
const LEVELS = [
  ["sector", "NAICS sector"],
  ["3", "3-digit subsector"],
  ["4", "4-digit"],
  ["5", "5-digit"],
  ["6", "6-digit"],
];
const HIDDEN_COLUMNS = new Set(["area_fips", "lq_low", "lq_high"]);

const swatch = (key) => {
  const id = uniqueId("swatch");
  const patterned = key === "suppressed" || key === "range";
  return svg("svg", { class: "region-swatch", viewBox: "0 0 16 16", "aria-hidden": "true" }, [
    svg("defs", {}, patterned ? [hatch(id, 5, key === "range" ? "cross" : "hatch")] : []),
    svg("rect", { width: 16, height: 16, "data-shade": key, fill: patterned ? `url(#${id})` : null }),
  ]);
};

// root: the page's [data-county-view]; runtime: the engine; region: the RegionModel.
export const mountCountyView = (root, runtime, region) => {
  const industry = field("Industry", select([], ""));
  industry.input.dataset.role = "county-industry";
  const measure = field("Figure", select(MEASURES, "employment"));
  const level = field("Industry level", select(LEVELS, "3"));
  const errors = el("div", { class: "calc-error", role: "alert", data: { role: "error" }, hidden: true });
  const caption = el("p", { class: "calc-source", data: { role: "county-source" } });
  const map = shadedMap({ label: "Map of the region's counties, shaded by location quotient band" });
  const legend = el("ul", { class: "region-legend", data: { role: "county-legend" }, "aria-label": "Map legend" });
  const table = el("table", { class: "calc-results region-counties", data: { role: "counties" } });
  const notes = el("div", { class: "calc-hint" });
  root.replaceChildren(
    el("div", { class: "region-county-view" }, [
      el("div", { class: "region-county-view__controls" }, [industry.field, measure.field, level.field]),
      errors,
      caption,
      el("figure", { class: "region-figure region-county-view__map" }, [map.node, legend]),
      el("div", { class: "calc-table-wrap", tabindex: "0", role: "region", "aria-label": "Industry by county" }, [
        table,
      ]),
      notes,
    ]),
  );
  let stopped = false;
  let runs = 0;

  const drawTable = (result, atlas) => {
    const columns = result.columns.filter((column) => !HIDDEN_COLUMNS.has(column.name));
    const at = Object.fromEntries(result.columns.map((column, index) => [column.name, index]));
    const head = [
      el("th", { scope: "col", text: "County" }),
      ...columns.map((c) => el("th", { scope: "col", data: { col: c.name }, text: c.label })),
    ];
    const rows = result.rows.map((row) => {
      const fips = row[at.area_fips];
      const suppressed = row[at.status] === "suppressed";
      const cells = columns.map((column) => {
        const value = row[at[column.name]];
        const text =
          suppressed && value === null && column.name === result.meta.measure ? "suppressed" : display(value, column);
        return el("td", {
          class: column.kind === "number" ? "calc-number" : null,
          data: { col: column.name, value: value === null || value === undefined ? "" : String(value) },
          text,
        });
      });
      return el(
        "tr",
        { data: { fips, status: row[at.status] }, class: suppressed ? "region-counties__suppressed" : null },
        [
          el("th", { scope: "row", data: { col: "county", value: fips }, text: `${atlas.county(fips)} (${fips})` }),
          ...cells,
        ],
      );
    });
    const title = `${result.meta.industry}: ${result.meta.measure} by county, ${result.meta.year}`;
    table.replaceChildren(el("caption", { text: title }), el("thead", {}, [el("tr", {}, head)]), el("tbody", {}, rows));
  };

  const drawMap = async (result, atlas) => {
    const at = Object.fromEntries(result.columns.map((column, index) => [column.name, index]));
    const { areas, legend: entries } = result.meta.shading;
    const states = [...new Set(Object.keys(areas).map((fips) => fips.slice(0, 2)))];
    const shapes = await Promise.all(states.map((code) => loadShapes(code)));
    const labels = {};
    for (const row of result.rows) {
      const fips = row[at.area_fips];
      const lq = row[at.lq];
      const what = row[at.status] === "suppressed" ? "suppressed" : (row[at.band] ?? "no LQ");
      labels[fips] = `${atlas.county(fips)}: ${what}${typeof lq === "number" ? `, LQ ${lq.toFixed(2)}` : ""}`;
    }
    map.draw(shapes, areas, labels);
    legend.replaceChildren(
      ...entries.map((entry) =>
        el("li", { data: { shade: entry.key } }, [
          swatch(entry.key),
          ` ${entry.label} (${entry.count} ${entry.count === 1 ? "county" : "counties"})`,
        ]),
      ),
    );
  };

  const run = async () => {
    await region.ready();
    const current = region.current();
    runs += 1;
    const mine = runs;
    const args = {
      industry: industry.input.value || undefined,
      measure: measure.input.value,
      level: level.input.value,
    };
    if (current.data) Object.assign(args, { files: current.data.files, year: current.span.end });
    else args.sample = true;
    let reply;
    try {
      reply = await runtime.call("county_view", args);
    } catch (error) {
      reply = { ok: false, error: { message: error.message ?? String(error) } };
    }
    if (stopped || mine !== runs) return; // a newer run is on its way
    showError(errors, reply.ok ? null : reply.error);
    if (!reply.ok) return;
    const result = reply.result;
    // Without the map data the table still shows every county, by FIPS code.
    const atlas = await loadStates().catch(() => ({ county: (fips) => fips }));
    industry.input.replaceChildren(
      ...result.meta.industries.map(([code, name]) => el("option", { value: code, text: name })),
    );
    industry.input.value = result.meta.industry_code;
    caption.textContent = `${result.meta.industry}, ${result.meta.year}: where in the region it sits.`;
    drawTable(result, atlas);
    await drawMap(result, atlas).catch((error) => {
      showError(errors, { message: `The map could not be drawn (${error.message}); the table has every figure.` });
    });
    const hidden = result.meta.suppressed_areas.length;
    notes.replaceChildren(
      el("p", { text: result.meta.share_rule }),
      hidden
        ? el("p", {
            text:
              `BLS suppressed this figure in ${hidden} ${hidden === 1 ? "county" : "counties"} to protect ` +
              "employers' confidentiality; those rows say so, and the map hatches them.",
          })
        : "",
    );
  };

  industry.input.addEventListener("change", run);
  measure.input.addEventListener("change", run);
  level.input.addEventListener("change", () => {
    industry.input.value = "";
    run();
  });
  const stop = region.subscribe((_, change) => {
    if (change === "selection") return;
    industry.input.replaceChildren();
    run();
  });
  run();
  return () => {
    stopped = true;
    stop();
  };
};
