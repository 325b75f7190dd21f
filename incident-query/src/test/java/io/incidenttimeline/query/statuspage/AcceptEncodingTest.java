package io.incidenttimeline.query.statuspage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Statuspage documents go gzipped ({@link KeptDocuments#acceptsGzip}).
 */
class AcceptEncodingTest {

	@Test
	void gzipNamedOrCoveredByAnyWithAWeightAboveZero() {
		assertThat(KeptDocuments.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(KeptDocuments.acceptsGzip("GZIP")).isTrue();
		assertThat(KeptDocuments.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
		assertThat(KeptDocuments.acceptsGzip("*")).isTrue();
	}

	@Test
	void notWhenAbsentRefusedOrOtherwiseOnly() {
		assertThat(KeptDocuments.acceptsGzip(null)).isFalse();
		assertThat(KeptDocuments.acceptsGzip("")).isFalse();
		assertThat(KeptDocuments.acceptsGzip("deflate, br")).isFalse();
		assertThat(KeptDocuments.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(KeptDocuments.acceptsGzip("gzip;q=0.000, *")).as("a refusal by name outweighs *").isFalse();
		assertThat(KeptDocuments.acceptsGzip("*;q=0")).isFalse();
	}

}
