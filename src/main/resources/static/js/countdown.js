// Hoptrace console: live countdowns to hop deadlines, and confirmations before staff actions.
// A countdown element carries data-deadline and data-now (the server's time when the page was made),
// so the count is right even when this computer's clock is off. Same words as ConsoleFormat.java.
(function () {
  'use strict';

  function describe(milliseconds) {
    var seconds = Math.floor(Math.abs(milliseconds) / 1000);
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var text = '';
    if (days > 0) { text += days + ' d '; }
    if (days > 0 || hours > 0) { text += hours + ' h '; }
    text += Math.floor((seconds % 3600) / 60) + ' min ' + (seconds % 60) + ' s';
    return milliseconds < 0 ? 'overdue by ' + text : text + ' left';
  }

  var loaded = Date.now();
  var countdowns = Array.prototype.slice.call(document.querySelectorAll('.countdown[data-deadline]'));

  function tick() {
    countdowns.forEach(function (element) {
      var serverNow = Date.parse(element.getAttribute('data-now')) + (Date.now() - loaded);
      var remaining = Date.parse(element.getAttribute('data-deadline')) - serverNow;
      element.textContent = describe(remaining);
      if (remaining < 0) {
        element.classList.add('past');
        var row = element.closest('tr');
        if (row) { row.classList.add('overdue'); }
      }
    });
  }

  if (countdowns.length > 0) {
    tick();
    window.setInterval(tick, 1000);
  }

  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
}());
