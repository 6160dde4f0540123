// loa: the site's one small script. Every page reads and works without
// it; it adds what HTML alone cannot do:
//   - from a disk (a folder, a USB stick), links to a folder ("hoi-dap/")
//     would open a listing of the folder: they are pointed at its
//     index.html, so the whole site can be followed with no server;
//   - printing opens every collapsed answer and explanation, and closes
//     them again after;
//   - on item pages: copy the link, or open the phone's share sheet (which
//     offers Zalo and Facebook);
//   - on the printers' index: links to the PDFs that `loa pdf` has made,
//     and a note for those it has not.
// No inline script and no inline style anywhere, so that the site's
// Content-Security-Policy can be default-src 'self'.
(function () {
  "use strict";
  var doc = document;

  if (location.protocol === "file:") {
    doc.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#" || href.charAt(0) === "/") {
        return; // another site, an anchor, or the server's root
      }
      var cut = href.search(/[?#]/);
      var path = cut < 0 ? href : href.slice(0, cut);
      var rest = cut < 0 ? "" : href.slice(cut);
      if (path === "." || path === "..") {
        path += "/";
      }
      if (path.slice(-1) === "/") {
        a.setAttribute("href", path + "index.html" + rest);
      }
    });
  }

  var opened = [];
  window.addEventListener("beforeprint", function () {
    doc.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) {
      d.open = false;
    });
    opened = [];
  });

  var copied = function (b) {
    var label = b.textContent;
    b.textContent = "Đã sao chép";
    setTimeout(function () {
      b.textContent = label;
    }, 2000);
  };
  doc.querySelectorAll("button[data-copy]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(b.dataset.copy).then(function () {
          copied(b);
        }, function () {});
        return;
      }
      // An intranet served over http: select the field and copy it.
      var field = doc.getElementById("share-link");
      if (!field) return;
      field.select();
      try {
        if (doc.execCommand("copy")) copied(b);
      } catch (e) {}
    });
  });
  var link = doc.getElementById("share-link");
  if (link) {
    link.addEventListener("focus", function () {
      link.select();
    });
  }
  doc.querySelectorAll("button[data-share]").forEach(function (b) {
    if (!navigator.share) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.share({ title: b.dataset.title, url: b.dataset.share }).catch(function () {});
    });
  });

  // The printers' index: in/pdf/sources.json lists the PDFs made.
  var pdfs = doc.querySelectorAll("[data-pdf]");
  if (pdfs.length > 0) {
    var show = function (made, unknown) {
      pdfs.forEach(function (el) {
        var link = el.querySelector("a");
        var note = el.querySelector(".pdf-missing");
        if (made[el.dataset.pdf] || unknown) {
          link.hidden = false;
        }
        if (!note) {
          return;
        }
        if (made[el.dataset.pdf]) {
          note.hidden = true;
        } else if (unknown) {
          note.textContent = "(có sau khi chạy loa pdf)";
        }
      });
    };
    fetch("pdf/sources.json", { cache: "no-cache" })
      .then(function (r) {
        return r.ok ? r.json() : {};
      })
      .then(function (made) {
        show(made || {}, false);
      })
      .catch(function () {
        show({}, true); // from a disk the browser may not read the list
      });
  }
})();
