// Progressive enhancement only: every page works without this file.
// Moves focus to an error summary so that screen-reader and keyboard users
// hear what went wrong first (GOV.UK's error-summary pattern).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-autofocus]");
  if (summary) summary.focus();
});
