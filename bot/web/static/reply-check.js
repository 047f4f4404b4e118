// While the responder types, ask the server's reply checker what reads as defensive and what could be added.
// Debounced, so it asks once a pause in typing; the same check runs again when the reply is saved.
// Blocking findings quote the words and suggest a rewrite; advice is shown apart and never blocks.
// Typing a reply is starting work on the story: the server claims it for the writer as it checks.
(function () {
  'use strict';
  var body = document.getElementById('body');
  var out = document.getElementById('live-findings');
  var token = document.querySelector('#reply-form input[name="csrf_token"]');
  if (!body || !out || !token) { return; }
  var timer = null;
  var asked = 0;

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text) { made.textContent = text; }
    return made;
  }

  function list(findings, withQuotes) {
    var items = element('ul', 'nhsuk-list nhsuk-list--bullet');
    findings.forEach(function (finding) {
      var item = element('li');
      if (withQuotes && finding.quote) {
        item.appendChild(element('q', 'app-quote', finding.quote));
        item.appendChild(document.createTextNode(' '));
      }
      item.appendChild(document.createTextNode(finding.message + ' '));
      item.appendChild(element('span', 'app-muted', (withQuotes ? 'Try: ' : '') + finding.suggestion));
      items.appendChild(item);
    });
    return items;
  }

  function show(blocking, advice, heldBy) {
    out.textContent = '';
    if (!body.value.trim()) { return; }
    if (heldBy) {
      out.appendChild(element('p', 'nhsuk-error-message',
        'Someone else started work on this story. Please wait until they have finished.'));
    }
    var box = element('div', blocking.length ? 'app-findings' : 'app-findings app-findings--ok');
    box.appendChild(element('h3', 'nhsuk-heading-xs', blocking.length
      ? 'The checker finds ' + blocking.length + ' thing' + (blocking.length === 1 ? '' : 's') +
        ' to change before it can be approved'
      : 'The checker finds nothing to change'));
    if (blocking.length) { box.appendChild(list(blocking, true)); }
    out.appendChild(box);
    if (advice.length) {
      var tips = element('div', 'app-advice');
      tips.appendChild(element('h3', 'nhsuk-heading-xs', 'Suggestions (these do not stop approval)'));
      tips.appendChild(list(advice, false));
      out.appendChild(tips);
    }
  }

  function check() {
    var mine = ++asked;
    fetch(body.dataset.checkUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRFToken': token.value },
      body: JSON.stringify({ body: body.value, ref: body.dataset.ref })
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (data && mine === asked) { show(data.blocking, data.advice, data.held_by); }
    }).catch(function () { /* the check runs again on save */ });
  }

  body.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 600);
  });
  if (body.value.trim()) { check(); }
})();
