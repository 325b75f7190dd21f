package io.incidenttimeline.command.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the publisher reads it, with word of new events.
 * <p>
 * Axon's pooled streaming processor asks its stream to say when events become available
 * ({@link BlockingStream#setOnAvailableCallback}); the embedded event store's streams
 * cannot, so the processor's coordinator looks again every 500 ms, and an event waited on
 * average 250 ms before it went to Kafka. Here one watcher thread tails the store from
 * its head and, the moment the store has fetched new events, wakes every coordinator
 * reading through this source; it also wakes them at least every {@code heartbeat} when
 * nothing arrives, so a coordinator never waits longer than it did before. While events
 * keep arriving it wakes them at most once per {@code gap}: woken for every event, the
 * publisher sent each in a batch of its own, and an alert storm took longer to publish
 * than with Axon's polling. The watcher runs while at least one stream is open.
 * <p>
 * Nothing about what the publisher reads changes: the streams are the store's own, and
 * the watcher's stream is used only to learn that the store's cache moved.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

	private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);

	private final StreamableMessageSource<TrackedEventMessage<?>> events;

	private final Duration heartbeat;

	private final Duration gap;

	private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

	private Thread watcher;

	PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration heartbeat) {
		this(events, heartbeat, Duration.ZERO);
	}

	/**
	 * @param heartbeat the longest a reader goes without being woken
	 * @param gap the shortest time between two wakes for arrivals
	 */
	PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration heartbeat, Duration gap) {
		this.events = events;
		this.heartbeat = heartbeat;
		this.gap = gap;
	}

	@Override
	public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
		return new PromptStream(this.events.openStream(trackingToken));
	}

	@Override
	public TrackingToken createTailToken() {
		return this.events.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return this.events.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return this.events.createTokenAt(dateTime);
	}

	@Override
	public TrackingToken createTokenSince(Duration duration) {
		return this.events.createTokenSince(duration);
	}

	/**
	 * Whether a watcher is running (for tests).
	 */
	synchronized boolean watching() {
		return this.watcher != null && this.watcher.isAlive();
	}

	private synchronized void listen(Runnable callback) {
		this.callbacks.add(callback);
		// a watcher killed by an Error is replaced by the next reader that asks
		if (this.watcher == null || !this.watcher.isAlive()) {
			TrackingToken head = this.events.createHeadToken();
			this.watcher = new Thread(() -> watch(head), "kafka-publisher-arrivals");
			this.watcher.setDaemon(true);
			this.watcher.setUncaughtExceptionHandler((thread, error) -> log.error(
					"The publisher's watcher of new events stopped; the next reader to open a stream starts another",
					error));
			this.watcher.start();
		}
	}

	private synchronized void stopListening(Runnable callback) {
		if (this.callbacks.remove(callback) && this.callbacks.isEmpty() && this.watcher != null) {
			this.watcher.interrupt();
			this.watcher = null;
		}
	}

	private synchronized boolean stillWanted() {
		return this.watcher == Thread.currentThread() && !Thread.currentThread().isInterrupted();
	}

	/**
	 * Tails the store from the head it had when the first reader asked to be woken, so
	 * nothing stored after that goes unannounced.
	 */
	private void watch(TrackingToken head) {
		long heartbeatMillis = this.heartbeat.toMillis();
		long gapNanos = this.gap.toNanos();
		long lastWake = System.nanoTime() - gapNanos;
		TrackingToken seen = head;
		while (stillWanted()) {
			try (BlockingStream<TrackedEventMessage<?>> tail = this.events.openStream(seen)) {
				while (stillWanted()) {
					if (tail.hasNextAvailable((int) heartbeatMillis, TimeUnit.MILLISECONDS)) {
						long early = gapNanos - (System.nanoTime() - lastWake);
						if (early > 0) {
							TimeUnit.NANOSECONDS.sleep(early);
						}
						while (tail.hasNextAvailable()) {
							seen = tail.nextAvailable().trackingToken();
						}
					}
					wakeAll();
					lastWake = System.nanoTime();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				log.debug("Watching the event store for new events failed; polling until it works again", ex);
				wakeAll();
				try {
					Thread.sleep(heartbeatMillis);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	private void wakeAll() {
		for (Runnable callback : this.callbacks) {
			try {
				callback.run();
			}
			catch (RuntimeException ex) {
				log.warn("Waking a reader of the event store failed", ex);
			}
		}
	}

	/**
	 * One of the store's streams, able to say when events become available.
	 */
	private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

		private final BlockingStream<TrackedEventMessage<?>> stream;

		private volatile Runnable callback;

		PromptStream(BlockingStream<TrackedEventMessage<?>> stream) {
			this.stream = stream;
		}

		@Override
		public Optional<TrackedEventMessage<?>> peek() {
			return this.stream.peek();
		}

		@Override
		public boolean hasNextAvailable() {
			return this.stream.hasNextAvailable();
		}

		@Override
		public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
			return this.stream.hasNextAvailable(timeout, unit);
		}

		@Override
		public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
			return this.stream.nextAvailable();
		}

		@Override
		public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
			this.stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
		}

		@Override
		public boolean setOnAvailableCallback(Runnable callback) {
			Runnable previous = this.callback;
			if (previous != null) {
				stopListening(previous);
			}
			this.callback = callback;
			listen(callback);
			return true;
		}

		@Override
		public void close() {
			Runnable current = this.callback;
			if (current != null) {
				stopListening(current);
			}
			this.stream.close();
		}

	}

}
