// Review page: selecting a passage of the source offers to make a fact of it (the same form
// works without JavaScript by typing the quote).
(function () {
  "use strict";
  var text = document.getElementById("source-text");
  var action = document.getElementById("selection-action");
  var link = document.getElementById("selection-link");
  if (!text || !action || !link) { return; }
  var base = text.getAttribute("data-fact-url");
  function update() {
    var selection = window.getSelection();
    var chosen = selection ? selection.toString() : "";
    var inside = selection && selection.rangeCount > 0 && text.contains(selection.getRangeAt(0).commonAncestorContainer);
    if (inside && chosen.trim().length > 3) {
      link.href = base + "?quote=" + encodeURIComponent(chosen.trim());
      action.hidden = false;
    } else {
      action.hidden = true;
    }
  }
  document.addEventListener("selectionchange", update);
})();
