'use strict';
// Draws the MTTx charts as inline SVG from /api/metrics/mttx and /mttx/series. Only
// numbers and fixed labels reach the SVG; text goes in through textContent.
(function () {
	var SVG = 'http://www.w3.org/2000/svg';
	var METRICS = [
		{ key: 'mttd', label: 'MTTD', color: '#7b61ff' },
		{ key: 'mtta', label: 'MTTA', color: '#ff9f1c' },
		{ key: 'mttm', label: 'MTTM', color: '#2ec4b6' },
		{ key: 'mttr', label: 'MTTR', color: '#e71d36' }
	];
	var SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'];
	var WIDTH = 720, HEIGHT = 260, LEFT = 60, RIGHT = 20, TOP = 20, BOTTOM = 40;

	function el(name, attributes, text) {
		var node = document.createElementNS(SVG, name);
		Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
		if (text != null) {
			node.textContent = text;
		}
		return node;
	}

	function minutes(seconds) {
		return seconds == null ? null : seconds / 60;
	}

	function duration(seconds) {
		if (seconds == null) {
			return '—';
		}
		var abs = Math.abs(seconds);
		if (abs < 120) { return seconds.toFixed(1) + ' s'; }
		if (abs < 7200) { return (seconds / 60).toFixed(1) + ' min'; }
		return (seconds / 3600).toFixed(1) + ' h';
	}

	function figure(figures, key) {
		return figures.find(function (f) { return f.metric === key; });
	}

	function filterQuery(form, withInterval) {
		var params = new URLSearchParams();
		['severity', 'service', 'from', 'to'].concat(withInterval ? ['interval'] : []).forEach(function (name) {
			var value = form.elements[name].value.trim();
			if (value) {
				params.set(name, value);
			}
		});
		return params;
	}

	function frame(svg, maxMinutes) {
		svg.appendChild(el('line', { x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH - RIGHT, y2: HEIGHT - BOTTOM, class: 'axis' }));
		svg.appendChild(el('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: HEIGHT - BOTTOM, class: 'axis' }));
		[0, 0.5, 1].forEach(function (share) {
			var y = HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM);
			svg.appendChild(el('text', { x: LEFT - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' },
				(maxMinutes * share).toFixed(maxMinutes < 10 ? 1 : 0) + ' min'));
		});
	}

	function legend(svg) {
		METRICS.forEach(function (metric, i) {
			svg.appendChild(el('rect', { x: LEFT + i * 90, y: 2, width: 10, height: 10, fill: metric.color }));
			svg.appendChild(el('text', { x: LEFT + 14 + i * 90, y: 11, class: 'legend' }, metric.label + ' median'));
		});
	}

	function chart(className) {
		return el('svg', { width: WIDTH, height: HEIGHT, viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, role: 'img', class: className });
	}

	// The largest median (in minutes) among the figures of these periods or reports, at least 1.
	function largestMedian(groups) {
		var max = 0;
		groups.forEach(function (group) {
			METRICS.forEach(function (metric) {
				var value = minutes(figure(group.figures, metric.key).medianSeconds);
				if (value != null && value > max) { max = value; }
			});
		});
		return max || 1;
	}

	function drawOverTime(series) {
		var container = document.getElementById('chart-over-time');
		var svg = chart('over-time');
		var periods = series.periods;
		var max = largestMedian(periods);
		frame(svg, max);
		legend(svg);
		var step = periods.length > 1 ? (WIDTH - LEFT - RIGHT - 20) / (periods.length - 1) : 0;
		function x(i) { return LEFT + 10 + (periods.length > 1 ? i * step : (WIDTH - LEFT - RIGHT) / 2); }
		function y(value) { return HEIGHT - BOTTOM - Math.max(0, value) / max * (HEIGHT - TOP - BOTTOM); }
		periods.forEach(function (period, i) {
			svg.appendChild(el('text', { x: x(i), y: HEIGHT - BOTTOM + 16, 'text-anchor': 'middle', class: 'tick' },
				period.start.substring(0, series.interval === 'month' ? 7 : 10)));
		});
		METRICS.forEach(function (metric) {
			var points = [];
			periods.forEach(function (period, i) {
				var f = figure(period.figures, metric.key);
				var value = minutes(f.medianSeconds);
				if (value == null) { return; }
				points.push(x(i) + ',' + y(value));
				var dot = el('circle', { cx: x(i), cy: y(value), r: 4, fill: metric.color, class: 'point',
					'data-metric': metric.key, 'data-period': period.start, 'data-median-seconds': f.medianSeconds });
				dot.appendChild(el('title', {}, metric.label + ' ' + period.start.substring(0, 10) + ': median ' + duration(f.medianSeconds) + ' (n=' + f.count + ', missing ' + f.missing + ')'));
				svg.appendChild(dot);
			});
			if (points.length > 1) {
				svg.insertBefore(el('polyline', { points: points.join(' '), fill: 'none', stroke: metric.color, 'stroke-width': 2, class: 'line' }), svg.firstChild);
			}
		});
		if (periods.length === 0) {
			svg.appendChild(el('text', { x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle', class: 'empty' }, 'No incidents match.'));
		}
		container.replaceChildren(svg);
	}

	function drawBySeverity(reports) {
		var container = document.getElementById('chart-by-severity');
		var svg = chart('by-severity');
		var max = largestMedian(reports);
		frame(svg, max);
		legend(svg);
		var group = (WIDTH - LEFT - RIGHT) / SEVERITIES.length;
		var bar = (group - 20) / METRICS.length;
		reports.forEach(function (report, s) {
			svg.appendChild(el('text', { x: LEFT + s * group + group / 2, y: HEIGHT - BOTTOM + 16, 'text-anchor': 'middle', class: 'tick' },
				SEVERITIES[s] + ' (n=' + report.incidents + ')'));
			METRICS.forEach(function (metric, m) {
				var f = figure(report.figures, metric.key);
				var value = minutes(f.medianSeconds);
				if (value == null) { return; }
				var height = Math.max(1, Math.max(0, value) / max * (HEIGHT - TOP - BOTTOM));
				var rect = el('rect', { x: LEFT + s * group + 10 + m * bar, y: HEIGHT - BOTTOM - height, width: bar - 2, height: height,
					fill: metric.color, class: 'bar', 'data-metric': metric.key, 'data-severity': SEVERITIES[s], 'data-median-seconds': f.medianSeconds });
				rect.appendChild(el('title', {}, SEVERITIES[s] + ' ' + metric.label + ': median ' + duration(f.medianSeconds) + ' (n=' + f.count + ', missing ' + f.missing + ')'));
				svg.appendChild(rect);
			});
		});
		container.replaceChildren(svg);
	}

	function drawTable(report) {
		var body = document.getElementById('figures');
		var rows = document.createDocumentFragment();
		report.figures.forEach(function (f) {
			var row = document.createElement('tr');
			row.setAttribute('data-metric', f.metric);
			[f.metric, f.count, f.missing, duration(f.medianSeconds), duration(f.p90Seconds), duration(f.p99Seconds),
				duration(f.meanSeconds), f.definition].forEach(function (value) {
				var td = document.createElement('td');
				td.textContent = String(value);
				row.appendChild(td);
			});
			rows.appendChild(row);
		});
		body.replaceChildren(rows);
	}

	function json(url) {
		return fetch(url).then(function (response) {
			return response.json().then(function (body) {
				if (!response.ok) {
					var fields = (body.errors || []).map(function (e) { return e.field + ' ' + e.message; }).join('; ');
					throw new Error(fields || body.detail || ('HTTP ' + response.status));
				}
				return body;
			});
		});
	}

	function render() {
		var form = document.getElementById('filters');
		var error = document.getElementById('metrics-error');
		var filter = filterQuery(form, false);
		var bySeverity = SEVERITIES.map(function (severity) {
			var params = new URLSearchParams(filter);
			params.set('severity', severity);
			return json('/api/metrics/mttx?' + params);
		});
		return Promise.all([json('/api/metrics/mttx/series?' + filterQuery(form, true)), json('/api/metrics/mttx?' + filter)].concat(bySeverity))
			.then(function (answers) {
				error.hidden = true;
				drawOverTime(answers[0]);
				drawTable(answers[1]);
				drawBySeverity(answers.slice(2));
			})
			.catch(function (problem) {
				error.textContent = problem.message;
				error.hidden = false;
			});
	}

	document.getElementById('filters').addEventListener('submit', function (event) {
		event.preventDefault();
		render();
	});
	render();
	Live.listen(function () { render(); });
})();
