// A chapter split into pages: an anchor this page does not hold (a passage, a heading) is looked
// up in the chapter's map and the reader is sent to the page that now holds it (moved.py).
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script) return;
  const map = new URL(script.dataset.map, script.src);
  const root = new URL("../", script.src); // the script is in _static/
  function follow() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    fetch(map)
      .then((response) => (response.ok ? response.json() : {}))
      .then((where) => {
        if (Object.prototype.hasOwnProperty.call(where, id)) {
          location.replace(new URL(where[id] + "#" + encodeURIComponent(id), root).href);
        }
      })
      .catch(() => {});
  }
  follow();
  window.addEventListener("hashchange", follow);
})();
