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
        var asked = document.querySelector("details[data-autofocus='true']");
        if (!target && asked) {
            openForm(asked);
            return;
        }

        if (!target && window.location.hash.length > 1) {
            var section = document.getElementById(window.location.hash.substring(1));
            if (section && section.tagName === "DETAILS") {
                openForm(section);
                return;
            }

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

    // A link to a folded form (#contact-form, #goal-form) unfolds it and puts the cursor in its first field.
    function openForm(details) {
        details.open = true;
        details.scrollIntoView({ block: "start" });
        // The first field still to fill (a suggested choice is already made), else the first field.
        var fields = Array.prototype.slice.call(details.querySelectorAll("input:not([type=hidden]), select, textarea"));
        var empty = fields.filter(function (f) { return f.type !== "checkbox" && f.type !== "radio" && f.value === ""; })[0];
        (empty || fields[0] || details.querySelector("summary")).focus();
    }

    document.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var target = link && document.getElementById(link.getAttribute("href").substring(1));
        if (target && target.tagName === "DETAILS") {
            event.preventDefault();
            history.replaceState(null, "", link.getAttribute("href"));
            openForm(target);
        }
    });

    // Shortcuts of a page, documented on it: Alt+Shift+letter (never a single key, WCAG 2.1.4) runs the element
    // marked data-shortcut="letter": a folded form opens, a link or button is followed.
    // The letter is the one printed on the key (event.key: Z on a German keyboard is where Y is on an English one);
    // where Alt+Shift types a special character instead (macOS), the key's position stands in.
    document.addEventListener("keydown", function (event) {
        if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) {
            return;
        }

        var letter = /^[a-z]$/i.test(event.key) ? event.key.toLowerCase()
            : /^Key[A-Z]$/.test(event.code) ? event.code.substring(3).toLowerCase() : null;
        var target = letter && document.querySelector("[data-shortcut='" + letter + "']");
        if (!target) {
            return;
        }

        event.preventDefault();
        if (target.tagName === "DETAILS") {
            openForm(target);
            return;
        }

        // Leaving the page from inside a field would lose what was typed there.
        var active = document.activeElement;
        if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) {
            return;
        }

        target.click();
    });

    // A table wider than the screen scrolls in its box; the box takes the keyboard focus then, so that it can be
    // scrolled without a mouse (WCAG 2.1.1), and is named by the table's caption.
    function focusableScrollers() {
        document.querySelectorAll(".kern-table-responsive").forEach(function (box) {
            if (box.scrollWidth > box.clientWidth && !box.hasAttribute("tabindex")) {
                box.setAttribute("tabindex", "0");
                var caption = box.querySelector("caption");
                if (caption && !box.hasAttribute("role")) {
                    box.setAttribute("role", "region");
                    box.setAttribute("aria-label", caption.textContent.trim());
                }
            }
        });
    }

    document.addEventListener("DOMContentLoaded", focusableScrollers);
    window.addEventListener("resize", focusableScrollers);

    // The recipient's answer: only the fields of the chosen answer show (without JavaScript all do, each labelled).
    function showChosen(form) {
        var chosen = form.querySelector("input[name='Answer.Action']:checked");
        form.querySelectorAll("[data-show-for]").forEach(function (detail) {
            detail.hidden = !chosen || detail.getAttribute("data-show-for") !== chosen.value;
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("form[data-answer-form]").forEach(showChosen);
    });
    document.addEventListener("change", function (event) {
        var form = event.target.closest("form[data-answer-form]");
        if (form && event.target.name === "Answer.Action") {
            showChosen(form);
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
