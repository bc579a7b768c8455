// Entry point of assets/web/offline.js: the offline copy's runtime loader, which the calculators'
// runtime loads only on pages opened from disk (file://).
import { ASSETS } from "../calculators/kit/assets.js";
import { OfflinePack } from "../offline/loader.js";
import { toolkit } from "../site/namespace.js";

toolkit().offline ??= new OfflinePack(ASSETS);
