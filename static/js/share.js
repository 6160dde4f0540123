// Optional comfort on item pages: copy the link, or open the phone's share
// sheet (which offers Zalo and Facebook). Everything is readable without it.
(function () {
  "use strict";
  document.querySelectorAll("button[data-copy]").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(b.dataset.copy).then(function () {
        b.textContent = "Đã sao chép";
      });
    });
  });
  document.querySelectorAll("button[data-share]").forEach(function (b) {
    if (!navigator.share) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.share({ title: b.dataset.title, url: b.dataset.share }).catch(function () {});
    });
  });
})();
