package dev.stride.contracts.logging;

import dev.stride.contracts.event.EmailKind;
import dev.stride.contracts.event.EventEnvelope;
import org.jboss.logging.MDC;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ids of the event or nudge being handled, in the logging MDC for as long as it is open, so that every line logged
 * meanwhile (ours, Hibernate's, Kafka's) carries them: as JSON fields in containers, at the end of a human-readable line.
 * Ids only, never an address or a name. Closing puts back what was there before, so contexts nest (a consumer's event
 * around the sender's nudge). Opening one is a few map puts.
 *
 * <pre>try (LogContext context = LogContext.event(envelope)) { ... }</pre>
 */
public final class LogContext implements AutoCloseable {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String SUBSCRIPTION_ID = "subscriptionId";
    public static final String NUDGE_ID = "nudgeId";
    public static final String EMAIL_ID = "emailId";

    /** The payload's {@code subscriptionId} and {@code nudgeId} components, where its record has them (looked up once per type). */
    private static final ClassValue<List<Id>> IDS = new ClassValue<>() {
        @Override
        protected List<Id> computeValue(Class<?> type) {
            return ids(type);
        }
    };

    private final String[] keys;
    private final Object[] previous;

    private LogContext(String[] keys, Object[] values) {
        this.keys = keys;
        this.previous = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (values[i] == null) {
                keys[i] = null;
            } else {
                previous[i] = MDC.put(keys[i], values[i].toString());
            }
        }
    }

    /** An event: its id and type, and the subscription and nudge its payload names (a record component of that name). */
    public static LogContext event(EventEnvelope<?> envelope) {
        List<Id> ids = IDS.get(envelope.data().getClass());
        String[] keys = new String[2 + ids.size()];
        Object[] values = new Object[keys.length];
        keys[0] = EVENT_ID;
        values[0] = envelope.eventId();
        keys[1] = EVENT_TYPE;
        values[1] = envelope.type();
        for (int i = 0; i < ids.size(); i++) {
            keys[2 + i] = ids.get(i).key();
            values[2 + i] = ids.get(i).of(envelope.data());
        }
        return new LogContext(keys, values);
    }

    /** An event known by its id and type only (a row of an outbox, before it is decoded). */
    public static LogContext event(UUID eventId, String type) {
        return new LogContext(new String[]{EVENT_ID, EVENT_TYPE}, new Object[]{eventId, type});
    }

    /** One nudge or email of a subscription (either may be null: then that key is left as it is). */
    public static LogContext nudge(UUID subscriptionId, UUID nudgeId) {
        return new LogContext(new String[]{SUBSCRIPTION_ID, NUDGE_ID}, new Object[]{subscriptionId, nudgeId});
    }

    /**
     * One email of the notifier's ledger: its id, which is the nudge id of a nudge, and its subscription (a sign-in or
     * address-change email is the learner's, not a subscription's: no subscription id then).
     */
    public static LogContext email(EmailKind kind, UUID emailId, UUID subscriptionId) {
        boolean learners = kind == EmailKind.SIGN_IN || kind == EmailKind.ADDRESS_CHANGE;
        return new LogContext(new String[]{EMAIL_ID, NUDGE_ID, SUBSCRIPTION_ID},
                new Object[]{emailId, kind == EmailKind.NUDGE ? emailId : null, learners ? null : subscriptionId});
    }

    /** A subscription, outside of any event (a scheduled pass over rows). */
    public static LogContext subscription(UUID subscriptionId) {
        return new LogContext(new String[]{SUBSCRIPTION_ID}, new Object[]{subscriptionId});
    }

    @Override
    public void close() {
        for (int i = keys.length - 1; i >= 0; i--) {
            if (keys[i] == null) {
                continue;
            }
            if (previous[i] == null) {
                MDC.remove(keys[i]);
            } else {
                MDC.put(keys[i], previous[i]);
            }
        }
    }

    private record Id(String key, MethodHandle accessor) {
        Object of(Object data) {
            try {
                return accessor.invoke(data);
            } catch (Throwable e) {
                return null;
            }
        }
    }

    private static List<Id> ids(Class<?> type) {
        List<Id> ids = new ArrayList<>(2);
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return ids;
        }
        for (RecordComponent component : components) {
            String name = component.getName();
            if ((name.equals(SUBSCRIPTION_ID) || name.equals(NUDGE_ID)) && component.getType() == UUID.class) {
                try {
                    ids.add(new Id(name, MethodHandles.publicLookup().unreflect(component.getAccessor())));
                } catch (IllegalAccessException e) {
                    // Not a public record: its ids stay out of the context.
                }
            }
        }
        return List.copyOf(ids);
    }
}
