// Starts Swagger UI on /api/v1/docs (a file, not an inline script: the CSP allows no inline
// script). The schema's address comes from the page.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapi,
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    // No deep links: Swagger UI puts each as a link inside the operation's button, and a control
    // inside a control is lost to keyboard and screen-reader users (axe: nested-interactive).
    deepLinking: false,
    showExtensions: true,
    showCommonExtensions: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  });
})();
