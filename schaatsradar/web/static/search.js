// Search as you type: the search form marked data-live-search="ID" fetches the results
// fragment (/zoeken?...&partial=1) a moment after the reader stops typing and puts it into
// the element with that id. Without this script the form still works: it submits as usual.
(function () {
  "use strict";
  var DELAY_MS = 250;
  var form = document.querySelector("form[data-live-search]");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var target = document.getElementById(form.getAttribute("data-live-search"));
  var input = form.querySelector("input[type=search]");
  if (!target || !input) {
    return;
  }
  var timer = null;
  var controller = null;
  var lastQuery = null;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") {
        params.append(key, value);
      }
    });
    return params;
  }

  function update() {
    var params = query();
    var shown = params.toString();
    if (shown === lastQuery) {
      return;
    }
    lastQuery = shown;
    params.set("partial", "1");
    params.set("lang", document.documentElement.lang || "nl");
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    fetch(form.action + "?" + params.toString(), {
      headers: { "HX-Request": "true" },
      signal: controller ? controller.signal : undefined,
      credentials: "same-origin"
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("search failed: " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        target.innerHTML = html;
        window.history.replaceState(null, "", form.action + (shown ? "?" + shown : ""));
      })
      .catch(function () {
        lastQuery = null; // an aborted or failed request: try again on the next keystroke
      });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, DELAY_MS);
  });
})();
