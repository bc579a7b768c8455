"""Helpers for browser tests of the calculator pages: open one until its sample shows, read its results."""

SLOW = 90_000  # ms: the first Pyodide start on a busy 2-core machine


def open_calculator(page, url, name):
    """Go to a calculator page and wait until its engine is ready and its first result shows."""
    page.goto(url)
    root = page.locator(f"[data-calculator={name}]")
    root.locator("[data-role=status]").filter(has_text="Ready").wait_for(timeout=SLOW)
    root.locator("table[data-role=results] tbody tr").first.wait_for(timeout=SLOW)
    return root


def results(page, key):
    """{key cell's value: {column: raw data-value}} for the results table."""
    return page.evaluate(
        """(key) => {
        const out = {};
        for (const row of document.querySelectorAll('table[data-role=results] tbody tr')) {
            const cells = {};
            for (const cell of row.children) cells[cell.dataset.col] = cell.dataset.value;
            out[cells[key]] = cells;
        }
        return out;
    }""",
        key,
    )
