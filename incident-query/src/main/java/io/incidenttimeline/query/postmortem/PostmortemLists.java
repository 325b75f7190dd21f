package io.incidenttimeline.query.postmortem;

import java.util.List;

/**
 * What the dashboard shows of postmortems: those owed under the policy (overdue ones
 * flagged) and the action items open past their due date.
 */
public interface PostmortemLists {

	List<DuePostmortem> due();

	List<ActionItemListing> overdueActionItems();

}
