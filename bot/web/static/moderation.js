// Selecting words in her raw text fills in "The words to take out", so a moderator can point rather
// than retype. The server still finds every place the words occur; nothing here decides anything.
(function () {
  'use strict';
  var raw = document.getElementById('raw-text');
  var words = document.getElementById('add-words');
  if (!raw || !words) { return; }
  raw.addEventListener('mouseup', function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !raw.contains(selection.anchorNode)) { return; }
    var text = selection.toString().replace(/\s*\[[A-Z ]+\]\s*/g, ' ').trim();
    if (text) { words.value = text; words.focus(); }
  });
})();
