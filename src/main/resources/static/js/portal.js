// Provider portal: shows only the fields of the chosen answer and searches the provider registry as
// the provider types. Without JavaScript every field shows and "Search" reloads the page with results.
(function () {
  'use strict';
  var form = document.querySelector('form.answer-form');
  if (!form) {
    return;
  }

  var options = form.querySelectorAll('input[name="type"]');
  function showChosenAnswer() {
    var chosen = form.querySelector('input[name="type"]:checked');
    form.querySelectorAll('.answer-fields').forEach(function (fields) {
      fields.hidden = !chosen || fields.getAttribute('data-answer') !== chosen.value;
    });
  }
  options.forEach(function (option) { option.addEventListener('change', showChosenAnswer); });
  showChosenAnswer();

  var query = document.getElementById('upstream-query');
  var select = document.getElementById('upstream-provider');
  var searchForm = document.getElementById('provider-search');
  if (!query || !select || !searchForm || !window.fetch) {
    return;
  }
  var pending;
  function search() {
    var url = select.getAttribute('data-search-url') + '?query=' + encodeURIComponent(query.value);
    var token = select.getAttribute('data-token');
    if (token) {
      url += '&token=' + encodeURIComponent(token);
    }
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (providers) {
        var chosen = select.value;
        while (select.options.length > 1) {
          select.remove(1);
        }
        providers.forEach(function (provider) {
          var label = provider.name + ' (' + provider.country + ')' + (provider.registered ? '' : ', not yet vetted');
          select.add(new Option(label, provider.id, false, provider.id === chosen));
        });
        select.options[0].text = providers.length ? '– choose –' : (query.value ? 'no provider matches' : '– search, then choose –');
      })
      .catch(function () { /* the Search button still works */ });
  }
  query.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(search, 250);
  });
  searchForm.addEventListener('submit', function (event) {
    event.preventDefault();
    search();
  });
}());
