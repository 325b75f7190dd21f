package io.incidenttimeline.identity;

import java.util.Map;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The sample people as in-memory users. Every password equals the username: these are
 * public sample values for the local run and tests.
 */
final class SamplePeople {

	private SamplePeople() {
	}

	static InMemoryUserDetailsManager users(Map<String, IdentityProperties.Person> people) {
		return new InMemoryUserDetailsManager(people.entrySet()
			.stream()
			.map((entry) -> User.withUsername(entry.getKey())
				.password("{noop}" + entry.getKey())
				.roles(entry.getValue().roles().toArray(String[]::new))
				.build())
			.toList());
	}

}
