// Small site behaviours (no library, no request): printed link addresses and keyboard-scrollable tables.
(function () {
  "use strict";

  // Why: on paper a link is useless unless its address is printed; the print stylesheet shows data-print-url.
  function markPrintUrls() {
    // A web address written in the text (.web-address) already shows its address: printing it twice helps nobody.
    document.querySelectorAll(".md-content a[href]:not(.headerlink):not(.web-address)").forEach(function (link) {
      if (link.getAttribute("href").charAt(0) !== "#") {
        link.setAttribute("data-print-url", link.href);
      }
    });
  }

  // Why: a wide table scrolls inside its own box on phones; keyboard users must be able to focus and scroll it.
  function labelScrollableTables() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      var caption = table.querySelector("caption");
      [table, table.closest(".md-typeset__scrollwrap")].forEach(function (box) {
        if (!box) return;
        if (box.scrollWidth > box.clientWidth + 1) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", caption ? caption.textContent.trim() : "ตาราง (เลื่อนซ้าย-ขวาได้)");
        } else if (box.getAttribute("role") === "region") {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      });
    });
  }

  // Why: Material's search overlay is a role="dialog" without a name; screen readers announce it as "ค้นหา".
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']:not([aria-label]):not([aria-labelledby])");
    if (dialog) dialog.setAttribute("aria-label", "ค้นหา");
  }

  markPrintUrls();
  nameSearchDialog();
  window.addEventListener("load", labelScrollableTables);
  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(labelScrollableTables, 200);
  });
})();
