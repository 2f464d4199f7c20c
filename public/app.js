/* Kết Nối — progressive enhancement only; every page works without this file. */
(() => {
  var d = document;
  d.documentElement.classList.add('js');

  // The header's menu: open on wide screens where the CSS cannot show a closed <details>;
  // a dropped-down group closes when another opens, on a click elsewhere and on Escape.
  function menu() {
    var m = d.querySelector('[data-module="menu"]');
    if (!m) return;
    var wide = window.matchMedia('(min-width: 64em)');
    var css =
      typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('selector(::details-content)');
    if (!css && wide.matches) m.open = true;
    var groups = m.querySelectorAll('.nav-group details');
    var closeAll = (except) => {
      for (var g of groups) if (g !== except) g.open = false;
    };
    for (var g of groups) g.addEventListener('toggle', (e) => e.target.open && closeAll(e.target));
    d.addEventListener('click', (e) => {
      if (!e.target.closest('.nav-group')) closeAll();
    });
    d.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      var open = m.querySelector('.nav-group details[open]');
      if (open) {
        open.open = false;
        open.querySelector('summary').focus();
      } else if (m.open && !wide.matches) {
        m.open = false;
        m.querySelector('summary').focus();
      }
    });
  }

  // A failed form: move focus to its error summary so screen readers announce it.
  function errorSummary() {
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

  function init() {
    menu();
    errorSummary();
  }

  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', init);
  else init();
})();
