package dev.stride.contracts.retention;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionPassTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** A JDBC stand-in: each executeUpdate answers the next scripted count and records the statement and its cutoff. */
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<String> executed = new ArrayList<>();
    private final DataSource dataSource = proxy(DataSource.class, (method, args) -> switch (method) {
        case "getConnection" -> proxy(Connection.class, (m, a) -> switch (m) {
            case "prepareStatement" -> statement((String) a[0]);
            default -> null;
        });
        default -> null;
    });

    @Test
    void countsEachTableInOrderAgainstOneNow() {
        answers.addAll(List.of(2, 1, 0));
        Map<String, Long> counted = new LinkedHashMap<>();

        Map<String, Long> removed = new RetentionPass(RetentionPassTest.class, dataSource, NOW, 2, counted::put)
                .delete("processed_event", "processed_at < ?", Duration.ofDays(30))
                .delete("nudge", "due_at < ?", Duration.ofDays(400))
                .finish();

        assertThat(removed).containsExactly(Map.entry("processed_event", 3L), Map.entry("nudge", 0L));
        assertThat(counted).isEqualTo(removed);
        assertThat(executed).containsExactly(
                "processed_event " + NOW.minus(Duration.ofDays(30)), "processed_event " + NOW.minus(Duration.ofDays(30)),
                "nudge " + NOW.minus(Duration.ofDays(400)));
    }

    @Test
    void logsUnderTheJobsNameOnlyWhenSomethingWent() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RetentionPassTest.class.getName());
        logger.addHandler(handler);
        try {
            answers.add(0);
            new RetentionPass(RetentionPassTest.class, dataSource, NOW, 10, (table, rows) -> { }).delete("nudge", "due_at < ?", Duration.ZERO).finish();
            assertThat(records).isEmpty();

            answers.add(4);
            new RetentionPass(RetentionPassTest.class, dataSource, NOW, 10, (table, rows) -> { }).delete("nudge", "due_at < ?", Duration.ZERO).finish();
            assertThat(records).singleElement().satisfies(r -> assertThat(r.getParameters()).containsExactly(Map.of("nudge", 4L)));
        } finally {
            logger.removeHandler(handler);
        }
    }

    private PreparedStatement statement(String sql) {
        String table = sql.substring("DELETE FROM ".length(), sql.indexOf(' ', "DELETE FROM ".length()));
        Object[] cutoff = new Object[1];
        return proxy(PreparedStatement.class, (method, args) -> switch (method) {
            case "setObject" -> {
                cutoff[0] = args[1];
                yield null;
            }
            case "executeUpdate" -> {
                executed.add(table + " " + ((OffsetDateTime) cutoff[0]).toInstant());
                yield answers.removeFirst();
            }
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> method.getReturnType() == void.class && !method.getName().equals("setObject")
                        ? null : answer.answer(method.getName(), args)));
    }
}
