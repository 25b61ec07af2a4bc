/* phuluc: legacy webview check. ES5 only, no dependencies; loaded as a file (the CSP forbids inline script).
 * Office on Windows before WebView2 shows add-ins in Internet Explorer 11 (document.documentMode is set) or
 * in legacy Edge (EdgeHTML, user agent "Edge/NN"). React 19 and Fluent UI v9 cannot run there, so the static
 * #legacy message stays visible and #root is hidden; everywhere else the message is hidden. */
(function () {
  var legacy = document.getElementById('legacy');
  var root = document.getElementById('root');
  var ua = (window.navigator && window.navigator.userAgent) || '';
  var isLegacy = !!document.documentMode || ua.indexOf('Edge/') !== -1;
  window.phulucLegacyWebview = isLegacy;
  if (legacy) legacy.style.display = isLegacy ? 'block' : 'none';
  if (root && isLegacy) root.style.display = 'none';
  // the preview page sits next to this one: show its full address, to open in a modern browser
  if (isLegacy && document.querySelectorAll) {
    var here = String(window.location.href).split('#')[0].split('?')[0];
    var url = here.substring(0, here.lastIndexOf('/') + 1) + 'preview.html';
    var spans = document.querySelectorAll('.legacy-url');
    for (var i = 0; i < spans.length; i++) spans[i].textContent = url;
  }
})();
