// Draws the charts of the steering pages from the accessible tables below them, so a chart can
// never show more than its table: a hidden cell ("< 5", "•") has no data-value and gets no bar.
(function () {
    "use strict";

    if (typeof Chart === "undefined") {
        return;
    }

    // Okabe–Ito: distinguishable with the common colour vision deficiencies.
    var palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000", "#f0e442"];
    var primary = "#1f4b99";
    var worse = "#d55e00";

    Chart.defaults.font.family = '"Fira Sans", system-ui, sans-serif';
    Chart.defaults.font.size = 13;
    Chart.defaults.color = "#1b1b1b";
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;

    function value(cell) {
        var raw = cell && cell.getAttribute("data-value");
        return raw === null || raw === "" ? null : Number(raw);
    }

    function text(element) {
        return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
    }

    // One bar per row of a table with a label column and a value column; the total row is left out.
    function single(table) {
        var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (row) {
            return row.getAttribute("data-key") !== "total";
        });
        var values = rows.map(function (row) { return value(row.cells[row.cells.length - 1]); });
        var diverging = table.getAttribute("data-chart") === "diverging";
        return {
            labels: rows.map(function (row) { return text(row.cells[0]); }),
            datasets: [{
                label: text(table.tHead && table.tHead.rows[0].cells[1]),
                data: values,
                backgroundColor: values.map(function (v) { return diverging && v < 0 ? worse : primary; }),
                maxBarThickness: 22
            }],
            legend: false,
            precision: diverging ? 1 : 0
        };
    }

    // Rows become the categories, columns the series (need areas × districts).
    function grouped(table) {
        var head = Array.prototype.slice.call(table.tHead.rows[0].cells);
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var datasets = [];
        head.forEach(function (th, i) {
            if (i === 0 || th.getAttribute("data-chart-skip") === "true") {
                return;
            }
            datasets.push({
                label: text(th),
                data: rows.map(function (row) { return value(row.cells[i]); }),
                backgroundColor: palette[datasets.length % palette.length],
                maxBarThickness: 8
            });
        });
        return {
            labels: rows.map(function (row) { return text(row.cells[0]); }),
            datasets: datasets,
            legend: true,
            precision: 1
        };
    }

    // Long need-area names would squeeze the bars; the table below carries the full name.
    function shorten(value) {
        var label = this.getLabelForValue(value);
        return label.length > 32 ? label.slice(0, 30).trim() + "…" : label;
    }

    document.querySelectorAll("canvas[data-chart-for]").forEach(function (canvas) {
        var table = document.getElementById(canvas.getAttribute("data-chart-for"));
        if (!table) {
            return;
        }
        var data = table.getAttribute("data-chart") === "grouped" ? grouped(table) : single(table);
        canvas.parentElement.style.height = Math.max(120, data.labels.length * (data.legend ? 9 * data.datasets.length + 12 : 30) + 60) + "px";
        new Chart(canvas, {
            type: "bar",
            data: { labels: data.labels, datasets: data.datasets },
            options: {
                indexAxis: "y",
                responsive: true,
                plugins: {
                    legend: { display: data.legend, position: "bottom" },
                    tooltip: { enabled: true }
                },
                scales: {
                    x: {
                        beginAtZero: true,
                        ticks: { precision: data.precision },
                        grid: { color: "#e5e5e5" },
                        title: { display: table.hasAttribute("data-chart-axis"), text: table.getAttribute("data-chart-axis") || "" }
                    },
                    y: { grid: { display: false }, ticks: { autoSkip: false, callback: shorten } }
                }
            }
        });
    });
})();
