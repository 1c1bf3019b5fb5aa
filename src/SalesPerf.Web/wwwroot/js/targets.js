// Recomputes a split's total and mismatch flag as the inputs change (the server computes the same on every view).
document.querySelectorAll('[data-split]').forEach(function (card) {
  var parentEl = card.querySelector('[data-parent]');
  var flag = card.querySelector('[data-mismatch]');
  var sum = card.querySelector('[data-sum]');
  var parent = parentEl && parentEl.dataset.parent !== '' ? Number(parentEl.dataset.parent) : null;
  var okText = flag ? flag.dataset.ok : null;
  function num(v) { var n = Number(String(v).replace(/[,\s，]/g, '')); return isFinite(n) ? n : 0; }
  function recompute() {
    var total = 0;
    card.querySelectorAll('input[data-child]').forEach(function (i) { total += num(i.value); });
    if (sum) sum.textContent = total.toLocaleString('en-US', { maximumFractionDigits: 2 });
    if (flag && parent !== null) {
      var bad = Math.abs(total - parent) > 0.005;
      flag.classList.toggle('bad', bad);
      flag.classList.toggle('ok', !bad);
      flag.dataset.live = bad ? 'mismatch' : 'ok';
    }
  }
  card.querySelectorAll('input[data-child]').forEach(function (i) { i.addEventListener('input', recompute); });
});
