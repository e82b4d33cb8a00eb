// Records CSP violations for the end-to-end test, then loads the elements (offline mode).
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
// MapLibre (and diachiso's engine worker) start Web Workers from URLs, a Trusted Types sink.
// Allow exactly these same-origin worker modules and nothing else (see docs/security.md).
if (window.trustedTypes?.createPolicy) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL(url) {
      const u = new URL(url, location.href);
      const worker = u.pathname.endsWith('/maplibre-gl-worker.mjs') || /\/diachiso-worker-[\w-]+\.js$/.test(u.pathname);
      if ((u.origin === location.origin && worker) || u.protocol === 'blob:') return u.href;
      throw new TypeError(`Blocked script URL: ${u.href}`);
    },
  });
}
await import('../../packages/elements/dist/browser/diachiso.js');
document.documentElement.dataset.loaded = 'true';
// No server behind this demo: the form is never submitted natively (nothing lands in a URL).
document.getElementById('form').addEventListener('submit', (e) => e.preventDefault());
