// Draws the dashboard's charts from the JSON block the page renders (#dashboard-data); Chart.js is served locally.
(function () {
  "use strict";
  var block = document.getElementById("dashboard-data");
  if (!block || typeof Chart === "undefined") return;
  var charts = JSON.parse(block.textContent || "[]");
  var phone = window.matchMedia("(max-width: 640px)").matches;
  Chart.defaults.font.size = phone ? 11 : 12;
  Chart.defaults.maintainAspectRatio = false;

  charts.forEach(function (c) {
    var canvas = document.getElementById(c.id);
    if (!canvas) return;
    var valueAxis = c.horizontal ? "x" : "y";
    var labelAxis = c.horizontal ? "y" : "x";
    var scales = {};
    scales[valueAxis] = {
      beginAtZero: true,
      stacked: c.stacked,
      title: { display: true, text: c.horizontal ? c.xTitle : c.yTitle },
      ticks: c.percent ? { callback: function (v) { return v + "%"; } } : { precision: 0 }
    };
    if (c.percent) scales[valueAxis].max = 100;
    scales[labelAxis] = {
      stacked: c.stacked,
      title: { display: true, text: c.horizontal ? c.yTitle : c.xTitle },
      ticks: { autoSkip: !c.horizontal, maxRotation: phone ? 60 : 45 }
    };
    new Chart(canvas, {
      type: c.type,
      data: {
        labels: c.labels,
        datasets: c.datasets.map(function (d) {
          var line = d.type === "line" || c.type === "line";
          return {
            type: d.type || undefined,
            label: d.label,
            data: d.data,
            stack: d.stack || undefined,
            maxBarThickness: 32,
            backgroundColor: line ? d.color : d.color + "cc",
            borderColor: d.color,
            borderWidth: d.type === "line" ? 3 : line ? 2 : 0,
            // A team average is a marker per rep (a short bar across the rep's row), not a line from rep to rep.
            pointRadius: d.type === "line" ? 9 : line ? 3 : undefined,
            pointHoverRadius: d.type === "line" ? 11 : undefined,
            pointStyle: d.type === "line" ? "line" : undefined,
            rotation: d.type === "line" && c.horizontal ? 90 : undefined,
            showLine: d.type === "line" && c.type !== "line" ? false : undefined,
            spanGaps: c.type === "line",
            tension: 0.2
          };
        })
      },
      options: {
        indexAxis: c.horizontal ? "y" : "x",
        responsive: true,
        animation: false,
        scales: scales,
        plugins: {
          legend: { display: c.datasets.length > 1, position: "bottom", labels: { boxWidth: 12 } },
          tooltip: { callbacks: c.percent ? { label: function (ctx) { return ctx.dataset.label + ": " + (ctx.raw == null ? "—" : ctx.raw + "%"); } } : {} }
        }
      }
    });
  });
})();
