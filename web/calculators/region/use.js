// What a calculator shows about the region it uses (the one chosen at the top of the page), kept
// up to date as the reader changes it.
import { el } from "../kit/dom.js";

const describe = ({ data, span }) =>
  data
    ? `your files, ${data.inspect.meta.summary}` +
      (span.start !== span.end ? `, compared from ${span.start} to ${span.end}` : "")
    : "the sample region";

// region: the RegionModel. Returns { node, stop }.
export const regionNote = (region) => {
  const text = el("span");
  const node = el("p", { class: "calc-hint region-used", data: { role: "region-used" } }, [
    "Uses the region chosen under ",
    el("a", { href: "#your-region", text: "Your region" }),
    ": ",
    text,
    ".",
  ]);
  const update = () => {
    text.textContent = describe(region.current());
  };
  update();
  const stop = region.subscribe(update);
  region.ready().then(update);
  return { node, stop };
};
