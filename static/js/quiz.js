/* Chronology ordering: drag and drop (SortableJS, mouse and touch) and Move up / Move down
 * buttons for keyboard users, both keeping the form's position selects in sync, so the form posts
 * the same fields with or without JavaScript. Moves are announced in a live region. */
(function () {
  "use strict";

  function items(list) {
    return Array.prototype.slice.call(list.querySelectorAll("[data-id]"));
  }

  function labelOf(item) {
    return item.querySelector(".order-label").textContent.trim();
  }

  function sync(form, moved) {
    var list = form.querySelector("[data-order-list]");
    var all = items(list);
    all.forEach(function (item, index) {
      item.querySelector("[data-position]").value = String(index + 1);
    });
    if (moved) {
      var live = form.querySelector("[data-live]");
      var position = all.indexOf(moved) + 1;
      live.textContent = "« " + labelOf(moved) + " » est maintenant en position " + position + " sur " + all.length + ".";
    }
  }

  function move(form, item, direction) {
    var list = item.parentNode;
    if (direction === "up" && item.previousElementSibling) {
      list.insertBefore(item, item.previousElementSibling);
    } else if (direction === "down" && item.nextElementSibling) {
      list.insertBefore(item.nextElementSibling, item);
    } else {
      return;
    }
    sync(form, item);
    var button = item.querySelector('[data-move="' + direction + '"]');
    if (button) { button.focus(); }
  }

  function enhance(root) {
    var forms = root.querySelectorAll ? root.querySelectorAll("[data-chronology]") : [];
    Array.prototype.forEach.call(forms, function (form) {
      if (form.dataset.enhanced) { return; }
      form.dataset.enhanced = "1";
      form.classList.add("is-enhanced");
      var list = form.querySelector("[data-order-list]");
      items(list).forEach(function (item) {
        item.querySelector("[data-move-buttons]").hidden = false;
      });
      list.addEventListener("click", function (event) {
        var button = event.target.closest("[data-move]");
        if (button) {
          move(form, button.closest("[data-id]"), button.dataset.move);
        }
      });
      if (window.Sortable) {
        window.Sortable.create(list, {
          animation: 150,
          forceFallback: true,
          fallbackTolerance: 3,
          filter: "button, select, option, label",
          preventOnFilter: false,
          onEnd: function (event) { sync(form, event.item); }
        });
      }
    });
  }

  if (window.htmx) {
    window.htmx.onLoad(enhance);
  } else {
    document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  }
  // After an answer, focus goes to the score heading, so screen readers read the result; after
  // "Question suivante", to the question's number.
  // htmx itself wires the swapped-in form and links only when the swap settles (20 ms later, more
  // on a busy phone); processing them here first means an Enter pressed at once still answers
  // through htmx instead of reloading the whole page (processing twice is a no-op).
  document.addEventListener("htmx:afterSwap", function () {
    var panel = document.getElementById("question-panel");
    if (panel) {
      window.htmx.process(panel);
      var heading = panel.querySelector("[data-focus-after-swap]") || panel.querySelector("h2, .question-number");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
  });
})();
