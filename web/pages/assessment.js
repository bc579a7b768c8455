// Entry point for pages with a self-assessment, bundled into assets/web/assessment.js (a classic script).

import { mountAll } from "../assessments/index.js";

const start = () => mountAll(document);

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
// With Material's instant navigation a new page arrives without a reload; document$ announces it.
window.document$?.subscribe?.(start);
