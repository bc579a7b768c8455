"""A visible focus ring on every kind of control in the calculators, in light and dark (issue 14).

Each control is focused as a keyboard user would reach it, and its ring is read from the computed
style: drawn (not "none"), at least 2 px wide, and at least 3:1 against the page behind it.
"""

import pytest
from support import SCHEMES, choose_palette

pytestmark = pytest.mark.browser

# calculator -> controls to check (CSS selectors inside the calculator, or the page's content).
CONTROLS = {
    "location-quotient": [
        "[data-calculator] input[type=radio]",
        "[data-region-builder] input[type=file]",  # the region's drop zone
        "[data-calculator] select",
        "[data-calculator] [data-action=load-sample]",
        "[data-calculator] table[data-role=results] .calc-sort",
        "[data-calculator] .calc-table-wrap[tabindex]",
        ".md-content article a[href]:not(.headerlink)",
    ],
    "ranking": [
        "[data-calculator] input[type=checkbox]",
        "[data-calculator] input[type=file]",  # the ranking's table upload
        "[data-calculator] textarea",
        "[data-calculator] input[type=text]",
    ],
}
RING = """(element) => {
    const channel = (value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const rgba = (text) => {
        const [r, g, b, a = 1] = (text.match(/[\\d.]+/g) ?? []).map(Number);
        return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    // The page behind the control: its ancestors' backgrounds, translucent ones laid over the first opaque one.
    const layers = [];
    for (let node = element.parentElement; node; node = node.parentElement) {
        const color = rgba(getComputedStyle(node).backgroundColor);
        if (color.a > 0) layers.push(color);
        if (color.a === 1) break;
    }
    let page = layers.at(-1)?.a === 1 ? layers.pop() : { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) {
        const mix = (k) => layer[k] * layer.a + page[k] * (1 - layer.a);
        page = { r: mix("r"), g: mix("g"), b: mix("b"), a: 1 };
    }
    const style = getComputedStyle(element);
    const [a, b] = [luminance(rgba(style.outlineColor)), luminance(page)];
    return {
        focusVisible: element.matches(':focus-visible'),
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
        color: style.outlineColor,
        background: `rgb(${Math.round(page.r)}, ${Math.round(page.g)}, ${Math.round(page.b)})`,
    };
}"""


@pytest.mark.parametrize("name", CONTROLS)
def test_every_control_shows_a_focus_ring_in_light_and_dark(calculators, name):
    calculators.open(name)
    page = calculators.page
    try:
        for scheme in SCHEMES:
            choose_palette(page, scheme)
            for selector in CONTROLS[name]:
                control = page.locator(selector).first
                control.scroll_into_view_if_needed()
                page.keyboard.press("Shift")  # the last input was a key: focus shows as it would after Tab
                control.focus()
                ring = control.evaluate(RING)
                where = f"{scheme}: {selector}"
                assert ring["focusVisible"], where
                assert ring["style"] not in ("none", "hidden") and ring["width"] >= 2, (where, ring)
                assert ring["contrast"] >= 3, (where, ring["color"], ring["background"], ring["contrast"])
    finally:
        choose_palette(page, "light")
