// The inventory's type-to-filter box and topic chips. Without JavaScript the page is a plain list.
(function () {
  "use strict";

  function start() {
    var box = document.querySelector("[data-role=inventory-filter]");
    var list = document.querySelector("[data-role=tool-list] ul");
    if (!box || !list) return;
    var input = box.querySelector("[data-role=filter-text]");
    var count = box.querySelector("[data-role=filter-count]");
    var chips = Array.prototype.slice.call(box.querySelectorAll("[data-topic]"));
    var items = Array.prototype.slice.call(list.children);
    var empty = document.createElement("p");
    empty.className = "inventory-empty";
    empty.textContent = "No tool matches. Clear the box or the topics to see them all.";
    empty.hidden = true;
    list.parentNode.insertBefore(empty, list.nextSibling);

    function chosenTopics() {
      return chips.filter(function (chip) { return chip.getAttribute("aria-pressed") === "true"; })
        .map(function (chip) { return chip.dataset.topic; });
    }

    // An item shows when it holds every typed word and at least one chosen topic (if any).
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var topics = chosenTopics();
      var shown = 0;
      items.forEach(function (item) {
        var text = item.textContent.toLowerCase();
        var itemTopics = (item.dataset.topics || "").split("|");
        var ok = words.every(function (word) { return text.indexOf(word) !== -1; }) &&
          (topics.length === 0 || topics.some(function (t) { return itemTopics.indexOf(t) !== -1; }));
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      empty.hidden = shown !== 0;
      count.textContent = "Showing " + shown + " of " + items.length + " tools.";
    }

    input.addEventListener("input", apply);
    chips.forEach(function (chip) {
      chip.addEventListener("click", function () {
        var pressed = chip.getAttribute("aria-pressed") === "true";
        chip.setAttribute("aria-pressed", String(!pressed));
        apply();
      });
    });
    box.hidden = false;
    apply();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
