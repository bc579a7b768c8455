// The calculators' charts: SVG drawn by this site's own code (no chart library) from numbers
// Python computed. Each sits in a figure with a text alternative, its data as a table, and PNG and
// SVG downloads (charts/figure.js).
export { barChart, stackedChart } from "./charts/bars.js";
export { bubbleChart } from "./charts/bubbles.js";
export { dumbbellChart } from "./charts/dumbbell.js";
export { chartBlock } from "./charts/figure.js";
export { lineChart } from "./charts/lines.js";
