package io.incidenttimeline.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * The query service running on a random port against the test PostgreSQL and Kafka, with
 * what only this test class uses: its own database, topic, dead-letter topic and consumer
 * group, all named after the class ({@code StatusPageIT}: database
 * {@code status_page_it}, topic {@code status-page-it-events}; see
 * {@link QueryService#properties}). The test can autowire an {@link EventsTopic} that
 * writes to its topic and a {@link QueryApi} that calls the service, and waits with
 * {@link QueryService#eventually()}. Anything else special goes beside it
 * ({@code @TestPropertySource}, a nested {@code @TestConfiguration}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(QueryService.Infrastructure.class)
public @interface RunningQueryService {

}
