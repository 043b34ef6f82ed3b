/// The report's only script: sortable tables and a people filter, as progressive enhancement.
///
/// The page is complete without it (every control is created by the script itself, so a reader
/// with JavaScript off sees no dead buttons). It touches nothing outside the document.
enum HTMLScript {
  static let source = """
    (function () {
      'use strict';
      var each = function (list, action) { Array.prototype.forEach.call(list, action); };
      var key = function (cell) {
        if (!cell) { return ''; }
        var raw = cell.getAttribute('data-sort');
        var text = raw !== null ? raw : cell.textContent.trim();
        var number = parseFloat(text);
        return raw !== null && !isNaN(number) ? number : text.toLowerCase();
      };
      each(document.querySelectorAll('table.sortable'), function (table) {
        if (!table.tHead || !table.tBodies.length) { return; }
        var headers = table.tHead.rows[0].cells;
        each(headers, function (th, index) {
          if (th.classList.contains('nosort')) { return; }
          var button = document.createElement('button');
          button.type = 'button';
          while (th.firstChild) { button.appendChild(th.firstChild); }
          th.appendChild(button);
          button.addEventListener('click', function () {
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            each(headers, function (other) { other.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a.cells[index]);
              var y = key(b.cells[index]);
              var order = typeof x === 'number' && typeof y === 'number'
                ? x - y : String(x).localeCompare(String(y));
              return ascending ? order : -order;
            });
            each(rows, function (row) { body.appendChild(row); });
          });
        });
      });
      each(document.querySelectorAll('.filterable'), function (block) {
        var single = block.tagName === 'TABLE';
        var tables = single ? [block] : block.querySelectorAll('table');
        var input = document.createElement('input');
        input.type = 'search';
        input.className = 'filter';
        input.placeholder = 'Filter people or departments';
        input.setAttribute('aria-label', 'Filter people or departments');
        var holder = single ? block.parentNode : block;
        holder.parentNode.insertBefore(input, holder);
        input.addEventListener('input', function () {
          var query = input.value.trim().toLowerCase();
          each(tables, function (table) {
            var found = 0;
            each(table.tBodies, function (body) {
              var group = body.rows[0].textContent.toLowerCase();
              var shown = 0;
              each(body.rows, function (row, index) {
                if (index === 0) { return; }
                var name = row.cells[0].textContent.toLowerCase();
                row.hidden = !(query === '' || group.indexOf(query) >= 0 || name.indexOf(query) >= 0);
                if (!row.hidden) { shown += 1; }
              });
              body.hidden = shown === 0;
              found += shown;
            });
            var details = table.closest('details');
            if (details && query !== '') { details.open = found > 0; }
            if (details) { details.hidden = found === 0; }
          });
        });
      });
      window.addEventListener('beforeprint', function () {
        each(document.querySelectorAll('details.dept-group'), function (d) { d.open = true; });
      });
    })();

    """
}
