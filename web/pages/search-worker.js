// Entry point of assets/web/search-worker.js: Material's search worker, held back until the
// calculators' engine has started and answered what the page first asked (it says "idle"), or
// failed, so building the search index does not compete for the processor with the engine's start
// and the reader's first results. A search the reader types starts it at once. Online calculator
// pages name this file as Material's search worker (in its page configuration,
// overrides/main.html), with the real worker's file name as `?worker=`.
import { ENGINE_CHANNEL } from "../calculators/engine.js";

const WAIT_AT_MOST = 20_000; // ms: search must work even if no word ever comes
const held = [];
// Material's first message sets the index up; any later one is the reader searching: start now.
const hold = (event) => {
  held.push(event.data);
  if (held.length > 1) begin();
};
self.addEventListener("message", hold);

const channel = new BroadcastChannel(ENGINE_CHANNEL);
let started = false;

const begin = () => {
  if (started) return;
  started = true;
  channel.close();
  const name = new URL(self.location.href).searchParams.get("worker") ?? "";
  if (!/^search\.\w+\.min\.js$/.test(name)) throw new Error(`not Material's search worker: ${name}`);
  self.removeEventListener("message", hold);
  // Material's worker adds its own message listener; then it gets what arrived meanwhile, in order.
  importScripts(new URL(`../javascripts/workers/${name}`, self.location.href).href);
  for (const data of held) self.dispatchEvent(new MessageEvent("message", { data }));
};

channel.addEventListener("message", ({ data }) => {
  if (data === "idle" || data === "failed") begin();
});
setTimeout(begin, WAIT_AT_MOST);
