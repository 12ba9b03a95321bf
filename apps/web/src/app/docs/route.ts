// The interactive API reference: Scalar's standalone bundle, served by this app (no CDN, no remote fonts).
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Interventions API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/vendor/scalar-api-reference.js"></script>
    <script>
      Scalar.createApiReference("#app", {
        url: "/openapi.json",
        // Nothing leaves this server: no remote fonts, no hosted AI or MCP features, no telemetry.
        withDefaultFonts: false,
        agent: { disabled: true },
        mcp: { disabled: true },
        showDeveloperTools: "never",
        telemetry: false,
      });
    </script>
  </body>
</html>`;

export function GET(): Response {
  return new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8" } });
}
