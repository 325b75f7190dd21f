package io.incidenttimeline.query.statuspage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Statuspage documents go gzipped ({@link StatuspageApi#acceptsGzip}).
 */
class AcceptEncodingTest {

	@Test
	void gzipNamedOrCoveredByAnyWithAWeightAboveZero() {
		assertThat(StatuspageApi.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(StatuspageApi.acceptsGzip("GZIP")).isTrue();
		assertThat(StatuspageApi.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
		assertThat(StatuspageApi.acceptsGzip("*")).isTrue();
	}

	@Test
	void notWhenAbsentRefusedOrOtherwiseOnly() {
		assertThat(StatuspageApi.acceptsGzip(null)).isFalse();
		assertThat(StatuspageApi.acceptsGzip("")).isFalse();
		assertThat(StatuspageApi.acceptsGzip("deflate, br")).isFalse();
		assertThat(StatuspageApi.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(StatuspageApi.acceptsGzip("gzip;q=0.000, *")).as("a refusal by name outweighs *").isFalse();
		assertThat(StatuspageApi.acceptsGzip("*;q=0")).isFalse();
	}

}
