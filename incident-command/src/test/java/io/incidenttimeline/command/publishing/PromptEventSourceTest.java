package io.incidenttimeline.command.publishing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Word of new events, on Axon's embedded event store (the store the publisher reads).
 */
class PromptEventSourceTest {

	private final EmbeddedEventStore store = EmbeddedEventStore.builder()
		.storageEngine(new InMemoryEventStorageEngine())
		.build();

	@AfterEach
	void shutDown() {
		this.store.shutDown();
	}

	@Test
	void wakesAReaderAsSoonAsAnEventIsStoredNotAtTheNextLook() throws Exception {
		PromptEventSource source = new PromptEventSource(this.store, Duration.ofHours(1));
		AtomicInteger wakes = new AtomicInteger();
		try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
			assertThat(stream.setOnAvailableCallback(wakes::incrementAndGet)).isTrue();
			await().until(source::watching);
			assertThat(stream.hasNextAvailable()).isFalse();

			this.store.publish(GenericEventMessage.asEventMessage("first"));

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(wakes).hasPositiveValue());
			assertThat(stream.hasNextAvailable()).as("the woken reader finds the event").isTrue();
			assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
		}
	}

	@Test
	void whileEventsKeepArrivingWakesAReaderAtMostOncePerGap() throws Exception {
		PromptEventSource source = new PromptEventSource(this.store, Duration.ofHours(1), Duration.ofMillis(200));
		AtomicInteger wakes = new AtomicInteger();
		try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
			stream.setOnAvailableCallback(wakes::incrementAndGet);
			await().until(source::watching);
			long start = System.nanoTime();

			for (int i = 0; i < 40; i++) {
				this.store.publish(GenericEventMessage.asEventMessage("event " + i));
				Thread.sleep(10);
			}
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(wakes).hasPositiveValue());
			Thread.sleep(300);

			long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			assertThat(wakes.get()).as("wakes in %d ms of arrivals every 10 ms", elapsedMillis)
				.isBetween(1, (int) (elapsedMillis / 200) + 1);
			int read = 0;
			while (stream.hasNextAvailable()) {
				stream.nextAvailable();
				read++;
			}
			assertThat(read).as("every event still there to read").isEqualTo(40);
		}
	}

	@Test
	void wakesAReaderEveryHeartbeatWhenNothingArrives() throws Exception {
		PromptEventSource source = new PromptEventSource(this.store, Duration.ofMillis(20));
		AtomicInteger wakes = new AtomicInteger();
		try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
			stream.setOnAvailableCallback(wakes::incrementAndGet);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(wakes).hasValueGreaterThan(3));
		}
	}

	@Test
	void theWatcherStopsWithTheLastStreamAndStartsAgainWithTheNext() throws Exception {
		PromptEventSource source = new PromptEventSource(this.store, Duration.ofHours(1));
		BlockingStream<TrackedEventMessage<?>> first = source.openStream(null);
		BlockingStream<TrackedEventMessage<?>> second = source.openStream(null);
		first.setOnAvailableCallback(() -> {
		});
		second.setOnAvailableCallback(() -> {
		});
		await().until(source::watching);

		first.close();
		assertThat(source.watching()).as("one stream is still open").isTrue();
		second.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> !source.watching());

		AtomicInteger wakes = new AtomicInteger();
		try (BlockingStream<TrackedEventMessage<?>> third = source.openStream(null)) {
			third.setOnAvailableCallback(wakes::incrementAndGet);
			await().until(source::watching);
			this.store.publish(GenericEventMessage.asEventMessage("after a restart"));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(wakes).hasPositiveValue());
		}
	}

	@Test
	void aWatcherKilledByAnErrorIsReplacedWhenTheNextReaderAsks() throws Exception {
		AtomicInteger watcherOpens = new AtomicInteger();
		StreamableMessageSource<TrackedEventMessage<?>> failingOnce = new StreamableMessageSource<>() {

			@Override
			public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
				if (Thread.currentThread().getName().equals("kafka-publisher-arrivals")
						&& watcherOpens.incrementAndGet() == 1) {
					throw new StackOverflowError("the watcher's first stream");
				}
				return PromptEventSourceTest.this.store.openStream(token);
			}

			@Override
			public TrackingToken createHeadToken() {
				return PromptEventSourceTest.this.store.createHeadToken();
			}

		};
		PromptEventSource source = new PromptEventSource(failingOnce, Duration.ofHours(1));
		BlockingStream<TrackedEventMessage<?>> first = source.openStream(null);
		first.setOnAvailableCallback(() -> {
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> watcherOpens.get() == 1 && !source.watching());

		AtomicInteger wakes = new AtomicInteger();
		try (BlockingStream<TrackedEventMessage<?>> second = source.openStream(null)) {
			second.setOnAvailableCallback(wakes::incrementAndGet);
			await().until(source::watching);
			this.store.publish(GenericEventMessage.asEventMessage("after the error"));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(wakes).hasPositiveValue());
		}
		finally {
			first.close();
		}
	}

	@Test
	void tokensAreTheStoresOwn() {
		this.store.publish(GenericEventMessage.asEventMessage("one"));
		PromptEventSource source = new PromptEventSource(this.store, Duration.ofMillis(500));

		assertThat(source.createHeadToken()).isEqualTo(this.store.createHeadToken());
		assertThat(source.createTailToken()).isEqualTo(this.store.createTailToken());
	}

}
