// The live page: alerts for the signed-in reader, as they happen (server-sent events from
// /api/v1/stream). Text only: every field goes in through textContent, never as markup.
(function () {
  "use strict";
  var box = document.querySelector("[data-live-alerts]");
  if (!box || !window.EventSource) {
    return;
  }
  var list = box.querySelector("ol") || box.appendChild(document.createElement("ol"));
  var seen = {};
  var source = new EventSource("/api/v1/stream");
  source.addEventListener("alert", function (event) {
    var alert = JSON.parse(event.data);
    if (seen[alert.id]) {
      return; // delivered again after a reconnect: at least once, shown once
    }
    seen[alert.id] = true;
    var item = document.createElement("li");
    var title = document.createElement(alert.url ? "a" : "strong");
    title.textContent = alert.title;
    if (alert.url) {
      title.href = alert.url;
    }
    item.appendChild(title);
    if (alert.body) {
      var body = document.createElement("span");
      body.textContent = " — " + alert.body;
      item.appendChild(body);
    }
    list.insertBefore(item, list.firstChild);
    box.hidden = false;
  });
})();
