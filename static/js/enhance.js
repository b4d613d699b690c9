/* Progressive enhancement: every page works without this file. */
(function () {
  "use strict";

  /* File inputs: show the chosen file's name next to our own button. */
  document.querySelectorAll("input[data-hw-file]").forEach(function (input) {
    var name = input.closest(".hw-file").querySelector("[data-hw-file-name]");
    input.addEventListener("change", function () {
      name.textContent = input.files.length ? input.files[0].name : "";
    });
  });
})();
