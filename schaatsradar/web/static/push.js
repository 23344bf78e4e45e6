// Web Push sign-up: the settings page's <button data-push-subscribe data-endpoint="URL">
// registers the service worker (/sw.js), subscribes with the site's key (/api/v1/push/key)
// and POSTs the subscription JSON ({endpoint, keys: {p256dh, auth}}) to data-endpoint, with
// the CSRF token of <meta name="csrf-token"> in the X-CSRF-Token header.
// The button's data-push-state becomes "working", "subscribed", "denied", "failed" or
// "unsupported"; if the button has data-text-<state> attributes, its text changes to match.
(function () {
  "use strict";
  var button = document.querySelector("button[data-push-subscribe]");
  if (!button) {
    return;
  }

  function show(state) {
    button.setAttribute("data-push-state", state);
    var text = button.getAttribute("data-text-" + state);
    if (text) {
      button.textContent = text;
    }
    button.disabled = state === "working" || state === "subscribed" || state === "unsupported";
  }

  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !window.fetch) {
    show("unsupported");
    return;
  }

  function keyBytes(base64url) {
    var base64 = (base64url + "===".slice((base64url.length + 3) % 4))
      .replace(/-/g, "+")
      .replace(/_/g, "/");
    var raw = window.atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function siteKey() {
    return fetch("/api/v1/push/key", { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error("push key: HTTP " + response.status);
      }
      return response.json();
    });
  }

  function subscription(registration, key) {
    return registration.pushManager.getSubscription().then(function (existing) {
      return (
        existing ||
        registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: keyBytes(key),
        })
      );
    });
  }

  function save(sub) {
    return fetch(button.getAttribute("data-endpoint"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
      body: JSON.stringify(sub),
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("saving the subscription: HTTP " + response.status);
      }
    });
  }

  button.addEventListener("click", function () {
    show("working");
    Promise.resolve(window.Notification ? Notification.requestPermission() : "granted")
      .then(function (permission) {
        if (permission !== "granted") {
          show("denied");
          return null;
        }
        return Promise.all([navigator.serviceWorker.register("/sw.js", { scope: "/" }), siteKey()])
          .then(function (found) {
            return navigator.serviceWorker.ready.then(function (registration) {
              return subscription(registration, found[1].key);
            });
          })
          .then(save)
          .then(function () {
            show("subscribed");
          });
      })
      .catch(function (error) {
        show("failed");
        if (window.console) {
          console.warn("Schaatsradar push:", error);
        }
      });
  });
})();
