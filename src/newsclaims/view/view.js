/* newsclaims view: hovering a statement previews its details, clicking (or Enter) pins them.
   Statement ids are unique within an article, so every lookup stays inside its article.
   Safe to run more than once on a page (notebook outputs): each view is set up once. */
(function () {
  "use strict";

  function each(nodes, fn) { Array.prototype.forEach.call(nodes, fn); }

  function highlight(article, id, cls) {
    each(article.querySelectorAll("[data-statement]"), function (el) {
      el.classList.toggle(cls, id !== null && el.getAttribute("data-statement") === id);
    });
  }

  function show(article, id) {
    var shown = false;
    each(article.querySelectorAll(".nc-detail"), function (d) {
      d.hidden = d.getAttribute("data-detail") !== id;
      shown = shown || !d.hidden;
    });
    var hint = article.querySelector(".nc-hint");
    if (hint) { hint.hidden = shown; }
  }

  function statementOf(target) {
    var el = target && target.closest ? target.closest("[data-statement]") : null;
    var article = el ? el.closest(".nc-article") : null;
    return article ? { el: el, id: el.getAttribute("data-statement"), article: article } : null;
  }

  function setup(view) {
    if (view.getAttribute("data-nc-ready")) { return; }
    view.setAttribute("data-nc-ready", "1");

    view.addEventListener("mouseover", function (event) {
      var hit = statementOf(event.target);
      if (!hit) { return; }
      highlight(hit.article, hit.id, "nc-hover");
      show(hit.article, hit.id);
    });
    view.addEventListener("mouseout", function (event) {
      var hit = statementOf(event.target);
      if (!hit || (event.relatedTarget && hit.el.contains(event.relatedTarget))) { return; }
      highlight(hit.article, null, "nc-hover");
      show(hit.article, hit.article.getAttribute("data-pinned"));
    });

    function pin(hit, scroll) {
      var again = hit.article.getAttribute("data-pinned") === hit.id;
      var id = again ? null : hit.id;
      if (id === null) { hit.article.removeAttribute("data-pinned"); }
      else { hit.article.setAttribute("data-pinned", id); }
      highlight(hit.article, id, "nc-selected");
      show(hit.article, id);
      if (id !== null && scroll) {
        each(hit.article.querySelectorAll(".nc-text [data-statement]"), function (el) {
          if (scroll && el.getAttribute("data-statement") === id) {
            el.scrollIntoView({ block: "nearest" });
            scroll = false;
          }
        });
      }
    }

    view.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a[href]")) { return; }
      var hit = statementOf(event.target);
      if (hit) { pin(hit, hit.el.tagName === "TR"); }
    });
    view.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      var hit = statementOf(event.target);
      if (hit && event.target === hit.el) {
        event.preventDefault();
        pin(hit, hit.el.tagName === "TR");
      }
    });
  }

  each(document.querySelectorAll(".nc-view"), setup);
})();
