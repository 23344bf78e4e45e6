// Schaatsradar's service worker: shows a Web Push alert as a notification and opens the
// alert's page when the reader clicks it. Served at /sw.js (scope: the whole site).
// The push payload is JSON: {"title": ..., "body": ..., "url": ..., "tag": ...}; a resent
// alert has the same tag, so it replaces the notification instead of adding a second one.
"use strict";

function alertOf(event) {
  if (!event.data) {
    return {};
  }
  try {
    return event.data.json();
  } catch (error) {
    return { body: event.data.text() };
  }
}

function sameSiteOrWeb(url) {
  // Only http(s) links; anything else (javascript:, data:) opens the home page.
  try {
    var parsed = new URL(url || "/", self.location.origin);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : "/";
  } catch (error) {
    return "/";
  }
}

self.addEventListener("push", function (event) {
  var alert = alertOf(event);
  var options = { body: alert.body || "", data: { url: sameSiteOrWeb(alert.url) } };
  if (alert.tag) {
    options.tag = String(alert.tag);
  }
  event.waitUntil(self.registration.showNotification(alert.title || "Schaatsradar", options));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (open) {
      for (var i = 0; i < open.length; i++) {
        if (open[i].url === url && "focus" in open[i]) {
          return open[i].focus();
        }
      }
      return self.clients.openWindow(url);
    })
  );
});
