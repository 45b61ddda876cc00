// Progressive enhancement for forms (every form works without it):
// - the error summary takes focus when the page loads, so a screen reader reads it first, and
//   its links move focus to the field they name (not only scroll to it);
// - a long group of checkboxes (data-choice-filter) gets a box that hides the choices that do
//   not contain what is typed.
// Included by the shared form templates, possibly more than once on a page: it runs once.
(function () {
  "use strict";
  if (window.samverkanForms) return;
  window.samverkanForms = true;

  function focusField(target) {
    var fieldset = target.closest("fieldset");
    var label = fieldset ? fieldset.querySelector("legend") : document.querySelector('label[for="' + target.id + '"]');
    target.focus({ preventScroll: true });
    (label || target).scrollIntoView({ block: "start" });
  }

  function enhanceSummary(summary) {
    summary.addEventListener("click", function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link) return;
      var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!target) return;
      event.preventDefault();
      focusField(target);
    });
  }

  function enhanceChoices(fieldset, index) {
    var choices = fieldset.querySelector(".choices");
    if (!choices || fieldset.querySelector(".choice-filter")) return;
    var wrapper = document.createElement("div");
    wrapper.className = "choice-filter";
    var label = document.createElement("label");
    var input = document.createElement("input");
    input.type = "search";
    input.id = (fieldset.id || "choices-" + index) + "-filter";
    input.autocomplete = "off";
    label.htmlFor = input.id;
    label.textContent = fieldset.getAttribute("data-choice-filter");
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    choices.parentNode.insertBefore(wrapper, choices);
    input.addEventListener("input", function () {
      var query = input.value.trim().toLocaleLowerCase();
      choices.querySelectorAll(".checkbox").forEach(function (choice) {
        var box = choice.querySelector("input");
        var text = choice.textContent.toLocaleLowerCase();
        // A checked choice stays visible: hiding it would hide what will be sent.
        choice.hidden = query !== "" && text.indexOf(query) === -1 && !(box && box.checked);
      });
    });
  }

  function start() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      enhanceSummary(summary);
      summary.focus();
    }
    document.querySelectorAll("fieldset[data-choice-filter]").forEach(enhanceChoices);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
