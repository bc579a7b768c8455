// Entry point of assets/web/assessment.js, for the tool pages that hold a self-assessment. It mounts
// each form on every page that has one: on a direct visit, and after Material's instant navigation.
import { mount } from "../assessments/index.js";
import { once } from "../site/namespace.js";
import { mountEach } from "../site/pages.js";

once("assessments", () => mountEach("[data-assessment]", mount));
