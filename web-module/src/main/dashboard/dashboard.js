// The managers' dashboard (issue 7): R-M1/R-M4 figures from /api/v1/statistics, the breached and
// at-risk cases, the open R-X2 incidents, and the quarter's R-M2/R-M3 analysis (with its PDF). Every call carries the manager's bearer token; the
// page holds it for the browser tab only (sessionStorage). Data is written with textContent only.
'use strict';

const TOKEN_KEY = 'complaints.dashboard.token';
const BANK_ZONE = 'Asia/Shanghai';
const charts = {};

const $ = (id) => document.getElementById(id);

function currentMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: BANK_ZONE, year: 'numeric', month: '2-digit' })
    .formatToParts(new Date());
  return parts.find((p) => p.type === 'year').value + '-' + parts.find((p) => p.type === 'month').value;
}

async function api(path, accept) {
  const response = await fetch(path, {
    headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN_KEY), Accept: accept || 'application/json' },
  });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch (e) { /* not a problem document */ }
    const error = new Error(detail);
    error.status = response.status;
    throw error;
  }
  return accept && accept !== 'application/json' ? response.blob() : response.json();
}

const percent = (rate) => (rate && rate.rate !== undefined && rate.rate !== null
  ? (Number(rate.rate) * 100).toFixed(1) + ' %' : '—');

function setText(id, text) {
  $(id).textContent = text;
}

function chart(id, type, labels, values, label, options) {
  if (charts[id]) {
    charts[id].destroy();
  }
  charts[id] = new Chart($(id), {
    type,
    data: { labels, datasets: [{ label, data: values, backgroundColor: palette(values.length), borderColor: '#8b0000' }] },
    options: Object.assign({ animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { display: type === 'doughnut' } } }, options || {}),
  });
}

function palette(n) {
  const colours = ['#8b0000', '#d9822b', '#f2c14e', '#4c9f70', '#2a6f97', '#6c4f8c', '#a0a7ad', '#c44536', '#1b998b', '#7d8491', '#e0a458'];
  return Array.from({ length: n }, (_, i) => colours[i % colours.length]);
}

function row(table, cells, className) {
  const tr = document.createElement('tr');
  cells.forEach((value, i) => {
    const td = document.createElement('td');
    td.textContent = value;
    if (i === cells.length - 1 && className) {
      td.className = className;
    }
    tr.appendChild(td);
  });
  $(table).querySelector('tbody').appendChild(tr);
}

function clear(table) {
  $(table).querySelector('tbody').replaceChildren();
}

const shown = (instant) => new Date(instant).toLocaleString('zh-CN', { timeZone: BANK_ZONE, hour12: false });

/** The quarter a month falls in, as the API names it: 2026-12 → 2026-Q4. */
function quarterOf(month) {
  return month.substring(0, 4) + '-Q' + (Math.floor((Number(month.substring(5, 7)) - 1) / 3) + 1);
}

async function load() {
  document.body.dataset.ready = 'false';
  const month = $('month').value || currentMonth();
  const [report, attention, incidents, quarter] = await Promise.all([
    api('/api/v1/statistics?month=' + encodeURIComponent(month)),
    api('/api/v1/statistics/attention?limit=20'),
    api('/api/v1/incidents?status=OPEN'),
    api('/api/v1/statistics/quarterly-analysis?quarter=' + quarterOf(month)),
  ]);
  const all = report.overall;
  setText('kpi-total', String(all.cases));
  const trend = report.trend;
  setText('kpi-trend', '上月 previous ' + trend.previousCases + (trend.changeRate === undefined || trend.changeRate === null
    ? '' : ' (' + (trend.change >= 0 ? '+' : '') + (Number(trend.changeRate) * 100).toFixed(1) + ' %)'));
  setText('kpi-average', all.averageHandlingHours === undefined || all.averageHandlingHours === null ? '—' : all.averageHandlingHours + ' h');
  setText('kpi-p90', all.p90HandlingHours === undefined ? 'p90 —' : 'p90 ' + all.p90HandlingHours + ' h');
  setText('kpi-on-time', percent(all.onTime));
  setText('kpi-first-contact', percent(all.firstContactResolution));
  setText('kpi-satisfaction', percent(all.satisfaction));
  setText('kpi-escalation', percent(all.escalation));
  setText('kpi-repeat', percent(all.repeat));

  chart('chart-daily', 'line', report.daily.map((d) => d.day.substring(5)), report.daily.map((d) => d.cases), '投诉 complaints');
  chart('chart-category', 'doughnut', report.byCategory.map((i) => i.key), report.byCategory.map((i) => i.cases), 'category');
  chart('chart-channel', 'bar', report.byChannel.map((i) => i.key), report.byChannel.map((i) => i.cases), 'channel');
  chart('chart-severity', 'doughnut', report.bySeverity.map((i) => i.key), report.bySeverity.map((i) => i.cases), 'severity');
  const stages = Object.keys(all.onTimeByStage);
  chart('chart-stages', 'bar', stages, stages.map((s) => {
    const r = all.onTimeByStage[s];
    return r.rate === undefined || r.rate === null ? 0 : Number(r.rate) * 100;
  }), '% on time', { scales: { y: { min: 0, max: 100 } } });
  chart('chart-departments', 'bar', report.byDepartment.map((i) => i.label), report.byDepartment.map((i) => i.cases), 'complaints');

  setText('attention-counts', '超时 breached ' + attention.breached + ' · 预警 at risk ' + attention.atRisk);
  clear('attention');
  attention.cases.forEach((c) => row('attention', [c.number, c.severity, c.department || '-', c.stage, shown(c.dueAt), c.state], c.state));
  clear('incidents');
  incidents.forEach((i) => row('incidents', [String(i.id), i.channel, i.category, i.products || '', shown(i.openedAt), String(i.complaints.length)]));

  const volumes = quarter.volumes;
  setText('quarter-name', quarter.quarter);
  setText('quarter-total', String(volumes.complaints));
  setText('quarter-trend', '上季度 previous ' + volumes.previousQuarter);
  setText('quarter-other', volumes.suggestions + ' / ' + volumes.inquiries);
  chart('chart-quarter', 'bar', volumes.byMonth.map((m) => m.key), volumes.byMonth.map((m) => m.complaints), 'complaints');
  chart('chart-causes', 'bar', quarter.topCauseTags.map((c) => c.key), quarter.topCauseTags.map((c) => c.complaints), 'complaints');
  clear('typical');
  quarter.typicalCases.forEach((t) => row('typical', [t.number, t.kind, t.subject, t.comment]));
  clear('actions');
  quarter.improvementActions.forEach((a) => row('actions',
    [String(a.id), a.area, a.action, a.owner, a.dueOn, a.status + (a.overdue ? ' 逾期' : '')], a.overdue ? 'BREACHED' : ''));
  document.body.dataset.ready = 'true';
}

async function exportCsv() {
  const month = $('month').value || currentMonth();
  const blob = await api('/api/v1/statistics/csv?month=' + encodeURIComponent(month), 'text/csv');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'complaint-statistics-' + month + '.csv';
  link.click();
  URL.revokeObjectURL(link.href);
}

async function exportPdf() {
  const quarter = quarterOf($('month').value || currentMonth());
  const blob = await api('/api/v1/statistics/quarterly-analysis/pdf?quarter=' + quarter, 'application/pdf');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'complaint-analysis-' + quarter + '.pdf';
  link.click();
  URL.revokeObjectURL(link.href);
}

async function show() {
  try {
    await load();
    $('sign-in-panel').hidden = true;
    $('dashboard').hidden = false;
    $('session').hidden = false;
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    $('sign-in-panel').hidden = false;
    $('dashboard').hidden = true;
    $('session').hidden = true;
    setText('message', (error.status === 403 ? '需要管理者角色。 ' : error.status === 401 ? '令牌无效。 ' : '')
      + error.message);
    document.body.dataset.ready = 'refused';
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('month').value = currentMonth();
  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    setText('message', '');
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    show();
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    window.location.reload();
  });
  $('month').addEventListener('change', () => show());
  $('export-csv').addEventListener('click', () => exportCsv().catch((e) => setText('message', e.message)));
  $('export-pdf').addEventListener('click', () => exportPdf().catch((e) => setText('message', e.message)));
  if (sessionStorage.getItem(TOKEN_KEY)) {
    show();
  }
});
