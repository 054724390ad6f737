// The student growth charts: the page names its data (data-src) and where each chart goes; this file draws
// them with ECharts, so the page needs no inline script (CSP script-src 'self').
(function () {
  'use strict';

  function trajectory(element, subject) {
    var years = subject.scores.map(function (s) { return String(s.year); });
    var last = years[years.length - 1];
    var bands = subject.shownPercentiles.map(function (p, i) {
      return {
        name: p + 'th percentile',
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [18, 2],
        data: [[last, Math.round(subject.atPriors[i])]]
      };
    });
    echarts.init(element).setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      xAxis: { type: 'category', data: years, name: 'Year' },
      yAxis: { type: 'value', scale: true, name: 'Scale score' },
      series: [{
        name: 'Scale score',
        type: 'line',
        data: subject.scores.map(function (s) { return s.scaleScore; }),
        symbolSize: 8,
        label: { show: true, position: 'left' }
      }].concat(bands)
    });
  }

  function curves(element, subject) {
    var priors = subject.scores[subject.scores.length - 2];
    var current = subject.scores[subject.scores.length - 1];
    var series = subject.shownPercentiles.map(function (p, i) {
      return {
        name: p + 'th percentile',
        type: 'line',
        showSymbol: false,
        smooth: false,
        data: subject.curves.map(function (row) { return [row[0], row[i + 1]]; })
      };
    });
    series.push({
      name: 'This student (SGP ' + subject.sgp + ')',
      type: 'scatter',
      symbolSize: 12,
      data: [[priors.scaleScore, current.scaleScore]]
    });
    echarts.init(element).setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      xAxis: { type: 'value', scale: true, name: 'Prior score (' + priors.year + ')' },
      yAxis: { type: 'value', scale: true, name: 'Score ' + current.year },
      series: series
    });
  }

  function draw() {
    var source = document.getElementById('growth-data');
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    fetch(source.getAttribute('data-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (growth) {
        document.querySelectorAll('[data-growth-chart]').forEach(function (element) {
          var subject = growth.subjects[Number(element.getAttribute('data-subject-index'))];
          if (!subject) {
            return;
          }
          if (element.getAttribute('data-growth-chart') === 'trajectory') {
            trajectory(element, subject);
          } else {
            curves(element, subject);
          }
        });
      });
  }

  document.addEventListener('DOMContentLoaded', draw);
})();
