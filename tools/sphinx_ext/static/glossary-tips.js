// Show a glossary entry's definition when a reader hovers over or focuses a link to it.
// Definitions come from glossary-data.js (generated from docs/data/glossary.yaml) and are
// inserted as text, never as HTML.
(function () {
  "use strict";
  var tip = null;

  function definitionFor(link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    // the glossary page: "glossary.html" (html), "glossary/" (dirhtml), after any "../"
    if (hash < 0 || !/(^|\/)glossary(\.html|\/)$/.test(href.slice(0, hash)) || !window.GLOSSARY_TIPS) return null;
    return window.GLOSSARY_TIPS[href.slice(hash + 1)] || null;
  }

  function show(event) {
    var link = event.currentTarget;
    var entry = definitionFor(link);
    if (!entry) return;
    hide();
    tip = document.createElement("div");
    tip.className = "glossary-tip";
    tip.setAttribute("role", "tooltip");
    tip.id = "glossary-tip";
    var name = document.createElement("strong");
    name.textContent = entry.term;
    tip.appendChild(name);
    tip.appendChild(document.createTextNode(" " + entry.definition));
    document.body.appendChild(tip);
    var box = link.getBoundingClientRect();
    tip.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + window.innerWidth - tip.offsetWidth - 8)) + "px";
    tip.style.top = window.scrollY + box.bottom + 6 + "px";
    link.setAttribute("aria-describedby", "glossary-tip");
  }

  function hide() {
    if (tip) {
      tip.remove();
      tip = null;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("a.reference.internal").forEach(function (link) {
      if (!definitionFor(link)) return;
      link.addEventListener("mouseenter", show);
      link.addEventListener("focus", show);
      link.addEventListener("mouseleave", hide);
      link.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
  });
})();
