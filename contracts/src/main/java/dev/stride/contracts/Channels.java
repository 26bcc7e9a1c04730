package dev.stride.contracts;

/**
 * SmallRye Reactive Messaging channel names: the topic's name plus the direction. Each service
 * maps its channels to {@link Topics} in its application.properties.
 */
public final class Channels {

    public static final String ROADMAP_EVENTS_OUT = "roadmap-events-out";
    public static final String ROADMAP_EVENTS_IN = "roadmap-events-in";
    public static final String SUBSCRIPTION_EVENTS_OUT = "subscription-events-out";
    public static final String SUBSCRIPTION_EVENTS_IN = "subscription-events-in";
    public static final String NUDGE_EVENTS_OUT = "nudge-events-out";
    public static final String NUDGE_EVENTS_IN = "nudge-events-in";
    public static final String DELIVERY_EVENTS_OUT = "delivery-events-out";
    public static final String DELIVERY_EVENTS_IN = "delivery-events-in";

    private Channels() {
    }
}
