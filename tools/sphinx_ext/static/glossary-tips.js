// A glossary entry's definition, shown where a link to it is read: on hover, on keyboard focus,
// and on touch screens at the first tap (a second tap, or the tip's own link, opens the entry).
//
// - The definitions (glossary-data.js, generated from docs/data/glossary*) are loaded the first
//   time a reader reaches for one, never with the page.
// - WCAG 1.4.13: the tip can be hovered without vanishing, Escape dismisses it, and it stays until
//   the pointer or the focus leaves both the link and the tip.
// - It never covers the line being read: it opens above the link's line, or below it when there
//   is no room above.
// Definitions are inserted as text, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var data = null;
  var loading = null;
  var tip = null;
  var owner = null; // the link the tip belongs to
  var hideTimer = null;
  var lastPointer = { type: "", time: 0 };

  function load() {
    if (data) return Promise.resolve(data);
    if (!loading) {
      loading = new Promise(function (resolve) {
        var element = document.createElement("script");
        var root = document.documentElement.dataset.content_root || "";
        element.src = root + "_static/glossary-data.js" + (script && script.dataset.version ? "?v=" + script.dataset.version : "");
        element.onload = function () {
          data = window.GLOSSARY_TIPS || {};
          resolve(data);
        };
        element.onerror = function () {
          data = {};
          resolve(data);
        };
        document.head.appendChild(element);
      });
    }
    return loading;
  }

  // The entry's anchor when the link leads to the glossary ("glossary.html#term-X" in html,
  // "glossary/#term-X" in dirhtml, "#term-X" on the glossary page itself; a glossary split into
  // pages: "glossary/person.html#term-X", "glossary/person/s.html#term-X"), else null.
  function anchorOf(link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    if (hash < 0 || href.slice(hash + 1, hash + 6) !== "term-") return null;
    var page = href.slice(0, hash);
    if (page === "") return document.querySelector("dl.glossary") ? href.slice(hash + 1) : null;
    return /(^|\/)glossary(\/[a-z0-9-]+)*(\.html|\/)$/.test(page) ? href.slice(hash + 1) : null;
  }

  function cancelHide() {
    if (hideTimer) clearTimeout(hideTimer);
    hideTimer = null;
  }

  function hideSoon() {
    cancelHide();
    hideTimer = setTimeout(hide, 400);
  }

  function hide() {
    cancelHide();
    if (tip) tip.remove();
    if (owner) owner.removeAttribute("aria-describedby");
    tip = null;
    owner = null;
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = Math.min(tip.offsetWidth, window.innerWidth - 16);
    var left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    var above = box.top - tip.offsetHeight - 8;
    var top = above >= 8 ? above : box.bottom + 8;
    tip.style.left = window.scrollX + left + "px";
    tip.style.top = window.scrollY + top + "px";
    tip.classList.toggle("below", above < 8);
  }

  function show(link, byTouch) {
    var anchor = anchorOf(link);
    if (!anchor) return;
    load().then(function (definitions) {
      var entry = definitions[anchor];
      if (!entry) return;
      hide();
      owner = link;
      tip = document.createElement("div");
      tip.className = "glossary-tip";
      tip.id = "glossary-tip";
      tip.setAttribute("role", "tooltip");
      var name = tip.appendChild(document.createElement("strong"));
      name.textContent = entry.term;
      tip.appendChild(document.createTextNode(" " + entry.definition));
      if (byTouch || link.getAttribute("href").charAt(0) !== "#") {
        var more = tip.appendChild(document.createElement("a"));
        more.className = "glossary-tip-entry";
        more.href = link.href;
        more.textContent = "The entry in the glossary →";
      }
      tip.addEventListener("mouseenter", cancelHide);
      tip.addEventListener("mouseleave", hideSoon);
      document.body.appendChild(tip);
      place(link);
      link.setAttribute("aria-describedby", "glossary-tip");
    });
  }

  function touchedRecently() {
    return lastPointer.type === "touch" && Date.now() - lastPointer.time < 1500;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.addEventListener(
      "pointerdown",
      function (event) {
        lastPointer = { type: event.pointerType, time: Date.now() };
        if (tip && !tip.contains(event.target) && !(owner && owner.contains(event.target))) hide();
      },
      true
    );
    document.querySelectorAll("a[href*='#term-']").forEach(function (link) {
      if (!anchorOf(link)) return;
      link.addEventListener("pointerenter", function (event) {
        if (event.pointerType !== "mouse") return;
        cancelHide();
        if (owner !== link) show(link, false);
      });
      link.addEventListener("pointerleave", function (event) {
        if (event.pointerType === "mouse") hideSoon();
      });
      link.addEventListener("focus", function () {
        if (!touchedRecently() && owner !== link) show(link, false);
      });
      link.addEventListener("blur", function (event) {
        if (!(tip && event.relatedTarget && tip.contains(event.relatedTarget)) && !touchedRecently()) hideSoon();
      });
      // A tap shows the definition first; a second tap on the same link follows it.
      link.addEventListener("click", function (event) {
        if (!touchedRecently() || owner === link) return;
        event.preventDefault();
        show(link, true);
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && tip) {
        var link = owner;
        var focusInTip = tip.contains(document.activeElement);
        hide();
        if (focusInTip && link) link.focus();
      }
    });
    window.addEventListener("resize", function () {
      if (tip && owner) place(owner);
    });
  });
})();
