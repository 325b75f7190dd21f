package io.incidenttimeline.command.alerts.alertmanager;

import io.incidenttimeline.command.alerts.Credentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertmanagerPropertiesTest {

	/**
	 * Switched off, Alertmanager accepts nothing: not the word itself as a token, not the
	 * basic credentials beside it.
	 */
	@Test
	void aTokenOfDisabledSwitchesAlertmanagerOff() {
		AlertmanagerProperties off = new AlertmanagerProperties("disabled", "alertmanager", "a-password");

		assertThat(Credentials.bearer("Bearer disabled", off.bearerToken())).isFalse();
		assertThat(Credentials.basic("Basic YWxlcnRtYW5hZ2VyOmEtcGFzc3dvcmQ=", off.username(), off.password()))
			.isFalse();
	}

}
