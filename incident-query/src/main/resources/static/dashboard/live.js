'use strict';
// Listens to /api/stream (Server-Sent Events, sent only after the consumer committed) and
// hands each "applied" message to the page. EventSource reconnects by itself; while it is
// down the page polls (re-renders every few seconds), and after a reconnect it re-renders
// once, since messages sent in between are lost.
window.Live = (function () {
	// While the stream is down (a restarting instance, a proxy that cut it), the page
	// re-reads itself this often instead.
	var POLL_MILLIS = 5000;

	function listen(onApplied) {
		var status = document.getElementById('live-status');
		var connectedBefore = false;
		var poll = null;
		var source = null;

		function startPolling() {
			if (poll === null) {
				poll = window.setInterval(function () {
					onApplied({ everything: true, incidents: [] });
				}, POLL_MILLIS);
			}
		}

		function stopPolling() {
			if (poll !== null) {
				window.clearInterval(poll);
				poll = null;
			}
		}

		function connect() {
			source = new EventSource('/api/stream');
			source.addEventListener('hello', function () {
				stopPolling();
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
				status.textContent = 'reconnecting… (refreshing every ' + POLL_MILLIS / 1000 + ' s)';
				status.className = 'live-status disconnected';
				startPolling();
				// EventSource gives up after an answer that is not a stream: start a new one
				if (source.readyState === EventSource.CLOSED) {
					window.setTimeout(connect, POLL_MILLIS);
				}
			};
		}

		connect();
		return { close: function () { stopPolling(); source.close(); } };
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
