// Follow buttons without a page load: a form marked data-follow is posted in the background
// (with HX-Request, as htmx would) and replaced by the button fragment the server answers.
// When htmx itself is on the page, its hx-post on the same form does this and we stand back.
// Without JavaScript the form posts as usual and the server sends the reader back.
(function () {
  "use strict";
  if (window.htmx || !window.fetch || !window.URLSearchParams || !window.FormData) {
    return;
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-follow")) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button");
    if (button) {
      button.disabled = true;
    }
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "HX-Request": "true",
        "Content-Type": "application/x-www-form-urlencoded"
      },
      body: new URLSearchParams(new FormData(form)).toString()
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("follow: HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html.trim();
        var fresh = holder.firstElementChild;
        if (fresh) {
          form.replaceWith(fresh);
          var again = fresh.querySelector("button, a");
          if (again) {
            again.focus();
          }
        }
      })
      .catch(function () {
        form.submit(); // fall back to the plain post and its redirect
      });
  });
})();
