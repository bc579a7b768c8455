// The self-assessments' pure helpers under Node's test runner: scoring, CSV and the zip writer.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { answerRows, toCsv } from "../../web/assessments/csv.js";
import { summarize } from "../../web/assessments/summary.js";
import { crc32, zip } from "../../web/assessments/zip.js";

const rating = (name) => ({ name, kind: "rating", text: `Statement ${name}` });
const model = [
  { id: "a", title: "Area A", scored: true, notes: "a.notes", questions: [rating("a.1"), rating("a.2")] },
  { id: "b", title: "Area B", scored: true, notes: "b.notes", questions: [rating("b.1")] },
  { id: "c", title: "Area C", scored: true, notes: null, questions: [rating("c.1")] },
  {
    id: "d",
    title: "About you",
    scored: false,
    notes: null,
    questions: [{ name: "d.1", kind: "choice", text: "Who?" }],
  },
];

describe("the summary by area", () => {
  it("averages the ratings, leaving out 'don't know' and unscored areas", () => {
    const summary = summarize(model, { "a.1": "1", "a.2": "", "b.1": "4", "d.1": "Employer" }, 4);
    assert.deepEqual(
      summary.rows.map((row) => [row.id, row.answered, row.average]),
      [
        ["a", 2, 1],
        ["b", 1, 4],
        ["c", 0, null],
      ],
    );
    assert.equal(summary.overall, 2.5);
    assert.equal(summary.rated, 2);
  });

  it("names the lowest two areas below the top of the scale, with ties", () => {
    const low = summarize(model, { "a.1": "2", "b.1": "3", "c.1": "2" }, 4).weakest.map((row) => row.id);
    assert.deepEqual(low, ["a", "c"]);
    const tied = summarize(model, { "a.1": "1", "b.1": "2", "c.1": "2" }, 4).weakest.map((row) => row.id);
    assert.deepEqual(tied, ["a", "b", "c"]);
    assert.deepEqual(summarize(model, { "a.1": "4", "b.1": "4" }, 4).weakest, []);
  });
});

describe("the CSV export", () => {
  it("quotes commas, quotes and line breaks, and defuses spreadsheet formulas", () => {
    const answers = { "a.1": "3", "a.notes": '=SUM(A1), "quoted"\nnext line' };
    const rows = answerRows(model.slice(0, 1), answers, (name) => (name === "a.1" ? "3 · Mostly" : ""));
    assert.equal(
      toCsv(rows),
      "Area,Question,Answer,Score\r\nArea A,Statement a.1,3 · Mostly,3\r\nArea A,Statement a.2,,\r\n" +
        'Area A,Notes,"\'=SUM(A1), ""quoted""\nnext line",\r\n',
    );
  });
});

describe("the zip writer", () => {
  it("computes the standard CRC-32", () => {
    assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  });

  it("writes stored members a zip reader can list and read back", () => {
    const data = new TextEncoder().encode("<w:document/>");
    const bytes = zip([{ name: "word/document.xml", data }], new Date(2026, 11, 1, 9, 30));
    const view = new DataView(bytes.buffer);
    assert.equal(view.getUint32(0, true), 0x04034b50);
    const end = bytes.length - 22;
    assert.equal(view.getUint32(end, true), 0x06054b50);
    assert.equal(view.getUint16(end + 10, true), 1);
    const nameLength = view.getUint16(26, true);
    const body = bytes.slice(30 + nameLength, 30 + nameLength + data.length);
    assert.equal(new TextDecoder().decode(body), "<w:document/>");
    assert.equal(view.getUint32(14, true), crc32(data));
  });
});
