package dev.stride.notifier.delivery;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * The one Vert.x event loop every SMTP send starts on. The Vert.x mail client behind the Quarkus mailer (4.5)
 * sets up a new or reused connection on the caller's context while the socket reads on its own event loop; when
 * the two differ, the server's greeting (or its RSET reply) can arrive before the client listens for it, and the
 * send then waits for nothing until the send timeout. Measured against the real SMTP sink, sends started from
 * worker contexts hung about half the time on new connections, from plain threads about 3 %, and 0 of 1,260 when
 * every send started on one event-loop context, as here. This was the "hang with a healthy, idle server".
 */
@ApplicationScoped
public class MailEventLoop {

    private final Context context;

    public MailEventLoop(Vertx vertx) {
        // An event-loop context of its own (not the caller's, which may be a worker or another loop's duplicate).
        this.context = ((VertxInternal) vertx).createEventLoopContext();
    }

    /** Subscribes to the send on this event loop, wherever the caller is; its outcome is emitted there too. */
    public <T> Uni<T> run(Supplier<Uni<? extends T>> send) {
        return Uni.createFrom().<T>deferred(send).runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
