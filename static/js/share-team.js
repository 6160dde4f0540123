// The social-media team's page (chia-se/): a copy button under each post,
// and a filter by section. Without this script every post can still be
// selected and copied by hand, and the list of sections links to each.
(function () {
  "use strict";
  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {});
      return;
    }
    // An intranet served over http, or a page opened from a disk.
    var t = document.createElement("textarea");
    t.value = text;
    t.setAttribute("readonly", "");
    t.className = "team-offscreen";
    document.body.appendChild(t);
    t.select();
    try {
      if (document.execCommand("copy")) done();
    } catch (e) {}
    document.body.removeChild(t);
  }
  document.querySelectorAll("button[data-copy-from]").forEach(function (b) {
    var area = document.getElementById(b.getAttribute("data-copy-from"));
    if (!area) return;
    var label = b.textContent;
    b.hidden = false;
    b.addEventListener("click", function () {
      copy(area.value, function () {
        b.textContent = "Đã sao chép";
        b.classList.add("is-done");
        setTimeout(function () {
          b.textContent = label;
          b.classList.remove("is-done");
        }, 2000);
      });
    });
  });
  var select = document.getElementById("team-section");
  if (select) {
    var groups = document.querySelectorAll("[data-section]");
    select.hidden = false;
    select.addEventListener("change", function () {
      groups.forEach(function (g) {
        g.hidden = select.value !== "" && g.getAttribute("data-section") !== select.value;
      });
    });
  }
})();
