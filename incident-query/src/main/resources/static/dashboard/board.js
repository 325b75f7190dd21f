'use strict';
(function () {
	function refresh() {
		return Live.replaceWithFragment('open-incidents', '/dashboard/fragments/open-incidents');
	}
	Live.listen(refresh);
	// Ages and overdue flags change with time alone.
	setInterval(refresh, 30000);
})();
