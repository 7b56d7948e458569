// The share link of the public pages (issue 15): the phone's own share sheet (Web Share API) when it has
// one, else the page's address copied to the clipboard. Without JavaScript the link is the address
// itself, to open or long-press and copy. Texts come from the page's data attributes (escaped there).
(function () {
  var links = document.querySelectorAll('a[data-share]');
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener('click', function (event) {
      var link = event.currentTarget;
      var url = link.getAttribute('href');
      var note = document.getElementById('share-note');
      var say = function (text) { if (note) note.textContent = text || ''; };
      if (navigator.share) {
        event.preventDefault();
        navigator.share({ title: link.getAttribute('data-title') || document.title, url: url }).catch(function () {});
        return;
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        event.preventDefault();
        navigator.clipboard.writeText(url).then(function () { say(link.getAttribute('data-copied')); }, function () { say(url); });
      }
    });
  }
})();
