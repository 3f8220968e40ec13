// The dashboard: reads the query API with the read key, follows the chosen segment's live stream, and redraws.
// Every text from the API is put in the page as text (never as markup): customers write what they like.
'use strict';

const KEY_STORE = 'voc.readKey';
const COLORS = {negative: '#b3261e', neutral: '#8a8a8a', positive: '#1b6e20', mean: '#0b57d0'};
const state = {segment: null, compare: '', bucket: 'minute', theme: null, live: null, charts: {}};

// A key in the address (#key=...) is taken once and dropped from it: the fragment never reaches a server or its logs.
function takeKeyFromAddress() {
  const match = location.hash.match(/key=([^&]+)/);
  if (match) {
    sessionStorage.setItem(KEY_STORE, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

function authHeaders() {
  const key = sessionStorage.getItem(KEY_STORE);
  return key ? {Authorization: 'Bearer ' + key} : {};
}

class Unauthorized extends Error {}

async function api(path) {
  const response = await fetch(path, {headers: authHeaders()});
  if (response.status === 401) {
    askForKey();
    throw new Unauthorized(path);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || response.status + ' ' + path);
  }
  return response.json();
}

function askForKey() {
  const form = document.getElementById('key-form');
  if (form.hidden) {
    form.hidden = false;
    setStatus('A read key is needed.');
    document.getElementById('key').focus();
  }
}

function setStatus(text) {
  document.getElementById('status').textContent = text;
}

const enc = encodeURIComponent;
const percent = (part, whole) => whole ? (100 * part / whole).toFixed(1) + ' %' : '–';
const score = value => (value >= 0 ? '+' : '') + value.toFixed(2);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  children.forEach(child => node.append(child));
  return node;
}

// --- segments -------------------------------------------------------------------------------------------------

async function loadSegments() {
  const list = await api('/v1/segments');
  const byDimension = new Map();
  list.segments.forEach(segment => {
    const dimension = segment.segment === 'all' ? 'all' : segment.segment.split(':')[0];
    if (!byDimension.has(dimension)) {
      byDimension.set(dimension, []);
    }
    byDimension.get(dimension).push(segment);
  });
  for (const id of ['segment', 'compare']) {
    const select = document.getElementById(id);
    const chosen = select.value;
    [...select.querySelectorAll('optgroup')].forEach(group => group.remove());
    [...byDimension.keys()].sort((a, b) => a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)).forEach(dimension => {
      const group = element('optgroup', {label: dimension});
      byDimension.get(dimension).forEach(segment => group.append(element('option',
          {value: segment.segment, text: segment.segment + ' (' + segment.count + ')'})));
      select.append(group);
    });
    if (chosen) {
      select.value = chosen;
    }
  }
}

// --- the segment's summary, pushed live ------------------------------------------------------------------------

function showSummary(summary) {
  const s = summary.sentiment;
  document.getElementById('count').textContent = s.count;
  // Shares are of the items with a verdict; the rest were in a language the model does not read.
  document.getElementById('unscored').textContent = s.unscored.count === 0 ? ''
      : s.unscored.count + ' not scored (' + Object.entries(s.unscored.byLanguage)
          .map(([language, count]) => language + ' ' + count).join(', ') + ')';
  document.getElementById('negative').textContent = percent(s.negative, s.scored);
  document.getElementById('neutral').textContent = percent(s.neutral, s.scored);
  document.getElementById('positive').textContent = percent(s.positive, s.scored);
  document.getElementById('mean').textContent = score(s.meanScore);
  for (const scale of SCALES) {
    showScore(scale, s.scores[scale.key]);
  }
  // The themes' score impact is on the first scale the segment has ratings on.
  const reported = SCALES.find(scale => s.scores[scale.key].rated > 0);
  document.getElementById('score-impact-head').textContent = reported ? reported.name + ' impact' : 'Score impact';
  const rows = document.getElementById('theme-rows');
  rows.replaceChildren(...summary.themes.themes.map(theme => {
    const open = element('button', {type: 'button', text: theme.label, 'aria-label': 'Open theme ' + theme.label});
    open.addEventListener('click', () => openTheme(theme.theme, theme.label));
    return element('tr', {'data-theme': theme.theme},
        element('td', {}, open),
        element('td', {text: theme.mentions}),
        element('td', {text: percent(theme.mentions, s.count)}),
        element('td', {text: percent(theme.negative, theme.scored)}),
        element('td', {text: score(theme.meanScore), class: theme.meanScore < 0 ? 'bad' : 'good'}),
        element('td', {text: theme.impact.toFixed(4), class: theme.impact < 0 ? 'bad' : 'good'}),
        scoreImpactCell(reported, theme));
  }));
}

const SCALES = [
  {key: 'nps', name: 'NPS', format: value => Math.round(value).toString(), impactDigits: 1},
  {key: 'csat', name: 'CSAT', format: value => Math.round(value) + ' %', impactDigits: 1},
  {key: 'stars', name: 'Stars', format: value => value.toFixed(2), impactDigits: 2},
];

// A score with its 95 % interval and how many ratings it rests on; marked when they are few.
function showScore(scale, reported) {
  const value = document.getElementById(scale.key);
  const detail = document.getElementById(scale.key + '-detail');
  if (reported.score === null) {
    value.textContent = '–';
    detail.textContent = 'no ratings';
    return;
  }
  value.textContent = scale.format(reported.score);
  detail.textContent = scale.format(reported.low) + ' to ' + scale.format(reported.high) + ', ' + reported.rated + ' ratings'
      + (reported.fewRatings ? ' (few)' : '');
}

// A theme none of whose items was rated on the scale has nothing to say about the score: a dash, not a zero.
function scoreImpactCell(scale, theme) {
  const reported = scale ? theme.scores[scale.key] : null;
  if (!reported || reported.rated === 0 || reported.impact === null) {
    return element('td', {text: '–'});
  }
  const shown = Number(reported.impact.toFixed(scale.impactDigits));
  if (shown === 0) {
    return element('td', {text: (0).toFixed(scale.impactDigits)});
  }
  return element('td', {text: (shown > 0 ? '+' : '') + shown.toFixed(scale.impactDigits), class: shown < 0 ? 'bad' : 'good'});
}

// fetch() rather than EventSource, so that the key travels in a header, not in the address.
async function follow(segment) {
  if (state.live) {
    state.live.abort();
  }
  const control = new AbortController();
  state.live = control;
  let lastId = null;
  while (!control.signal.aborted) {
    try {
      const headers = {...authHeaders(), Accept: 'text/event-stream'};
      if (lastId) {
        headers['Last-Event-ID'] = lastId;
      }
      const response = await fetch('/v1/segments/' + enc(segment) + '/live', {headers, signal: control.signal});
      if (response.status === 401) {
        askForKey();
        return;
      }
      setStatus('Live: updates as feedback arrives.');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event.name === 'summary') {
            lastId = event.id || lastId;
            onSummary(JSON.parse(event.data));
          }
        }
      }
    } catch (error) {
      if (control.signal.aborted) {
        return;
      }
    }
    setStatus('Reconnecting…');
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

function parseEvent(block) {
  const event = {name: 'message', id: null, data: ''};
  block.split('\n').forEach(line => {
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      event.name = value;
    } else if (field === 'id') {
      event.id = value;
    } else if (field === 'data') {
      event.data += (event.data ? '\n' : '') + value;
    }
  });
  return event;
}

let refreshTimer = null;

function onSummary(summary) {
  showSummary(summary);
  const option = [...document.getElementById('segment').options].find(o => o.value === summary.sentiment.segment);
  if (option) {
    option.textContent = summary.sentiment.segment + ' (' + summary.sentiment.count + ')';
  }
  // The other views follow the summary, at most twice a second.
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    refreshTimeline();
    refreshTheme();
    refreshEmerging();
    refreshAlerts();
    refreshComparison();
  }, 300);
}

// --- charts ---------------------------------------------------------------------------------------------------

function chart(id, title) {
  if (!state.charts[id]) {
    state.charts[id] = echarts.init(document.getElementById(id));
  }
  state.charts[id].setOption({aria: {enabled: true, label: {description: title}}});
  return state.charts[id];
}

function drawTimeline(id, title, timeline) {
  const buckets = timeline.buckets;
  const label = start => new Date(start).toLocaleTimeString([], timeline.bucket === 'minute'
      ? {hour: '2-digit', minute: '2-digit'} : {day: 'numeric', hour: '2-digit'});
  const described = title + ': ' + (buckets.length === 0 ? 'no feedback in this time.' : buckets.map(bucket =>
      label(bucket.start) + ' ' + bucket.negative + ' negative, ' + bucket.neutral + ' neutral, ' + bucket.positive
      + ' positive').join('; ') + '.');
  chart(id, described).setOption({
    animation: false,
    tooltip: {trigger: 'axis'},
    legend: {bottom: 0},
    grid: {left: 40, right: 40, top: 30, bottom: 55},
    xAxis: {type: 'category', data: buckets.map(bucket => label(bucket.start))},
    yAxis: [{type: 'value', name: 'items', minInterval: 1}, {type: 'value', name: 'mean', min: -1, max: 1}],
    series: [
      ...['negative', 'neutral', 'positive'].map(kind => ({name: kind, type: 'bar', stack: 'all',
        itemStyle: {color: COLORS[kind]}, data: buckets.map(bucket => bucket[kind])})),
      {name: 'mean score', type: 'line', yAxisIndex: 1, itemStyle: {color: COLORS.mean},
        data: buckets.map(bucket => Number(bucket.meanScore.toFixed(3)))}]
  }, {replaceMerge: ['series', 'xAxis']});
}

async function refreshTimeline() {
  const timeline = await api('/v1/segments/' + enc(state.segment) + '/timeline?bucket=' + state.bucket);
  drawTimeline('timeline-chart', 'Feedback per ' + state.bucket + ' in ' + state.segment, timeline);
}

// --- a theme's drill-down --------------------------------------------------------------------------------------

function openTheme(theme, label) {
  state.theme = {theme, label};
  const section = document.getElementById('drill');
  section.hidden = false;
  document.getElementById('drill-title').textContent = 'Theme: ' + label;
  refreshTheme().then(() => {
    state.charts['drill-chart'] && state.charts['drill-chart'].resize();
    document.getElementById('drill-title').focus();
  });
}

function closeTheme() {
  const theme = state.theme;
  state.theme = null;
  document.getElementById('drill').hidden = true;
  const row = theme && document.querySelector('tr[data-theme="' + CSS.escape(theme.theme) + '"] button');
  (row || document.getElementById('themes-title')).focus();
}

// The sentence with the theme's words marked, as text nodes and <mark> elements.
function marked(sentence, highlights) {
  const parts = [];
  let at = 0;
  [...(highlights || [])].sort((a, b) => a.begin - b.begin).forEach(span => {
    if (span.begin >= at && span.end <= sentence.length) {
      parts.push(document.createTextNode(sentence.slice(at, span.begin)));
      parts.push(element('mark', {text: sentence.slice(span.begin, span.end)}));
      at = span.end;
    }
  });
  parts.push(document.createTextNode(sentence.slice(at)));
  return parts;
}

function evidenceItem(evidence) {
  return element('li', {class: evidence.label},
      element('blockquote', {}, ...marked(evidence.sentence, evidence.highlights)),
      element('span', {class: 'meta', text: evidence.label + ' · ' + new Date(evidence.occurredAt).toLocaleString()
          + ' · ' + evidence.feedbackId}));
}

async function refreshTheme() {
  if (!state.theme) {
    return;
  }
  const {theme, label} = state.theme;
  const path = '/v1/segments/' + enc(state.segment) + '/themes/' + theme.split('/').map(enc).join('/');
  const [detail, timeline] = await Promise.all([api(path),
    api('/v1/segments/' + enc(state.segment) + '/timeline?bucket=' + state.bucket + '&theme=' + enc(theme))]);
  drawTimeline('drill-chart', label + ' per ' + state.bucket, timeline);
  document.getElementById('evidence').replaceChildren(...detail.evidence.map(evidenceItem));
}

// --- emerging terms --------------------------------------------------------------------------------------------

async function refreshEmerging() {
  const emerging = await api('/v1/segments/' + enc(state.segment) + '/emerging?limit=10');
  const list = document.getElementById('emerging-terms');
  if (emerging.terms.length === 0) {
    list.replaceChildren(element('li', {text: 'Nothing is rising above its usual rate now.'}));
    return;
  }
  list.replaceChildren(...emerging.terms.map(term => element('li', {},
      element('strong', {text: term.term}),
      element('span', {class: 'meta', text: ' · ' + term.recentMentions.toFixed(1) + ' recent mentions, '
          + term.expectedMentions.toFixed(1) + ' expected · ' + term.score.toFixed(1) + ' σ'}),
      ...term.evidence.slice(0, 2).map(evidence => element('blockquote', {},
          ...marked(evidence.sentence, termSpans(evidence.sentence, term.term)))))));
}

// Candidate terms carry no offsets: their words are found again in the sentence, ignoring case.
function termSpans(sentence, term) {
  const at = sentence.toLowerCase().indexOf(term.toLowerCase());
  return at < 0 ? [] : [{begin: at, end: at + term.length}];
}

// --- alerts ------------------------------------------------------------------------------------------------------

async function refreshAlerts() {
  const list = await api('/v1/alerts?limit=10&segment=' + enc(state.segment));
  const items = document.getElementById('alert-list');
  if (list.alerts.length === 0) {
    items.replaceChildren(element('li', {text: 'No alerts.'}));
    return;
  }
  items.replaceChildren(...list.alerts.map(alert => element('li', {class: 'negative'},
      element('strong', {text: alertTitle(alert)}),
      element('span', {class: 'meta', text: ' · ' + new Date(alert.at).toLocaleString() + ' · '
          + alert.recent.toFixed(1) + ' recent, usually ' + (alert.kind === 'negative-share'
              ? (100 * alert.usual).toFixed(0) + ' %' : alert.usual.toFixed(1) + (alert.kind === 'negative-rate' ? ' an hour' : ''))}))));
}

function alertTitle(alert) {
  if (alert.kind === 'emerging-term') {
    return '"' + alert.term + '" is said far more than usual';
  }
  return (alert.theme || 'All feedback') + ': '
      + (alert.kind === 'negative-rate' ? 'more negative mentions than usual' : 'a larger negative share than usual');
}

// --- two segments side by side ---------------------------------------------------------------------------------

async function refreshComparison() {
  const section = document.getElementById('comparison');
  if (!state.compare || state.compare === state.segment) {
    section.hidden = true;
    return;
  }
  const comparison = await api('/v1/compare?a=' + enc(state.segment) + '&b=' + enc(state.compare));
  section.hidden = false;
  const a = comparison.a.segment;
  const b = comparison.b.segment;
  document.getElementById('comparison-title').textContent = a + ' and ' + b + ' side by side';
  document.getElementById('share-a').textContent = 'Share in ' + a;
  document.getElementById('share-b').textContent = 'Share in ' + b;
  document.getElementById('negative-a').textContent = 'Negative in ' + a;
  document.getElementById('negative-b').textContent = 'Negative in ' + b;
  document.getElementById('comparison-method').textContent = 'Test: ' + comparison.method + '.';
  document.getElementById('comparison-rows').replaceChildren(...comparison.themes.slice(0, 15).map(row =>
      element('tr', {},
          element('td', {text: row.label}),
          element('td', {text: (100 * row.shareA).toFixed(1) + ' %'}),
          element('td', {text: (100 * row.shareB).toFixed(1) + ' %'}),
          element('td', {text: (100 * row.negativeShareA).toFixed(1) + ' %'}),
          element('td', {text: (100 * row.negativeShareB).toFixed(1) + ' %'}),
          element('td', {text: row.significant ? 'yes (q ' + Math.min(row.shareQ, row.negativeQ).toPrecision(2) + ')' : 'no'}))));
}

// --- wiring -----------------------------------------------------------------------------------------------------

async function choose(segment) {
  state.segment = segment;
  state.theme = null;
  document.getElementById('drill').hidden = true;
  const url = new URL(location.href);
  url.searchParams.set('segment', segment);
  history.replaceState(null, '', url);
  const summary = await api('/v1/segments/' + enc(segment) + '/summary').catch(() => null);
  if (summary) {
    onSummary(summary);
  }
  follow(segment);
}

function wire() {
  document.getElementById('key-form').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORE, document.getElementById('key').value);
    document.getElementById('key-form').hidden = true;
    begin();
  });
  document.getElementById('drill-close').addEventListener('click', closeTheme);
  document.getElementById('segment').addEventListener('change', event => choose(event.target.value));
  document.getElementById('compare').addEventListener('change', event => {
    state.compare = event.target.value;
    refreshComparison();
  });
  document.querySelectorAll('input[name=bucket]').forEach(radio => radio.addEventListener('change', event => {
    state.bucket = event.target.value;
    refreshTimeline();
    refreshTheme();
  }));
  window.addEventListener('resize', () => Object.values(state.charts).forEach(c => c.resize()));
  setInterval(() => state.segment && loadSegments().catch(() => {}), 30000);
}

async function begin() {
  try {
    await loadSegments();
  } catch (error) {
    if (!(error instanceof Unauthorized)) {
      setStatus('The query API does not answer yet (' + error.message + '); trying again.');
      setTimeout(begin, 2000);
    }
    return;
  }
  const select = document.getElementById('segment');
  if (select.options.length === 0) {
    setStatus('No feedback has been counted yet; this page fills in as it arrives.');
    setTimeout(begin, 2000);
    return;
  }
  const wanted = new URL(location.href).searchParams.get('segment');
  if (wanted && [...select.options].some(option => option.value === wanted)) {
    select.value = wanted;
  }
  await choose(select.value);
}

takeKeyFromAddress();
wire();
begin();
