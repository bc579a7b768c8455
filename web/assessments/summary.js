// Scores by area, the weakest areas and what to read next: computed from the answers, then shown.

const WEAKEST = 2;

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

// Pure: one row per scored area, the overall average, and the weakest areas (the lowest two
// averages below the top of the scale, with ties), lowest first.
export const summarize = (model, answers, top) => {
  const rows = model
    .filter((area) => area.scored)
    .map((area) => {
      const given = area.questions.filter((q) => answers[q.name] !== undefined);
      const ratings = given
        .map((q) => answers[q.name])
        .filter((v) => v !== "")
        .map(Number);
      return {
        id: area.id,
        title: area.title,
        answered: given.length,
        total: area.questions.length,
        ratings,
        average: ratings.length ? mean(ratings) : null,
      };
    });
  const all = rows.flatMap((row) => row.ratings);
  const ranked = rows.filter((row) => row.average !== null && row.average < top).sort((a, b) => a.average - b.average);
  const cutoff = ranked.length ? ranked[Math.min(WEAKEST, ranked.length) - 1].average : null;
  return {
    rows,
    rated: all.length,
    overall: all.length ? mean(all) : null,
    weakest: ranked.filter((row) => row.average <= cutoff),
  };
};

export const formatAverage = (value) => (value === null ? "not answered" : value.toFixed(1));

export const render = (root, summary, top) => {
  for (const row of summary.rows) {
    const line = root.querySelector(`[data-role=summary] tr[data-area="${row.id}"]`);
    line.querySelector("[data-role=answered]").textContent = `${row.answered} of ${row.total}`;
    line.querySelector("[data-role=average]").textContent = formatAverage(row.average);
    line.querySelector("[data-role=meter]").value = row.average ?? Number(root.dataset.scaleMin);
  }
  root.querySelector("[data-role=overall]").textContent =
    summary.overall === null
      ? "No ratings yet. The summary fills in as you answer."
      : `Overall average ${summary.overall.toFixed(1)} of ${top}, from ${summary.rated} rated answers.`;
  const weakest = new Set(summary.weakest.map((row) => row.id));
  root.querySelector("[data-role=weakest]").textContent = summary.weakest.length
    ? summary.weakest.map((row) => `${row.title} (${formatAverage(row.average)})`).join("; ")
    : summary.overall === null
      ? "None yet."
      : "None: every rated area is at the top of the scale.";
  const links = [...root.querySelectorAll("[data-role=read-next] li[data-area]")];
  for (const item of links) item.hidden = !weakest.has(item.dataset.area);
  root.querySelector("[data-role=read-next-empty]").hidden = links.some((item) => !item.hidden);
};
