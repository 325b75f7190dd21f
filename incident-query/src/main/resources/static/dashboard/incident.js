'use strict';
(function () {
	var incidentId = document.body.getAttribute('data-incident-id');

	function cell(row, text, className) {
		var td = document.createElement('td');
		td.textContent = text == null ? '' : String(text);
		if (className) {
			td.className = className;
		}
		row.appendChild(td);
		return td;
	}

	function renderTimeline() {
		return Live.fetchSignedIn('/api/incidents/' + encodeURIComponent(incidentId) + '/timeline')
			.then(function (response) { return response.json(); })
			.then(function (timeline) {
				var body = document.getElementById('timeline-entries');
				var rows = document.createDocumentFragment();
				(timeline.entries || []).forEach(function (entry) {
					var row = document.createElement('tr');
					row.className = 'entry' + (entry.backdated ? ' backdated' : '') + (entry.known ? '' : ' unknown');
					row.setAttribute('data-sequence', String(entry.sequence));
					cell(row, entry.sequence, 'sequence');
					var happened = cell(row, entry.occurredAt, 'occurred-at');
					if (entry.backdated) {
						var flag = document.createElement('span');
						flag.className = 'backdated-flag';
						flag.textContent = 'backdated';
						flag.title = 'recorded at ' + entry.recordedAt + ', after it happened';
						happened.appendChild(document.createTextNode(' '));
						happened.appendChild(flag);
					}
					cell(row, entry.recordedAt, 'recorded-at');
					cell(row, entry.summary, 'summary');
					// the display name as the person saw it; events recorded before sign-in have none
					cell(row, entry.actorName || entry.actor, 'actor').title = entry.actor;
					cell(row, entry.source, 'source');
					rows.appendChild(row);
				});
				body.replaceChildren(rows);
			});
	}

	function refresh() {
		return Promise.all([
			Live.replaceWithFragment('incident-header', '/dashboard/incidents/' + encodeURIComponent(incidentId) + '/fragments/header'),
			renderTimeline()
		]);
	}

	renderTimeline();
	Live.listen(function (applied) {
		if (Live.concerns(applied, incidentId)) {
			refresh();
		}
	});
})();
