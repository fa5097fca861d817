// The search page's layer on top of Sphinx's search (searchtools.js, searchindex.js): see
// tools/sphinx_ext/search.py. It replaces Search.query only; the index, the scoring of pages and
// the search form are Sphinx's. Everything read from the data is inserted as text.
(function () {
  "use strict";
  var ENTRIES_SHOWN = 5; // glossary entries above the pages
  var TEXTS_FETCHED = 8; // pages whose light text is fetched for a snippet
  var texts = {}; // docname -> Promise of [[anchor, text], ...]

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’‘ʼ`]/g, "'");
  }
  // fold(), one character at a time, keeping the text's length ("…" stays one character, where
  // fold() makes it "..."): for finding offsets in a text to cut or highlight it.
  function foldInPlace(text) {
    return Array.from(text, function (char) {
      var folded = fold(char);
      return folded.length === char.length ? folded : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
    }).join("");
  }
  function compact(text) {
    return fold(text).replace(/[^\p{L}\p{N}]+/gu, "");
  }
  function wordsOf(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function isStopword(word) {
    return typeof stopwords !== "undefined" && stopwords.has(word);
  }
  function queryWords(query) {
    return wordsOf(query).filter(function (word) {
      return !isStopword(word);
    });
  }
  // What the landing page highlights: whole tokens of the query, hyphenated names kept whole.
  function highlightTerms(query) {
    return fold(query)
      .split(/\s+/)
      .map(function (token) {
        return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      })
      .filter(function (token) {
        return token.length >= 3 && !isStopword(token);
      });
  }

  // ------------------------------------------------------------------ glossary entries

  function nameScore(name, query, words) {
    var whole = compact(name);
    var asked = compact(query);
    if (!asked) return 0;
    if (whole === asked) return 100;
    if (asked.length >= 4 && whole.indexOf(asked) === 0) return 70;
    var own = wordsOf(name);
    var found = words.every(function (word) {
      return own.some(function (mine) {
        return mine === word || (word.length >= 3 && mine.indexOf(word) === 0);
      });
    });
    return found && words.length ? 40 + Math.round((20 * words.length) / own.length) : 0;
  }

  function findEntries(query) {
    var words = queryWords(query);
    var found = [];
    (window.BOOK_ENTRIES || []).forEach(function (row) {
      var best = nameScore(row[1], query, words) + 1; // the canonical name first among equals
      var spelling = "";
      row[3].forEach(function (name) {
        var score = nameScore(name, query, words);
        if (score > best) {
          best = score;
          spelling = name;
        }
      });
      if (best > 1) found.push({ anchor: row[0], term: row[1], category: row[2], definition: row[4], page: row[5] || "glossary", spelling: spelling, score: best });
    });
    found.sort(function (a, b) {
      return b.score - a.score || a.term.length - b.term.length || (a.term < b.term ? -1 : 1);
    });
    return found.slice(0, ENTRIES_SHOWN);
  }

  // ------------------------------------------------------------------------- snippets

  function pageUrl(docname) {
    var options = DOCUMENTATION_OPTIONS;
    if (options.BUILDER === "dirhtml") return docname === "index" ? "" : docname.replace(/\/index$/, "") + "/";
    return docname + options.LINK_SUFFIX;
  }

  function textOf(docname) {
    if (!texts[docname]) {
      var root = document.documentElement.dataset.content_root || "";
      texts[docname] = fetch(root + "_static/search/" + docname + ".json")
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .catch(function () {
          return [];
        });
    }
    return texts[docname];
  }

  function matcher(term) {
    var escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/-/g, "[-‐‑–— ]?");
    return new RegExp("(?<![\\p{L}\\p{N}])" + escaped + (term.length >= 4 ? "" : "(?![\\p{L}\\p{N}])"), "giu");
  }

  // The block that holds the query best: the whole query first, then the most of its words.
  function bestBlock(blocks, query) {
    var phrase = matcher(fold(query).trim());
    var words = queryWords(query).map(matcher);
    var best = null;
    var bestScore = 0;
    blocks.forEach(function (block, index) {
      var text = fold(block[1]);
      phrase.lastIndex = 0;
      var score = (phrase.test(text) ? 10 : 0) + words.filter(function (word) {
        word.lastIndex = 0;
        return word.test(text);
      }).length;
      if (index === 0) score -= 0.5; // the summary, when nothing better holds the words
      if (score > bestScore) {
        bestScore = score;
        best = block;
      }
    });
    return best || (blocks.length ? blocks[0] : null);
  }

  function snippet(block, query) {
    var text = block[1];
    var folded = foldInPlace(text);
    var terms = [fold(query).trim()].concat(queryWords(query));
    var at = -1;
    terms.some(function (term) {
      var found = matcher(term).exec(folded);
      if (found) at = found.index;
      return found;
    });
    var start = Math.max(0, at - 80);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 240);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function highlight(element, terms) {
    if (!terms.length) return;
    var pattern = new RegExp(terms.map(function (term) { return matcher(term).source; }).join("|"), "giu");
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var folded = foldInPlace(text);
      var parts = [];
      var last = 0;
      folded.replace(pattern, function (match, ...rest) {
        var index = rest[rest.length - 2];
        parts.push(document.createTextNode(text.slice(last, index)));
        var mark = document.createElement("span");
        mark.className = "highlighted";
        mark.textContent = text.slice(index, index + match.length);
        parts.push(mark);
        last = index + match.length;
        return match;
      });
      if (!parts.length) return;
      parts.push(document.createTextNode(text.slice(last)));
      parts.forEach(function (part) {
        node.parentNode.insertBefore(part, node);
      });
      node.remove();
    });
  }

  // --------------------------------------------------------------------------- results

  function item(href, title, kind, note) {
    var li = document.createElement("li");
    li.className = "kind-" + kind;
    var link = li.appendChild(document.createElement("a"));
    link.href = href;
    link.textContent = title;
    if (note) li.appendChild(document.createElement("span")).textContent = " (" + note + ")";
    return li;
  }

  function showEntry(entry, terms) {
    var note = entry.category + (entry.spelling ? "; also spelled " + entry.spelling : "");
    var li = item(pageUrl(entry.page) + "#" + entry.anchor, entry.term, "entry", note);
    var context = li.appendChild(document.createElement("p"));
    context.className = "context";
    context.textContent = entry.definition;
    highlight(li, terms);
    Search.output.appendChild(li);
  }

  function showPage(result, query, terms, fetchText) {
    var docname = result[0], title = result[1], anchor = result[2], descr = result[3], kind = result[6];
    var li = item(pageUrl(docname) + anchor, title, kind, descr);
    Search.output.appendChild(li);
    if (!fetchText || anchor) return;
    textOf(docname).then(function (blocks) {
      var block = bestBlock(blocks, query);
      if (!block || !block[1]) return;
      if (block[0]) li.querySelector("a").href = pageUrl(docname) + "#" + block[0];
      // On the glossary, the words were found in an entry: name it ("Glossary: Wagner Group rebellion").
      if (/^term-/.test(block[0])) li.querySelector("a").textContent = title + ": " + block[1].split(": ")[0];
      var context = li.appendChild(document.createElement("p"));
      context.className = "context";
      context.textContent = snippet(block, query);
      highlight(context, terms);
    });
  }

  // Glossary spellings are entries of their own in Sphinx's index (and in the general index):
  // they are shown once, above, under the entry's canonical name.
  function isGlossaryName(result) {
    return /^glossary(\/|$)/.test(result[0]) && (result[6] === "object" || result[6] === "index") && /^#term-/.test(result[2]);
  }

  function query(rawQuery) {
    var plain = rawQuery.replace(/["“”„«»]/g, " ").replace(/\s+/g, " ").trim();
    var parsed = Search._parseQuery(plain);
    var terms = highlightTerms(plain);
    try {
      localStorage.setItem("sphinx_highlight_terms", terms.join(" "));
    } catch (error) {}
    var results = Search._performSearch.apply(Search, parsed).slice().reverse().filter(function (result) {
      return !isGlossaryName(result);
    });
    var entries = findEntries(plain);
    entries.forEach(function (entry) {
      showEntry(entry, terms);
    });
    var fetched = 0;
    results.forEach(function (result) {
      var fetchText = !result[2] && fetched < TEXTS_FETCHED;
      if (fetchText) fetched += 1;
      showPage(result, plain, terms, fetchText);
    });
    Search.stopPulse();
    Search.title.innerText = _("Search Results");
    var count = entries.length + results.length;
    Search.status.innerText = count
      ? "Found " + entries.length + " glossary " + (entries.length === 1 ? "entry" : "entries") + " and " + results.length + " other " + (results.length === 1 ? "result" : "results") + "."
      : Documentation.gettext("Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.");
  }

  // Before Sphinx's own DOMContentLoaded handler runs the query (this script comes first).
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof Search !== "undefined") Search.query = query;
  });
})();
