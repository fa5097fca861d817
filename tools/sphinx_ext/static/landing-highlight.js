// The search words marked on the page a search result leads to, as whole words or names. Sphinx's
// own highlighter (sphinx_highlight.js) marks any substring: "air" inside "chaired", "su" inside
// "such". Its function is replaced before the page is ready, when Sphinx calls it.
(function () {
  "use strict";
  if (typeof SphinxHighlight === "undefined") return;
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const skipped = "script, style, button, select, textarea, .highlighted, .nohighlight";

  function mark(root, terms) {
    const pattern = new RegExp("(?<![\\p{L}\\p{N}])(?:" + terms.map(escape).join("|") + ")(?![\\p{L}\\p{N}])", "giu");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentNode.closest(skipped) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach((node) => {
      const text = node.nodeValue;
      const parts = [];
      let last = 0;
      text.replace(pattern, (match, index) => {
        parts.push(document.createTextNode(text.slice(last, index)));
        const span = document.createElement("span");
        span.className = "highlighted";
        span.textContent = match;
        parts.push(span);
        last = index + match.length;
        return match;
      });
      if (!parts.length) return;
      parts.push(document.createTextNode(text.slice(last)));
      parts.forEach((part) => node.parentNode.insertBefore(part, node));
      node.remove();
    });
  }

  SphinxHighlight.highlightSearchWords = () => {
    const url = new URL(window.location);
    const highlight = localStorage.getItem("sphinx_highlight_terms") || url.searchParams.get("highlight") || "";
    localStorage.removeItem("sphinx_highlight_terms");
    if (url.searchParams.has("highlight")) {
      url.searchParams.delete("highlight");
      window.history.replaceState({}, "", url);
    }
    const terms = highlight.toLowerCase().split(/\s+/).filter((term) => term);
    if (!terms.length) return;
    const body = document.querySelector("div.body, article[role=main]") || document.body;
    window.setTimeout(() => mark(body, terms), 10);
  };
})();
