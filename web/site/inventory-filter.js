// The inventory's type-to-filter box and topic chips. Without JavaScript the page is a plain list.

// An item shows when it holds every typed word and at least one chosen topic (if any).
export const matches = (text, itemTopics, words, topics) =>
  words.every((word) => text.includes(word)) && (topics.length === 0 || topics.some((t) => itemTopics.includes(t)));

// box: the [data-role=inventory-filter] element; returns nothing to clean up (it lives in the page).
export const mountInventoryFilter = (box) => {
  const list = document.querySelector("[data-role=tool-list] ul");
  if (!list) return;
  const input = box.querySelector("[data-role=filter-text]");
  const count = box.querySelector("[data-role=filter-count]");
  const chips = [...box.querySelectorAll("[data-topic]")];
  const items = [...list.children];
  const empty = document.createElement("p");
  empty.className = "inventory-empty";
  empty.textContent = "No tool matches. Clear the box or the topics to see them all.";
  empty.hidden = true;
  list.after(empty);

  const apply = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    const topics = chips
      .filter((chip) => chip.getAttribute("aria-pressed") === "true")
      .map((chip) => chip.dataset.topic);
    let shown = 0;
    for (const item of items) {
      const ok = matches(item.textContent.toLowerCase(), (item.dataset.topics ?? "").split("|"), words, topics);
      item.hidden = !ok;
      if (ok) shown += 1;
    }
    empty.hidden = shown !== 0;
    count.textContent = `Showing ${shown} of ${items.length} tools.`;
  };

  input.addEventListener("input", apply);
  for (const chip of chips) {
    chip.addEventListener("click", () => {
      chip.setAttribute("aria-pressed", String(chip.getAttribute("aria-pressed") !== "true"));
      apply();
    });
  }
  box.hidden = false;
  apply();
};
