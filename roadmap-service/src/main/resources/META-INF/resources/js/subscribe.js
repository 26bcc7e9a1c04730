// Enhances the subscribe form; the form works without it (the server renders the preview and the errors).
// - the time zone starts as the browser's own, if the page still shows the default;
// - study-slot rows can be added and removed;
// - the preview follows the form as it is edited (POST /api/roadmaps/{id}/preview).
// Text from the server is only ever set with textContent, never as HTML. The words come in the page's language from
// the form's data-text-* attributes (the first '0' stands for a number, '%' for a date); dates are written with Intl in
// <html lang>.
(function () {
  'use strict';
  var form = document.getElementById('subscribe-form');
  if (!form) {
    return;
  }
  var lang = document.documentElement.lang || 'en';

  function text(name, number, date) {
    var words = form.dataset[name] || '';
    return number === undefined ? words : words.replace('0', number).replace('%', date);
  }

  function formatDate(iso, long) {
    var options = long ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(lang, options).format(new Date(iso + 'T00:00:00Z'));
  }

  var zone = document.getElementById('timeZone');
  if (zone && zone.dataset.zoneDefault === 'true' && window.Intl) {
    var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone && Array.prototype.some.call(zone.options, function (o) { return o.value === browserZone; })) {
      zone.value = browserZone;
    }
  }

  var slots = document.getElementById('slots');

  function renumber() {
    var rows = slots.querySelectorAll('[data-slot]');
    rows.forEach(function (row, index) {
      row.querySelectorAll('select, input').forEach(function (field) {
        var kind = field.name;
        var id = kind + '-' + index;
        var label = row.querySelector('label[for="' + field.id + '"]');
        field.id = id;
        if (label) {
          label.htmlFor = id;
          if (kind === 'day') {
            label.textContent = text('textSlotDay', index + 1);
          }
        }
      });
      var remove = row.querySelector('[data-remove]');
      if (remove) {
        remove.textContent = text('textRemoveSlot', index + 1);
        remove.hidden = rows.length === 1;
      }
    });
  }

  function addRemoveButton(row) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.dataset.remove = '';
    button.addEventListener('click', function () {
      row.remove();
      renumber();
      schedulePreview();
    });
    row.appendChild(button);
  }

  slots.querySelectorAll('[data-slot]').forEach(addRemoveButton);
  var add = document.createElement('button');
  add.type = 'button';
  add.className = 'secondary';
  add.id = 'add-slot';
  add.textContent = text('textAddSlot');
  add.addEventListener('click', function () {
    var rows = slots.querySelectorAll('[data-slot]');
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll('input').forEach(function (input) { input.value = ''; input.removeAttribute('aria-invalid'); });
    copy.querySelectorAll('.error').forEach(function (error) { error.remove(); });
    copy.querySelectorAll('[data-remove]').forEach(function (button) { button.remove(); });
    slots.appendChild(copy);
    addRemoveButton(copy);
    renumber();
    copy.querySelector('select').focus();
  });
  slots.insertAdjacentElement('afterend', add);
  renumber();

  var body = document.getElementById('preview-body');
  var timer = null;
  var sequence = 0;

  function value(name) {
    var field = form.elements.namedItem(name);
    return field && field.value ? field.value : null;
  }

  function request() {
    var plan = { timeZone: value('timeZone'), slots: [], nudge: { day: value('nudgeDay'), time: value('nudgeTime') } };
    slots.querySelectorAll('[data-slot]').forEach(function (row) {
      var start = row.querySelector('[name="start"]').value;
      var minutes = row.querySelector('[name="minutes"]').value;
      if (start || minutes) {
        plan.slots.push({ day: row.querySelector('[name="day"]').value, start: start || null, minutes: minutes ? Number(minutes) : null });
      }
    });
    // The learner's choices: each group's select and each ticked optional milestone ("none" is an empty value).
    var choices = [];
    form.querySelectorAll('select[name="choices"], input[name="choices"]:checked').forEach(function (field) {
      if (field.value) {
        choices.push(field.value);
      }
    });
    return { startDate: value('startDate'), plan: plan, finishBy: value('finishBy'), choices: choices };
  }

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function show(view) {
    body.replaceChildren();
    var finish = element('p');
    finish.id = 'preview-finish';
    finish.append(text('textFinishBefore', view.weeklyMinutes) + ' ');
    finish.appendChild(element('strong', view.projectedFinish ? formatDate(view.projectedFinish, true) : text('textFinishBeyond')));
    finish.append(text('textFinishAfter'));
    body.appendChild(finish);
    advise(view);
    view.weeks.forEach(function (week) {
      body.appendChild(element('h3', text('textWeek', week.weekNumber, formatDate(week.weekStart, false))));
      if (week.sessions.length === 0) {
        var none = element('p', text('textNoSessions'));
        none.className = 'muted';
        body.appendChild(none);
        return;
      }
      var list = element('ul');
      week.sessions.forEach(function (session) {
        var work = session.work.map(function (w) { return w.title + ' (' + text('textMinutes', w.minutes) + ')'; }).join(', ');
        list.appendChild(element('li', formatDate(session.date, false) + ', ' + session.start.substring(0, 5) + '–' + session.end.substring(0, 5) + ': ' + work));
      });
      body.appendChild(list);
    });
  }

  /** A weekly study time in the page's words ("5 h 30 min"): the duration template has '0' for the hours, '59' for the minutes. */
  function duration(minutes) {
    var rest = minutes % 60;
    var words = rest ? (form.dataset.textDuration || '').replace('59', rest) : form.dataset.textHours || '';
    return words.replace('0', Math.floor(minutes / 60));
  }

  /** The same words as the server-rendered preview (previewBody.html), from the data-text-* attributes. */
  function advise(view) {
    var advice = view.advice;
    if (advice && advice.farBelow) {
      var warning = element('p', text('textFarBelowBefore', view.weeklyMinutes) + ' ' + duration(advice.suggestedWeeklyMinutes) + ' '
          + text('textFarBelowUntil') + ' ' + (view.projectedFinish ? formatDate(view.projectedFinish, true) : text('textFinishBeyond'))
          + text('textFarBelowAfter'));
      warning.id = 'preview-warning';
      warning.className = 'error';
      body.appendChild(warning);
    }
    if (advice && advice.finishBy) {
      var target = element('p');
      target.append(text('textTargetBefore') + ' ');
      target.appendChild(element('strong', formatDate(advice.finishBy, true)));
      target.append(' ' + text('textTargetNeed') + ' ');
      target.appendChild(element('strong', duration(advice.weeklyMinutesNeeded) + ' ' + text('textAWeek')));
      target.append(text('textTargetExample', advice.sessionsOf90) + (advice.reachable ? '' : ' ' + text('textTargetUnreachable')));
      target.id = 'preview-target';
      body.appendChild(target);
    }
  }

  function showProblem(problem) {
    body.replaceChildren();
    var intro = element('p', text('textNeedsPlan'));
    intro.className = 'muted';
    body.appendChild(intro);
    var list = element('ul');
    (problem.errors || [{ field: '', message: problem.detail || problem.title }]).forEach(function (error) {
      list.appendChild(element('li', (error.field ? error.field.replace(/^plan\./, '') + ': ' : '') + error.message));
    });
    body.appendChild(list);
  }

  function preview() {
    var mine = ++sequence;
    fetch(form.dataset.previewUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      body: JSON.stringify(request())
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (result) {
      if (mine !== sequence) {
        return; // a newer edit already asked again
      }
      if (result.ok) {
        show(result.json);
      } else {
        showProblem(result.json);
      }
    }).catch(function () { /* the server-side preview button still works */ });
  }

  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(preview, 400);
  }

  form.addEventListener('input', schedulePreview);
  form.addEventListener('change', schedulePreview);
  if (!body.querySelector('#preview-finish')) {
    preview();
  }
})();
