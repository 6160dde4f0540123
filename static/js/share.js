// The share block of an item's page: the phone's share sheet (which offers
// Zalo and Facebook), and copying the link. Everything is readable, and the
// link can be selected and copied by hand, without this script.
(function () {
  "use strict";
  function copied(b) {
    var label = b.textContent;
    b.textContent = "Đã sao chép";
    setTimeout(function () { b.textContent = label; }, 2000);
  }
  function copy(text, b) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(b); }, function () {});
      return;
    }
    // An intranet served over http: select the field and copy it.
    var field = document.getElementById("share-link");
    if (!field) return;
    field.select();
    try {
      if (document.execCommand("copy")) copied(b);
    } catch (e) {}
  }
  document.querySelectorAll("button[data-copy]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { copy(b.getAttribute("data-copy"), b); });
  });
  document.querySelectorAll("button[data-share]").forEach(function (b) {
    if (!navigator.share) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.share({ title: b.getAttribute("data-title"), url: b.getAttribute("data-share") }).catch(function () {});
    });
  });
  var field = document.getElementById("share-link");
  if (field) field.addEventListener("focus", function () { field.select(); });
})();
