/* Kết Nối — progressive enhancement only; every page works without this file. */
(() => {
  var d = document;
  d.documentElement.classList.add('js');

  function init() {
    // A failed form: move focus to its error summary so screen readers announce it.
    var summary = d.querySelector('[data-module="error-summary"]');
    if (!summary) return;
    summary.focus();
    // Its links jump to the field: focus the control and show its label too.
    summary.addEventListener('click', (e) => {
      var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
      if (!a) return;
      var el = d.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
      if (!el) return;
      var control = /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) ? el : el.querySelector('input, select, textarea');
      if (!control) return;
      e.preventDefault();
      var field = el.closest ? el.closest('.field') || el : el;
      field.scrollIntoView();
      control.focus({ preventScroll: true });
    });
  }

  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', init);
  else init();
})();
