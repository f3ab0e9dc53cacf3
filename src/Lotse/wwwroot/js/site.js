// Lotse's only script of its own: no inline script anywhere (the Content-Security-Policy forbids it).
(function () {
    "use strict";

    // htmx requests carry the antiforgery token like forms do.
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector('meta[name="request-verification-token"]');
        if (token) {
            event.detail.headers.RequestVerificationToken = token.content;
        }
    });

    // Buttons with data-confirm ask before a consequential action. An empty one asks nothing: tag helpers
    // render a null attribute as data-confirm="" (the referral's "Senden" would otherwise ask an empty question).
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-confirm]:not([data-confirm=''])");
        if (button && !window.confirm(button.getAttribute("data-confirm"))) {
            event.preventDefault();
        }
    });

    // After a save on a page with several forms the reader lands where the work was: the first field
    // with an error (or the form's error list), else the section the redirect named (#goals, #encounters).
    document.addEventListener("DOMContentLoaded", function () {
        var target = document.querySelector("[aria-invalid='true']") || document.querySelector("[data-form-errors]");
        if (!target && window.location.hash.length > 1) {
            var section = document.getElementById(window.location.hash.substring(1));
            target = section && (section.querySelector("h2, h3") || section);
            if (target && !target.hasAttribute("tabindex")) {
                target.setAttribute("tabindex", "-1");
            }
        }

        if (target) {
            target.focus();
            target.scrollIntoView({ block: "center" });
        }
    });

    // Select the text of a shown secret (token, recovery codes) on click, for copying.
    document.addEventListener("click", function (event) {
        var code = event.target.closest(".app-code");
        if (code) {
            var range = document.createRange();
            range.selectNodeContents(code);
            var selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }
    });
})();
