package io.incidenttimeline.command.eventstore;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded event store's cache under a stream of appends that does not stop: with
 * {@link BoundedTailReads} the events its producer read are released once trimmed from
 * the cache; with the engine as it is, the producer's endless read holds all of them.
 */
class BoundedTailReadsTest {

	private final Endless engine = new Endless();

	private EmbeddedEventStore store;

	private Thread follower;

	@AfterEach
	void shutDown() throws InterruptedException {
		this.engine.stop();
		if (this.follower != null) {
			this.follower.interrupt();
			this.follower.join(10_000);
		}
		if (this.store != null) {
			this.store.shutDown();
		}
	}

	@Test
	void aReadThatMayBlockEndsAfterTheLimitOthersDoNot() {
		BoundedTailReads bounded = new BoundedTailReads(new Endless(40), 25);

		assertThat(bounded.readEvents(null, true)).hasSize(25);
		assertThat(bounded.readEvents(null, false)).hasSize(40);
	}

	@Test
	void eventsTheProducerReadAreReleasedOnceTrimmedWhileAppendsGoOn() {
		this.store = store(new BoundedTailReads(this.engine, 5));

		WeakReference<?> first = readUntilTheEndlessReadBegins();

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			System.gc();
			return first.get() == null;
		});
		assertThat(this.engine.produced()).as("appends went on meanwhile").isGreaterThan(10);
	}

	@Test
	void withoutTheBoundTheProducersEndlessReadHoldsEverythingItRead() {
		this.store = store(this.engine);

		WeakReference<?> first = readUntilTheEndlessReadBegins();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.engine.produced() > 200);
		System.gc();

		assertThat(first.get()).as("the endless read's first event, trimmed from the cache long ago").isNotNull();
	}

	/**
	 * A cache of 3 events; readers behind it are dropped from it every 20 ms.
	 */
	private static EmbeddedEventStore store(EventStorageEngine engine) {
		return EmbeddedEventStore.builder()
			.storageEngine(engine)
			.cachedEvents(3)
			.cleanupDelay(20)
			.timeUnit(TimeUnit.MILLISECONDS)
			.build();
	}

	/**
	 * Starts a reader that follows the store closely (as the publisher's watcher does),
	 * which starts the producer and keeps it reading. Returns the first event of the
	 * producer's second read, the one that would never end.
	 */
	private WeakReference<?> readUntilTheEndlessReadBegins() {
		this.follower = new Thread(() -> {
			try (BlockingStream<TrackedEventMessage<?>> reader = this.store.openStream(null)) {
				while (!Thread.currentThread().isInterrupted()) {
					if (reader.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
						reader.nextAvailable();
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "follower");
		this.follower.setDaemon(true);
		this.follower.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.engine.endlessFirst.get() != null);
		return this.engine.endlessFirst.get();
	}

	/**
	 * Storage that keeps receiving events: a read that may block finds one event the
	 * first time, then (while appends go on) never comes to an empty batch; other reads
	 * find nothing, or {@code size} events when sized.
	 */
	private static final class Endless implements EventStorageEngine {

		private final int size;

		private final AtomicInteger reads = new AtomicInteger();

		private final AtomicInteger produced = new AtomicInteger();

		private final AtomicReference<WeakReference<TrackedEventMessage<?>>> endlessFirst = new AtomicReference<>();

		private volatile boolean stopped;

		Endless() {
			this(0);
		}

		Endless(int size) {
			this.size = size;
		}

		void stop() {
			this.stopped = true;
		}

		int produced() {
			return this.produced.get();
		}

		@Override
		public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
			if (this.size > 0) {
				return Stream.iterate(0, (i) -> i < this.size, (i) -> i + 1).map(Endless::event);
			}
			if (!mayBlock) {
				return Stream.empty();
			}
			if (this.reads.getAndIncrement() == 0) {
				return Stream.of(event(0));
			}
			return Stream.iterate(1, (i) -> !this.stopped, (i) -> i + 1).map((i) -> {
				pause();
				TrackedEventMessage<?> event = event(this.produced.incrementAndGet());
				if (this.endlessFirst.get() == null) {
					this.endlessFirst.set(new WeakReference<>(event));
				}
				return event;
			});
		}

		private static TrackedEventMessage<?> event(long index) {
			return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
					GenericEventMessage.asEventMessage("event " + index));
		}

		private static void pause() {
			try {
				Thread.sleep(2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void appendEvents(List<? extends EventMessage<?>> events) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void storeSnapshot(DomainEventMessage<?> snapshot) {
			throw new UnsupportedOperationException();
		}

		@Override
		public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
			return DomainEventStream.empty();
		}

		@Override
		public java.util.Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
			return java.util.Optional.empty();
		}

	}

}
