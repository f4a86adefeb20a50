/**
 * Small enhancements; every page works without them. No data from the page is ever written
 * into the DOM as HTML.
 */
export const CONSOLE_JS = `"use strict";
(function () {
  // Ask before actions that are hard to undo (archive, discard, restore).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  // Warn before leaving the editor with unsaved changes.
  var editor = document.querySelector("form[data-editor]");
  if (editor) {
    var dirty = false;
    editor.addEventListener("input", function () { dirty = true; });
    editor.addEventListener("change", function () { dirty = true; });
    editor.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });
  }

  // Show only the session fields that apply to the chosen repeat pattern.
  function syncPattern(select) {
    var row = select.closest("[data-schedule]");
    if (!row) return;
    var pattern = select.value;
    row.querySelectorAll("[data-for-pattern]").forEach(function (el) {
      var wanted = el.getAttribute("data-for-pattern");
      el.hidden = pattern !== "" && wanted !== pattern;
    });
  }
  document.querySelectorAll("select[data-pattern]").forEach(function (select) {
    syncPattern(select);
    select.addEventListener("change", function () { syncPattern(select); });
  });

  // Name a venue in every session's venue choice as it is typed, so a session can be linked to
  // a venue added in the same form before it is saved (the server resolves it by the row's id).
  document.querySelectorAll("fieldset[data-venue]").forEach(function (row) {
    var id = row.getAttribute("data-venue");
    var name = row.querySelector('input[name$=".name"]');
    if (!name) return;
    name.addEventListener("input", function () {
      var typed = name.value.trim();
      var label = typed || row.getAttribute("data-empty-label");
      document.querySelectorAll('select[name$=".locationId"] option').forEach(function (option) {
        if (option.value === id) option.textContent = label;
      });
    });
  });

  // A link to a place on a page (/admin/listings/ID#reports-title) that went through sign-in:
  // the browser kept the place (#...) through the redirect but never sends it, so the form
  // carries it in its return path; the server keeps it only if it is an element id.
  var back = document.querySelector("input[data-return-path]");
  if (back instanceof HTMLInputElement && location.hash.length > 1 && back.value.indexOf("#") < 0) {
    back.value += location.hash;
  }

  // Move focus to the error summary so screen reader users hear what to fix.
  var summary = document.querySelector(".error-summary");
  if (summary instanceof HTMLElement) summary.focus();
})();
`;
