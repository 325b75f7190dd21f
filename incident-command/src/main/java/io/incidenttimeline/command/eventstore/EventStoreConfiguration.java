package io.incidenttimeline.command.eventstore;

import java.time.Clock;
import java.time.Duration;

import io.incidenttimeline.events.IncidentEventCodec;
import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC event store on the tables of {@code V1__incident_command.sql}, in Spring's
 * transactions, with payloads written as the wire format writes them.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

	/**
	 * UTC, ticking in microseconds: what PostgreSQL keeps, so every timestamp we hand out
	 * reads back equal.
	 */
	static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));

	static {
		GenericEventMessage.clock = CLOCK;
	}

	@Bean
	Clock clock() {
		return CLOCK;
	}

	/**
	 * Axon's own transaction auto-configuration does not match on Boot 4 and would
	 * silently fall back to autocommit.
	 */
	@Bean
	TransactionManager axonTransactionManager(PlatformTransactionManager platformTransactionManager) {
		return new SpringTransactionManager(platformTransactionManager);
	}

	/**
	 * Axon's JDBC auto-configuration would build this, but it waits for a DataSource it
	 * is ordered before on Boot 4 (it names Boot 3's DataSource auto-configuration), so
	 * it never matches. Built here as Axon builds it.
	 */
	@Bean
	ConnectionProvider connectionProvider(DataSource dataSource) {
		return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
	}

	/**
	 * Events the embedded event store keeps for its tailing readers (Axon's default), and
	 * the most its producer reads in one go ({@link BoundedTailReads}).
	 */
	static final int CACHED_EVENTS = 10_000;

	/**
	 * Axon's embedded event store is built on this engine; its producer's reads end after
	 * {@link #CACHED_EVENTS} events, so a long stream of appends cannot fill the heap.
	 */
	@Bean
	EventStorageEngine eventStorageEngine(Serializer serializer,
			@Qualifier("eventSerializer") Serializer eventSerializer, org.axonframework.config.Configuration axon,
			ConnectionProvider connectionProvider, TransactionManager transactionManager, EventSchema eventSchema) {
		return new BoundedTailReads(JdbcEventStorageEngine.builder()
			.snapshotSerializer(serializer)
			.upcasterChain(axon.upcasterChain())
			.persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
			.eventSerializer(eventSerializer)
			.snapshotFilter(axon.snapshotFilter())
			.connectionProvider(connectionProvider)
			.transactionManager(transactionManager)
			.schema(eventSchema)
			.build(), CACHED_EVENTS);
	}

	@Bean
	TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema) {
		return JdbcTokenStore.builder()
			.connectionProvider(connectionProvider)
			.schema(tokenSchema)
			.serializer(serializer)
			.build();
	}

	@Bean
	EventSchema eventSchema() {
		return EventSchema.builder()
			.eventTable("domain_event_entry")
			.snapshotTable("snapshot_event_entry")
			.globalIndexColumn("global_index")
			.timestampColumn("time_stamp")
			.eventIdentifierColumn("event_identifier")
			.aggregateIdentifierColumn("aggregate_identifier")
			.sequenceNumberColumn("sequence_number")
			.typeColumn("type")
			.payloadTypeColumn("payload_type")
			.payloadRevisionColumn("payload_revision")
			.payloadColumn("payload")
			.metaDataColumn("meta_data")
			.build();
	}

	@Bean
	TokenSchema tokenSchema() {
		return TokenSchema.builder()
			.setTokenTable("token_entry")
			.setProcessorNameColumn("processor_name")
			.setSegmentColumn("segment")
			.setTokenColumn("token")
			.setTokenTypeColumn("token_type")
			.setTimestampColumn("timestamp")
			.setOwnerColumn("owner")
			.build();
	}

	// Jackson 2 throughout: Axon 4 has no Jackson 3 serializer we can trust with tokens.
	// Each serializer gets its own mapper because JacksonSerializer registers modules on
	// it.

	@Bean
	@Primary
	Serializer serializer() {
		return jackson();
	}

	/**
	 * Stores each event's schema version as its payload revision.
	 */
	@Bean
	@Qualifier("eventSerializer")
	Serializer eventSerializer() {
		return JacksonSerializer.builder()
			.objectMapper(IncidentEventCodec.newObjectMapper())
			.revisionResolver(new EventTypeRevisions())
			.build();
	}

	/**
	 * Axon registers every upcaster bean in the chain the storage engine reads through,
	 * in the order of their {@code @Order}: v1 to v2, then v2 to v3.
	 */
	@Bean
	IncidentDeclaredV1Upcaster incidentDeclaredV1Upcaster() {
		return new IncidentDeclaredV1Upcaster();
	}

	@Bean
	IncidentDeclaredV2Upcaster incidentDeclaredV2Upcaster() {
		return new IncidentDeclaredV2Upcaster();
	}

	@Bean
	@Qualifier("messageSerializer")
	Serializer messageSerializer() {
		return jackson();
	}

	private static Serializer jackson() {
		return JacksonSerializer.builder().objectMapper(IncidentEventCodec.newObjectMapper()).build();
	}

}
