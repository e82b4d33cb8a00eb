// Records CSP violations for the end-to-end test, then loads the elements (offline mode).
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
// MapLibre starts its Web Worker from a plain URL string, a Trusted Types sink. Allow exactly
// same-origin worker modules and nothing else (see docs/security.md).
if (window.trustedTypes?.createPolicy) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL(url) {
      const u = new URL(url, location.href);
      if ((u.origin === location.origin && u.pathname.endsWith('/maplibre-gl-worker.mjs')) || u.protocol === 'blob:') return u.href;
      throw new TypeError(`Blocked script URL: ${u.href}`);
    },
  });
}
await import('../../packages/elements/dist/browser/diachiso.js');
document.documentElement.dataset.loaded = 'true';
