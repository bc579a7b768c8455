// Entry point of assets/web/site.js, loaded in the <head> of every page: Material's inline scripts
// as code the Content-Security-Policy allows, workers from disk for the search, and the
// inventory's filter box.
import { installIframeWorker } from "../site/iframe-worker.js";
import { mountInventoryFilter } from "../site/inventory-filter.js";
import { installStorageHelpers, restorePalette, restoreTabFromHash } from "../site/material.js";
import { once } from "../site/namespace.js";
import { mountEach, onEachPage } from "../site/pages.js";

once("site", () => {
  // The site's root address arrives on the script tag, as Material's inline script had it.
  installStorageHelpers(document.currentScript?.dataset.scope);
  if (location.protocol === "file:") installIframeWorker();
  restorePalette();
  onEachPage(restoreTabFromHash);
  mountEach("[data-role=inventory-filter]", mountInventoryFilter);
});
