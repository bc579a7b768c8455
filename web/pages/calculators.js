// Entry point of assets/web/calculators.js, for the calculator pages. It starts the Python engine
// once per window and mounts each calculator on every page that has one: on a direct visit, and
// after Material's instant navigation brings another calculator page in (the engine keeps running).
// The region (web/calculators/region/) is one per window too, shared by every calculator.
import { mount as mountGrowth } from "../calculators/growth.js";
import { ASSETS } from "../calculators/kit/assets.js";
import { mount as mountLocationQuotient } from "../calculators/location-quotient.js";
import { mount as mountRanking } from "../calculators/ranking.js";
import { mountRegionBuilder } from "../calculators/region/builder.js";
import { mountCountyView } from "../calculators/region/county-view.js";
import { RegionModel } from "../calculators/region/model.js";
import { Runtime } from "../calculators/runtime.js";
import { mount as mountShiftShare } from "../calculators/shift-share.js";
import { once } from "../site/namespace.js";
import { mountEach } from "../site/pages.js";

// data-calculator on the page's mount point -> the widget.
const CALCULATORS = {
  "location-quotient": mountLocationQuotient,
  growth: mountGrowth,
  ranking: mountRanking,
  "shift-share": mountShiftShare,
};

once("runtime", () => {
  const runtime = new Runtime(ASSETS);
  runtime.start();
  const region = once("region", () => new RegionModel());
  mountEach("[data-region-builder]", (root) => mountRegionBuilder(root, runtime, region));
  mountEach("[data-county-view]", (root) => mountCountyView(root, runtime, region));
  mountEach("[data-calculator]", (root) => CALCULATORS[root.dataset.calculator]?.(root, runtime, region));
  // The sample on screen and nothing asked of the engine: it reads the sample into its cache, so
  // the first recomputation on this or the next calculator page answers without reading it.
  runtime.onIdle(() => {
    if (!region.isSample() || region.isTaking()) return false;
    runtime.call("warm_sample");
    return true;
  });
  return runtime;
});
