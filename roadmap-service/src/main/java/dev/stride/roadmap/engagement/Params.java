package dev.stride.roadmap.engagement;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import java.util.UUID;

/** Parameters of native SQL that may be null: typed, so PostgreSQL is told a uuid or text even when there is no value. */
final class Params {

    private Params() {
    }

    static TypedParameterValue<UUID> uuid(UUID value) {
        return new TypedParameterValue<>(StandardBasicTypes.UUID, value);
    }

    static TypedParameterValue<String> text(String value) {
        return new TypedParameterValue<>(StandardBasicTypes.STRING, value);
    }
}
