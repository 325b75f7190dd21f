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

import io.incidenttimeline.query.consuming.EventsApplied;
import io.incidenttimeline.query.consuming.ProjectionRebuilt;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events to the dashboard pages: one {@code applied} event per committed
 * consumer transaction ({@link EventsApplied}), naming each incident it changed with its
 * last sequence, whichever instance's consumer applied it: {@link LiveFanOut} carries
 * each message through PostgreSQL to every instance, which calls {@link #publishLater}.
 * Clients only hear of committed data, and a rebuild that replays thousands of events
 * ({@link ProjectionRebuilt}) sends one message that says everything changed instead of
 * thousands. Messages go out on a thread of their own, in order, so a slow browser never
 * holds up the Kafka consumer that committed them.
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

	/**
	 * Each incident the transaction changed, with its last sequence (at most
	 * {@link #MAX_LISTED}, or else "everything").
	 */
	static Applied of(EventsApplied applied) {
		Map<UUID, Long> changed = new LinkedHashMap<>();
		applied.events().forEach((event) -> changed.put(event.incidentId().value(), event.sequence()));
		return (changed.size() > MAX_LISTED) ? Applied.EVERYTHING : new Applied(false,
				changed.entrySet().stream().map((entry) -> new Change(entry.getKey(), entry.getValue())).toList());
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

	void publishLater(Applied applied) {
		try {
			this.sender.execute(() -> publish(applied));
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the streams are being closed anyway
		}
	}

	private void publish(Applied applied) {
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

		static final Applied EVERYTHING = new Applied(true, List.of());

	}

	record Change(UUID incidentId, long sequence) {
	}

}
