package io.incidenttimeline.query.incidents;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.events.Severity;
import io.incidenttimeline.query.consuming.ConsumerProgress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * How the list query's parameters bind: typed, validated together, every bad one named.
 */
@WebMvcTest(IncidentController.class)
class IncidentFilterTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	IncidentRepository incidents;

	@MockitoBean
	ConsumerProgress progress;

	@BeforeEach
	void noIncidents() {
		given(this.incidents.search(any())).willReturn(new IncidentRepository.Page(List.of(), 0));
	}

	@Test
	void noParametersMeansEverythingFirstPageOfTwenty() throws Exception {
		IncidentFilter filter = searchedWith("/api/incidents");

		assertThat(filter).isEqualTo(new IncidentFilter(null, null, null, null, null, 0, 20));
		assertThat(filter.open()).isNull();
	}

	@Test
	void validParametersAreRead() throws Exception {
		IncidentFilter filter = searchedWith("/api/incidents?status=resolved&severity=sev-1&service=checkout"
				+ "&from=2026-11-20T10:00:00Z&to=2026-11-21T10:00:00.5%2B01:00&page=2&size=50");

		assertThat(filter).isEqualTo(new IncidentFilter("resolved", Severity.SEV_1, "checkout",
				Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-21T09:00:00.5Z"), 2, 50));
		assertThat(filter.open()).isFalse();
	}

	@Test
	void everyBadParameterIsNamed() throws Exception {
		JsonNode problem = problem(
				"/api/incidents?status=closed&severity=SEV-9&service=%20&from=yesterday&page=-1&size=101");

		assertThat(problem.path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactly("status", "severity", "service", "from", "page", "size");
		assertThat(problem.path("errors")).extracting((error) -> error.path("message").asText())
			.containsExactly("must be open or resolved", "must be one of SEV-1, SEV-2, SEV-3, SEV-4",
					"must be 1 to 100 characters", "must be an RFC 3339 timestamp such as 2026-11-23T03:28:11.042917Z",
					"must be a whole number from 0 to 21474836", "must be a whole number from 1 to 100");
	}

	@Test
	void toMustBeAfterFrom() throws Exception {
		JsonNode problem = problem("/api/incidents?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z");

		assertThat(problem.path("errors")).extracting((error) -> error.path("field").asText()).containsExactly("to");
		assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("must be after from");
	}

	@Test
	void aNumberThatIsNoNumberIsNamedToo() throws Exception {
		JsonNode problem = problem("/api/incidents?page=two&size=ten");

		assertThat(problem.path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactly("page", "size");
		assertThat(problem.path("errors")).extracting((error) -> error.path("message").asText())
			.containsOnly("must be a whole number");
	}

	@Test
	void aBadIdAndABadInstantAreNamedTogether() throws Exception {
		JsonNode problem = problem("/api/incidents/not-a-uuid?asOf=yesterday");

		assertThat(problem.path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactly("id", "asOf");
		assertThat(problem.path("errors")).extracting((error) -> error.path("message").asText())
			.containsExactly("must be a UUID", "must be an RFC 3339 timestamp such as 2026-11-23T03:28:11.042917Z");
	}

	private IncidentFilter searchedWith(String uri) throws Exception {
		MvcResult result = this.mvc.perform(get(URI.create(uri))).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		ArgumentCaptor<IncidentFilter> filter = ArgumentCaptor.forClass(IncidentFilter.class);
		verify(this.incidents).search(filter.capture());
		return filter.getValue();
	}

	private JsonNode problem(String uri) throws Exception {
		MvcResult result = this.mvc.perform(get(URI.create(uri))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		return JSON.readTree(result.getResponse().getContentAsString());
	}

}
