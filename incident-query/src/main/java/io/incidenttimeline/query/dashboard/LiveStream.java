package io.incidenttimeline.query.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import io.incidenttimeline.events.EventEnvelope;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events to the dashboard pages: one {@code applied} event per committed
 * transaction, naming each incident it changed with its last sequence. Clients only hear
 * of committed data, and a rebuild that replays thousands of events sends one message
 * that says everything changed instead of thousands. Messages go out on a thread of their
 * own, in order, so a slow browser never holds up the Kafka consumer that committed them.
 */
@Component
class LiveStream {

	static final int MAX_LISTED = 100;

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private final ExecutorService sender = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "dashboard-live-stream");
		thread.setDaemon(true);
		return thread;
	});

	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(emitter::complete);
		emitter.onError((ex) -> this.emitters.remove(emitter));
		this.emitters.add(emitter);
		send(emitter, SseEmitter.event().name("hello").data(Map.of("incidents", List.of())));
		return emitter;
	}

	void changedAfterCommit(EventEnvelope event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			publishLater(Map.of(event.incidentId().value(), event.sequence()));
			return;
		}
		@SuppressWarnings("unchecked")
		Map<UUID, Long> changed = (Map<UUID, Long>) TransactionSynchronizationManager.getResource(this);
		if (changed == null) {
			Map<UUID, Long> collected = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(this, collected);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					publishLater(collected);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(LiveStream.this);
				}
			});
			changed = collected;
		}
		changed.put(event.incidentId().value(), event.sequence());
	}

	/**
	 * Ends every stream when the application shuts down: open streams are active requests
	 * that a graceful shutdown would otherwise wait out. Browsers reconnect on their own.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.sender.shutdownNow();
		for (SseEmitter emitter : new ArrayList<>(this.emitters)) {
			emitter.complete();
		}
		this.emitters.clear();
	}

	private void publishLater(Map<UUID, Long> changed) {
		try {
			this.sender.execute(() -> publish(changed));
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the streams are being closed anyway
		}
	}

	private void publish(Map<UUID, Long> changed) {
		Applied applied = (changed.size() > MAX_LISTED) ? new Applied(true, List.of()) : new Applied(false,
				changed.entrySet().stream().map((e) -> new Change(e.getKey(), e.getValue())).toList());
		for (SseEmitter emitter : new ArrayList<>(this.emitters)) {
			send(emitter, SseEmitter.event().name("applied").data(applied, MediaType.APPLICATION_JSON));
		}
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			this.emitters.remove(emitter);
		}
	}

	/**
	 * {@code everything} is true when too many incidents changed to list them.
	 */
	record Applied(boolean everything, List<Change> incidents) {
	}

	record Change(UUID incidentId, long sequence) {
	}

}
