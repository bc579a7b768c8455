// The engine's status texts under Node's test runner: online the first one names the download;
// from disk (the offline copy) nothing is downloaded, and it says so.
import assert from "node:assert/strict";
import { it } from "node:test";

// runtime.js reads location.protocol once, when it loads; a query makes each import a new module.
const stagesAt = async (protocol) => {
  globalThis.location = { protocol };
  const { STAGES } = await import(`../../web/calculators/runtime.js?${protocol}`);
  return STAGES;
};

it("names the download over http", async () => {
  const stages = await stagesAt("https:");
  assert.match(stages.downloading, /^Downloading the calculator engine \(14 to 21 MB, once\)/);
});

it("speaks of no download from disk", async () => {
  const stages = await stagesAt("file:");
  assert.equal(stages.downloading, "Loading the calculator engine from this copy…");
  assert.equal(stages.ready, "Ready. Your data stays in this browser.");
});
