// While the responder types, ask the server's reply checker what is missing or defensive, and show it.
// Debounced, so it asks once a pause in typing; the same check runs again when the reply is saved.
// Typing a reply is starting work on the story: the server claims it for the writer as it checks.
(function () {
  'use strict';
  var body = document.getElementById('body');
  var out = document.getElementById('live-findings');
  var token = document.querySelector('#reply-form input[name="csrf_token"]');
  if (!body || !out || !token) { return; }
  var timer = null;
  var asked = 0;

  function show(findings, heldBy) {
    out.textContent = '';
    if (!body.value.trim()) { return; }
    if (heldBy) {
      var held = document.createElement('p');
      held.className = 'nhsuk-error-message';
      held.textContent = 'Someone else started work on this story. Please wait until they have finished.';
      out.appendChild(held);
    }
    var box = document.createElement('div');
    box.className = findings.length ? 'app-findings' : 'app-findings app-findings--ok';
    var heading = document.createElement('h3');
    heading.className = 'nhsuk-heading-xs';
    heading.textContent = findings.length
      ? 'The checker finds ' + findings.length + ' thing' + (findings.length === 1 ? '' : 's') + ' to change'
      : 'The checker finds nothing to change';
    box.appendChild(heading);
    if (findings.length) {
      var list = document.createElement('ul');
      list.className = 'nhsuk-list nhsuk-list--bullet';
      findings.forEach(function (finding) {
        var item = document.createElement('li');
        item.textContent = finding.message + ' ';
        var hint = document.createElement('span');
        hint.className = 'app-muted';
        hint.textContent = finding.suggestion;
        item.appendChild(hint);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    out.appendChild(box);
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
      if (data && mine === asked) { show(data.findings, data.held_by); }
    }).catch(function () { /* the check runs again on save */ });
  }

  body.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 600);
  });
  if (body.value.trim()) { check(); }
})();
