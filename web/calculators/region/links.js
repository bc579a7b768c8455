// The BLS QCEW open-data links of the chosen counties and year, plus the national (US000) file of
// the same year: ordinary links the reader follows. The page itself fetches nothing from BLS.
import { el, field, select } from "../kit/dom.js";
import { blsLink } from "./atlas.js";

const FIRST_YEAR = 1990; // QCEW's NAICS-based files start with 1990

const yearOptions = (selected) => {
  const latest = Math.max(new Date().getFullYear() - 1, Number(selected) || 0);
  const years = [];
  for (let year = latest; year >= FIRST_YEAR; year -= 1) years.push([String(year), String(year)]);
  return years;
};

// A file's link carries data-area, so the list reads as data too; other links are plain.
const link = (href, text, area) => el("a", { href, text, rel: "noopener", data: area ? { area } : undefined });

// onYear(year) when the reader picks another year. Returns { node, show(atlas, counties, year) }.
export const blsLinks = ({ onYear }) => {
  const year = field(
    "Year of the files",
    select(yearOptions("2023"), "2023"),
    "Annual averages. Add the earlier years you want to compare, one year at a time.",
  );
  year.input.dataset.role = "link-year";
  year.input.addEventListener("change", () => onYear(year.input.value));
  const list = el("ul", { class: "region-links__list" });
  const count = el("p", { class: "region-links__count" });
  const national = el("p", { class: "calc-hint" });
  const older = el("p", { class: "calc-hint" });
  const node = el("div", { class: "region-links", data: { role: "bls-links" } }, [
    year.field,
    count,
    list,
    national,
    older,
  ]);

  const show = (atlas, counties, chosenYear) => {
    if (![...year.input.options].some((option) => option.value === chosenYear)) {
      year.input.replaceChildren(...yearOptions(chosenYear).map(([value, text]) => el("option", { value, text })));
    }
    year.input.value = chosenYear;
    const { links } = atlas;
    const items = counties.map((fips) =>
      el("li", {}, [link(blsLink(links, fips, chosenYear), `${atlas.county(fips)} (${fips}), ${chosenYear}`, fips)]),
    );
    items.push(
      el("li", { class: "region-links__nation" }, [
        link(
          blsLink(links, links.nation, chosenYear),
          `United States (${links.nation}), ${chosenYear}: the national file`,
          links.nation,
        ),
      ]),
    );
    list.replaceChildren(...items);
    count.textContent = counties.length
      ? `${counties.length} county ${counties.length === 1 ? "file" : "files"} and the national file for ${chosenYear}:`
      : `Choose counties to list their files. The national file for ${chosenYear}:`;
    national.replaceChildren(
      "The national file holds the same figures for the whole United States. With it, each location quotient ",
      "compares your region with the nation's exact shares; without it, the calculators infer the nation's shares ",
      "from the quotients BLS prints in each county file, rounded to two decimals, so they show a narrow range.",
    );
    older.replaceChildren(
      "Each link is a CSV file of all industries and ownerships for one area. BLS keeps these open-data files for ",
      "the latest five years only (see ",
      link(links.openData, "QCEW open data"),
      "); earlier years are in ",
      link(links.olderFiles, "BLS's zipped data files"),
      ".",
    );
  };
  return { node, show };
};
