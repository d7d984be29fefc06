// minerai dashboard: plain JavaScript, Chart.js served by this server (no CDN).
'use strict';

const state = { token: null, scenarios: [], runs: [], selectedRunId: null, pollTimer: null, charts: {} };
window.minerai = state; // read by the end-to-end test

const $ = (id) => document.getElementById(id);
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const num2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const num1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, sans-serif';

async function api(path, options = {}) {
  const headers = Object.assign({ Authorization: 'Bearer ' + state.token }, options.headers || {});
  const res = await fetch(path, Object.assign({}, options, { headers }));
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { detail: text }; }
  if (!res.ok) {
    const detail = body && (body.errors ? body.errors.map((p) => p.path + ': ' + p.message).join('; ') : body.detail);
    const err = new Error((body && body.title ? body.title + ': ' : '') + (detail || res.status));
    err.status = res.status;
    throw err;
  }
  return body;
}

async function login(token) {
  state.token = token;
  try {
    const me = await api('/api/me');
    sessionStorage.setItem('minerai-token', token);
    $('who').textContent = me.name + ' (' + me.role + ')';
    $('who').hidden = false;
    $('logout').hidden = false;
    $('login').hidden = true;
    $('app').hidden = false;
    $('start-run').disabled = me.role === 'viewer';
    $('save-scenario').disabled = me.role === 'viewer';
    $('upload-dataset').disabled = me.role === 'viewer';
    $('login-error').textContent = '';
    await loadScenarios();
    await loadRuns();
    const done = state.runs.find((r) => r.status === 'succeeded');
    if (done) { await selectRun(done.id); }
  } catch (e) {
    state.token = null;
    sessionStorage.removeItem('minerai-token');
    $('login-error').textContent = e.status === 401 ? 'That token is not valid.' : e.message;
  }
}

function logout() {
  sessionStorage.removeItem('minerai-token');
  location.reload();
}

async function loadScenarios() {
  const page = await api('/api/scenarios?limit=1000');
  state.scenarios = page.items;
  const sel = $('scenario-select');
  sel.innerHTML = '';
  for (const s of page.items) {
    const o = document.createElement('option');
    o.value = s.id;
    o.textContent = s.name + ' (v' + s.latestVersion + ')';
    sel.appendChild(o);
  }
}

async function copyScenario() {
  const id = Number($('scenario-select').value);
  if (!id) { return; }
  const v = await api('/api/scenarios/' + id);
  $('scenario-text').value = JSON.stringify(v.scenario, null, 2);
}

// Stores the editor's text as a new scenario; a refused one lists every problem at its field path.
async function saveScenario() {
  const list = $('scenario-errors');
  list.innerHTML = '';
  $('scenario-saved').textContent = '';
  const res = await fetch('/api/scenarios', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + state.token, 'Content-Type': 'application/yaml' },
    body: $('scenario-text').value,
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const problems = body.errors && body.errors.length ? body.errors
      : [{ path: '', message: body.detail || body.title || String(res.status) }];
    for (const p of problems) {
      const li = document.createElement('li');
      li.dataset.path = p.path;
      li.textContent = (p.path ? p.path + ': ' : '') + p.message;
      list.appendChild(li);
    }
    return;
  }
  await loadScenarios();
  $('scenario-select').value = String(body.id);
  $('scenario-saved').textContent = 'Saved as scenario ' + body.id + ' (' + body.name + ').';
  $('scenario-saved').dataset.scenarioId = String(body.id);
}

// Uploads a CSV as a dataset with its provenance; the server checks it with the kind's reader before storing it.
async function uploadDataset() {
  const list = $('dataset-errors');
  list.innerHTML = '';
  $('dataset-saved').textContent = '';
  const file = $('dataset-file').files[0];
  const show = (problems) => problems.forEach((p) => {
    const li = document.createElement('li');
    li.dataset.path = p.path || '';
    li.textContent = (p.path ? p.path + ': ' : '') + p.message;
    list.appendChild(li);
  });
  if (!file) { show([{ path: '', message: 'choose a CSV file first' }]); return; }
  const kind = $('dataset-kind').value;
  const q = new URLSearchParams({
    kind, name: $('dataset-name').value || file.name, source: $('dataset-source').value, filename: file.name,
  });
  if (kind === 'ercot-spp-csv') { q.set('settlementPoint', $('dataset-point').value); }
  if (kind === 'timeseries-csv') {
    q.set('timeColumn', $('dataset-time').value);
    q.set('valueColumn', $('dataset-value').value);
  }
  const res = await fetch('/api/datasets?' + q.toString(), {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + state.token, 'Content-Type': 'text/csv' },
    body: await file.text(),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    show(body.errors && body.errors.length ? body.errors
      : [{ path: '', message: body.detail || body.title || String(res.status) }]);
    return;
  }
  $('dataset-saved').dataset.datasetId = String(body.id);
  const ref = '"dataset:' + body.id + '"';
  const use = {
    'ercot-spp-csv': 'prices: {source: ercot-spp-csv, path: ' + ref + '}',
    'coinmetrics-csv': 'bitcoin: {source: coinmetrics-csv, path: ' + ref + '}',
    'timeseries-csv': 'prices: {source: csv, path: ' + ref + ', timeColumn: ' + $('dataset-time').value
      + ', valueColumn: ' + $('dataset-value').value + '}, or a generator profile, 4CP load or grid factors file',
  }[kind];
  $('dataset-saved').textContent = 'Stored as dataset:' + body.id + ' (' + body.rowCount + ' rows, '
    + body.firstTimeUtc + ' to ' + body.lastTimeUtc + '). Use it in a scenario as ' + use + '.';
}

async function loadRuns() {
  const page = await api('/api/runs?limit=20');
  state.runs = page.items;
  const tbody = document.querySelector('#runs-table tbody');
  tbody.innerHTML = '';
  for (const r of page.items) {
    const tr = document.createElement('tr');
    tr.dataset.runId = r.id;
    if (r.id === state.selectedRunId) { tr.classList.add('selected'); }
    const cells = ['#' + r.id, r.kind, r.scenarioId == null ? '-' : r.scenarioId + ' v' + r.scenarioVersion, r.status,
      pct.format(r.progressFraction), r.elapsedSeconds != null ? num2.format(r.elapsedSeconds) + ' s' : ''];
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (i === 3) { td.className = 'status-' + r.status; }
      tr.appendChild(td);
    });
    tr.addEventListener('click', () => selectRun(r.id));
    tbody.appendChild(tr);
  }
}

function showStatus(run) {
  const box = $('run-status');
  box.dataset.status = run.status;
  box.dataset.runId = run.id;
  $('progress-bar').style.width = Math.round(run.progressFraction * 100) + '%';
  let text = 'Run #' + run.id + ' ' + run.kind + ': ' + run.status;
  if (run.status === 'queued' && run.queuePosition) { text += ' (position ' + run.queuePosition + ' in the queue)'; }
  if (run.status === 'running') { text += ' - ' + run.phase + ' (' + pct.format(run.progressFraction) + ')'; }
  if (run.message) { text += ' - ' + run.message; }
  $('run-status-text').textContent = text;
  $('cancel-run').hidden = !(run.status === 'queued' || run.status === 'running');
}

// kind-select values: "backtest" or "optimize:<forecast>"
async function startRun() {
  $('run-error').textContent = '';
  const scenarioId = Number($('scenario-select').value);
  const [kind, forecast] = $('kind-select').value.split(':');
  if (!scenarioId && kind !== 'plan' && kind !== 'portfolio') {
    $('run-error').textContent = 'Store a scenario first (POST /api/scenarios).';
    return;
  }
  // a plan run takes no scenario: the bundled plan document, 2,000 paths
  // a portfolio run takes no scenario either: the bundled example company
  const body = kind === 'plan'
    ? { kind, parameters: { paths: 2000 } }
    : kind === 'portfolio'
      ? { kind, parameters: { paths: 300 } }
      : { kind, scenarioId, parameters: forecast ? { forecast } : {} };
  try {
    const run = await api('/api/runs', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    state.selectedRunId = run.id;
    showStatus(run);
    await loadRuns();
    follow(run.id);
  } catch (e) {
    $('run-error').textContent = e.message;
  }
}

function follow(runId) {
  clearTimeout(state.pollTimer);
  const tick = async () => {
    try {
      const run = await api('/api/runs/' + runId);
      if (state.selectedRunId === runId) { showStatus(run); }
      if (run.status === 'queued' || run.status === 'running') {
        state.pollTimer = setTimeout(tick, 400);
        return;
      }
      await loadRuns();
      if (run.status === 'succeeded' && state.selectedRunId === runId) { await render(run); }
    } catch (e) {
      $('run-error').textContent = e.message;
    }
  };
  tick();
}

async function cancelRun() {
  const id = state.selectedRunId;
  if (!id) { return; }
  try {
    showStatus(await api('/api/runs/' + id + '/cancel', { method: 'POST' }));
    await loadRuns();
  } catch (e) {
    $('run-error').textContent = e.message;
  }
}

async function selectRun(id) {
  state.selectedRunId = id;
  document.querySelectorAll('#runs-table tbody tr').forEach((tr) => {
    tr.classList.toggle('selected', Number(tr.dataset.runId) === id);
  });
  const run = await api('/api/runs/' + id);
  showStatus(run);
  if (run.status === 'succeeded') {
    await render(run);
  } else if (run.status === 'queued' || run.status === 'running') {
    follow(id);
  }
}

function setKpi(id, value, text) {
  const el = $(id);
  el.dataset.value = String(value);
  el.textContent = text;
}

function label(t) { return t.slice(0, 16).replace('T', ' '); }

// view: true or 'plan' = the plan view, 'portfolio' = the portfolio view, false = the dispatch views
function showView(view) {
  const v = view === true ? 'plan' : (view || 'dispatch');
  document.querySelectorAll('.dispatch-view').forEach((e) => { e.hidden = v !== 'dispatch'; });
  document.querySelectorAll('.plan-view').forEach((e) => { e.hidden = v !== 'plan'; });
  document.querySelectorAll('.portfolio-view').forEach((e) => { e.hidden = v !== 'portfolio'; });
}

// P10..P90 of each strategy's NPV as a floating bar, with its mean and P50 ($ million)
function renderPlanNpv(p) {
  const m = (v) => (v == null ? null : v / 1e6);
  chart('chart-plan-npv', {
    type: 'bar',
    data: {
      labels: p.strategies.map((s) => s.strategy),
      datasets: [
        { type: 'bar', label: 'P10 to P90', data: p.strategies.map((s) => [m(s.p10NpvUsd), m(s.p90NpvUsd)]),
          backgroundColor: p.strategies.map((s) => (s.strategy === p.bestStrategy ? '#f7931a' : '#9fb3c8')), order: 2 },
        { type: 'line', label: 'mean', data: p.strategies.map((s) => m(s.meanNpvUsd)), showLine: false,
          pointStyle: 'rectRot', pointRadius: 7, borderColor: '#1f2933', backgroundColor: '#1f2933', order: 0 },
        { type: 'line', label: 'P50', data: p.strategies.map((s) => m(s.p50NpvUsd)), showLine: false,
          pointStyle: 'line', pointRadius: 14, borderWidth: 3, borderColor: '#c62828', order: 1 },
      ],
    },
    options: { scales: { y: { title: { display: true, text: 'NPV to equity, $ million' } } } },
  });
}

// How the chosen strategy splits the site's MW each year: mining, AI hall (facility MW) and idle, stacked
function renderPlanAllocation(p, name) {
  const s = p.strategies.find((x) => x.strategy === name) || p.strategies[0];
  const year0 = Number(String(p.startMonth).slice(0, 4));
  const a = s.allocationByYear;
  $('plan-allocation-title').textContent = s.strategy + (s.strategy === p.bestStrategy ? ' (best)' : '')
    + '; click a strategy in the table to show another';
  $('plan-allocation-title').dataset.strategy = s.strategy;
  chart('chart-plan-allocation', {
    type: 'bar',
    data: {
      labels: a.map((y) => String(year0 + Math.floor(y.month / 12))),
      datasets: [
        { label: 'Mining (MW)', data: a.map((y) => y.miningMw), backgroundColor: '#f7931a', stack: 'site' },
        { label: 'AI hall, facility (MW)', data: a.map((y) => y.hallMw), backgroundColor: '#3a6fd8', stack: 'site' },
        { label: 'Idle (MW)', data: a.map((y) => y.idleMw), backgroundColor: '#c5ccd3', stack: 'site' },
        { type: 'line', label: 'GPU cloud IT (MW)', data: a.map((y) => y.gpuItMw), borderColor: '#6a1b9a', stack: 'gpu' },
        { type: 'line', label: 'Leased IT (MW)', data: a.map((y) => y.leasedItMw), borderColor: '#2e7d32', stack: 'lease' },
      ],
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'MW' } } } },
  });
}

// The chosen strategy's minimum DSCR in each plan year: P10..P90 over the Monte Carlo paths, their median, the
// deterministic case and the covenant's minimum
function renderPlanDscr(p, name) {
  const s = p.strategies.find((x) => x.strategy === name) || p.strategies[0];
  const year0 = Number(String(p.startMonth).slice(0, 4));
  const bands = s.minDscrByYear || [];
  const det = s.deterministicMinDscrByYear || [];
  const years = Math.max(bands.length, det.length);
  const labels = [];
  for (let y = 0; y < years; y++) { labels.push(String(year0 + y)); }
  $('plan-dscr-title').textContent = s.strategy + (bands.length === 0 ? ': no debt service' : '; covenant minimum '
    + num2.format(p.minDscr) + ', ' + p.dscrDefinition + ' ' + p.dscrWindowMonths + '-month window');
  $('plan-dscr-title').dataset.strategy = s.strategy;
  chart('chart-plan-dscr', {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { type: 'bar', label: 'P10 to P90 of paths', data: bands.map((b) => (b.p10 == null ? null : [b.p10, b.p90])),
          backgroundColor: '#9fb3c8', order: 3 },
        { type: 'line', label: 'P50', data: bands.map((b) => b.p50), showLine: false, pointStyle: 'line',
          pointRadius: 12, borderWidth: 3, borderColor: '#c62828', order: 1 },
        { type: 'line', label: 'deterministic', data: det, borderColor: '#1f2933', backgroundColor: '#1f2933',
          order: 0 },
        { type: 'line', label: 'covenant minimum', data: labels.map(() => p.minDscr), borderColor: '#f7931a',
          borderDash: [6, 4], pointRadius: 0, order: 2 },
      ],
    },
    options: { scales: { y: { beginAtZero: false, title: { display: true, text: 'DSCR' } } } },
  });
}

// Every contract of every strategy, with what it is worth against renting the same GPUs on the spot market
function renderPlanContracts(p) {
  const tbody = document.querySelector('#plan-contracts-table tbody');
  tbody.innerHTML = '';
  let rows = 0;
  const money = (v) => (v == null ? '-' : usd.format(v));
  const share = (v) => (v == null ? '-' : pct.format(v));
  for (const s of p.strategies) {
    for (const c of (s.contracts || [])) {
      const v = s.contractValueVsSpot || {};
      const tr = document.createElement('tr');
      tr.dataset.strategy = s.strategy;
      tr.dataset.contract = c.name;
      [s.strategy, c.name, c.customer, num2.format(c.gpus), c.termMonths + ' months', num2.format(c.priceUsdPerGpuHour),
        money(c.totalValueUsd), money(c.prepaymentUsd), money(c.contractBackedDebtUsd),
        share(c.deterministicEquipmentIrrPerYear), money(v.meanNpvDifferenceUsd), share(v.probabilityPositive),
        money(s.meanContractRevenueUsd), money(s.meanSpotGpuRevenueUsd)].forEach((x, i) => {
        const td = document.createElement('td');
        td.textContent = x;
        if (i >= 3) { td.className = 'num'; }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
      rows++;
    }
  }
  $('plan-contracts-card').hidden = rows === 0;
}

// Each strategy's GPU fleets (generation, count, cost, go-live, cooling) and what it delivers by plan year: GPU-hours
// and exaFLOP-hours (Monte Carlo means) beside BTC mined (deterministic deck)
function renderPlanCompute(p) {
  const fleets = [];
  for (const s of p.strategies) {
    for (const f of (s.gpuFleets || [])) {
      fleets.push([s.strategy, f.gpuCloud, f.generation || '-', num2.format(f.gpus), f.goLive, usd.format(f.usdPerGpu),
        usd.format(f.capexUsd), f.facilityKwPerGpu.toFixed(3), f.spotPriceAtGoLiveUsdPerGpuHour.toFixed(2),
        f.cooling, f.coolingConversionCapexUsd > 0 ? usd.format(f.coolingConversionCapexUsd) : '-']);
    }
  }
  fillRows('#plan-fleets-table', fleets, [0, 1, 2, 4, 9]);
  const years = [];
  for (const s of p.strategies) {
    for (const c of (s.computeByYear || [])) {
      if (!years.includes(c.year)) { years.push(c.year); }
    }
  }
  years.sort((a, b) => a - b);
  const head = document.querySelector('#plan-compute-table thead');
  head.innerHTML = '';
  const htr = document.createElement('tr');
  ['Strategy', 'Delivered'].concat(years.map((y) => 'Plan year ' + (y + 1))).forEach((h, i) => {
    const th = document.createElement('th');
    th.textContent = h;
    if (i >= 2) { th.className = 'num'; }
    htr.appendChild(th);
  });
  head.appendChild(htr);
  const rows = [];
  const line = (s, what, pick) => {
    const byYear = new Map((s.computeByYear || []).map((c) => [c.year, c]));
    rows.push([s.strategy, what].concat(years.map((y) => (byYear.has(y) ? pick(byYear.get(y)) : '-'))));
  };
  for (const s of p.strategies) {
    if ((s.gpuFleets || []).length > 0) {
      line(s, 'GPU-hours (million)', (c) => (c.gpuHoursDelivered / 1e6).toFixed(1));
      line(s, 'exaFLOP-hours (' + (s.computePrecision || 'bf16-dense') + ')',
        (c) => num2.format(Math.round(c.computeDeliveredExaflopHours)));
    }
    line(s, 'BTC mined', (c) => num2.format(Math.round(c.deterministicBtcMined)));
  }
  fillRows('#plan-compute-table', rows, [0, 1]);
  $('plan-compute-card').hidden = years.length === 0;
}

async function renderPlan(run) {
  const result = await api('/api/runs/' + run.id + '/summary');
  const p = result.summary;
  state.summary = p;
  state.renderedRunId = run.id;
  showView(true);
  $('plan-title').textContent = p.plan + ': ' + p.site + ', ' + num2.format(p.gridMw) + ' MW, ' + p.horizonMonths
    + ' months from ' + p.startMonth + '; ' + p.paths + ' paths, seed ' + p.seed + ', run #' + run.id;
  $('plan-notes').textContent = 'NPV of cash flows to equity at ' + pct.format(p.discountRatePerYear)
    + '/yr; IRR and payback of the cash flows incremental to the baseline "' + p.baselineStrategy + '". Best by '
    + p.riskMeasure + (p.maxBreachProbability < 1 ? ' with P(breach) <= ' + pct.format(p.maxBreachProbability) : '')
    + ': ' + p.bestStrategy + (p.bestStrategyWarning ? ' (flag: ' + p.bestStrategyWarning + ')' : '')
    + '. P(covenant breach): ! = over the breach limit, * = in most paths. BTC paths: ' + p.btcHistory
    + '. Power: ' + p.power + '.';
  const tbody = document.querySelector('#plan-table tbody');
  tbody.innerHTML = '';
  const money = (v) => (v == null ? '-' : usd.format(v));
  const share = (v) => (v == null ? '-' : pct.format(v));
  for (const s of p.strategies) {
    const base = s.strategy === p.baselineStrategy;
    const tr = document.createElement('tr');
    tr.dataset.strategy = s.strategy;
    tr.addEventListener('click', () => { renderPlanAllocation(p, s.strategy); renderPlanDscr(p, s.strategy); });
    if (s.strategy === p.bestStrategy) { tr.classList.add('selected'); }
    [s.strategy, money(s.deterministicNpvUsd), money(s.meanNpvUsd), money(s.p10NpvUsd), money(s.p50NpvUsd),
      money(s.p90NpvUsd), money(s.cvarNpvUsd), share(s.probabilityNpvNegative),
      base ? '(base)' : share(s.probabilityBeatsBaseline), base ? '(base)' : share(s.medianIrrPerYear),
      base ? '(base)' : (s.medianPaybackMonth == null ? 'never' : 'month ' + Math.round(s.medianPaybackMonth)),
      share(s.covenantBreachProbability)
        + (s.withinBreachLimit === false ? ' !' : (s.breachesInMostPaths ? ' *' : ''))].forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (i >= 1) { td.className = 'num'; }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  }
  renderPlanNpv(p);
  renderPlanAllocation(p, p.bestStrategy);
  renderPlanDscr(p, p.bestStrategy);
  renderPlanContracts(p);
  renderPlanCompute(p);
  document.body.dataset.renderedRun = String(run.id);
}

// textColumns: the indexes of text cells (left-aligned); every other cell is a number (right-aligned)
function fillRows(selector, rows, textColumns = [0]) {
  const tbody = document.querySelector(selector + ' tbody');
  tbody.innerHTML = '';
  for (const cells of rows) {
    const tr = document.createElement('tr');
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (!textColumns.includes(i)) { td.className = 'num'; }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  }
}

async function renderPortfolio(run) {
  const result = await api('/api/runs/' + run.id + '/summary');
  const p = result.summary;
  state.summary = p;
  state.renderedRunId = run.id;
  showView('portfolio');
  const money = (v) => (v == null ? '-' : usd.format(v));
  $('portfolio-title').textContent = p.portfolio + ': ' + p.sites.length + ' sites, ' + p.horizonMonths
    + ' months from ' + p.start + '; ' + p.paths + ' paths, seed ' + p.seed + ' (common random numbers), run #' + run.id;
  $('portfolio-notes').textContent = 'Portfolio NPV of the company\'s cash flows to equity. Chosen by ' + p.riskMeasure
    + (p.maxBreachProbability < 1 ? ' with P(breach) <= ' + pct.format(p.maxBreachProbability) : '')
    + '. ' + p.siteTasks + ' site tasks. BTC paths: ' + p.btcHistory + '.';
  fillRows('#portfolio-mixes', p.mixes.map((m) => [m.mix === 'chosen' ? 'chosen' : 'every site keeps its current strategy',
    money(m.expectedNpvUsd), money(m.p10NpvUsd), money(m.p50NpvUsd), money(m.p90NpvUsd), money(m.cvarNpvUsd),
    pct.format(m.breachProbability), pct.format(m.meanDilution)]));
  fillRows('#portfolio-sites', p.sites.map((s) => [s.site, s.currentStrategy, s.recommended, s.startMonth || '-',
    money(s.currentExpectedNpvUsd), money(s.recommendedExpectedNpvUsd),
    s.power.source, num2.format(s.power.meanAllInUsdPerMwh)]), [0, 1, 2, 3, 6]);
  const moves = p.fleetMoves || [];
  $('portfolio-moves').textContent = moves.length === 0
    ? 'Fleet moves: none pays for the chosen mix.'
    : 'Fleet moves: ' + moves.map((v) => num2.format(v.machineMw) + ' MW of machines from ' + v.from + ' to ' + v.to
      + ' (month ' + v.leaveMonth + ' -> ' + v.arriveMonth + ', adds ' + money(v.expectedNpvGainUsd) + ')').join('; ') + '.';
  fillRows('#portfolio-acquisitions', p.acquisitions.map((a) => [a.name, a.closingDate, money(a.askingPriceUsd),
    money(a.valueWithoutSynergiesUsd), money(a.valueWithSynergiesUsd),
    (a.accretiveAtAsk ? 'accretive' : 'dilutive') + ' (' + a.riskMeasure + ' value per share)', money(a.maxPriceUsd)]),
  [0, 1, 5]);
  const m = (v) => v / 1e6;
  chart('chart-portfolio-sites', {
    type: 'bar',
    data: {
      labels: p.sites.map((s) => s.site),
      datasets: [
        { label: 'current strategy ($ million)', data: p.sites.map((s) => m(s.currentExpectedNpvUsd)), backgroundColor: '#9fb3c8' },
        { label: 'recommended ($ million)', data: p.sites.map((s) => m(s.recommendedExpectedNpvUsd)), backgroundColor: '#f7931a' },
      ],
    },
    options: { scales: { y: { title: { display: true, text: 'E[NPV], $ million' } } } },
  });
  const a = p.acquisitions[0];
  if (a) {
    $('portfolio-acq-title').textContent = a.name + ': asking ' + money(a.askingPriceUsd) + ', most to pay '
      + money(a.maxPriceUsd);
    chart('chart-portfolio-acquisition', {
      type: 'line',
      data: {
        labels: a.valuePerShareByPrice.map((x) => num2.format(x.priceUsd / 1e6)),
        datasets: [
          { label: 'with the deal ($/share)', data: a.valuePerShareByPrice.map((x) => x.valuePerShareAfterUsd), borderColor: '#c62828' },
          { label: 'without the deal ($/share)', data: a.valuePerShareByPrice.map((x) => x.valuePerShareBeforeUsd), borderColor: '#1f77b4' },
        ],
      },
      options: {
        scales: {
          x: { title: { display: true, text: 'price paid, $ million' } },
          y: { title: { display: true, text: 'value per share, $' } },
        },
      },
    });
  }
  document.body.dataset.renderedRun = String(run.id);
}

function renderComparison(s) {
  const card = $('compare-card');
  card.hidden = !s.comparison;
  if (!s.comparison) { return; }
  const tbody = document.querySelector('#compare-table tbody');
  tbody.innerHTML = '';
  for (const r of s.comparison) {
    const tr = document.createElement('tr');
    tr.dataset.policy = r.policy;
    [r.policy, usd.format(r.netUsd), usd.format(r.gainOverMeritOrderUsd), usd.format(r.valueOfForesightUsd),
      usd.format(r.transmissionChargeUsd), usd.format(r.revenueAncillaryUsd), num2.format(r.btcMined) + ' BTC',
      pct.format(r.minerUptimeFraction)].forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (i >= 1) { td.className = 'num'; }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  }
}

async function render(run) {
  if (run.kind === 'plan') { $('compare-card').hidden = true; await renderPlan(run); return; }
  if (run.kind === 'portfolio') { $('compare-card').hidden = true; await renderPortfolio(run); return; }
  showView(false);
  const [result, scenario] = await Promise.all([
    api('/api/runs/' + run.id + '/summary'),
    api('/api/scenarios/' + run.scenarioId + '/versions/' + run.scenarioVersion),
  ]);
  const s = result.summary;
  state.summary = s;
  state.renderedRunId = run.id;
  renderComparison(s);
  const revenue = s.streams
    ? s.streams.filter((st) => st.direction === 'revenue').reduce((a, st) => a + st.totalUsd, 0)
    : s.revenueMiningUsd + s.revenueAiCloudUsd + s.revenueColocationUsd + s.revenueExportUsd
      + (s.revenuePpaSellbackUsd || 0) + (s.revenueAncillaryUsd || 0);
  $('overview-title').textContent = scenario.name + ' v' + scenario.version + ', ' + s.startUtc.slice(0, 10) + ' to '
    + s.endUtc.slice(0, 10) + ', run #' + run.id + (s.missingIntervals > 0
      ? ' (' + s.missingIntervals + ' of ' + s.intervals + ' intervals skipped for missing data: gaps in the charts)' : '');
  setKpi('kpi-net', s.netUsd, usd.format(s.netUsd));
  setKpi('kpi-btc', s.btcMined, num2.format(s.btcMined) + ' BTC');
  setKpi('kpi-revenue', revenue, usd.format(revenue));
  setKpi('kpi-power-cost', s.powerCostUsd, usd.format(s.powerCostUsd));
  const transmission = s.transmissionChargeUsd || 0;
  setKpi('kpi-transmission', transmission, usd.format(transmission));
  $('kpi-transmission-label').textContent = transmission > 0
    ? '4CP transmission, tag ' + num1.format(s.coincidentPeakTagMw) + ' MW' : '4CP transmission';
  setKpi('kpi-price', s.averagePriceUsdPerMwh, num2.format(s.averagePriceUsdPerMwh) + ' $/MWh');
  setKpi('kpi-uptime', s.minerUptimeFraction, pct.format(s.minerUptimeFraction));
  const tbody = document.querySelector('#assets-table tbody');
  tbody.innerHTML = '';
  for (const l of s.loads || []) {
    const tr = document.createElement('tr');
    [l.name, l.loadClass.toLowerCase().replace('_', ' '), num2.format(l.maxPowerMw) + ' MW',
      num2.format(l.energyMwh) + ' MWh', pct.format(l.uptimeFraction), usd.format(l.revenueUsd)].forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (i >= 2) { td.className = 'num'; }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  }
  renderStreams(s);
  await Promise.all([renderDispatch(run.id), renderRevenue(run.id, s), Promise.resolve(renderCost(s))]);
  document.body.dataset.renderedRun = String(run.id);
}

function chart(id, config) {
  if (state.charts[id]) { state.charts[id].destroy(); }
  config.options = Object.assign({ responsive: true, maintainAspectRatio: false }, config.options || {});
  state.charts[id] = new Chart($(id), config);
  return state.charts[id];
}

async function renderDispatch(runId) {
  const cols = 'priceUsdPerMwh,miningMw,aiCloudMw,colocationMw';
  const series = await api('/api/runs/' + runId + '/series?columns=' + cols + '&maxPoints=400');
  state.dispatchSeries = series;
  const c = series.columns;
  const area = (labelText, data, color) => ({
    label: labelText, data, yAxisID: 'mw', stack: 'load', fill: true, pointRadius: 0, borderWidth: 1,
    borderColor: color, backgroundColor: color + '99',
  });
  chart('chart-dispatch', {
    type: 'line',
    data: {
      labels: series.timesUtc.map(label),
      datasets: [
        { label: 'Price ($/MWh)', data: c.priceUsdPerMwh, yAxisID: 'price', borderColor: '#1d2330', borderWidth: 1.2,
          pointRadius: 0, fill: false, stack: 'price' },
        area('Mining (MW)', c.miningMw, '#f7931a'),
        area('AI cloud (MW)', c.aiCloudMw, '#3f6fd8'),
        area('Colocation (MW)', c.colocationMw, '#2e9d6a'),
      ],
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        mw: { type: 'linear', position: 'left', stacked: true, beginAtZero: true, title: { display: true, text: 'load, MW' } },
        price: { type: 'linear', position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'price, $/MWh' } },
        x: { ticks: { maxTicksLimit: 12 } },
      },
    },
  });
}

function bucketText(bucketIntervals) {
  const minutes = bucketIntervals * ((state.summary && state.summary.stepMinutes) || 60);
  return minutes >= 1440 ? num2.format(minutes / 1440) + '-day' : num2.format(minutes / 60) + '-hour';
}

/** The streams of a run's ledger (signed USD: revenues +, costs -); runs stored before the ledger use the flat names. */
function streamsOf(s) {
  if (s.streams) {
    return s.streams.map((st) => ({ id: st.id, label: st.label, program: st.program, totalUsd: st.totalUsd,
      column: 'stream' + st.id.replace(/_(.)/g, (m, ch) => ch.toUpperCase()).replace(/^./, (ch) => ch.toUpperCase())
        + 'Usd', sign: 1, market: st }));
  }
  return [['mining', 'Mining', 'revenueMiningUsd', 1], ['ai_cloud', 'AI cloud', 'revenueAiCloudUsd', 1],
    ['colocation', 'Colocation', 'revenueColocationUsd', 1], ['export', 'Export', 'revenueExportUsd', 1],
    ['ppa_sellback', 'PPA sell-back', 'revenuePpaSellbackUsd', 1], ['ancillary', 'Ancillary', 'revenueAncillaryUsd', 1],
    ['power_cost', 'Power cost', 'powerCostUsd', -1]]
    .map(([id, lbl, column, sign]) => ({ id, label: lbl, program: 'site', totalUsd: sign * (s[column] || 0), column, sign,
      market: null }));
}

const STREAM_COLORS = { mining: '#f7931a', ai_cloud: '#3f6fd8', colocation: '#2e9d6a', export: '#8e6bd8',
  ppa_sellback: '#d8b43f', ancillary: '#5bbcd6', power_cost: '#c62828', transmission_4cp: '#7b1f1f' };
const EXTRA_COLORS = ['#00897b', '#6d4c41', '#ad1457', '#546e7a', '#9e9d24', '#5e35b1', '#ef6c00', '#283593'];

function streamColor(id, i) {
  return STREAM_COLORS[id] || EXTRA_COLORS[i % EXTRA_COLORS.length];
}

function renderStreams(s) {
  const currency = (s.run && s.run.marketCurrency) || 'USD';
  const key = 'total' + currency.charAt(0) + currency.slice(1).toLowerCase();
  $('streams-market-head').textContent = 'Total (' + currency + ')';
  $('streams-market-head').hidden = currency === 'USD';
  $('streams-title').textContent = currency === 'USD' ? 'signed: revenues +, costs -'
    : 'signed: revenues +, costs -; ' + currency + ' at ' + ((s.run && s.run.fxSource) || 'the stated rate');
  const tbody = document.querySelector('#streams-table tbody');
  tbody.innerHTML = '';
  for (const st of streamsOf(s)) {
    const tr = document.createElement('tr');
    tr.dataset.stream = st.id;
    const cells = [st.label, st.program, usd.format(st.totalUsd)];
    if (currency !== 'USD') {
      cells.push(st.market && typeof st.market[key] === 'number' ? num2.format(st.market[key]) + ' ' + currency : '');
    }
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = c;
      if (i >= 2) { td.className = 'num'; }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  }
}

async function renderRevenue(runId, s) {
  const streams = streamsOf(s);
  const cols = streams.map((st) => st.column).join(',');
  const series = await api('/api/runs/' + runId + '/series?columns=' + cols + '&maxPoints=24');
  state.revenueSeries = series;
  const c = series.columns;
  chart('chart-revenue', {
    type: 'bar',
    data: {
      labels: series.timesUtc.map((t) => t.slice(0, 10)),
      datasets: streams.map((st, i) => ({ label: st.label, data: (c[st.column] || []).map((v) => st.sign * v),
        backgroundColor: streamColor(st.id, i), stack: 'usd' })),
    },
    options: {
      scales: { x: { stacked: true }, y: { stacked: true, title: { display: true,
        text: 'USD per ' + bucketText(series.bucketIntervals) + ' bucket' } } },
    },
  });
}

function renderCost(s) {
  const revenuePerBtc = s.btcMined > 0 ? s.revenueMiningUsd / s.btcMined : 0;
  chart('chart-cost', {
    type: 'bar',
    data: {
      labels: ['Energy cost', 'Cash cost', 'All-in cost', 'Mining revenue'],
      datasets: [{
        label: 'USD per BTC',
        data: [s.energyCostPerBtcUsd, s.cashCostPerBtcUsd, s.allInCostPerBtcUsd, revenuePerBtc],
        backgroundColor: ['#f7931a', '#e0791a', '#b3561a', '#2e7d32'],
      }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { title: { display: true, text: 'USD per BTC' } } } },
  });
}

document.addEventListener('DOMContentLoaded', () => {
  $('login-form').addEventListener('submit', (e) => { e.preventDefault(); login($('token').value.trim()); });
  $('logout').addEventListener('click', logout);
  $('start-run').addEventListener('click', startRun);
  $('copy-scenario').addEventListener('click', () => copyScenario().catch((e) => { $('run-error').textContent = e.message; }));
  $('save-scenario').addEventListener('click', () => saveScenario().catch((e) => { $('run-error').textContent = e.message; }));
  $('upload-dataset').addEventListener('click', () => uploadDataset().catch((e) => { $('run-error').textContent = e.message; }));
  $('cancel-run').addEventListener('click', cancelRun);
  const saved = sessionStorage.getItem('minerai-token');
  if (saved) { login(saved); }
});
