/* Tablet mode (Familienbüro): start over after a few idle minutes, keep nothing.
 *
 * Reads data-idle-seconds (default 180) and data-reset-url from the element
 * that carries them. Any touch, pointer, key, wheel or scroll input restarts
 * the countdown. Shortly before the reset a warning with a button appears
 * (WCAG 2.2.1: a simple action extends the time). This script never sets a
 * cookie and clears web storage, although the app uses none.
 */
(function () {
  "use strict";

  function clearStorage() {
    try { window.sessionStorage.clear(); } catch (e) { /* storage disabled */ }
    try { window.localStorage.clear(); } catch (e) { /* storage disabled */ }
  }

  clearStorage();

  // A page restored from the back/forward cache may show the previous
  // family's choices: load it again (the server answers with no-store anyway).
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  var root = document.querySelector("[data-idle-seconds]");
  if (!root) { return; }

  var seconds = parseInt(root.getAttribute("data-idle-seconds"), 10);
  if (!(seconds > 0)) { seconds = 180; }
  var resetUrl = root.getAttribute("data-reset-url") || "/tablet/";
  var warning = root.querySelector(".tablet-idle-warning");
  var stay = root.querySelector(".tablet-idle-warning__stay");
  // Warn 20 seconds before the reset, or halfway for very short test timeouts.
  var warnAfter = Math.max(seconds - 20, seconds / 2) * 1000;
  var resetTimer = null;
  var warnTimer = null;

  function atStart() {
    var target = new URL(resetUrl, window.location.href);
    return target.pathname === window.location.pathname && target.search === window.location.search;
  }

  function reset() {
    clearStorage();
    if (atStart()) {
      // Already at the start: only scroll back up and hide the warning.
      if (warning) { warning.hidden = true; }
      window.scrollTo(0, 0);
      restart();
      return;
    }
    window.location.replace(resetUrl);
  }

  function restart() {
    window.clearTimeout(resetTimer);
    window.clearTimeout(warnTimer);
    if (warning && !warning.hidden) { warning.hidden = true; }
    warnTimer = window.setTimeout(function () {
      if (warning) { warning.hidden = false; }
    }, warnAfter);
    resetTimer = window.setTimeout(reset, seconds * 1000);
  }

  ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll"].forEach(function (name) {
    window.addEventListener(name, restart, { passive: true, capture: true });
  });
  if (stay) { stay.addEventListener("click", restart); }

  restart();
})();
