// The browser code's pure helpers under Node's test runner (run by `make test-fast` and `make test`).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { display } from "../../web/calculators/kit/format.js";
import { isBlock } from "../../web/calculators/kit/paste.js";
import { compareCells, sortRows } from "../../web/calculators/kit/sort.js";
import { matches } from "../../web/site/inventory-filter.js";

describe("sorting a results table", () => {
  const rows = [
    ["Mining", 3, "b"],
    ["Retail", null, "a"],
    ["Farms", 10, "c"],
    ["Banks", 3, undefined],
  ];

  it("orders numbers by value, not as text", () => {
    assert.deepEqual(
      sortRows(rows, 1).map((row) => row[0]),
      ["Mining", "Banks", "Farms", "Retail"],
    );
  });

  it("keeps missing values last in both directions", () => {
    assert.equal(sortRows(rows, 1, true).at(-1)[0], "Retail");
    assert.equal(sortRows(rows, 2, false).at(-1)[0], "Banks");
    assert.equal(sortRows(rows, 2, true).at(-1)[0], "Banks");
  });

  it("reverses for descending and keeps ties in their order", () => {
    assert.deepEqual(
      sortRows(rows, 1, true).map((row) => row[0]),
      ["Farms", "Mining", "Banks", "Retail"],
    );
  });

  it("compares text alphabetically and leaves the input alone", () => {
    assert.deepEqual(
      sortRows(rows, 0).map((row) => row[0]),
      ["Banks", "Farms", "Mining", "Retail"],
    );
    assert.equal(rows[0][0], "Mining");
    assert.ok(compareCells("a", "b") < 0 && compareCells("a", "b", true) > 0);
    assert.equal(compareCells(null, undefined), 0);
  });

  it("returns the rows unsorted without a column", () => {
    assert.deepEqual(sortRows(rows, null), rows);
    assert.notEqual(sortRows(rows, null), rows);
  });
});

describe("showing numbers", () => {
  it("formats each kind of column", () => {
    assert.equal(display(1234567.891, { kind: "number", format: "integer" }), "1,234,568");
    assert.equal(display(0.384762, { kind: "number", format: "decimal2" }), "0.38");
    assert.equal(display(2, { kind: "number", format: "decimal4" }), "2.0000");
    assert.equal(display(12.345, { kind: "number", format: "percent1" }), "12.3%");
    assert.equal(display(51234.4, { kind: "number", format: "currency" }), "$51,234");
    assert.equal(display(-3.25, { kind: "number", format: "decimal1" }), "-3.3");
  });

  it("shows a place as a whole number, and a shared RANK.AVG place with its half", () => {
    const rank = { kind: "number", format: "rank" };
    assert.equal(display(2, rank), "2");
    assert.equal(display(1.5, rank), "1.5");
    assert.equal(display(1234.5, rank), "1,234.5");
  });

  it("falls back to two decimals for a format it does not know", () => {
    assert.equal(display(1.005, { kind: "number", format: "nonsense" }), "1.01");
    assert.equal(display(7, { kind: "number" }), "7.00");
  });

  it("shows missing values as a dash, flags as Yes/No, text as it is", () => {
    for (const missing of [null, undefined, ""]) assert.equal(display(missing, { kind: "number" }), "—");
    assert.equal(display(true, { kind: "flag" }), "Yes");
    assert.equal(display(false, { kind: "flag" }), "No");
    assert.equal(display("<b>x</b>", { kind: "text" }), "<b>x</b>");
  });
});

describe("pasting into a grid cell: a block for Python to split, or the cell's own paste", () => {
  it("leaves a single value to the browser, a figure with thousands separators too", () => {
    for (const single of ["1,714", "1,714,000", "Widgets", " 52.5% ", "$1,200"])
      assert.equal(isBlock(single), false, single);
  });

  it("sends tab-separated cells and several lines to Python", () => {
    assert.equal(isBlock("Worked example\t1,714\t879,213\r\nAnother \t10\t100\r\n"), true);
    assert.equal(isBlock("Oil, gas\t1,000\n"), true);
    assert.equal(isBlock("a,1,2\n\n  \nb,3,4"), true);
  });

  it("sends one line of a row with a name, or with quotes, to Python", () => {
    assert.equal(isBlock("Widgets,1714,879213"), true);
    assert.equal(isBlock('"1,714","879,213"'), true);
    assert.equal(isBlock("Cafés;1,5;2"), true);
  });
});

describe("filtering the inventory", () => {
  it("needs every word and one of the chosen topics", () => {
    assert.ok(matches("budget by phase", ["Funding"], ["budget", "phase"], []));
    assert.ok(!matches("budget by phase", ["Funding"], ["budget", "logic"], []));
    assert.ok(matches("budget by phase", ["Funding", "Planning"], [], ["Planning"]));
    assert.ok(!matches("budget by phase", ["Funding"], [], ["Evaluation"]));
  });
});
