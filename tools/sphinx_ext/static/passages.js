// "Cite this passage": a button on each passage's line of facts opens its citation, as plain text
// and as BibTeX, naming the book, the passage's permanent address and the source with its lines.
// The book's facts are this script tag's attributes, the sources' come from _static/sources.json
// (fetched at the first click), the passage's date, source and lines from its line of facts
// (tools/sphinx_ext/passages.py). Text only: nothing is inserted as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var book = script ? { title: script.dataset.title || "", author: script.dataset.author || "", year: script.dataset.year || "" } : {};
  var sources = null;

  function loadSources() {
    if (!sources) {
      var root = document.documentElement.dataset.content_root || "";
      sources = fetch(root + "_static/" + ((script && script.dataset.sources) || "sources.json"))
        .then(function (response) {
          return response.ok ? response.json() : {};
        })
        .catch(function () {
          return {};
        });
    }
    return sources;
  }

  // The passage's permanent address: the canonical page (html_baseurl) when the site has one.
  function permanentUrl(id) {
    var canonical = document.querySelector('link[rel="canonical"]');
    var page = canonical ? canonical.href : window.location.href;
    return page.split("#")[0].split("?")[0] + "#" + id;
  }

  function bibtex(value) {
    return String(value).replace(/[{}\\]/g, "").replace(/([%&$#_])/g, "\\$1").replace(/[~^]/g, "");
  }

  function describe(passage, known) {
    var meta = passage.querySelector("p");
    var date = meta && meta.querySelector("strong") ? meta.querySelector("strong").textContent.trim() : "";
    var lineLink = passage.querySelector("a.source-lines");
    var lines = lineLink ? lineLink.textContent.trim() : "";
    var slug = lineLink ? (lineLink.getAttribute("href") || "").split("#")[0].split("/").pop().replace(/\.html$|\/$/, "") : "";
    var source = known[slug] || {};
    return { date: date, lines: lines, source: source, url: permanentUrl(passage.id), id: passage.id };
  }

  function sourceText(source) {
    var parts = [source.author, source.publisher, source.date].filter(Boolean);
    return "“" + (source.title || "an unnamed source") + "”" + (parts.length ? " (" + parts.join(", ") + ")" : "");
  }

  function plainCitation(cite, book) {
    var who = book.author ? book.author + ". " : "";
    var year = book.year ? ", " + book.year : "";
    return (
      who + book.title + year + ". Passage of " + (cite.date || "an undated day") + ", quoted from " +
      sourceText(cite.source) + (cite.source.file ? ", file " + cite.source.file : "") +
      (cite.lines ? ", " + cite.lines : "") + ". " + cite.url
    );
  }

  function bibtexCitation(cite, book) {
    var fields = [
      ["author", "{" + bibtex(book.author || "") + "}"],
      ["title", "Passage of " + bibtex(cite.date || "an undated day") + ", quoted from " + bibtex(cite.source.title || "an unnamed source")],
      ["howpublished", bibtex(book.title)],
      ["year", bibtex(book.year || "")],
      ["url", cite.url],
      ["note", "Source: " + bibtex(sourceText(cite.source)) + (cite.source.file ? ", file " + bibtex(cite.source.file) : "") + (cite.lines ? ", " + bibtex(cite.lines).replace("–", "--") : "")],
    ];
    return "@misc{" + cite.id + ",\n" + fields.filter(function (f) { return f[1]; }).map(function (f) {
      return "  " + f[0] + " = {" + f[1] + "},";
    }).join("\n") + "\n}";
  }

  function field(panel, label, value, rows) {
    var id = panel.id + "-" + label.toLowerCase().replace(/\W+/g, "-");
    var caption = panel.appendChild(document.createElement("label"));
    caption.htmlFor = id;
    caption.textContent = label;
    var area = panel.appendChild(document.createElement("textarea"));
    area.id = id;
    area.readOnly = true;
    area.rows = rows;
    area.value = value;
    var copy = panel.appendChild(document.createElement("button"));
    copy.type = "button";
    copy.className = "passage-copy";
    copy.textContent = "Copy " + label.toLowerCase();
    copy.addEventListener("click", function () {
      area.select();
      if (navigator.clipboard) navigator.clipboard.writeText(area.value).catch(function () {});
      else document.execCommand("copy");
      copy.textContent = "Copied";
    });
  }

  function toggle(button, passage) {
    var open = button.getAttribute("aria-expanded") === "true";
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (open) {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    loadSources().then(function (known) {
      if (!panel.childElementCount) {
        var cite = describe(passage, known);
        field(panel, "Plain text", plainCitation(cite, book), 4);
        field(panel, "BibTeX", bibtexCitation(cite, book), 8);
      }
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
      panel.querySelector("textarea").focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("blockquote.passage[id]").forEach(function (passage) {
      var link = passage.querySelector("a.passage-link");
      if (!link) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "passage-cite-button";
      button.textContent = "Cite";
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", "cite-" + passage.id);
      button.setAttribute("aria-label", "Cite this passage");
      link.after(button);
      var panel = document.createElement("div");
      panel.className = "passage-cite";
      panel.id = "cite-" + passage.id;
      panel.hidden = true;
      panel.setAttribute("role", "group");
      panel.setAttribute("aria-label", "Cite this passage");
      link.closest("p").after(panel);
      button.addEventListener("click", function () {
        toggle(button, passage);
      });
    });
  });
})();
