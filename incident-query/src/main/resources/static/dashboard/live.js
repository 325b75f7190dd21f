'use strict';
// Listens to /api/stream (Server-Sent Events, sent only after the consumer committed) and
// hands each "applied" message to the page. EventSource reconnects by itself; after a
// reconnect the page re-renders once, since messages sent in between are lost.
window.Live = (function () {
	function listen(onApplied) {
		var status = document.getElementById('live-status');
		var source = new EventSource('/api/stream');
		var connectedBefore = false;
		source.addEventListener('hello', function () {
			status.textContent = 'live';
			status.className = 'live-status connected';
			if (connectedBefore) {
				onApplied({ everything: true, incidents: [] });
			}
			connectedBefore = true;
		});
		source.addEventListener('applied', function (message) {
			onApplied(JSON.parse(message.data));
		});
		source.onerror = function () {
			status.textContent = 'reconnecting…';
			status.className = 'live-status disconnected';
		};
		return source;
	}

	function concerns(applied, incidentId) {
		return applied.everything || applied.incidents.some(function (change) {
			return change.incidentId === incidentId;
		});
	}

	// fetch with the session cookie; once the session has ended (a 401, or the redirect to
	// sign in that a fetch cannot follow), reloading the page signs in again.
	function fetchSignedIn(url, options) {
		return fetch(url, Object.assign({ redirect: 'manual' }, options)).then(function (response) {
			if (response.status === 401 || response.type === 'opaqueredirect') {
				window.location.reload();
				throw new Error(url + ': signed out');
			}
			return response;
		});
	}

	// Replaces the element with the server-rendered (escaped) fragment at url.
	function replaceWithFragment(elementId, url) {
		return fetchSignedIn(url, { headers: { Accept: 'text/html' } })
			.then(function (response) {
				if (!response.ok) {
					throw new Error(url + ' answered ' + response.status);
				}
				return response.text();
			})
			.then(function (html) {
				var template = document.createElement('template');
				template.innerHTML = html.trim();
				var fresh = template.content.getElementById(elementId);
				var current = document.getElementById(elementId);
				if (fresh && current) {
					current.replaceWith(fresh);
				}
			});
	}

	return { listen: listen, concerns: concerns, replaceWithFragment: replaceWithFragment, fetchSignedIn: fetchSignedIn };
})();
