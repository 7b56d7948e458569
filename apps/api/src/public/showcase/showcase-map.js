// The catalogue's map of growing areas (issue 20): Leaflet served by this service (no CDN), tiles only
// when the deployment configures them, else the points on a plain background (offline fallback, as
// in the programme office's map). Without JavaScript the page lists the producers instead.
(function () {
  var box = document.getElementById('map');
  if (!box) return;
  function load(src, css) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(css ? 'link' : 'script');
      if (css) { el.rel = 'stylesheet'; el.href = src; } else { el.src = src; }
      el.onload = resolve; el.onerror = function () { reject(new Error(src)); };
      document.head.appendChild(el);
    });
  }
  var start = function () {
    Promise.all([fetch(box.dataset.src).then(function (r) { return r.json(); }), load('/console/vendor/leaflet/leaflet.css', true), load('/console/vendor/leaflet/leaflet.js')])
      .then(function (results) {
        var data = results[0];
        /* global L */
        var map = L.map(box, { attributionControl: Boolean(data.tiles) });
        if (data.tiles) L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: 19 }).addTo(map);
        var layer = L.geoJSON(data, {
          pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 7, color: '#1b6e3a', fillOpacity: 0.8 }); },
          onEachFeature: function (f, l) {
            var a = document.createElement('a');
            a.href = f.properties.url + (box.dataset.lang === 'en' ? '?lang=en' : '');
            a.textContent = f.properties.producer + ' · ' + f.properties.name;
            l.bindPopup(a);
          },
        }).addTo(map);
        if (data.features.length) map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 12 });
        else map.setView([21.4, 103.0], 8);
        box.dataset.drawn = String(data.features.length);
      })
      .catch(function () { box.dataset.drawn = 'failed'; });
  };
  // Only when the map scrolls into view: a phone that never gets there downloads nothing more.
  if ('IntersectionObserver' in window) {
    var seen = new IntersectionObserver(function (entries) { if (entries[0].isIntersecting) { seen.disconnect(); start(); } });
    seen.observe(box);
  } else start();
})();
