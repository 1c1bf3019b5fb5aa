// Recomputes a split's total and mismatch flag as the inputs change (the server computes the same on every view).
document.querySelectorAll('[data-split]').forEach(function (card) {
  var parentEl = card.querySelector('[data-parent]');
  var flag = card.querySelector('[data-mismatch]');
  var sum = card.querySelector('[data-sum]');
  var parent = parentEl && parentEl.dataset.parent !== '' ? Number(parentEl.dataset.parent) : null;
  function num(v) { var n = Number(String(v).replace(/[,\s，]/g, '')); return isFinite(n) ? n : 0; }
  function recompute() {
    var total = 0;
    card.querySelectorAll('input[data-child]').forEach(function (i) { total += num(i.value); });
    if (sum) sum.textContent = total.toLocaleString('en-US', { maximumFractionDigits: 2 });
    if (flag && parent !== null) {
      var bad = Math.abs(total - parent) > 0.005;
      flag.classList.toggle('bad', bad);
      flag.classList.toggle('ok', !bad);
      var fmt = function (n) { return n.toLocaleString('en-US', { maximumFractionDigits: 2 }); };
      flag.textContent = bad
        ? flag.dataset.textBad.replace('{0}', fmt(total)).replace('{1}', total < parent ? flag.dataset.less : flag.dataset.more).replace('{2}', fmt(parent))
        : flag.dataset.textOk;
    }
  }
  card.querySelectorAll('input[data-child]').forEach(function (i) { i.addEventListener('input', recompute); });
});
